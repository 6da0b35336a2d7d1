import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliHere as runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { checkReport } from '../render/validate-report.js';

/**
 * --history DIR across runs of one database (a rename matched by OID, a
 * finding resolved then back), and --previous from a saved JSON report,
 * through the built CLI on a real server.
 */
let db: TestDatabase;
let dir: string;
let spec: string;

const SPEC = `tables:
  a:
    columns:
      id: { type: integer, nullable: false }
      v: { type: text }
    primaryKey: [id]
  b:
    columns:
      id: { type: integer, nullable: false }
    primaryKey: [id]
`;

beforeAll(async () => {
  db = await createTestDatabase('cli_history');
  await db.exec('create table a (id integer primary key, v varchar(10)); create table b (id integer primary key);');
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-history-'));
  spec = path.join(dir, 'schema.yaml');
  writeFileSync(spec, SPEC);
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

const run = (now: string, ...args: string[]) =>
  runCli(['audit', '--db', db.url, '--expected', spec, '--now', now, '--no-advice', '--history', 'hist', ...args], { cwd: dir, env: { COLUMNS: '200' } });

const A = 'column_type_mismatch:public.a.v';
const B = 'unexpected_column:public.a.extra';
const T1 = '2026-01-01T09:00:00.000Z';
const T2 = '2026-01-02T09:00:00.000Z';
const T3 = '2026-01-03T09:00:00.000Z';
const T4 = '2026-01-04T09:00:00.000Z';

interface Entry { id: string; firstSeen: string; resolvedAt?: string }
const ids = (list: Entry[]) => list.map((e) => e.id).sort();

test('four runs: drift A; b renamed (one rename, not a drop and an add) and drift B; A resolved; A back', async () => {
  // Run 1: drift A, first run recorded.
  let r = await run(T1, '--format', 'json');
  expect(r.code).toBe(1);
  let report = JSON.parse(r.stdout);
  checkReport(report);
  expect(report.history.previous).toBeNull();
  expect(ids(report.history.new)).toEqual([A]);
  expect(report.history.database.database).toBe(db.name);
  expect(readdirSync(path.join(dir, 'hist'))).toHaveLength(1);

  // Run 2: b renamed to b2 (same OID), a new column: drift B. The text report on stdout, the JSON one to a file.
  await db.exec('alter table b rename to b2; alter table a add column extra integer;');
  r = await run(T2, '--report', 'json=r2.json');
  report = JSON.parse(readFileSync(path.join(dir, 'r2.json'), 'utf8'));
  checkReport(report);
  const h2 = report.history;
  expect(h2.previous).toMatchObject({ generatedAt: T1, from: 'history' });
  expect(h2.modelChanged).toBe(true);
  expect(h2.renamed).toEqual([
    expect.objectContaining({ kind: 'table', from: 'public.b', to: 'public.b2', findings: ['missing_table:public.b', 'unexpected_table:public.b2'] }),
  ]);
  // The rename explains the missing and the unexpected table: only B is new.
  expect(ids(h2.new)).toEqual([B]);
  expect(h2.open).toEqual([expect.objectContaining({ id: A, firstSeen: T1 })]);
  expect(h2.resolved).toEqual([]);
  expect(h2.changed).toBe(true);
  // In words: the rename with both names, A open since run 1.
  expect(r.stdout).toMatch(/history: +compared with the run of 2026-01-01T09:00:00.000Z; the live schema changed: 1 new, 1 still open, 1 relation renamed\n/);
  expect(r.stdout).toContain(`  renamed:    table public.b is now public.b2 (same OID ${h2.renamed[0].oid}; explains missing_table:public.b, unexpected_table:public.b2)`);
  expect(r.stdout).toContain(`  new:        ${B} (info)`);
  expect(r.stdout).toContain(`  still open: ${A} (error; since ${T1})`);

  // Run 3: A fixed.
  await db.exec('alter table a alter column v type text;');
  r = await run(T3, '--format', 'markdown');
  expect(r.stdout).toContain('## Since the previous run');
  expect(r.stdout).toMatch(new RegExp(`\\| resolved \\| \`${A}\` \\| error \\| ${T1.replace(/\./g, '\\.')} \\|`));
  r = await run('2026-01-03T10:00:00.000Z', '--format', 'json');
  report = JSON.parse(r.stdout);
  expect(report.history.resolved).toEqual([]);
  expect(ids(report.history.open)).toEqual([B, 'missing_table:public.b', 'unexpected_table:public.b2'].sort());
  expect(report.history.open.find((e: Entry) => e.id === B).firstSeen).toBe(T2);

  // Run 4: A again: it came back (resolved at run 3), it is not new.
  await db.exec('alter table a alter column v type varchar(10);');
  r = await run(T4, '--format', 'json', '--report', 'json=run4.json');
  report = JSON.parse(r.stdout);
  expect(report.history.new).toEqual([]);
  expect(report.history.cameBack).toEqual([expect.objectContaining({ id: A, firstSeen: T4, resolvedAt: T3 })]);
  expect(report.history.changed).toBe(true);
  r = await run('2026-01-04T10:00:00.000Z');
  expect(r.stdout).toContain(`  still open: ${A} (error; since ${T4})`);
  expect(r.stdout).toMatch(/the live schema is unchanged: 4 still open\n/);
});

test('--previous REPORT.json: compared with a saved report (first-seen times carried), no record needed', async () => {
  await db.exec('alter table a drop column extra;');
  const r = await runCli(['audit', '--db', db.url, '--expected', spec, '--now', '2026-01-05T09:00:00.000Z', '--no-advice', '--previous', 'run4.json', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout);
  checkReport(report);
  expect(report.history.previous).toMatchObject({ generatedAt: T4, from: 'report' });
  expect(report.history.modelChanged).toBe(true);
  expect(ids(report.history.resolved)).toEqual([B]);
  expect(report.history.resolved[0].firstSeen).toBe(T2);
  expect(report.history.open.find((e: Entry) => e.id === A).firstSeen).toBe(T4);
  expect(report.history.renamed).toEqual([]);
});

test('--history-keep bounds the records of a database; a bad record is skipped with a warning', async () => {
  for (const t of ['2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z', '2026-02-03T00:00:00.000Z']) {
    const r = await run(t, '--history-keep', '2', '--format', 'json');
    expect(r.stderr).toBe('');
  }
  const files = readdirSync(path.join(dir, 'hist')).sort();
  expect(files).toHaveLength(2);
  expect(files[1]).toMatch(/-2026-02-03T00-00-00-000Z\.json$/);
  writeFileSync(path.join(dir, 'hist', files[1]!.replace('2026-02-03', '2026-02-09')), '{not json');
  const r = await run('2026-02-10T00:00:00.000Z', '--format', 'json');
  expect(r.stderr).toMatch(/^schema-audit: history record \S+ skipped: /);
  expect(JSON.parse(r.stdout).history.previous.generatedAt).toBe('2026-02-03T00:00:00.000Z');
});

test('the system identifier is read where the role may call pg_control_system()', async () => {
  const r = await run('2026-03-01T00:00:00.000Z', '--format', 'json');
  const h = JSON.parse(r.stdout).history;
  expect(h.database.systemIdentifier).toMatch(/^\d+$/);
  const record = JSON.parse(readFileSync(path.join(dir, 'hist', readdirSync(path.join(dir, 'hist')).sort().at(-1)!), 'utf8'));
  expect(record.database.systemIdentifier).toBe(h.database.systemIdentifier);
  expect(record.objects).toEqual(expect.arrayContaining([[expect.any(Number), 'table', 'public', 'b2']]));
});
