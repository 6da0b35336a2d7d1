import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCliHere } from '../support/cli.js';
import { createTestDatabase, execAsAdmin, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { randomRoleName } from '../introspect/helpers.js';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import { specToDdl } from '../../src/spec-file/spec-to-ddl.js';
import { pagilaSql } from '../support/pagila.js';

/**
 * Privileges and owners in a YAML spec (issue #12): `snapshot --role`
 * writes `roles:`, each object's `owner:` and `grants:` (columns' too) and
 * `default_privileges:` for the governed roles; auditing the same database
 * against that spec finds nothing, and each change made afterwards (a grant
 * added, one revoked, a column grant, an owner, default privileges) is a
 * finding. A hand-written spec with a role mapping (`as:`) is audited too.
 * Roles are cluster-wide: unique names, dropped at the end.
 */
const app = randomRoleName('app');
const readonly = randomRoleName('ro');
const other = randomRoleName('other');

const SCHEMA = `
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('ok', 'sad');
CREATE DOMAIN app.pos AS integer CHECK (VALUE > 0);
CREATE TABLE app.t (id integer PRIMARY KEY, secret text, m app.mood);
CREATE SEQUENCE app.s;
CREATE VIEW app.v AS SELECT id FROM app.t;
CREATE FUNCTION app.f(i integer) RETURNS integer LANGUAGE sql AS 'select i';
CREATE FUNCTION app.f(i text) RETURNS text LANGUAGE sql AS 'select i';
ALTER SCHEMA app OWNER TO ${app};
ALTER TABLE app.t OWNER TO ${app};
ALTER SEQUENCE app.s OWNER TO ${app};
ALTER FUNCTION app.f(integer) OWNER TO ${app};
GRANT USAGE ON SCHEMA app TO ${readonly};
GRANT SELECT ON app.t TO ${readonly};
GRANT SELECT (id), UPDATE (secret) ON app.t TO ${other};
GRANT INSERT (secret) ON app.t TO ${readonly} WITH GRANT OPTION;
GRANT SELECT ON app.v TO ${readonly};
GRANT USAGE, SELECT ON SEQUENCE app.s TO ${readonly} WITH GRANT OPTION;
GRANT SELECT ON SEQUENCE app.s TO ${other};
REVOKE EXECUTE ON FUNCTION app.f(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.f(integer) TO ${readonly};
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON TYPE app.mood TO ${readonly};
CREATE TABLE app.u (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
GRANT USAGE ON SEQUENCE app.u_id_seq TO ${readonly};
CREATE TABLE app.w (id serial PRIMARY KEY);
ALTER TABLE app.w OWNER TO ${app};
GRANT SELECT ON SEQUENCE app.w_id_seq TO ${readonly};
ALTER DEFAULT PRIVILEGES FOR ROLE ${app} IN SCHEMA app GRANT SELECT ON TABLES TO ${readonly};
ALTER DEFAULT PRIVILEGES FOR ROLE ${app} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
`;

let db: TestDatabase;
let dir: string;
let spec: string;

beforeAll(async () => {
  await execAsAdmin(`CREATE ROLE ${app} NOLOGIN; CREATE ROLE ${readonly} NOLOGIN; CREATE ROLE ${other} NOLOGIN`);
  db = await createTestDatabase('specpriv');
  await db.exec(SCHEMA);
  dir = makeTempDir('specpriv');
  spec = path.join(dir, 'spec.yaml');
});

afterAll(async () => {
  await db?.drop();
  if (dir) removeTempDir(dir);
  for (const r of [app, readonly, other]) await execAsAdmin(`DROP OWNED BY ${r}; DROP ROLE IF EXISTS ${r}`).catch(() => undefined);
});

interface Report {
  findings: { id: string; kind: string; message: string }[];
}

async function audit(expected: string, extra: readonly string[] = []): Promise<Report> {
  const r = await runCliHere(['audit', '--db', db.url, '--expected', expected, '--format', 'json', '--no-advice', '--schema', 'app', ...extra]);
  if (r.code === 2 || r.stdout === '') throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Report;
}

const privilegeFindings = (r: Report): string[] => r.findings.filter((f) => /privilege|owner/.test(f.kind)).map((f) => f.message);

test('snapshot --role writes roles, owners, grants and default privileges; the audit against it is clean', async () => {
  const r = await runCliHere(['snapshot', '--db', db.url, '--schema', 'app', '--role', app, '--role', readonly, '--out', spec]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const text = readFileSync(spec, 'utf8');
  expect(text).toContain(`roles:\n  - ${app}\n  - ${readonly}\n`);
  expect(text).toContain(`schemas:\n  - { name: app, owner: ${app}, grants: { ${readonly}: [ USAGE ] } }`);
  expect(text).toMatch(new RegExp(`  app\\.t:\\n[^]*?\\n    owner: ${app}\\n    grants: \\{ ${readonly}: \\[ SELECT \\] \\}\\n`));
  expect(text).toContain(`secret: { type: text, grants: { ${readonly}: [ INSERT WITH GRANT OPTION ] } }`);
  expect(text).toContain(`grants: { ${readonly}: [ SELECT WITH GRANT OPTION, USAGE WITH GRANT OPTION ] }`);
  expect(text).toContain(`default_privileges:\n  - { role: ${app}, on: functions, grants: {} }\n  - { role: ${app}, schema: app, on: tables, grants: { ${readonly}: [ SELECT ] } }`);
  // Grants to a role not governed are not written.
  expect(text).not.toContain(other);
  // A serial's and an identity column's sequence: their grants, never an owner of their own (their table's).
  expect(text).toContain(`app.u_id_seq: { ownedBy: app.u.id, grants: { ${readonly}: [ USAGE ] } }`);
  expect(text).toContain(`app.w_id_seq: { type: integer, ownedBy: app.w.id, grants: { ${readonly}: [ SELECT ] } }`);
  expect(privilegeFindings(await audit(spec))).toEqual([]);
  // Governed only by the spec: without it the same audit compares nothing of the kind, and --role adds nothing new.
  expect(privilegeFindings(await audit(spec, ['--role', app]))).toEqual([]);
});

test('a snapshot of every schema (public\'s privileges differ between majors) audits clean too', async () => {
  const file = path.join(dir, 'all.yaml');
  const r = await runCliHere(['snapshot', '--db', db.url, '--role', app, '--role-map', `reader=${readonly}`, '--out', file]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(`roles:\n  - ${app}\n  - { name: reader, as: ${readonly} }\n`);
  expect(text).toContain('  - { name: public, grants: { PUBLIC: [');
  expect(text).toContain('grants: { reader: [ SELECT ] }');
  const a = await runCliHere(['audit', '--db', db.url, '--expected', file, '--format', 'json', '--no-advice']);
  expect(privilegeFindings(JSON.parse(a.stdout) as Report)).toEqual([]);
});

test('drift after the snapshot: a grant added, one revoked, a column grant, an owner, default privileges', async () => {
  await db.exec(`
    GRANT DELETE ON app.t TO ${readonly};
    REVOKE SELECT ON app.v FROM ${readonly};
    GRANT UPDATE (secret) ON app.t TO ${readonly};
    ALTER SEQUENCE app.s OWNER TO ${readonly};
    GRANT EXECUTE ON FUNCTION app.f(text) TO ${readonly};
    ALTER DEFAULT PRIVILEGES FOR ROLE ${app} IN SCHEMA app GRANT INSERT ON TABLES TO ${readonly};
    GRANT SELECT ON app.t TO ${other};
  `);
  try {
    expect(privilegeFindings(await audit(spec)).sort()).toEqual(
      [
        `column app.t.secret has unexpected UPDATE to ${readonly}`,
        `default privileges for role ${app} on tables in schema app has unexpected INSERT to ${readonly}`,
        `function app.f(i text) has unexpected EXECUTE to ${readonly}`,
        `sequence app.s is owned by ${readonly}, expected ${app}`,
        `table app.t has unexpected DELETE to ${readonly}`,
        `view app.v lacks SELECT to ${readonly}`,
      ].sort(),
    );
    // --no-owners and --no-privileges turn each part off, as for SQL sources.
    expect(privilegeFindings(await audit(spec, ['--no-privileges']))).toEqual([`sequence app.s is owned by ${readonly}, expected ${app}`]);
  } finally {
    await db.exec(`
      REVOKE DELETE ON app.t FROM ${readonly};
      GRANT SELECT ON app.v TO ${readonly};
      REVOKE UPDATE (secret) ON app.t FROM ${readonly};
      ALTER SEQUENCE app.s OWNER TO ${app};
      GRANT USAGE, SELECT ON SEQUENCE app.s TO ${readonly} WITH GRANT OPTION;
      REVOKE EXECUTE ON FUNCTION app.f(text) FROM ${readonly};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${app} IN SCHEMA app REVOKE INSERT ON TABLES FROM ${readonly};
      REVOKE SELECT ON app.t FROM ${other};
      GRANT SELECT (id) ON app.t TO ${other}; -- the table's REVOKE took the column's too
    `);
  }
  expect(privilegeFindings(await audit(spec))).toEqual([]);
});

test('a hand-written spec: roles mapped with as:, PUBLIC, grant options; --role-map overrides the spec\'s mapping', async () => {
  const file = path.join(dir, 'mapped.yaml');
  writeFileSync(
    file,
    [
      'roles:',
      `  - ${app}`,
      `  - { name: reader, as: ${other} }`,
      'tables:',
      '  app.t:',
      `    owner: ${app}`,
      '    grants: { reader: [SELECT], PUBLIC: [SELECT] }',
      '    columns:',
      '      id: { type: integer, nullable: false }',
      '      secret: { type: text }',
      '      m: { type: text }',
      '    primaryKey: [id]',
      '',
    ].join('\n'),
  );
  const messages = privilegeFindings(await audit(file));
  expect(messages).toEqual(
    expect.arrayContaining([
      `table app.t lacks SELECT to PUBLIC, SELECT to ${other}`,
      `column app.t.id has unexpected SELECT to ${other}`,
      `column app.t.secret has unexpected UPDATE to ${other}`,
    ]),
  );
  expect(messages.some((m) => m.includes('owned by'))).toBe(false);
  // reader is the readonly role here: its table grant matches, PUBLIC's is still missing.
  const mapped = privilegeFindings(await audit(file, ['--role-map', `reader=${readonly}`]));
  expect(mapped).toContain('table app.t lacks SELECT to PUBLIC');
  expect(mapped.some((m) => m.includes(other))).toBe(false);
});

test('the README example: loaded into a database with its roles mapped, the audit is clean; a revoke is a finding', async () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /#### Privileges and owners in the spec\s+```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  const file = path.join(dir, 'readme.yaml');
  writeFileSync(file, block);
  // The example's own role names (this run's server is thrown away at the end; kept if another file made them).
  await execAsAdmin(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN CREATE ROLE app NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader_prod') THEN CREATE ROLE reader_prod NOLOGIN; END IF;
  END $$`);
  const live = await createTestDatabase('specpriv_readme');
  try {
    // The spec's DDL, with reader named as on the audited server.
    for (const statement of specToDdl(loadSpec(file))) await live.exec(statement.sql.replaceAll(/\breader\b/g, 'reader_prod'));
    const audit = async (): Promise<string[]> =>
      privilegeFindings(JSON.parse((await runCliHere(['audit', '--db', live.url, '--expected', file, '--format', 'json', '--no-advice'])).stdout) as Report);
    expect(await audit()).toEqual([]);
    await live.exec('REVOKE SELECT ON app.leads FROM reader_prod; GRANT EXECUTE ON FUNCTION app.tenant_of(uuid) TO PUBLIC');
    // A table's REVOKE takes the column's privilege too.
    expect((await audit()).sort()).toEqual([
      'column app.leads.email lacks SELECT to reader_prod',
      'function app.tenant_of(u uuid) has unexpected EXECUTE to PUBLIC',
      'table app.leads lacks SELECT to reader_prod',
    ]);
  } finally {
    await live.drop();
  }
});

test('pagila with grants on every kind of object: snapshot --role, then the audit finds no privilege drift', async () => {
  const pg = await createTestDatabase('specpriv_pagila');
  try {
    await pg.exec(pagilaSql());
    await pg.exec(`
      GRANT USAGE ON SCHEMA public TO ${readonly};
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${readonly};
      GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${app};
      GRANT INSERT, UPDATE (amount) ON public.payment TO ${app} WITH GRANT OPTION;
      REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${readonly};
      REVOKE USAGE ON DOMAIN public.year FROM PUBLIC;
      GRANT USAGE ON TYPE public.mpaa_rating TO ${app};
      ALTER TABLE public.actor OWNER TO ${app};
      ALTER VIEW public.actor_info OWNER TO ${app};
      ALTER FUNCTION public.last_day(timestamp with time zone) OWNER TO ${app};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${app} GRANT SELECT ON TABLES TO ${readonly};
    `);
    const file = path.join(dir, 'pagila.yaml');
    const r = await runCliHere(['snapshot', '--db', pg.url, '--role', app, '--role', readonly, '--out', file]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const a = await runCliHere(['audit', '--db', pg.url, '--expected', file, '--format', 'json', '--no-advice']);
    const report = JSON.parse(a.stdout) as Report;
    expect(privilegeFindings(report)).toEqual([]);
    await pg.exec(`REVOKE SELECT ON public.payment_p2022_03 FROM ${readonly}; ALTER TABLE public.actor OWNER TO ${readonly}`);
    const after = JSON.parse((await runCliHere(['audit', '--db', pg.url, '--expected', file, '--format', 'json', '--no-advice'])).stdout) as Report;
    expect(privilegeFindings(after).sort()).toEqual([`table public.actor is owned by ${readonly}, expected ${app}`, `table public.payment_p2022_03 lacks SELECT to ${readonly}`]);
  } finally {
    await pg.drop();
  }
});

test('a grant to a role the spec does not govern, and a bad privilege, are problems at file:line', async () => {
  const file = path.join(dir, 'bad.yaml');
  writeFileSync(file, ['roles: [app]', 'sequences:', '  s:', '    grants:', '      app: [USAGE, DELETE]', '      nobody: [SELECT]', ''].join('\n'));
  const r = await runCliHere(['audit', '--db', db.url, '--expected', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`${file}:5`);
  expect(r.stderr).toMatch(/unknown privilege 'DELETE' for a sequence/);
  expect(r.stderr).toContain(`${file}:6`);
  expect(r.stderr).toMatch(/grants to nobody, a role the spec does not govern/);
});
