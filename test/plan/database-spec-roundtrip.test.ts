import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliHere } from '../support/cli.js';
import { execAsAdmin, createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { randomRoleName } from '../introspect/helpers.js';
import { expectCleanRoundTrip, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * The database's own privileges in a spec (`database: grants:`), loaded
 * into the scratch database on current_database(): compared then (and only
 * then) with the live database's; up.sql (psql, twice) makes the audit
 * against the spec clean, down.sql (twice) gives back the original
 * privileges, compared with a reference database; `snapshot --role` writes
 * the section and reads back to a clean audit. Roles: unique names, dropped.
 */
const app = randomRoleName('dbsapp');
const ro = randomRoleName('dbsro');

const SCHEMA = 'CREATE SCHEMA app; CREATE TABLE app.t (id integer);';
const spec = (database: string): string =>
  [`roles: [${app}, ${ro}]`, 'schemas: [app]', 'tables:', '  app.t:', '    columns: { id: { type: integer } }', database, ''].join('\n');

let live: TestDatabase;
let original: TestDatabase;
let dir: string;
let rt: RoundTrip;
let without: string[];
const every = ['--schema', 'app', '--role', app, '--role', ro];

const driftIds = async (expected: string, extra: readonly string[] = []): Promise<string[]> => {
  const r = await runCliHere(['audit', '--db', live.url, '--expected', expected, '--format', 'json', '--no-advice', ...every, ...extra]);
  if (r.stdout === '') throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as { findings: { id: string; category: string }[] }).findings.filter((f) => f.category === 'drift').map((f) => f.id).sort();
};

beforeAll(async () => {
  await execAsAdmin(`CREATE ROLE ${app} NOLOGIN; CREATE ROLE ${ro} NOLOGIN;`);
  live = await createTestDatabase('dbspec_live');
  original = await createTestDatabase('dbspec_orig');
  for (const db of [live, original]) {
    await db.exec(SCHEMA);
    await execAsAdmin(`GRANT CREATE ON DATABASE "${db.name}" TO ${app}`);
  }
  dir = makeTempDir('dbspec');
  writeFileSync(path.join(dir, 'with.yaml'), spec(`database:\n  grants: { ${ro}: [CONNECT, TEMP], PUBLIC: [CONNECT] }`));
  writeFileSync(path.join(dir, 'without.yaml'), spec(''));
  without = await driftIds(path.join(dir, 'without.yaml'));
  rt = await roundTrip(live, original.url, path.join(dir, 'with.yaml'), ['--no-advice', '--verify'], undefined, every);
}, 300_000);

afterAll(async () => {
  for (const db of [live, original]) await db?.drop();
  if (dir) removeTempDir(dir);
  await execAsAdmin(`DROP ROLE IF EXISTS ${app}; DROP ROLE IF EXISTS ${ro};`).catch(() => undefined);
});

test('a spec without database: does not compare the database', () => {
  expect(without).toEqual([]);
});

test('with database: grants:, what the database lacks and holds beyond them, planned on current_database()', () => {
  expect(rt.before).toEqual(['privilege_missing:database', 'privilege_unexpected:database']);
  expect(rt.manual).toEqual([]);
  expect(rt.plan.verification).toMatchObject({ verified: true });
  expect(rt.files['up.sql']).toContain("EXECUTE 'GRANT CONNECT ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database())");
  expect(rt.files['up.sql']).toContain("EXECUTE 'REVOKE TEMPORARY ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database()) || ' FROM PUBLIC'");
});

test('up.sql and down.sql (psql, twice each): clean against the spec after up, the original privileges after down', () => {
  expectCleanRoundTrip(rt);
});

test('the spec’s expected model from the cache still compares the database', async () => {
  const cache = ['--cache-dir', path.join(dir, 'cache')];
  const spec = path.join(dir, 'with.yaml');
  await runCliHere(['audit', '--db', live.url, '--expected', spec, '--no-advice', ...every, ...cache]);
  await execAsAdmin(`GRANT CREATE ON DATABASE "${live.name}" TO ${ro}`);
  const r = await runCliHere(['audit', '--db', live.url, '--expected', spec, '--format', 'json', '--no-advice', '--verbose', ...every, ...cache]);
  expect(r.stderr).toContain('cache: using the cached expected model');
  expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toContain('privilege_unexpected:database');
  await execAsAdmin(`REVOKE CREATE ON DATABASE "${live.name}" FROM ${ro}`);
});

test('snapshot --role writes database: grants: when not a new database’s; the audit against it is clean', async () => {
  const file = path.join(dir, 'snapshot.yaml');
  const r = await runCliHere(['snapshot', '--db', live.url, '--schema', 'app', '--role', app, '--role', ro, '--out', file]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(readFileSync(file, 'utf8')).toContain(`database:\n  grants: { PUBLIC: [ CONNECT, TEMPORARY ], ${app}: [ CREATE ] }\n`);
  expect(await driftIds(file)).toEqual([]);
  // A change after the snapshot is a finding.
  await execAsAdmin(`REVOKE TEMPORARY ON DATABASE "${live.name}" FROM PUBLIC`);
  expect(await driftIds(file)).toEqual(['privilege_missing:database']);
});
