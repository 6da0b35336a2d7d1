import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { driftFindings, runCliHere } from '../support/cli.js';

/**
 * Loading a spec on the scratch server (src/expected/load-spec-source.ts):
 * all statements in one transaction, one round trip each; when PostgreSQL
 * rejects one, every rejected statement is reported with its file and line
 * (the load is run again statement by statement under savepoints).
 */
let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('cli_spec_load');
  await db.exec('create table clients (id integer primary key, name text not null, score integer default 0)');
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-spec-load-'));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

function spec(name: string, clientsScoreDefault: string, extra = ''): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `version: 1
tables:
  clients:
    columns:
      id: { type: int, nullable: false }
      name: { type: text, nullable: false }
      score: { type: int, default: "${clientsScoreDefault}" }
    primaryKey: [id]
${extra}`,
  );
  return file;
}

test('a spec PostgreSQL accepts: loaded, no drift', async () => {
  const r = await runCliHere(['audit', '--db', db.url, '--expected', spec('ok.yaml', '0'), '--format', 'json', '--no-advice']);
  expect(r.stderr).toBe('');
  expect(driftFindings(r.stdout)).toEqual([]);
  expect(r.code).toBe(0);
});

test('every statement PostgreSQL rejects is reported with its line, not only the first', async () => {
  const extra = `  leads:
    columns:
      id: { type: int, nullable: false }
      rank: { type: int, default: "'high'" }
    primaryKey: [id]
`;
  const file = spec('bad.yaml', "'none'", extra);
  const r = await runCliHere(['audit', '--db', db.url, '--expected', file, '--format', 'json', '--no-advice']);
  expect(r.code).toBe(2);
  const problems = r.stderr.split('\n').filter((l) => l.includes('bad.yaml:')).map((l) => l.replace(/^.*bad\.yaml:/, ''));
  expect(problems).toEqual([
    '3: tables.clients: PostgreSQL rejects it: invalid input syntax for type integer: "none"',
    '8: tables.clients.primaryKey: PostgreSQL rejects it: relation "public.clients" does not exist',
    '9: tables.leads: PostgreSQL rejects it: invalid input syntax for type integer: "high"',
    '13: tables.leads.primaryKey: PostgreSQL rejects it: relation "public.leads" does not exist',
  ]);
});
