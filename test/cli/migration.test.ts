import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { runCli } from '../support/cli.js';

/**
 * The remediation flags of `audit` as a user meets them: --migration-dir
 * writes up.sql and down.sql (both or neither), --drop-unexpected decides
 * whether unexpected objects are dropped, --verify says what it proved, and
 * bad input is one line with exit 2.
 */
let db: TestDatabase;
let dir: string;
let expected: string;

beforeAll(async () => {
  db = await createTestDatabase('cli_migration');
  await db.exec(`
    CREATE TABLE "Leads" (id integer PRIMARY KEY, email varchar(50), legacy text);
    CREATE INDEX "Leads_legacy_idx" ON "Leads" (legacy);
  `);
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-migration-cli-'));
  expected = path.join(dir, 'expected.sql');
  writeFileSync(expected, `CREATE TABLE "Leads" (id integer PRIMARY KEY, email varchar(255), score integer CHECK (score >= 0));\nCREATE INDEX "Leads_email_idx" ON "Leads" (email);\n`);
});

afterAll(async () => {
  // The directory first: removed even if dropping the database fails.
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

test('--migration-dir writes up.sql and down.sql; unexpected objects are kept unless --drop-unexpected', async () => {
  const out = path.join(dir, 'kept');
  const r = await runCli(['audit', '--db', db.url, '--expected', expected, '--migration-dir', out, '--no-advice', '--now', '2026-01-01T00:00:00Z']);
  expect(r.code).toBe(1);
  expect(readdirSync(out).sort()).toEqual(['down.sql', 'up.sql']);
  const up = readFileSync(path.join(out, 'up.sql'), 'utf8');
  expect(up).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS "Leads_email_idx" ON public."Leads"');
  expect(up).toContain('ALTER TABLE public."Leads" ALTER COLUMN email TYPE character varying(255);');
  expect(up).toMatch(/^SET lock_timeout = '5s';$/m);
  expect(up).toContain('-- KEPT: not in the expected schema');
  expect(up).not.toMatch(/DROP COLUMN IF EXISTS legacy/);
  expect(r.stdout).toMatch(/^remediation: \d+ steps fix 3 of the 5 findings; 2 unexpected kept/m);
  expect(up).not.toContain(new URL(db.url).password);

  const dropped = path.join(dir, 'dropped');
  const d = await runCli(['audit', '--db', db.url, '--expected', expected, '--migration-dir', dropped, '--drop-unexpected', '--no-advice']);
  expect(d.code).toBe(1);
  const up2 = readFileSync(path.join(dropped, 'up.sql'), 'utf8');
  expect(up2).toContain('ALTER TABLE IF EXISTS public."Leads" DROP COLUMN IF EXISTS legacy;');
  expect(up2).toContain('HAZARD data_loss');
  expect(readFileSync(path.join(dropped, 'down.sql'), 'utf8')).toContain('ALTER TABLE public."Leads" ADD COLUMN IF NOT EXISTS legacy text;');
});

test('--verify proves the plan and says so in the report and both files', async () => {
  const out = path.join(dir, 'verified');
  const r = await runCli(['audit', '--db', db.url, '--expected', expected, '--migration-dir', out, '--verify', '--no-advice']);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/verified on PostgreSQL \d+\.\d+ \(structure only/);
  for (const f of ['up.sql', 'down.sql']) expect(readFileSync(path.join(out, f), 'utf8')).toMatch(/^-- verified on PostgreSQL \d+/m);
  const json = await runCli(['audit', '--db', db.url, '--expected', expected, '--verify', '--format', 'json', '--no-advice']);
  expect(JSON.parse(json.stdout).remediation.verification).toMatchObject({ verified: true });
});

test('bad --migration-dir: one line, exit 2, and no half-written files', async () => {
  const empty = await runCli(['audit', '--db', db.url, '--expected', expected, '--migration-dir', '']);
  expect(empty.code).toBe(2);
  expect(empty.stderr).toMatch(/--migration-dir needs a directory/);

  const blocker = path.join(dir, 'a-file');
  writeFileSync(blocker, 'not a directory');
  const r = await runCli(['audit', '--db', db.url, '--expected', expected, '--migration-dir', path.join(blocker, 'sub'), '--no-advice']);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/cannot write the migration to .*a-file\/sub/);
  expect(existsSync(path.join(blocker, 'sub'))).toBe(false);

});
