import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { applySqlFile, runPsqlFile } from '../support/psql.js';

/** The psql helper (test/support/psql.ts): real psql, stops at the first error, never shows the password. */

let db: TestDatabase;
let dir: string;
let password: string;

const file = (name: string, sql: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, sql);
  return f;
};

beforeAll(async () => {
  db = await createTestDatabase('psql');
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-psql-'));
  password = decodeURIComponent(new URL(db.url).password);
});

afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('runs a file (non-ASCII names too) and reports exit 0', async () => {
  const result = await runPsqlFile(db.url, file('ok.sql', `CREATE TABLE "café ""x""" (id int);\nSELECT 'visible output';\n`));
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('visible output');
  const rows = await db.query<{ relname: string }>(`select relname from pg_class where relname = 'café "x"'`);
  expect(rows).toHaveLength(1);
});

test('stops at the first error: exit 3, later statements not run, stderr has the message', async () => {
  const bad = file('bad.sql', `CREATE TABLE first_one (id int);\nCREATE TABLE broken (id no_such_type);\nCREATE TABLE never_made (id int);\n`);
  const result = await runPsqlFile(db.url, bad);
  expect(result.code).toBe(3);
  expect(result.stderr).toMatch(/type "no_such_type" does not exist/);
  const made = await db.query<{ relname: string }>(`select relname from pg_class where relname in ('first_one', 'never_made') order by 1`);
  expect(made.map((r) => r.relname)).toEqual(['first_one']);
  const bad2 = file('bad-again.sql', `CREATE TABLE broken (id no_such_type);\n`);
  await expect(applySqlFile(db.url, bad2)).rejects.toThrow(/exited 3:[\s\S]*no_such_type/);
});

test('never shows the password: not in results, errors, or a failed connection', async () => {
  expect(password.length).toBeGreaterThan(0);
  const bad = file('bad-setting.sql', `SELECT current_setting('no.such_setting');\n`);
  const err = await applySqlFile(db.url, bad).then(() => null, (e: Error) => e);
  expect(err?.message).toMatch(/unrecognized configuration parameter/);
  expect(err?.message).not.toContain(password);
  const wrong = new URL(db.url);
  wrong.pathname = '/no_such_database_here';
  const failed = await runPsqlFile(wrong.toString(), bad);
  expect(failed.code).toBe(2);
  expect(failed.stderr).toMatch(/no_such_database_here/);
  expect(failed.stderr + failed.stdout).not.toContain(password);
});

test('a missing file is an error, not a hang', async () => {
  const result = await runPsqlFile(db.url, path.join(dir, 'missing.sql'));
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/missing\.sql/);
});
