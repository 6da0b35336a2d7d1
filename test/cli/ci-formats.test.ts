import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayWidth } from '../../src/render/terminal.js';
import { runCliHere as runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * The CI formats end to end, through the built CLI (in process, with the suite's server for scratch databases): several reports
 * of one run (--report), a spec source's file and line in SARIF and in
 * GitHub annotations, the step summary appended whole, the text report's
 * width on a pipe, and file errors in words. The formats themselves are
 * checked in test/render/ci-formats.unit.test.ts.
 */
let db: TestDatabase;
let dir: string;
let spec: string;

const SPEC = `tables:
  leads:
    columns:
      id: { type: integer, nullable: false }
      email: { type: text }
      score: { type: integer, description: "A long description so that the text table has something to wrap when it is narrow" }
    primaryKey: [id]
`;

beforeAll(async () => {
  db = await createTestDatabase('cli_ci_formats');
  await db.exec('create table leads (id integer primary key, email text);');
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-ci-'));
  spec = path.join(dir, 'schema.yaml');
  writeFileSync(spec, SPEC);
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

const audit = (...args: string[]): string[] => ['audit', '--db', db.url, '--expected', spec, '--now', '2026-01-31T09:00:00Z', ...args];

test('--report FORMAT=PATH, repeated: every file written, the main report on stdout as before', async () => {
  const r = await runCli(audit('--format', 'text', '--report', 'junit=out/junit.xml', '--report', 'sarif=out/audit.sarif', '--report', 'gitlab=gl.json', '--report', 'json=r.json'), { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain('public.leads.score is missing');
  const sarif = JSON.parse(readFileSync(path.join(dir, 'out/audit.sarif'), 'utf8'));
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'missing_column');
  // The spec's file (relative to the run's directory) and the line of `score:`.
  expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'schema.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 6 } });
  expect(readFileSync(path.join(dir, 'out/junit.xml'), 'utf8')).toMatch(/<failure message="column public\.leads\.score is missing[^"]*" type="missing_column">/);
  const gitlab = JSON.parse(readFileSync(path.join(dir, 'gl.json'), 'utf8'));
  expect(gitlab[0]).toMatchObject({ check_name: 'missing_column', location: { path: 'schema.yaml', lines: { begin: 6 } } });
  expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).summary.error).toBe(1);
  expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['audit.sarif', 'junit.xml']); // no temporary files left
});

test('a --report that cannot be written: exit 2 in words, and no other output written', async () => {
  writeFileSync(path.join(dir, 'blocker'), 'keep');
  const r = await runCli(audit('--out', 'main.txt', '--report', 'sarif=blocker/x.sarif'), { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^schema-audit: cannot write blocker\/x\.sarif: .*blocker is a regular file, not a directory\n$/);
  expect(existsSync(path.join(dir, 'main.txt'))).toBe(false);
});

test('--migration-dir under an existing file says what is wrong in words, not EEXIST', async () => {
  const r = await runCli(audit('--migration-dir', 'blocker/migration'), { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/blocker is a regular file, not a directory\n$/);
  expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR/);
});

test('GITHUB_ACTIONS=true: annotations at the spec line on stderr; the summary appended to $GITHUB_STEP_SUMMARY', async () => {
  const summary = path.join(dir, 'step-summary.md');
  writeFileSync(summary, '# earlier step\n');
  const r = await runCli(audit('--format', 'json'), { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
  expect(r.code).toBe(1);
  JSON.parse(r.stdout); // stdout is the report alone
  expect(r.stderr).toBe('::error file=schema.yaml,line=6,title=schema-audit missing_column public.leads.score::column public.leads.score is missing (expected integer, nullable)\n');
  const text = readFileSync(summary, 'utf8');
  expect(text.startsWith('# earlier step\n## schema-audit: ')).toBe(true);
  expect(text).toMatch(/1 difference from `[^`]*schema\.yaml`: 1 error, 0 warnings, 0 notes\./);
  // Without GITHUB_ACTIONS: no annotations; without GITHUB_STEP_SUMMARY: no summary.
  const quiet = await runCli(audit('--format', 'json'), { cwd: dir, env: { GITHUB_STEP_SUMMARY: '' } });
  expect(quiet.stderr).toBe('');
  expect(readFileSync(summary, 'utf8')).toBe(text);
});

test('the text report on a pipe wraps to COLUMNS, else to 100 columns', async () => {
  const table = (out: string): string[] => out.split('\n').filter((l) => /^[│┌├└]/.test(l));
  const wide = await runCli(audit('--format', 'text'), { cwd: dir });
  expect(table(wide.stdout).length).toBeGreaterThan(0);
  for (const line of table(wide.stdout)) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  const narrow = await runCli(audit('--format', 'text'), { cwd: dir, env: { COLUMNS: '60' } });
  for (const line of table(narrow.stdout)) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  expect(table(narrow.stdout).length).toBeGreaterThan(table(wide.stdout).length);
});
