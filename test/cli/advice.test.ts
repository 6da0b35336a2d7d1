import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { runCli } from '../support/cli.js';

/** The advice flags end to end: on by default, never gating unless asked, each check can be turned off. */
let db: TestDatabase;
let spec: string;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('cli_advice');
  // No drift at all, but a foreign key without an index and a table without a primary key.
  const ddl = `create table parents (id int primary key);
    create table children (id int primary key, parent_id int references parents (id));
    create table events (at timestamptz, what text);`;
  await db.exec(ddl);
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-advice-'));
  spec = path.join(dir, 'schema.sql');
  writeFileSync(spec, ddl);
});
afterAll(async () => {
  // The directory first: removed even if dropping the database fails.
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

const audit = (...flags: string[]) =>
  runCli(['audit', '--db', db.url, '--expected', spec, '--format', 'json', '--disable-advice', 'unused_index', ...flags]);
const ids = (stdout: string): string[] => (JSON.parse(stdout).findings as { id: string }[]).map((f) => f.id);

test('advice runs by default and does not gate: exit 0 with warnings', async () => {
  const r = await audit();
  expect(r.code).toBe(0);
  expect(ids(r.stdout)).toEqual(['fk_without_index:public.children.children_parent_id_fkey', 'table_without_primary_key:public.events']);
  const report = JSON.parse(r.stdout);
  expect(report.summary.total).toBe(0);
  expect(report.adviceSummary).toEqual({ error: 0, warning: 2, info: 0, total: 2 });
});

test('--fail-on-advice lets advice count for --fail-on', async () => {
  expect((await audit('--fail-on', 'warning')).code).toBe(0); // advice alone never gates
  expect((await audit('--fail-on', 'warning', '--fail-on-advice')).code).toBe(1);
  expect((await audit('--fail-on-advice')).code).toBe(0); // both are warnings, below --fail-on error
  expect((await audit('--fail-on-advice', '--fail-on', 'never')).code).toBe(0);
});

test('--disable-advice turns one check off; --no-advice all of them', async () => {
  expect(ids((await audit('--disable-advice', 'fk_without_index')).stdout)).toEqual(['table_without_primary_key:public.events']);
  const none = await audit('--no-advice');
  expect(ids(none.stdout)).toEqual([]);
  expect(JSON.parse(none.stdout)).not.toHaveProperty('adviceSummary');
});

test('an unknown advice check: exit 2', async () => {
  const r = await audit('--disable-advice', 'fk_without_idx');
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')[0]).toMatch(/^schema-audit: unknown advice check "fk_without_idx"; known: fk_without_index, /);
});
