// The migra suite runner's logic, shared by scripts/migra.mjs (the command)
// and test/migra/migra.test.ts (the db test): plain JavaScript so that both
// node and jest's ESM setup load it as it is (types in migra-lib.d.mts).
//
// The suite: the 26 schema-diff cases of djrobstep/migra (public domain),
// kept beside the clone in ../shared/outside-suites/migra/FIXTURES/<case>/
// (a.sql: the database as it is; b.sql: the schema it should have). For each
// case, on one server: databases A (a.sql), B (b.sql) and O (a.sql again);
// `schema-audit audit --db A --expected b.sql --drop-unexpected
// --convert-types --migration-dir DIR` with the built CLI (the consents to
// drop and to convert, as migra's own output drops and converts); up.sql applied twice with psql,
// then A compared with B by a full catalog comparison of our own
// (catalog-compare.mjs, not schema-audit's model); down.sql applied twice,
// then A compared with O.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { compareDatabases, oneLine } from './catalog-compare.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The role migra's own tests create before loading the fixtures (rls and privileges name it). */
export const TEST_ROLE = 'schemainspect_test_role';

/**
 * The suite's folder: `../shared/outside-suites/migra` from the repository
 * root (CI keeps `shared/` beside the clone), or null when it is absent.
 */
export function suiteDir(root = REPO_ROOT) {
  const dir = path.resolve(root, '..', 'shared', 'outside-suites', 'migra');
  return existsSync(path.join(dir, 'FIXTURES')) ? dir : null;
}

/** The case names, sorted. */
export function listCases(dir) {
  return readdirSync(path.join(dir, 'FIXTURES'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, 'FIXTURES', d.name, 'a.sql')))
    .map((d) => d.name)
    .sort();
}

/**
 * The options migra's own test runs some cases with, as scopes: the schemas
 * audited and compared, and whether extensions are compared.
 * - singleschema: only `goodschema` (the extensions live in public: out of scope);
 * - singleschema_ext: only `goodschema`, and the extensions b.sql creates
 *   (migra runs it with --create-extensions-only: A must gain b.sql's
 *   extensions; a.sql's others may stay);
 * - excludeschema: every schema but `excludedschema`.
 * The runner passes excludeschema's schema with --exclude-schema.
 */
export const CASE_SCOPES = Object.freeze({
  singleschema: { schemas: ['goodschema'], excludeSchemas: [], extensions: false },
  singleschema_ext: { schemas: ['goodschema'], excludeSchemas: [], extensions: 'additions' },
  excludeschema: { schemas: null, excludeSchemas: ['excludedschema'], extensions: true },
});

export function scopeFor(name) {
  return CASE_SCOPES[name] ?? { schemas: null, excludeSchemas: [], extensions: true };
}

function databaseUrl(adminUrl, database) {
  const u = new URL(adminUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Create migra's test role on the server (once; a concurrent creation is fine). */
export async function prepareServer(adminUrl) {
  await withClient(adminUrl, async (c) => {
    try {
      await c.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TEST_ROLE}') THEN CREATE ROLE ${TEST_ROLE}; END IF; END $$`);
    } catch (err) {
      if (err.code !== '23505' && err.code !== '42710') throw err;
    }
  });
}

/** Run a child process; resolves {code, stdout, stderr} (code 124 after `timeoutMs`). */
function run(command, args, { env = process.env, cwd = REPO_ROOT, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.stdout.on('data', (d) => (stdout += d.toString()));
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 124 : (code ?? (signal ? 128 : 1)), stdout, stderr });
    });
  });
}

/** `psql -X -q -v ON_ERROR_STOP=1 -d URL -f FILE` (the password in PGPASSWORD, not on the command line). */
export function runPsqlFile(url, file) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env = { ...process.env, PGCONNECT_TIMEOUT: '10' };
  if (password) env.PGPASSWORD = password;
  return run(process.env.PSQL ?? 'psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', u.toString(), '-f', file], { env });
}

/** psql's first error, the file's directory left out: `up.sql:12: ERROR: ...`. */
export function psqlError(stderr) {
  const lines = stderr.split('\n');
  const i = lines.findIndex((l) => /\b(ERROR|FATAL|error):/.test(l));
  const line = i >= 0 ? lines[i] : lines.find((l) => l.trim() !== '') ?? '';
  return oneLine(line.replace(/^psql:(?:[^:]*\/)?([^/:]+):(\d+):\s*/, '$1:$2: '), 200);
}

/** The first line of the CLI's stderr that says what went wrong. */
function cliError(stderr, fixture) {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const line = lines.find((l) => /error|cannot|fail/i.test(l)) ?? lines[0] ?? '';
  return oneLine(line.replace(/^schema-audit:\s*/, '').split(`${fixture}${path.sep}`).join(''), 200);
}

/** Apply a SQL file twice (each file must be harmless when run again): 'ok', or the first error. */
async function applyTwice(url, file) {
  for (const round of ['', 'second run: ']) {
    const r = await runPsqlFile(url, file);
    if (r.code !== 0) return { ok: false, error: `${round}${psqlError(r.stderr)}` };
  }
  return { ok: true, error: null };
}

/** The audit's --schema / --exclude-schema flags for a scope. */
async function schemaFlags(scope) {
  if (scope.schemas) return scope.schemas.flatMap((s) => ['--schema', s]);
  // migra compares whole databases: every schema of both sides, as --all-schemas does.
  return ['--all-schemas', ...scope.excludeSchemas.flatMap((s) => ['--exclude-schema', s])];
}

/**
 * The audit command line (the built CLI); `--fail-on info`: any drift counts, `--no-advice`: advice is not drift,
 * `--no-cache`: every audit loads b.sql (and nothing is written to the user's cache directory).
 * `--drop-unexpected` and `--convert-types`: the consents to drop what b.sql lacks and to convert column types.
 */
export function auditArgs(dbUrl, expected, migrationDir, schemaArgs = []) {
  return [
    path.join(REPO_ROOT, 'bin', 'schema-audit.js'),
    'audit',
    '--db',
    dbUrl,
    '--expected',
    expected,
    '--drop-unexpected',
    '--convert-types',
    '--migration-dir',
    migrationDir,
    '--fail-on',
    'info',
    '--no-advice',
    '--no-cache',
    ...schemaArgs,
  ];
}


/**
 * The built CLI's command line run in this process (dist/cli/run.js, what
 * bin/schema-audit.js calls), with the run's own server for the audit's
 * scratch database instead of an embedded server started per case.
 */
async function auditHere(adminUrl, argv) {
  const { run: runCli } = await import(new URL('../dist/cli/run.js', import.meta.url).href);
  const out = { stdout: '', stderr: '' };
  const code = await runCli(argv, {
    stdout: { write: (chunk) => (out.stdout += chunk) },
    stderr: { write: (chunk) => (out.stderr += chunk) },
    env: { ...process.env, NO_COLOR: '1' },
    cwd: REPO_ROOT,
    onInterrupt: () => () => undefined,
    scratchServerUrl: adminUrl,
  });
  return { code, ...out };
}

/** A fresh database from `file` (psql, stop at the first error); returns its URL, or throws with psql's error. */
async function loadDatabase(adminUrl, name, file) {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`));
  const url = databaseUrl(adminUrl, name);
  const r = await runPsqlFile(url, file);
  if (r.code !== 0) throw new Error(`${path.basename(file)} does not load: ${psqlError(r.stderr)}`);
  return url;
}

async function dropDatabases(adminUrl, names) {
  await withClient(adminUrl, async (c) => {
    for (const name of names) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** The migration folder of a case: under MIGRA_KEEP's folder (kept), else a temporary one (removed). */
function migrationFolder(name, keepDir) {
  if (keepDir) {
    const dir = path.resolve(keepDir, name);
    mkdirSync(dir, { recursive: true });
    // Only what a run writes there (the folder may hold other files).
    for (const file of ['up.sql', 'down.sql', 'audit.txt']) rmSync(path.join(dir, file), { force: true });
    return { dir, remove: () => undefined };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `migra-${name}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One case, start to end. The result:
 * - expectedExit: 0 when A and B already compare equal, else 1;
 * - exit: the audit's exit code; up / down: 'ok', 'failed', 'missing' (no
 *   file although drift was expected) or 'none' (no file, none needed);
 * - upEqual: A equals B after up.sql; downEqual: A equals a.sql after down.sql;
 * - passByExit: right exit code, and up.sql and down.sql ran (twice) without error;
 * - confirmed: passByExit and both comparisons equal;
 * - problem: the first thing wrong, in one line (null when confirmed);
 *   problems: all of them, in order.
 */
export async function runCase(adminUrl, dir, name, { keepDir = null } = {}) {
  const fixture = path.join(dir, 'FIXTURES', name);
  const scope = scopeFor(name);
  const suffix = randomBytes(3).toString('hex');
  const db = { a: `migra_${name}_a_${suffix}`, b: `migra_${name}_b_${suffix}`, o: `migra_${name}_o_${suffix}` };
  const started = Date.now();
  const result = {
    name,
    expectedExit: null,
    exit: null,
    up: 'none',
    down: 'none',
    upEqual: null,
    downEqual: null,
    passByExit: false,
    confirmed: false,
    problem: null,
    problems: [],
    differences: { up: [], down: [] },
    seconds: 0,
  };
  const folder = migrationFolder(name, keepDir);
  try {
    // All three settled before a failure is thrown: the drop below must not race a creation.
    const loaded = await Promise.allSettled([
      loadDatabase(adminUrl, db.a, path.join(fixture, 'a.sql')),
      loadDatabase(adminUrl, db.b, path.join(fixture, 'b.sql')),
      loadDatabase(adminUrl, db.o, path.join(fixture, 'a.sql')),
    ]);
    const failed = loaded.find((l) => l.status === 'rejected');
    if (failed) throw failed.reason;
    const [urlA, urlB, urlO] = loaded.map((l) => l.value);
    const before = await compareDatabases(urlA, urlB, scope, { a: 'a.sql', b: 'b.sql' });
    result.expectedExit = before.equal ? 0 : 1;
    const audit = await auditHere(adminUrl, auditArgs(urlA, path.join(fixture, 'b.sql'), folder.dir, await schemaFlags(scope)).slice(1));
    result.exit = audit.code;
    if (keepDir) writeFileSync(path.join(folder.dir, 'audit.txt'), `${audit.stdout}\n--- stderr\n${audit.stderr}`);
    const problems = result.problems;
    if (audit.code !== result.expectedExit) {
      problems.push(audit.code === 0 || audit.code === 1 ? `audit exit ${audit.code}, expected ${result.expectedExit}` : `audit exit ${audit.code}: ${cliError(audit.stderr, fixture)}`);
    }
    await applyAndCompare(result, problems, { file: path.join(folder.dir, 'up.sql'), step: 'up', url: urlA, other: urlB, scope, names: { a: 'A after up', b: 'b.sql' } });
    await applyAndCompare(result, problems, { file: path.join(folder.dir, 'down.sql'), step: 'down', url: urlA, other: urlO, scope, names: { a: 'A after down', b: 'a.sql' } });
    const upOk = result.up === 'ok' || (result.up === 'none' && result.expectedExit === 0);
    const downOk = result.down === 'ok' || (result.down === 'none' && result.expectedExit === 0);
    result.passByExit = audit.code === result.expectedExit && upOk && downOk;
    result.confirmed = result.passByExit && result.upEqual === true && result.downEqual === true;
    // A wrong exit code says little alone: the next problem (a file's error, a difference) goes with it.
    const first = problems[0]?.startsWith('audit exit') && problems[1] ? `${problems[0]}; ${problems[1]}` : problems[0];
    result.problem = result.confirmed ? null : (first ?? 'not confirmed');
  } catch (err) {
    result.problem = oneLine(err instanceof Error ? err.message : String(err), 200);
    result.problems.push(result.problem);
  } finally {
    await dropDatabases(adminUrl, Object.values(db)).catch(() => undefined);
    folder.remove();
    result.seconds = Math.round((Date.now() - started) / 1000);
  }
  return result;
}

/** Apply up.sql or down.sql twice when it exists, then compare A with the other database. */
async function applyAndCompare(result, problems, { file, step, url, other, scope, names }) {
  if (existsSync(file)) {
    const applied = await applyTwice(url, file);
    result[step] = applied.ok ? 'ok' : 'failed';
    if (!applied.ok) problems.push(applied.error);
  } else {
    result[step] = result.expectedExit === 0 ? 'none' : 'missing';
    if (result[step] === 'missing') problems.push(`no ${step}.sql written`);
  }
  const after = await compareDatabases(url, other, scope, names);
  result[`${step}Equal`] = after.equal;
  result.differences[step] = after.differences;
  if (!after.equal) problems.push(`${after.first}${after.differences.length > 1 ? ` (+${after.differences.length - 1} more)` : ''}`);
}

/** Run cases `concurrency` at a time; `onResult` sees each result as it comes. Results in case order. */
export async function runCases(adminUrl, dir, names, { concurrency = 1, keepDir = null, onResult = () => undefined } = {}) {
  await prepareServer(adminUrl);
  const queue = [...names];
  const results = new Map();
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const result = await runCase(adminUrl, dir, name, { keepDir });
      results.set(name, result);
      onResult(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return names.map((n) => results.get(n));
}

/**
 * What the test says of a result, given its KNOWN_FAILING reason (undefined:
 * not known to fail): null when all is as it should be, else why not.
 */
export function verdict(result, known) {
  if (known === undefined) {
    return result.confirmed ? null : `${result.name} is not confirmed: ${result.problems.length ? result.problems.join('; ') : (result.problem ?? 'no reason recorded')}`;
  }
  return result.confirmed ? `${result.name} is confirmed now: remove it from KNOWN_FAILING (it said: ${known})` : null;
}

/** Counts over results. */
export function totals(results) {
  return {
    cases: results.length,
    passByExit: results.filter((r) => r.passByExit).length,
    confirmed: results.filter((r) => r.confirmed).length,
  };
}

function exitCell(r) {
  if (r.exit === null) return '-';
  return r.exit === r.expectedExit ? String(r.exit) : `${r.exit} (want ${r.expectedExit})`;
}

function equalCell(step, equal) {
  if (equal === null) return step;
  return `${step}${equal ? '' : ', differs'}`;
}

/** Table rows: case, exit, up, down, confirmed, first difference. */
function rows(results) {
  return results.map((r) => [
    r.name,
    exitCell(r),
    equalCell(r.up, r.upEqual),
    equalCell(r.down, r.downEqual),
    r.confirmed ? 'yes' : r.passByExit ? 'no (exit ok)' : 'no',
    r.problem ?? '',
  ]);
}

const HEAD = ['case', 'exit', 'up', 'down', 'confirmed', 'first difference'];

/** The table as markdown (cells escaped: `|`, backticks and newlines cannot break it). */
export function markdownTable(results, { title = 'schema-audit on the migra suite' } = {}) {
  const cell = (s) => String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\s+/g, ' ');
  const t = totals(results);
  return [
    `# ${title}`,
    '',
    `${t.passByExit}/${t.cases} pass by exit code, ${t.confirmed}/${t.cases} confirmed by catalog comparison.`,
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows(results).map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

/** The table as text for a terminal (the last column cut to `width`). */
export function textTable(results, { width = 110 } = {}) {
  const all = [HEAD, ...rows(results).map((row) => [...row.slice(0, 5), oneLine(row[5], width)])];
  const widths = HEAD.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const t = totals(results);
  return [
    line(all[0]),
    ...all.slice(1).map(line),
    '',
    `${t.passByExit}/${t.cases} pass by exit code, ${t.confirmed}/${t.cases} confirmed by catalog comparison`,
  ].join('\n');
}

/** test/migra/migra.test.ts's KNOWN_FAILING for these results (MIGRA_UPDATE=1 prints it). */
export function knownFailingSource(results) {
  const entries = results
    .filter((r) => !r.confirmed)
    .map((r) => `  ${/^[a-z_][a-z0-9_]*$/.test(r.name) ? r.name : JSON.stringify(r.name)}: ${JSON.stringify(oneLine(r.problem ?? 'not confirmed', 180))},`);
  return ['const KNOWN_FAILING: Readonly<Record<string, string>> = {', ...entries, '};'].join('\n');
}
