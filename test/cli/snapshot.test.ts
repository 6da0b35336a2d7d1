import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { runCli, driftFindings } from '../support/cli.js';
import { applySqlFile } from '../support/psql.js';

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('cli_snap');
  await db.exec(`
    create schema billing;
    create type lead_status as enum ('new', 'contacted');
    create table public.leads (id uuid primary key, status lead_status not null default 'new', email text);
    create index leads_email_idx on public.leads (lower(email));
    create table billing.invoices (id bigint generated always as identity primary key, lead_id uuid references public.leads (id) on delete cascade);
    comment on table public.leads is 'Core business entity for lead management';
    insert into public.leads select gen_random_uuid(), 'new', 'x' || g || '@example.com' from generate_series(1, 100) g;
  `);
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-snap-'));
});
afterAll(async () => {
  // The directory first: removed even if dropping the database fails.
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

test('--format model prints the introspected model as JSON, exit 0, nothing on stderr when piped', async () => {
  const r = await runCli(['snapshot', '--format', 'model', '--db', db.url]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const doc = JSON.parse(r.stdout);
  expect(doc.formatVersion).toBe(1);
  expect(doc.source).toEqual({ database: db.name, serverVersion: expect.stringMatching(/^\d+\.\d+/), schemas: null });
  expect(doc.schema.tables.map((t: { schema: string; name: string }) => `${t.schema}.${t.name}`)).toEqual(['billing.invoices', 'public.leads']);
  const leads = doc.schema.tables[1];
  expect(leads.comment).toBe('Core business entity for lead management');
  expect(leads).not.toHaveProperty('rowEstimate');
  expect(doc.schema.enums).toEqual([{ schema: 'public', name: 'lead_status', values: ['new', 'contacted'], comment: null }]);
});

test('is byte-for-byte stable, also after data changes and ANALYZE', async () => {
  const a = await runCli(['snapshot', '--format', 'model', '--db', db.url]);
  await db.exec(`insert into public.leads select gen_random_uuid(), 'contacted', null from generate_series(1, 500); analyze;`);
  const b = await runCli(['snapshot', '--format', 'model', '--db', db.url]);
  expect(b.code).toBe(0);
  expect(b.stdout).toBe(a.stdout);
});

test('--schema limits what is read; repeated and comma-separated forms agree', async () => {
  const one = await runCli(['snapshot', '--format', 'model', '--db', db.url, '--schema', 'billing']);
  expect(one.code).toBe(0);
  const doc = JSON.parse(one.stdout);
  expect(doc.source.schemas).toEqual(['billing']);
  expect(doc.schema.tables.map((t: { name: string }) => t.name)).toEqual(['invoices']);
  // the foreign key still names the table it references outside the filter
  expect(doc.schema.tables[0].constraints.find((c: { kind: string }) => c.kind === 'foreign_key').references).toEqual({
    schema: 'public',
    table: 'leads',
    columns: ['id'],
  });
  const repeated = await runCli(['snapshot', '--format', 'model', '--db', db.url, '--schema', 'billing', '--schema', 'public']);
  const comma = await runCli(['snapshot', '--format', 'model', '--db', db.url, '--schema', 'billing,public']);
  expect(JSON.parse(repeated.stdout).schema).toEqual(JSON.parse(comma.stdout).schema);
});

test('--schema naming a schema that does not exist: exit 2', async () => {
  const r = await runCli(['snapshot', '--format', 'model', '--db', db.url, '--schema', 'nope', '--schema', 'public']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^schema-audit: schema not found in 127\.0\.0\.1:\d+\/sa_cli_snap_\w+: nope\n$/);
});

test('--out writes the same document atomically and prints nothing', async () => {
  const out = path.join(dir, 'nested', 'schema.json');
  const r = await runCli(['snapshot', '--format', 'model', '--db', db.url, '--out', out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  const piped = await runCli(['snapshot', '--format', 'model', '--db', db.url]);
  expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
  expect(readdirSync(path.dirname(out))).toEqual(['schema.json']); // no temporary files left
});

test('--out that cannot be written: exit 2, the old file untouched', async () => {
  const blocker = path.join(dir, 'a-file');
  writeFileSync(blocker, 'keep me');
  const r = await runCli(['snapshot', '--format', 'model', '--db', db.url, '--out', path.join(blocker, 'x.json')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^schema-audit: cannot write .*x\.json: .*a-file is a regular file, not a directory\n$/);
  expect(readFileSync(blocker, 'utf8')).toBe('keep me');
});

test('a failed run never replaces an existing --out file', async () => {
  const out = path.join(dir, 'keep.json');
  writeFileSync(out, '{"previous": true}\n');
  const r = await runCli(['snapshot', '--db', 'postgres://u:pw@127.0.0.1:1/none', '--out', out]);
  expect(r.code).toBe(3);
  expect(readFileSync(out, 'utf8')).toBe('{"previous": true}\n');
});

test('default: the live schema as a YAML spec, deterministic, which loads back as the same schema', async () => {
  const a = await runCli(['snapshot', '--db', db.url]);
  expect(a.code).toBe(0);
  expect(a.stdout).toMatch(/^# Expected schema, generated by `schema-audit snapshot`/);
  expect(a.stdout).toContain('lead_status:');
  expect(a.stdout).toContain('values: [ new, contacted ]');
  expect(a.stdout).toContain('description: Core business entity for lead management');
  expect(a.stdout).toMatch(/billing\.invoices:/);
  const b = await runCli(['snapshot', '--db', db.url]);
  expect(b.stdout).toBe(a.stdout);
  const json = await runCli(['snapshot', '--db', db.url, '--format', 'json']);
  expect(JSON.parse(json.stdout).tables.leads.description).toBe('Core business entity for lead management');
  const file = path.join(dir, 'spec.yaml');
  writeFileSync(file, a.stdout);
  const audit = await runCli(['audit', '--db', db.url, '--expected', file, '--format', 'json']);
  expect(driftFindings(audit.stdout)).toEqual([]);
  expect(audit.code).toBe(0);
});

test('--format sql: a psql script of the schema, header without the password, deterministic, loadable', async () => {
  const a = await runCli(['snapshot', '--db', db.url, '--format', 'sql']);
  expect(a.code).toBe(0);
  expect(a.stderr).toBe('');
  const password = decodeURIComponent(new URL(db.url).password);
  expect(password).not.toBe('');
  expect(a.stdout).not.toContain(password);
  expect(a.stdout.split('\n')[0]).toMatch(new RegExp(`^-- The schema of 127\\.0\\.0\\.1:\\d+/${db.name} \\(PostgreSQL \\d+\\.\\d+\\), as DDL\\.$`));
  expect(a.stdout).toContain('\nSET search_path = pg_catalog, public;\n');
  expect(a.stdout).toContain("\nCREATE TYPE public.lead_status AS ENUM ('new', 'contacted');\n\n");
  expect(a.stdout).toContain('\nALTER TABLE billing.invoices ADD CONSTRAINT invoices_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads(id) ON DELETE CASCADE;\n');
  await db.exec('insert into public.leads select gen_random_uuid(), \'contacted\', null from generate_series(1, 50); analyze;');
  const b = await runCli(['snapshot', '--db', db.url, '--format', 'sql']);
  expect(b.stdout).toBe(a.stdout);

  const out = path.join(dir, 'schema.sql');
  const written = await runCli(['snapshot', '--db', db.url, '--format', 'sql', '--out', out]);
  expect(written.code).toBe(0);
  expect(written.stdout).toBe('');
  expect(readFileSync(out, 'utf8')).toBe(a.stdout);
  const copy = await createTestDatabase('cli_snap_sql');
  try {
    await applySqlFile(copy.url, out);
    const audit = await runCli(['audit', '--db', copy.url, '--expected', db.url, '--format', 'json']);
    expect(driftFindings(audit.stdout)).toEqual([]);
  } finally {
    await copy.drop();
  }
  // the script is also an expected source, like any .sql file
  const self = await runCli(['audit', '--db', db.url, '--expected', out, '--format', 'json']);
  expect(self.stderr).toBe('');
  expect(driftFindings(self.stdout)).toEqual([]);
});

test('--format sql --schema: only that schema, named in the header; --help lists the format', async () => {
  const r = await runCli(['snapshot', '--db', db.url, '--format', 'sql', '--schema', 'billing']);
  expect(r.code).toBe(0);
  expect(r.stdout.split('\n')[0]).toMatch(/ \(PostgreSQL [\d.]+, schemas billing\), as DDL\.$/);
  expect(r.stdout).toContain('CREATE TABLE billing.invoices');
  expect(r.stdout).not.toContain('CREATE TABLE public.leads');
  const help = await runCli(['snapshot', '--help']);
  expect(help.stdout).toMatch(/"sql"/);
  expect(help.stdout).toMatch(/sql: DDL that builds the schema in an empty database/);
});

test('--exclude-schema leaves a schema out of snapshot and of both sides of audit; with --schema too: exit 2', async () => {
  const snap = await runCli(['snapshot', '--format', 'model', '--db', db.url, '--exclude-schema', 'billing']);
  expect(snap.code).toBe(0);
  const doc = JSON.parse(snap.stdout);
  expect(doc.schema.schemas.map((s: { name: string }) => s.name)).toEqual(['public']);
  expect(doc.schema.tables.map((t: { schema: string; name: string }) => `${t.schema}.${t.name}`)).toEqual(['public.leads']);
  const sqlOut = await runCli(['snapshot', '--db', db.url, '--format', 'sql', '--exclude-schema', 'billing']);
  expect(sqlOut.stdout).not.toContain('billing');

  // The expected side has billing too, with another table: left out there as well.
  const expected = path.join(dir, 'exclude-expected.sql');
  writeFileSync(expected, `${sqlOut.stdout}\ncreate schema billing;\ncreate table billing.payments (id int);\n`);
  const drift = await runCli(['audit', '--db', db.url, '--expected', expected, '--format', 'json']);
  expect(driftFindings(drift.stdout).length).toBeGreaterThan(0);
  const clean = await runCli(['audit', '--db', db.url, '--expected', expected, '--format', 'json', '--exclude-schema', 'billing']);
  expect(clean.stderr).toBe('');
  expect(driftFindings(clean.stdout)).toEqual([]);

  const both = await runCli(['snapshot', '--db', db.url, '--schema', 'billing', '--exclude-schema', 'public,billing']);
  expect(both.code).toBe(2);
  expect(both.stderr).toBe('schema-audit: --schema and --exclude-schema both name billing\n');
  const bothAudit = await runCli(['audit', '--db', db.url, '--expected', expected, '--schema', 'billing', '--exclude-schema', 'billing']);
  expect(bothAudit.code).toBe(2);
  expect(bothAudit.stderr).toBe('schema-audit: --schema and --exclude-schema both name billing\n');
});

test('--all-schemas: a schema only the database has is drift (unexpected, with what it holds); --exclude-schema still leaves it out; with --schema: exit 2', async () => {
  const publicOnly = path.join(dir, 'public-only.sql');
  writeFileSync(publicOnly, (await runCli(['snapshot', '--db', db.url, '--format', 'sql', '--schema', 'public'])).stdout);
  const scoped = await runCli(['audit', '--db', db.url, '--expected', publicOnly, '--format', 'json']);
  expect(driftFindings(scoped.stdout)).toEqual([]);
  const whole = await runCli(['audit', '--db', db.url, '--expected', publicOnly, '--format', 'json', '--all-schemas']);
  const ids = driftFindings(whole.stdout).map((f: { id: string }) => f.id);
  expect(ids).toContain('unexpected_schema:billing');
  expect(ids.filter((id: string) => !id.startsWith('unexpected_schema:billing') && !/^unexpected_[a-z]+:billing\./.test(id))).toEqual([]);
  const excluded = await runCli(['audit', '--db', db.url, '--expected', publicOnly, '--format', 'json', '--all-schemas', '--exclude-schema', 'billing']);
  expect(driftFindings(excluded.stdout)).toEqual([]);
  const both = await runCli(['audit', '--db', db.url, '--expected', publicOnly, '--all-schemas', '--schema', 'public']);
  expect(both.code).toBe(2);
  expect(both.stderr).toBe('schema-audit: --all-schemas and --schema: give one or the other\n');
});
