// The spec path in-process (issue 14): parse + check of the bench's spec
// (spec-fixtures.mjs) at each size, with the built code (dist/), each size in
// a fresh child process (its own heap; peak RSS from the kernel). Phases:
// read (the files), parse (YAML, structure and meaning checks: loadSpec),
// fragments (every SQL fragment parsed: checkSpecFragments); and the warm
// path's own work (hash the files, read the expected-model cache entry).
//
//   npm run build && node bench/spec-bench.mjs 1000 2000 [10000]
//   SPEC_BENCH_DIST=/path/to/other/dist node bench/spec-bench.mjs 1000 2000
//
// Prints one line per size and the ratio time(largest)/time(smallest) over
// the ratio of sizes (1.0 = linear).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureFixtures, fixturePaths } from './spec-fixtures.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// SPEC_BENCH_DIST=<other checkout>/dist: the same measure of another build (before/after).
const DIST = process.env.SPEC_BENCH_DIST ?? path.join(here, '..', 'dist');

async function child(tables) {
  const mod = (p) => import(pathToFileURL(path.join(DIST, p)).href);
  const { loadSpec, checkSpecFragments, readSpecSources, specSha256 } = await mod('spec-file/load-spec.js');
  const { spec } = fixturePaths(tables);
  // Far above the spec's size: the limits are not what is measured.
  const limits = { maxBytes: 1 << 30, maxNodes: 1e9 };
  const t0 = performance.now();
  const sources = readSpecSources(spec, limits);
  specSha256(sources);
  const t1 = performance.now();
  const loaded = loadSpec(spec, limits);
  const t2 = performance.now();
  await checkSpecFragments(loaded);
  const t3 = performance.now();
  const ms = (a, b) => Math.round(b - a);
  return { tables, hashMs: ms(t0, t1), parseMs: ms(t1, t2), fragmentsMs: ms(t2, t3), totalMs: ms(t1, t3), rssMb: Math.round(process.resourceUsage().maxRSS / 1024), tablesInSpec: loaded.tables.size };
}

if (process.argv[2] === '--child') {
  process.stdout.write(`${JSON.stringify(await child(Number(process.argv[3])))}\n`);
} else {
  const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
  if (sizes.length === 0) sizes.push(1000, 2000);
  await ensureFixtures(sizes);
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const results = [];
  for (const n of sizes) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out);
    results.push(r);
    console.log(
      `${String(n).padStart(6)} tables: parse+check ${(r.totalMs / 1000).toFixed(2)} s (parse ${(r.parseMs / 1000).toFixed(2)} s, fragments ${(r.fragmentsMs / 1000).toFixed(2)} s), read+hash ${r.hashMs} ms, peak RSS ${r.rssMb} MB`,
    );
  }
  if (results.length > 1) {
    const a = results[0];
    const b = results[results.length - 1];
    const linearity = b.totalMs / a.totalMs / (b.tables / a.tables);
    console.log(`time ×${(b.totalMs / a.totalMs).toFixed(2)} for ×${b.tables / a.tables} tables: linearity ${linearity.toFixed(2)} (1.00 = linear)`);
  }
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}
