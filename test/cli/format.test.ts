import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { displayWidth } from '../../src/render/terminal.js';
import { ROOT, runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * Colour and format decisions of the real CLI, end to end, against a tiny
 * database audited against a tiny .sql file (one missing column: an error).
 * runCli's stdout is a pipe; its environment has NO_COLOR=1 unless a test
 * unsets it, and FORCE_COLOR is whatever jest passed down unless a test sets it.
 */
const ANSI = /\u001b\[/;
// eslint-disable-next-line no-control-regex
const strip = (text: string): string => text.replace(/\u001b\[\d+m/g, '');

let db: TestDatabase;
let dir: string;
let expected: string;

beforeAll(async () => {
  db = await createTestDatabase('cli_format');
  await db.exec('create table leads (id integer primary key, email text);');
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-format-'));
  expected = path.join(dir, 'expected.sql');
  writeFileSync(expected, 'CREATE TABLE leads (id int PRIMARY KEY, email text, score int);\n');
});
afterAll(async () => {
  // The directory first: removed even if dropping the database fails.
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

const audit = (...args: string[]): string[] => ['audit', '--db', db.url, '--expected', expected, '--now', '2026-01-31T09:00:00Z', ...args];

describe('colour of the text report on a pipe', () => {
  test.each([
    ['--no-color beats FORCE_COLOR', ['--format', 'text', '--no-color'], { FORCE_COLOR: '1', NO_COLOR: undefined }, false],
    ['NO_COLOR=1', ['--format', 'text'], { NO_COLOR: '1', FORCE_COLOR: undefined }, false],
    ['NO_COLOR beats FORCE_COLOR', ['--format', 'text'], { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['FORCE_COLOR=1', ['--format', 'text'], { FORCE_COLOR: '1', NO_COLOR: undefined }, true],
    ['FORCE_COLOR=0', ['--format', 'text'], { FORCE_COLOR: '0', NO_COLOR: undefined }, false],
    ['--color beats NO_COLOR', ['--color'], { NO_COLOR: '1' }, true],
    ['default: not a TTY, no colour', [], { NO_COLOR: undefined, FORCE_COLOR: undefined }, false],
  ] as const)('%s', async (_name, args, env, coloured) => {
    const r = await runCli(audit(...args), { env: { ...env } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(strip(r.stdout)).toContain('\nMissing columns (1)\n');
    expect(strip(r.stdout)).toMatch(/^✖ 1 error, 0 warnings, 0 info; \d+ expected objects present — drift at or above --fail-on error$/m);
    if (coloured) {
      expect(r.stdout).toContain('\u001b[31m\u001b[1merror\u001b[22m\u001b[39m');
    } else {
      expect(r.stdout).not.toMatch(ANSI);
      // Wrapped to 100 columns on a pipe (no COLUMNS): the message goes on in the next row.
      expect(r.stdout).toMatch(/^│ error +│ public\.leads\.score +│ column public\.leads\.score is missing \(expected integer, +│$/m);
    }
  });
});

test('--format json is never coloured, even with --color', async () => {
  const r = await runCli(audit('--format', 'json', '--color'), { env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
  expect(r.code).toBe(1);
  expect(r.stdout).not.toMatch(ANSI);
  expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['missing_column:public.leads.score']);
});

test('--out: a file is plain unless --color asks for colour (FORCE_COLOR is for streams)', async () => {
  const plain = path.join(dir, 'plain.txt');
  const coloured = path.join(dir, 'coloured.txt');
  expect((await runCli(audit('--out', plain), { env: { FORCE_COLOR: '1', NO_COLOR: undefined } })).code).toBe(1);
  expect((await runCli(audit('--out', coloured, '--color'))).code).toBe(1);
  expect(readFileSync(plain, 'utf8')).not.toMatch(ANSI);
  expect(readFileSync(plain, 'utf8')).toContain('Missing columns (1)');
  expect(readFileSync(coloured, 'utf8')).toMatch(ANSI);
});

test('--format markdown is never coloured, even with --color', async () => {
  const r = await runCli(audit('--format', 'markdown', '--color'), { env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^# /);
  expect(r.stdout).not.toMatch(ANSI);
});

test('--format text and the default (auto) give the same report', async () => {
  const [text, auto] = await Promise.all([runCli(audit('--format', 'text')), runCli(audit())]);
  expect(text.code).toBe(1);
  expect(text.stdout).toBe(auto.stdout);
});

test('--verbose progress: one line per step, each after the first with +time since the previous one', async () => {
  const r = await runCli(audit('--verbose'));
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toBe('schema-audit: checking the expected schema');
  expect(lines[1]).toMatch(/^schema-audit: reading [^ ]+:\d+\/sa_cli_format_\w+ \+\d+\.\ds$/);
  expect(lines[2]).toMatch(/^schema-audit: read 1 tables from PostgreSQL [\d.]+ \+\d+\.\ds$/);
  expect(lines.at(-1)).toMatch(/^schema-audit: compared the schemas: 1 finding \+\d+\.\ds$/);
  for (const line of lines.slice(1)) expect(line).toMatch(/^schema-audit: .+ \+(\d+\.\ds|\d+m\d\ds)$/);
});

/** An io whose stdout and stderr are terminals, `columns` wide. */
function ttyIo(columns: number, env: NodeJS.ProcessEnv = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { isTTY: true, columns, write: (chunk: string) => (io.out += chunk) },
    stderr: { isTTY: true, columns, write: (chunk: string) => (io.err += chunk) },
    env,
    cwd: ROOT,
    onInterrupt: () => () => undefined,
  };
  return io;
}

describe('on a terminal (in process, fake TTY)', () => {
  test('default format: coloured, wrapped to the terminal width, progress with times', async () => {
    const io = ttyIo(60);
    expect(await run(audit(), io)).toBe(1);
    expect(io.out).toMatch(ANSI);
    const table = strip(io.out).split('\n').filter((l) => /^[│┌├└]/.test(l));
    expect(table.length).toBeGreaterThan(5); // wrapped: more lines than head + one row
    for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(io.err).toMatch(/^schema-audit: checking the expected schema\nschema-audit: reading /);
    expect(io.err).toMatch(/\nschema-audit: compared the schemas: 1 finding \+\d+\.\ds\n$/);
  });

  test('--no-color and NO_COLOR still turn it off', async () => {
    const flag = ttyIo(200);
    expect(await run(audit('--no-color'), flag)).toBe(1);
    expect(flag.out).not.toMatch(ANSI);
    const env = ttyIo(200, { NO_COLOR: '1' });
    expect(await run(audit('--format', 'text'), env)).toBe(1);
    expect(env.out).not.toMatch(ANSI);
    expect(env.out).toBe(flag.out);
  });
});
