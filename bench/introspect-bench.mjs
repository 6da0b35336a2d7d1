// Introspection benchmark: `npm run bench`.
//
// Starts an embedded PostgreSQL (PG_MAJOR, default 17), generates a synthetic
// schema per size (BENCH_SIZES, default 1000,10000) in its own database, then
// measures readLiveSchema() (3 runs, each in a fresh child node process)
// against the raw catalog floor (bench/catalog-floor.sql through psql, 3
// runs), then every user path through the CLI (paths-bench.mjs: snapshot
// formats, audit against a URL, a spec and a .sql file cold and warm, psql's
// own load of the DDL), prints a table per size, checks the targets and
// writes bench/results/latest.json. Exits 0 whatever the targets say.
// Arguments: --quick (1,000 tables only), --no-paths (introspection only).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { countObjects, generateSchema } from './generate-schema.mjs';
import { measurePaths, printPaths, summarisePaths } from './paths-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// Measure a snapshot of dist/ taken right after `npm run build`: other people
// rebuild dist/ while we run, and a child importing a half-written file would
// fail or measure different code. The snapshot lives under bench/ so that
// node_modules still resolves; it is removed on exit.
// dist/ goes to .dist-PID/dist with package.json beside it, as in the package.
const SNAPSHOT = path.join(here, `.dist-${process.pid}`);
const DIST = path.join(SNAPSHOT, 'dist');
if (!existsSync(path.join(here, '..', 'dist', 'introspect', 'read-live-schema.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does)');
  process.exit(2);
}
for (const name of readdirSync(here)) {
  // Snapshots left by a run that was killed (SIGKILL skips exit handlers).
  const pid = /^\.dist-(\d+)$/.exec(name)?.[1];
  if (pid && !isAlive(Number(pid))) rmSync(path.join(here, name), { recursive: true, force: true });
}
cpSync(path.join(here, '..', 'dist'), DIST, { recursive: true });
cpSync(path.join(here, '..', 'package.json'), path.join(SNAPSHOT, 'package.json'));
const PATHS_TMP = path.join(os.tmpdir(), `schema-audit-bench-${process.pid}`);
const removeSnapshot = () => {
  rmSync(SNAPSHOT, { recursive: true, force: true });
  if (!process.env.BENCH_KEEP_FILES) rmSync(PATHS_TMP, { recursive: true, force: true });
};
process.on('exit', removeSnapshot);
const { parseMajor } = await import(pathToFileURL(path.join(DIST, 'server', 'binaries.js')).href);
const { startEmbeddedServer } = await import(pathToFileURL(path.join(DIST, 'server', 'embedded.js')).href);
const RUNS = 3;
const PSQL = process.env.PSQL ?? '/usr/bin/psql';
const FLOOR_SQL = path.join(here, 'catalog-floor.sql');
const MEASURE = path.join(here, 'measure-introspect.mjs');
const RESULTS = path.join(here, 'results', 'latest.json');
const TARGETS = { ratio: 1.5, rssMb: 400, linearity: 1.5, atTables: 10_000 };

const major = parseMajor(process.env.PG_MAJOR);
// --quick: 1,000 tables only; --no-paths: introspection only (the user paths are paths-bench.mjs).
const args = process.argv.slice(2);
const withPaths = !args.includes('--no-paths');
const sizes = (process.env.BENCH_SIZES ?? (args.includes('--quick') ? '1000' : '1000,10000'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
if (sizes.length === 0) {
  console.error('BENCH_SIZES must list positive integers, e.g. BENCH_SIZES=200,1000');
  process.exit(2);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

// ---------------------------------------------------------------- lifetime
let server;
const children = new Set();
let interrupted = false;
async function shutdown() {
  for (const child of children) {
    try {
      if (child.killTree) child.killTree();
      else child.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
  if (server) await server.stop().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the embedded server…`);
    void shutdown().finally(() => process.exit(130));
  });
}

/** Spawn, collect output, time from spawn to exit. */
function runTimed(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => {
      children.delete(child);
      reject(err);
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      children.delete(child);
      if (code === 0) resolve({ ms, stdout, stderr });
      else reject(new Error(`${path.basename(cmd)} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`}): ${(stderr || stdout).trim().slice(-1500)}`));
    });
  });
}

async function measureIntrospection(url) {
  const { stdout } = await runTimed(process.execPath, ['--expose-gc', MEASURE, url], { env: { ...process.env, BENCH_DIST: DIST } });
  return JSON.parse(stdout.trim().split('\n').pop());
}

/**
 * The floor as the server runs it by default (parallel workers allowed), or
 * with `serial` set, with max_parallel_workers_per_gather=0: informational,
 * for queries whose per-row subqueries keep them out of parallel plans.
 */
async function measureFloor(url, { serial = false } = {}) {
  const env = { ...process.env, PGAPPNAME: 'schema-audit-floor', PGCONNECT_TIMEOUT: '10' };
  if (serial) env.PGOPTIONS = `${process.env.PGOPTIONS ?? ''} -c max_parallel_workers_per_gather=0`.trim();
  const { ms } = await runTimed(PSQL, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-o', '/dev/null', '-f', FLOOR_SQL, url], { env });
  return ms;
}

/** Which code was measured: src/ is often mid-edit, so say so. */
function gitState() {
  try {
    const opts = { cwd: path.join(here, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] };
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], opts).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], opts).split('\n').filter(Boolean).length;
    return { commit, uncommittedSrcFiles: dirty };
  } catch {
    return null;
  }
}

const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
const r3 = (x) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);
const urlFor = (base, db) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};
const log = (msg) => process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------- run
async function main() {
  const havePsql = existsSync(PSQL);
  if (!havePsql) {
    console.log(`psql not found at ${PSQL} (Debian: apt-get install postgresql-client, or set PSQL=/path/to/psql): skipping the catalog floor.`);
  }
  const loadStart = loadavg();
  log(`starting embedded PostgreSQL ${major}…`);
  server = await startEmbeddedServer({ major });
  const admin = new pg.Client({ connectionString: server.url });
  admin.on('error', () => undefined); // the server going away on Ctrl-C must not crash us
  await admin.connect();
  const pgVersion = (await admin.query('show server_version')).rows[0].server_version;
  log(`PostgreSQL ${pgVersion} on port ${server.port}; sizes ${sizes.join(', ')}`);

  const results = [];
  try {
    for (const size of sizes) {
      if (interrupted) return;
      const db = `bench_t${size}`;
      await admin.query(`drop database if exists ${db}`);
      await admin.query(`create database ${db}`);
      const url = urlFor(server.url, db);

      const gen = new pg.Client({ connectionString: url });
      gen.on('error', () => undefined);
      await gen.connect();
      const g0 = performance.now();
      let lastLog = 0;
      let counts;
      let generateMs;
      try {
        await generateSchema(gen, size, (done) => {
          if (performance.now() - lastLog > 5000 || done === size) {
            lastLog = performance.now();
            log(`  ${db}: ${done}/${size} tables (${((performance.now() - g0) / 1000).toFixed(1)} s)`);
          }
        });
        generateMs = performance.now() - g0;
        counts = await countObjects(gen);
      } finally {
        await gen.end().catch(() => undefined);
      }
      log(`  ${db}: generated in ${(generateMs / 1000).toFixed(1)} s; ${JSON.stringify(counts)}`);

      // One warm-up of each (shared buffers), then interleaved measured runs.
      log(`  ${db}: warm-up`);
      await measureIntrospection(url);
      if (havePsql) await measureFloor(url);
      const intro = [];
      const floor = [];
      const floorSerial = [];
      for (let run = 1; run <= RUNS; run++) {
        if (interrupted) return;
        const m = await measureIntrospection(url);
        intro.push(m);
        let f = null;
        let fs = null;
        if (havePsql) {
          floor.push((f = await measureFloor(url)));
          floorSerial.push((fs = await measureFloor(url, { serial: true })));
        }
        log(
          `  ${db}: run ${run}: introspection ${m.wallMs} ms (${m.queries} queries, ${m.peakRssMb} MB RSS)` +
            (f !== null ? `, floor ${f.toFixed(1)} ms, serial floor ${fs.toFixed(1)} ms` : ''),
        );
      }

      const walls = intro.map((m) => m.wallMs);
      const introMedian = median(walls);
      const floorMedian = havePsql ? median(floor) : null;
      const floorSerialMedian = havePsql ? median(floorSerial) : null;
      const model = intro[0].counts;
      const mismatch = ['tables', 'columns', 'indexes', 'constraints'].filter((k) => model[k] !== counts[k]);
      const perQuery = {};
      for (const m of intro) for (const q of m.perQuery) (perQuery[q.query] ??= []).push(q.ms);
      results.push({
        tables: counts.tables,
        columns: counts.columns,
        indexes: counts.indexes,
        constraints: counts.constraints,
        pgClassRows: counts.pg_class_rows,
        pgAttributeRows: counts.pg_attribute_rows,
        databaseMb: r1(counts.db_bytes / 1048576),
        generateSeconds: r1(generateMs / 1000),
        introspection: {
          medianMs: r1(introMedian),
          minMs: r1(Math.min(...walls)),
          runsMs: walls,
          queries: intro[0].queries,
          peakRssMb: r1(Math.max(...intro.map((m) => m.peakRssMb))),
          heapUsedMb: r1(median(intro.map((m) => m.heapUsedMb))),
          perQueryMedianMs: Object.fromEntries(Object.entries(perQuery).map(([k, v]) => [k, r1(median(v))])),
        },
        floor: havePsql ? { medianMs: r1(floorMedian), minMs: r1(Math.min(...floor)), runsMs: floor.map(r1) } : null,
        floorSerial: havePsql
          ? { medianMs: r1(floorSerialMedian), minMs: r1(Math.min(...floorSerial)), runsMs: floorSerial.map(r1) }
          : null,
        ratio: floorMedian ? r3(introMedian / floorMedian) : null,
        ratioSerial: floorSerialMedian ? r3(introMedian / floorSerialMedian) : null,
        msPerTable: r3(introMedian / counts.tables),
        floorMsPerTable: floorMedian ? r3(floorMedian / counts.tables) : null,
        modelMatchesCatalog: mismatch.length === 0 ? true : `differs in ${mismatch.join(', ')}: model ${JSON.stringify(model)}`,
      });
      if (withPaths && havePsql) {
        log(`  ${db}: every user path (the CLI as a child process)`);
        const at = results[results.length - 1];
        const p = await measurePaths({ dist: DIST, url, db, admin, urlFor: (name) => urlFor(server.url, name), psql: PSQL, floorMs: floorMedian, children, log, tmp: PATHS_TMP });
        at.paths = p.paths;
        at.psqlLoadMs = p.psqlLoadMs === null ? null : r1(p.psqlLoadMs);
      }
      await admin.query(`drop database ${db}`).catch(() => undefined); // keep the disk small between sizes
    }
  } finally {
    await admin.end().catch(() => undefined);
  }

  report(results, pgVersion, havePsql, { start: loadStart, end: loadavg() });
}

// ---------------------------------------------------------------- report
function report(results, pgVersion, havePsql, load) {
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  for (const r of results) {
    const rows = [
      ['tables', r.tables],
      ['columns', r.columns],
      ['indexes', r.indexes],
      ['constraints', r.constraints],
      ['introspection median ms', r.introspection.medianMs],
      ['introspection min ms', r.introspection.minMs],
      ['catalog floor median ms', havePsql ? r.floor.medianMs : 'skipped (no psql)'],
      ['ratio introspection/floor', r.ratio ?? '-'],
      ['serial floor median ms (info)', havePsql ? r.floorSerial.medianMs : '-'],
      ['ratio to serial floor (info)', r.ratioSerial ?? '-'],
      ['queries (incl. BEGIN/COMMIT)', r.introspection.queries],
      ['peak RSS MB', r.introspection.peakRssMb],
      ['heap after GC MB (model held)', r.introspection.heapUsedMb],
      ['ms per table (introspection)', r.msPerTable],
      ['ms per table (floor)', r.floorMsPerTable ?? '-'],
      ['model counts match catalog', r.modelMatchesCatalog],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    console.log(`\n== ${r.tables} tables (generated in ${r.generateSeconds} s; pg_class ${r.pgClassRows} rows, pg_attribute ${r.pgAttributeRows} rows)`);
    for (const [k, v] of rows) console.log(`  ${pad(k, w)}  ${lpad(v, 12)}`);
    const pq = Object.entries(r.introspection.perQueryMedianMs);
    console.log(`  per statement (median ms, as timed around each statement: server + transfer + row handling):`);
    console.log(`    ${pq.map(([k, v]) => `${k} ${v}`).join(' | ')}`);
  }

  const small = results[0];
  const large = results[results.length - 1];
  const linearity = results.length > 1 ? r3(large.msPerTable / small.msPerTable) : null;
  console.log('');
  if (linearity !== null) {
    console.log(`linearity: ms/table at ${large.tables} = ${large.msPerTable} vs at ${small.tables} = ${small.msPerTable} → ratio ${linearity} (1 = linear)`);
  } else {
    console.log('linearity: needs two sizes');
  }

  const at = results.find((r) => r.tables === TARGETS.atTables) ?? large;
  const note = at.tables === TARGETS.atTables ? '' : ` (no ${TARGETS.atTables}-table run; checked at ${at.tables})`;
  const checks = [
    {
      name: `introspection within ${TARGETS.ratio}× of the catalog floor`,
      value: at.ratio,
      pass: at.ratio === null ? null : at.ratio <= TARGETS.ratio,
      shown: at.ratio === null ? 'no floor' : `${at.ratio}×`,
    },
    { name: `peak RSS under ${TARGETS.rssMb} MB`, value: at.introspection.peakRssMb, pass: at.introspection.peakRssMb < TARGETS.rssMb, shown: `${at.introspection.peakRssMb} MB` },
    {
      name: `ms/table at ${at.tables} within ${TARGETS.linearity}× of at ${small.tables}`,
      value: linearity,
      pass: linearity === null ? null : at.msPerTable / small.msPerTable <= TARGETS.linearity,
      shown: linearity === null ? 'one size only' : `${r3(at.msPerTable / small.msPerTable)}×`,
    },
  ];
  console.log(`targets at ${at.tables} tables${note}:`);
  for (const c of checks) console.log(`  ${c.pass === null ? 'SKIP' : c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.shown}`);
  const paths = results.some((r) => r.paths) ? summarisePaths(results, TARGETS.atTables) : null;
  if (paths) {
    printPaths(results, paths);
    checks.push(...paths.checks.map((c) => ({ ...c, value: c.shown })));
  }

  const cores = os.cpus().length;
  console.log(`\nload average (1/5/15 min) at start ${load.start.join(' ')}, at end ${load.end.join(' ')} (includes this run) on ${cores} cores`);
  if (load.start[0] > cores / 2) {
    console.log('  warning: the machine was already busy when the run started; timings are noisy (compare min as well as median)');
  }
  const git = gitState();
  if (git) console.log(`measured commit ${git.commit}${git.uncommittedSrcFiles ? ` plus ${git.uncommittedSrcFiles} uncommitted file(s) in src/` : ''}`);

  const out = {
    date: new Date().toISOString(),
    git,
    loadAverage: load,
    postgres: pgVersion,
    postgresMajor: major,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores,
    memoryGb: r1(os.totalmem() / 1024 ** 3),
    psql: havePsql ? PSQL : null,
    runs: RUNS,
    sizes: results,
    linearity,
    pathLinearity: paths ? Object.fromEntries(paths.rows.map((r) => [r.id, { linearity: r.linearity, rssGrowth: r.rssGrowth }])) : null,
    targets: Object.fromEntries(checks.map((c) => [c.name, { value: c.value, pass: c.pass }])),
  };
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS)}`);
}

try {
  await main();
} catch (err) {
  if (!interrupted) {
    console.error(`benchmark failed: ${err?.stack ?? err}`);
    process.exitCode = 1;
  }
} finally {
  await shutdown();
}
