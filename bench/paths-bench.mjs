// Every path a user takes, end to end (issue 14): the CLI as users run it
// (`node <dist>/cli/main.js …` in a child process, real files), timed from
// spawn to exit, with the child's peak RSS from /usr/bin/time -v (the node
// process and anything it waited for; without GNU time, VmHWM polled from
// /proc). Used by introspect-bench.mjs once per size, after the introspection
// figures and on the same server; the catalog floor it measured is the yardstick.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const TIMEOUT_MS = Number(process.env.BENCH_PATH_TIMEOUT_S ?? 1800) * 1000;

/** The paths, in the order run; `floor: 'load'` compares with psql's load time. */
export const PATHS = [
  { id: 'snapshot-yaml', label: 'snapshot (YAML to stdout)', target: { ratio: 1.5, rssMb: 400 } },
  { id: 'snapshot-model', label: 'snapshot --format model', target: { ratio: 1.5, rssMb: 400 } },
  { id: 'snapshot-sql', label: 'snapshot --format sql', target: { ratio: 1.5, rssMb: 400 } },
  { id: 'snapshot-dir', label: 'snapshot --out DIR/', target: { ratio: 1.5, rssMb: 400 } },
  { id: 'audit-url', label: 'audit --expected URL (advice on)', target: { ratio: 2.5, rssMb: 500 } },
  { id: 'audit-url-no-advice', label: 'audit --expected URL --no-advice', target: null },
  { id: 'psql-load', label: 'psql load of the DDL (fresh db)', target: null },
  { id: 'audit-spec-cold', label: 'audit --expected spec.yaml, cold', target: { loadRatio: 1.2 } },
  { id: 'audit-spec-warm', label: 'audit --expected spec.yaml, warm', target: { ratio: 2.5 } },
  { id: 'audit-sql-cold', label: 'audit --expected schema.sql, cold', target: { loadRatio: 1.2 } },
  { id: 'audit-sql-warm', label: 'audit --expected schema.sql, warm', target: { ratio: 2.5 } },
];

/** BENCH_PATHS=id,id limits the run (development); default every path. */
function selected() {
  const only = (process.env.BENCH_PATHS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return only.length ? PATHS.filter((p) => only.includes(p.id)) : PATHS;
}

/**
 * Run one command; stdout to `stdoutFile` (or /dev/null). Resolves
 * { ms, rssMb, code, stderr }. Exit codes in `okCodes` count as success.
 */
function runMeasured(cmd, args, { env, stdoutFile, okCodes = [0], children }) {
  return new Promise((resolve, reject) => {
    const haveTime = existsSync(GNU_TIME);
    const fd = openSync(stdoutFile ?? '/dev/null', 'w');
    const argv = haveTime ? ['-v', cmd, ...args] : args;
    const t0 = performance.now();
    // Its own process group: a timeout (or the bench's Ctrl-C) ends the CLI
    // and its scratch server too, not only /usr/bin/time.
    const child = spawn(haveTime ? GNU_TIME : cmd, argv, { stdio: ['ignore', fd, 'pipe'], env, detached: true });
    child.killTree = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    closeSync(fd);
    children.add(child);
    let stderr = '';
    let hwmKb = 0;
    const poll = haveTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
          } catch {
            /* exited */
          }
        }, 50);
    const timer = setTimeout(() => child.killTree(), TIMEOUT_MS);
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-200_000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      children.delete(child);
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let rssKb = hwmKb;
      let exit = code;
      if (haveTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) rssKb = Number(m[1]);
        const e = /Exit status: (\d+)/.exec(stderr);
        if (e) exit = Number(e[1]);
        const sig = /Command terminated by signal (\d+)/.exec(stderr);
        if (sig) exit = `signal ${sig[1]}`;
        stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
      }
      if (ms >= TIMEOUT_MS && (signal === 'SIGKILL' || code === null)) {
        resolve({ ms, rssMb: rssKb / 1024, code: 'timeout', stderr });
        return;
      }
      if (!okCodes.includes(exit)) {
        reject(new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1, 3).join(' ')} failed (exit ${exit}${signal ? `, ${signal}` : ''}): ${stderr.trim().slice(-1500)}`));
        return;
      }
      resolve({ ms, rssMb: rssKb / 1024, code: exit, stderr });
    });
  });
}

/** The audit report's summary, for the record (drift found on a copy of itself is a bug). */
function summaryLine(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // The summary is the report's last line (✔ No drift…, ✖ or ⚠ with the counts).
  return ([...lines].reverse().find((l) => /^[✔✖⚠]/.test(l)) ?? lines[lines.length - 1] ?? '').slice(0, 200);
}

function dirBytes(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  let n = 0;
  for (const e of readdirSync(p)) n += dirBytes(path.join(p, e));
  return n;
}

/**
 * Measure every path at one size. `ctx`: { dist, url, db, admin (pg.Client on
 * the server's maintenance db), urlFor(db), psql, floorMs, children, log, tmp }.
 * Returns { paths: { id: { seconds, rssMb, ratio, exit, outputMb } }, psqlLoadMs }.
 */
export async function measurePaths(ctx) {
  const { dist, url, db, admin, urlFor, psql, floorMs, children, log } = ctx;
  const tmp = path.join(ctx.tmp, db);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const cli = path.join(dist, 'cli', 'main.js');
  // No user cache touched, no colour, nothing from the caller's PG* variables.
  const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), NO_COLOR: '1', SCHEMA_AUDIT_NO_CACHE: '' };
  for (const k of Object.keys(env)) if (k.startsWith('PG') || k === 'DATABASE_URL') delete env[k];
  const node = (args, stdoutFile, okCodes = [0]) => runMeasured(process.execPath, [cli, ...args], { env, stdoutFile, okCodes, children });
  const f = (name) => path.join(tmp, name);
  const copyDb = `${db}_copy`;
  const loadDb = `${db}_psql_load`;
  const spec = f('spec.yaml');
  const sql = f('schema.sql');
  const out = {};
  const want = new Set(selected().map((p) => p.id));
  // The audits read files the snapshots write: those always run.
  const need = (id) =>
    want.has(id) || ['snapshot-yaml', 'snapshot-sql'].includes(id) || (id.endsWith('-cold') && want.has(id.replace(/-cold$/, '-warm')));

  const record = (id, m, output) => {
    const r = {
      seconds: Math.round(m.ms) / 1000,
      rssMb: Math.round(m.rssMb * 10) / 10,
      ratio: floorMs ? Math.round((m.ms / floorMs) * 1000) / 1000 : null,
      exit: m.code,
    };
    if (m.report !== undefined) r.report = m.report;
    if (output && existsSync(output)) r.outputMb = Math.round((dirBytes(output) / 1048576) * 10) / 10;
    if (want.has(id)) out[id] = r;
    log(`  ${db}: ${id.padEnd(20)} ${(m.ms / 1000).toFixed(2).padStart(8)} s ${r.ratio ? `${r.ratio}×`.padStart(8) : ''} ${r.rssMb.toFixed(0).padStart(6)} MB${m.code === 0 ? '' : ` (exit ${m.code})`}`);
    return r;
  };
  const step = async (id, fn) => {
    if (!need(id)) return;
    try {
      await fn();
    } catch (err) {
      log(`  ${db}: ${id} FAILED: ${String(err?.message ?? err).slice(0, 800)}`);
      if (want.has(id)) out[id] = { error: String(err?.message ?? err).slice(0, 2000) };
    }
  };

  await step('snapshot-yaml', async () => record('snapshot-yaml', await node(['snapshot', '--db', url], spec), spec));
  await step('snapshot-model', async () => record('snapshot-model', await node(['snapshot', '--db', url, '--format', 'model', '--out', f('model.json')]), f('model.json')));
  await step('snapshot-sql', async () => record('snapshot-sql', await node(['snapshot', '--db', url, '--format', 'sql', '--out', sql]), sql));
  await step('snapshot-dir', async () => record('snapshot-dir', await node(['snapshot', '--db', url, '--out', `${f('spec-dir')}/`]), f('spec-dir')));

  // --fail-on never: a crash is not mistaken for drift. The copy, the spec
  // and the DDL are the database itself: findings other than advice are a bug.
  const audit = async (id, expected, extra = []) => {
    const m = await node(['audit', '--db', url, '--expected', expected, '--fail-on', 'never', ...extra], f(`${id}.txt`));
    m.report = summaryLine(readFileSync(f(`${id}.txt`), 'utf8'));
    return m;
  };
  if (want.has('audit-url') || want.has('audit-url-no-advice')) {
    await admin.query(`drop database if exists ${copyDb}`);
    await admin.query(`create database ${copyDb} template ${db}`);
    await step('audit-url', async () => record('audit-url', await audit('audit-url', urlFor(copyDb))));
    await step('audit-url-no-advice', async () => record('audit-url-no-advice', await audit('audit-url-no-advice', urlFor(copyDb), ['--no-advice'])));
    await admin.query(`drop database if exists ${copyDb}`).catch(() => undefined);
  }

  let psqlLoadMs = null;
  await step('psql-load', async () => {
    await admin.query(`drop database if exists ${loadDb}`);
    await admin.query(`create database ${loadDb} template template0`);
    const m = await runMeasured(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-o', '/dev/null', '-f', sql, urlFor(loadDb)], {
      env: { ...process.env, PGAPPNAME: 'schema-audit-bench-load' },
      children,
    });
    psqlLoadMs = m.ms;
    const r = record('psql-load', m);
    r.ratioToLoad = 1;
    await admin.query(`drop database if exists ${loadDb}`).catch(() => undefined);
  });

  // Cold: the first run, with an empty cache directory (it loads the source
  // on a scratch server as --no-cache does, and fills the cache); warm: the
  // second run on that cache. One scratch load per source, not two.
  for (const [kind, file] of [['spec', spec], ['sql', sql]]) {
    const cache = f(`cache-${kind}`);
    rmSync(cache, { recursive: true, force: true });
    let filled = false;
    await step(`audit-${kind}-cold`, async () => {
      const r = record(`audit-${kind}-cold`, await audit(`audit-${kind}-cold`, file, ['--cache-dir', cache]));
      if (psqlLoadMs) r.ratioToLoad = Math.round(((r.seconds * 1000) / psqlLoadMs) * 1000) / 1000;
      filled = r.exit === 0 && existsSync(cache) && readdirSync(cache).length > 0;
    });
    await step(`audit-${kind}-warm`, async () => {
      if (!filled) throw new Error('no warm run: the cold run did not fill the cache');
      record(`audit-${kind}-warm`, await audit(`audit-${kind}-warm`, file, ['--cache-dir', cache]));
    });
  }
  if (!process.env.BENCH_KEEP_FILES) rmSync(tmp, { recursive: true, force: true });
  return { paths: out, psqlLoadMs };
}

/** Linearity per path, the target checks at the largest size, and the printed table. */
export function summarisePaths(results, atTables) {
  const small = results[0];
  const large = results[results.length - 1];
  const rows = [];
  const checks = [];
  for (const p of selected()) {
    const a = small.paths?.[p.id];
    const b = large.paths?.[p.id];
    const finished = a?.exit !== 'timeout' && b?.exit !== 'timeout';
    const linearity = results.length > 1 && finished && a?.ratio && b?.ratio ? Math.round((b.ratio / a.ratio) * 1000) / 1000 : null;
    const rssGrowth = results.length > 1 && a?.rssMb && b?.rssMb ? Math.round((b.rssMb / a.rssMb) * 100) / 100 : null;
    rows.push({ id: p.id, label: p.label, small: a, large: b, linearity, rssGrowth });
    if (!b || b.error) {
      if (p.target) checks.push({ name: `${p.label}: runs`, pass: false, shown: b?.error ? 'failed' : 'not run' });
      continue;
    }
    if (b.exit === 'timeout') {
      if (p.target) checks.push({ name: `${p.label}: finishes within BENCH_PATH_TIMEOUT_S`, pass: false, shown: `stopped after ${b.seconds} s` });
      continue;
    }
    const where = large.tables === atTables ? '' : ` (at ${large.tables})`;
    if (p.target?.ratio) checks.push({ name: `${p.label} ≤ ${p.target.ratio}× floor${where}`, pass: b.ratio !== null && b.ratio <= p.target.ratio, shown: `${b.ratio}×` });
    if (p.target?.rssMb) checks.push({ name: `${p.label} ≤ ${p.target.rssMb} MB${where}`, pass: b.rssMb <= p.target.rssMb, shown: `${b.rssMb} MB` });
    if (p.target?.loadRatio)
      checks.push({ name: `${p.label} ≤ ${p.target.loadRatio}× psql load${where}`, pass: b.ratioToLoad !== undefined && b.ratioToLoad <= p.target.loadRatio && large.paths?.['psql-load']?.exit === 0, shown: `${b.ratioToLoad ?? '?'}×` });
    if (p.id !== 'psql-load' && linearity !== null) checks.push({ name: `${p.label}: linearity ≤ 1.2`, pass: linearity <= 1.2, shown: String(linearity) });
  }
  return { rows, checks };
}

export function printPaths(results, summary) {
  const small = results[0];
  const large = results[results.length - 1];
  const two = results.length > 1;
  const fmt = (r) => (!r ? '-' : r.error ? 'FAILED' : `${r.exit === 'timeout' ? '> ' : ''}${r.seconds.toFixed(2)} s`);
  const head = ['path', `s at ${small.tables}`, two ? `s at ${large.tables}` : null, 'ratio to floor', 'MB', 'linearity'].filter(Boolean);
  const lines = summary.rows.map((r) => {
    const ratio = (x) => (x?.ratioToLoad !== undefined && x.ratioToLoad !== 1 ? `${x.ratio}× (${x.ratioToLoad}× load)` : x?.ratio ? `${x.ratio}×` : '-');
    const mb = (x) => (x?.rssMb ? String(Math.round(x.rssMb)) : '-');
    return [
      r.label,
      fmt(r.small),
      two ? fmt(r.large) : null,
      two ? `${ratio(r.small)} / ${ratio(r.large)}` : ratio(r.small),
      two ? `${mb(r.small)} / ${mb(r.large)}` : mb(r.small),
      r.linearity ?? '-',
    ].filter((x) => x !== null);
  });
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((l) => String(l[i]).length)));
  console.log(`\n== every user path (floor ${small.floor?.medianMs ?? '?'} ms at ${small.tables}${two ? `, ${large.floor?.medianMs ?? '?'} ms at ${large.tables}` : ''})`);
  for (const l of all) console.log(`  ${l.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')}`);
  console.log('targets for the paths:');
  for (const c of summary.checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.shown}`);
}
