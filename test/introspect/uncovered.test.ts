import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { createTestDatabase, execAsAdmin, urlAs, type TestDatabase } from '../support/db.js';
import { runCliHere } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { randomRoleName } from './helpers.js';

/**
 * Objects of kinds schema-audit does not compare are listed by name, in the
 * schemas read and database-wide, never PostgreSQL's own or an extension's;
 * a CONNECT-only audit role sees the same list; an audit names them and
 * says "No drift in what was compared", and --strict-coverage fails it.
 */

let db: TestDatabase;
const role = randomRoleName('uncov');
const password = `pw-${role}`;
let roleUrl: string;
let pub: string;
let sub: string;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir('uncovered');
  db = await createTestDatabase('uncovered');
  // Publications and subscriptions are per database but their names are per cluster for subscriptions: unique.
  pub = `${db.name}_pub`;
  sub = `${db.name}_sub`;
  await db.exec(`
    create schema app;
    create schema other;
    create table app.leads (id int primary key, tenant int not null, v text);
    alter table app.leads enable row level security;
    create policy tenant_rows on app.leads using (tenant = 1);
    create table app.log (id int);
    create rule "no|del
ete" as on delete to app.log do instead nothing;
    create view app.v as select id from app.leads;
    create function app.v_ins() returns trigger language plpgsql as $$ begin return new; end $$;
    create trigger v_ins instead of insert on app.v for each row execute function app.v_ins();
    create type app.pair as (a int, b text);
    create type app.span as range (subtype = int4);
    create collation app.posix (locale = 'C');
    create function app.eq3(int, int) returns boolean language sql immutable as 'select $1 = $2';
    create operator app.=== (leftarg = int, rightarg = int, function = app.eq3);
    create statistics app.leads_stats (dependencies) on id, tenant from app.leads;
    create text search configuration app.english2 (copy = pg_catalog.english);
    create text search dictionary app.simple2 (template = pg_catalog.simple);
    create foreign data wrapper dummy_fdw;
    create server dummy_server foreign data wrapper dummy_fdw;
    create foreign table app.remote (id int) server dummy_server;
    create publication "${pub}" for table app.leads;
    create subscription "${sub}" connection 'dbname=none' publication "${pub}" with (connect = false, slot_name = none);
    create cast (app.pair as text) with inout;
    create table other.t (id int);
    create text search dictionary other.simple3 (template = pg_catalog.simple);
    create extension if not exists pg_trgm schema other;
    revoke all on database "${db.name}" from public;
    create role "${role}" login password '${password}';
    grant connect on database "${db.name}" to "${role}";
  `);
  roleUrl = urlAs(db.url, role, password);
});

afterAll(async () => {
  await db.exec(`alter subscription "${sub}" disable; alter subscription "${sub}" set (slot_name = none); drop subscription if exists "${sub}"`).catch(() => undefined);
  await db.exec(`drop owned by "${role}"`).catch(() => undefined);
  await db.drop();
  await execAsAdmin(`drop role if exists "${role}"`);
  removeTempDir(dir);
});

test('kinds not compared are listed by name, in the schemas read and database-wide; an extension\'s objects are not', async () => {
  const r = await readLiveSchema(db.url, { schemas: ['app'] });
  expect(r.uncovered.map((o) => [o.kind, o.schema, o.name])).toEqual([
    ['rule', 'app', 'log.no|del\nete'],
    ['operator', 'app', '===(integer, integer)'],
    ['extended statistics', 'app', 'leads_stats'],
    ['text search configuration', 'app', 'english2'],
    ['text search dictionary', 'app', 'simple2'],
    ['foreign table', 'app', 'remote'],
    ['foreign server', null, 'dummy_server'],
    ['foreign-data wrapper', null, 'dummy_fdw'],
    ['publication', null, pub],
    ['subscription', null, sub],
    ['cast', null, 'app.pair AS text'],
  ]);
  // Collations are compared (src/kinds/collation/): in the model, not listed.
  expect(r.model.collations.map((c) => `${c.schema}.${c.name}`)).toEqual(['app.posix']);
  // Every schema but PostgreSQL's own: other.simple3 too, never pg_trgm's operators, opclasses or functions
  // (app.leads' row-level security and policy are compared: not listed).
  const all = await readLiveSchema(db.url);
  expect(all.uncovered.filter((o) => o.schema === 'other').map((o) => [o.kind, o.name])).toEqual([['text search dictionary', 'simple3']]);
  expect(all.uncovered.some((o) => o.schema === 'pg_catalog' || o.schema === 'information_schema')).toBe(false);
});

test('a CONNECT-only audit role sees the same objects', async () => {
  const asSuper = await readLiveSchema(db.url);
  const asRole = await readLiveSchema(roleUrl);
  expect(asRole.server.user).toBe(role);
  expect(asRole.uncovered).toEqual(asSuper.uncovered);
});

test('an audit lists them, says "No drift in what was compared", and --strict-coverage fails the gate', async () => {
  const spec = await runCliHere(['snapshot', '--db', db.url, '--schema', 'app', '--format', 'model']);
  expect(spec.code).toBe(0);
  const expected = path.join(dir, 'expected.json');
  writeFileSync(expected, spec.stdout);
  const text = await runCliHere(['audit', '--db', db.url, '--expected', expected, '--schema', 'app', '--no-advice', '--format', 'text']);
  expect(text.code).toBe(0);
  // Row-level security is compared (app.leads' policy audits clean against the snapshot): not listed.
  expect(text.stdout).not.toContain('policy: app.leads.tenant_rows');
  expect(text.stdout).toContain('not compared: 1 rule: app.log.no|del\\nete');
  expect(text.stdout).toMatch(/✔ No drift in what was compared \(.*\); 11 objects of 11 kinds not compared\.\n$/);
  const json = await runCliHere(['audit', '--db', db.url, '--expected', expected, '--schema', 'app', '--no-advice', '--format', 'json']);
  const report = JSON.parse(json.stdout) as { coverage: { complete: boolean; notCompared: unknown[]; kinds: { kind: string; compared: number }[] } };
  expect(report.coverage.complete).toBe(false);
  expect(report.coverage.notCompared).toHaveLength(11);
  expect(report.coverage.kinds.find((k) => k.kind === 'collation')!.compared).toBe(1);
  expect(report.coverage.kinds.find((k) => k.kind === 'table')!.compared).toBe(2);
  const strict = await runCliHere(['audit', '--db', db.url, '--expected', expected, '--schema', 'app', '--no-advice', '--strict-coverage']);
  expect(strict.code).toBe(1);
  expect(strict.stdout).toMatch(/✖ .*11 objects of 11 kinds not compared — objects not compared \(--strict-coverage\)\n$/);
  const md = await runCliHere(['audit', '--db', db.url, '--expected', expected, '--schema', 'app', '--no-advice', '--format', 'markdown']);
  expect(md.stdout).toContain('**Not compared.**');
  expect(md.stdout).toContain('No drift in what was compared');
});
