// Fleet benchmark: `npm run bench:fleet` (also the last step of `npm run bench`).
//
// Starts an embedded PostgreSQL (PG_MAJOR, default 17), makes one tenant
// database from a small schema (BENCH_FLEET_TABLES tables, default 20: a
// table, its indexes, a foreign key, a check, a view per table) and
// BENCH_FLEET_SIZE copies of it (default 200, CREATE DATABASE … TEMPLATE), a
// few with drift, then runs the CLI as users do (`audit --targets` with a
// `discover:` entry, LIKE 'tenant\_%') at each concurrency of
// BENCH_FLEET_CONCURRENCY (default 1,4,16), timed from spawn to exit, peak
// RSS from /usr/bin/time -v. The expected side (schema.sql) is loaded on the
// same server (--scratch-url) once per run; an empty cache per run. Prints
// a table and writes bench/results/fleet-latest.json. Exits 0 unless a run
// fails.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
// A snapshot of dist/ (others rebuild it meanwhile), as introspect-bench.mjs does.
const SNAPSHOT = path.join(here, `.dist-${process.pid}`);
const DIST = path.join(SNAPSHOT, 'dist');
if (!existsSync(path.join(here, '..', 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench:fleet does)');
  process.exit(2);
}
cpSync(path.join(here, '..', 'dist'), DIST, { recursive: true });
cpSync(path.join(here, '..', 'package.json'), path.join(SNAPSHOT, 'package.json'));
const TMP = mkdtempSync(path.join(os.tmpdir(), 'schema-audit-fleet-bench-'));
process.on('exit', () => {
  rmSync(SNAPSHOT, { recursive: true, force: true });
  rmSync(TMP, { recursive: true, force: true });
});

const positive = (name, fallback) => {
  const list = (process.env[name] ?? fallback).split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`${name} must list positive integers`);
    process.exit(2);
  }
  return list;
};
const [SIZE] = positive('BENCH_FLEET_SIZE', '200');
const [TABLES] = positive('BENCH_FLEET_TABLES', '20');
const CONCURRENCY = positive('BENCH_FLEET_CONCURRENCY', '1,4,16');
const RESULTS = path.join(here, 'results', 'fleet-latest.json');
const { parseMajor } = await import(pathToFileURL(path.join(DIST, 'server', 'binaries.js')).href);
const { startEmbeddedServer } = await import(pathToFileURL(path.join(DIST, 'server', 'embedded.js')).href);
const major = parseMajor(process.env.PG_MAJOR);
const log = (msg) => process.stderr.write(`${msg}\n`);
const urlFor = (base, db) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};

/** The tenant schema: TABLES tables, each with an index, a check, a foreign key to the previous one, and a view. */
function tenantDdl(tables) {
  const out = [];
  for (let i = 1; i <= tables; i++) {
    out.push(
      `CREATE TABLE t${i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),` +
        ` created_at timestamptz NOT NULL DEFAULT now()${i > 1 ? `, parent_id bigint REFERENCES t${i - 1} (id)` : ''});`,
      `CREATE INDEX t${i}_name_idx ON t${i} (name);`,
      `CREATE VIEW v${i} AS SELECT id, name FROM t${i} WHERE amount > 0;`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** Run the CLI under /usr/bin/time -v: wall ms, peak RSS MB, exit code, stdout. */
function runMeasured(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-v', process.execPath, path.join(DIST, 'cli', 'main.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', () => {
      const ms = performance.now() - t0;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const exit = /Exit status: (\d+)/.exec(stderr);
      resolve({ ms, rssMb: rss ? Number(rss[1]) / 1024 : null, code: exit ? Number(exit[1]) : null, stdout, stderr: stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '') });
    });
  });
}

async function main() {
  const loadStart = os.loadavg();
  log(`starting embedded PostgreSQL ${major}…`);
  const server = await startEmbeddedServer({ major });
  const admin = new pg.Client({ connectionString: server.url });
  admin.on('error', () => undefined);
  await admin.connect();
  const results = [];
  try {
    const version = (await admin.query('show server_version')).rows[0].server_version;
    const ddl = tenantDdl(TABLES);
    await admin.query('CREATE DATABASE fleet_template');
    const t = new pg.Client({ connectionString: urlFor(server.url, 'fleet_template') });
    await t.connect();
    await t.query(ddl);
    await t.end();
    const c0 = performance.now();
    for (let i = 1; i <= SIZE; i++) await admin.query(`CREATE DATABASE tenant_${String(i).padStart(4, '0')} TEMPLATE fleet_template`);
    log(`PostgreSQL ${version}: ${SIZE} tenant databases of ${TABLES} tables made in ${((performance.now() - c0) / 1000).toFixed(1)} s`);
    // Drift in a few: 1 in 20 lacks an index (the same drift), one has a column of its own.
    for (let i = 20; i <= SIZE; i += 20) {
      const c = new pg.Client({ connectionString: urlFor(server.url, `tenant_${String(i).padStart(4, '0')}`) });
      await c.connect();
      await c.query(i === 20 ? 'ALTER TABLE t1 ADD COLUMN extra int' : 'DROP INDEX t2_name_idx');
      await c.end();
    }
    writeFileSync(path.join(TMP, 'schema.sql'), ddl);
    writeFileSync(path.join(TMP, 'targets.yaml'), "targets:\n  - discover:\n      server_env: FLEET_SERVER\n      like: 'tenant\\_%'\n");
    for (const n of CONCURRENCY) {
      const cache = path.join(TMP, `cache-${n}`);
      mkdirSync(cache);
      const args = ['audit', '--targets', path.join(TMP, 'targets.yaml'), '--expected', path.join(TMP, 'schema.sql'), '--concurrency', String(n), '--cache-dir', cache, '--scratch-url', server.url, '--no-advice', '--out-dir', path.join(TMP, `out-${n}`)];
      process.env.FLEET_SERVER = server.url;
      log(`  concurrency ${n}: running…`);
      const r = await runMeasured(args);
      if (r.code !== 1) throw new Error(`audit --targets exited ${r.code} (expected 1: drift in a few tenants): ${r.stderr.slice(-1500)}`);
      const summary = r.stdout.split('\n').filter((l) => /^\d+ (match|share|differ)/.test(l));
      const perTargetMs = r.ms / SIZE;
      results.push({ concurrency: n, seconds: Math.round(r.ms / 100) / 10, perTargetMs: Math.round(perTargetMs), peakRssMb: r.rssMb === null ? null : Math.round(r.rssMb), summary });
      log(`  concurrency ${n}: ${(r.ms / 1000).toFixed(1)} s, ${Math.round(r.rssMb)} MB peak RSS; ${summary.join('; ')}`);
      rmSync(path.join(TMP, `out-${n}`), { recursive: true, force: true });
    }
    const record = {
      when: new Date().toISOString(),
      postgres: version,
      databases: SIZE,
      tablesPerDatabase: TABLES,
      cpus: os.cpus().length,
      loadAverageBefore: loadStart.map((x) => Math.round(x * 100) / 100),
      loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
      commit: (() => {
        try {
          return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
        } catch {
          return null;
        }
      })(),
      runs: results,
    };
    mkdirSync(path.dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`\nFleet: ${SIZE} databases × ${TABLES} tables on one PostgreSQL ${version} (${record.cpus} CPUs, load ${record.loadAverageBefore.join(' ')})`);
    console.log('| concurrency | wall time | per database | peak RSS |');
    console.log('|---|---|---|---|');
    for (const r of results) console.log(`| ${r.concurrency} | ${r.seconds} s | ${r.perTargetMs} ms | ${r.peakRssMb} MB |`);
    console.log(`(written to ${path.relative(process.cwd(), RESULTS)})`);
  } finally {
    await admin.end().catch(() => undefined);
    await server.stop();
  }
}

await main();
