import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliHere } from '../support/cli.js';
import type { TestDatabase } from '../support/db.js';
import { randomRoleName } from '../introspect/helpers.js';
import { migrationText, roundTrip, rolesFixture, type RolesFixture } from './roundtrip.js';

/**
 * Privileges and owners on a real server (issue #12 part 2): the live
 * database A leaks SELECT to PUBLIC, misses the readonly role's grants and
 * has another owner than expected B says; audited for the governed roles
 * only, up.sql (psql, twice) makes the audit clean, down.sql (twice) brings
 * A back. Roles are cluster-wide: unique names, dropped at the end.
 */
const app = randomRoleName('app');
const readonly = randomRoleName('ro');
const other = randomRoleName('other');

const A = `
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, secret text);
CREATE SEQUENCE app.s;
CREATE FUNCTION app.f(i integer) RETURNS integer LANGUAGE sql AS 'select i';
GRANT SELECT ON app.t TO PUBLIC;
GRANT SELECT ON app.t TO ${other};
GRANT USAGE ON SEQUENCE app.s TO ${readonly};
`;

const B = `
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, secret text);
CREATE SEQUENCE app.s;
CREATE FUNCTION app.f(i integer) RETURNS integer LANGUAGE sql AS 'select i';
ALTER TABLE app.t OWNER TO ${app};
GRANT SELECT, INSERT ON app.t TO ${app};
GRANT USAGE ON SCHEMA app TO ${readonly};
GRANT SELECT (id) ON app.t TO ${readonly};
GRANT USAGE ON SEQUENCE app.s TO ${readonly} WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION app.f(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.f(integer) TO ${readonly};
ALTER DEFAULT PRIVILEGES FOR ROLE ${app} IN SCHEMA app GRANT SELECT ON TABLES TO ${readonly};
`;

let db: TestDatabase;
let dir: string;
let fixture: RolesFixture | undefined;
const roles = ['--role', app, '--role', readonly];

beforeAll(async () => {
  fixture = await rolesFixture('privrt', [app, readonly, other], A, B);
  db = fixture.db;
  dir = fixture.dir;
});

afterAll(async () => {
  await fixture?.drop();
});

interface Report {
  findings: { id: string; kind: string; severity: string; category: string; message: string }[];
  coverage: { privileges: { privileges: boolean; owners: boolean; roles: string[]; otherGrantees: string[] } };
}

async function audit(extra: readonly string[]): Promise<Report> {
  const r = await runCliHere(['audit', '--db', db.url, '--expected', path.join(dir, 'b.sql'), '--format', 'json', '--no-advice', ...extra]);
  return JSON.parse(r.stdout) as Report;
}

test('without governed roles nothing about privileges or owners is compared, and the coverage says so', async () => {
  const r = await audit([]);
  expect(r.findings.filter((f) => /privilege|owner/.test(f.kind))).toEqual([]);
  expect(r.coverage.privileges).toEqual({ privileges: false, owners: false, roles: [], otherGrantees: [] });
});

test('governed roles: each difference once, with its kind and words; grants to other roles are left out and named', async () => {
  const r = await audit(roles);
  expect(r.findings.map((f) => [f.id, f.severity, f.message])).toEqual([
    ['privilege_missing:default privileges for role ' + app + ' on tables:app', 'error', `default privileges for role ${app} on tables in schema app lacks SELECT to ${readonly}`],
    ['privilege_missing:schema:app', 'error', `schema app lacks USAGE to ${readonly}`],
    ['privilege_missing:sequence:app.s', 'error', `sequence app.s lacks USAGE to ${readonly} with grant option`],
    ['privilege_missing:function:app.f(i integer)', 'error', `function app.f(i integer) lacks EXECUTE to ${readonly}`],
    ['privilege_unexpected:function:app.f(i integer)', 'error', 'function app.f(i integer) has unexpected EXECUTE to PUBLIC'],
    ['privilege_unexpected:table:app.t', 'error', 'table app.t has unexpected SELECT to PUBLIC'],
    ['owner_mismatch:table:app.t', 'error', expect.stringMatching(new RegExp(`^table app\\.t is owned by \\w+, expected ${app}$`))],
    ['privilege_missing:column:app.t.id', 'error', `column app.t.id lacks SELECT to ${readonly}`],
  ]);
  expect(r.coverage.privileges).toEqual({ privileges: true, owners: true, roles: ['PUBLIC', app, readonly].sort(), otherGrantees: [other] });
});

test('--no-privileges and --no-owners turn each comparison off; --role-map translates the expected names', async () => {
  expect((await audit([...roles, '--no-privileges'])).findings.map((f) => f.kind)).toEqual(['owner_mismatch']);
  expect((await audit([...roles, '--no-owners'])).findings.map((f) => f.kind)).not.toContain('owner_mismatch');
  // The expected side calls the readonly role "reader": mapped, the same findings name the live role.
  writeFileSync(path.join(dir, 'b-renamed.sql'), B.replaceAll(readonly, 'reader'));
  const r = await runCliHere(['audit', '--db', db.url, '--expected', path.join(dir, 'b-renamed.sql'), '--format', 'json', '--no-advice', '--role', app, '--role-map', `reader=${readonly}`]);
  expect((JSON.parse(r.stdout) as Report).findings.map((f) => f.id)).toEqual((await audit(roles)).findings.map((f) => f.id));
});

test('a bad --role-map is one line and exit 2', async () => {
  const r = await runCliHere(['audit', '--db', db.url, '--expected', path.join(dir, 'b.sql'), '--role-map', 'app']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--role-map takes EXPECTED=LIVE/);
});

test('up.sql (GRANT, REVOKE, ALTER … OWNER TO) makes the audit clean; down.sql brings the original back', async () => {
  const rt = await roundTrip(db, path.join(dir, 'a.sql'), path.join(dir, 'b.sql'), ['--verify'], undefined, roles);
  const context = migrationText(rt);
  // --verify copied the owners, grants and default privileges, and the roles, to its scratch server first.
  expect({ verification: rt.plan.verification, context }).toEqual({ verification: expect.objectContaining({ verified: true }), context });
  expect({ up: rt.up, context }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
  expect({ afterUp: rt.afterUp, context }).toEqual({ afterUp: [], context });
  expect({ down: rt.down, context }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
  expect({ afterDown: rt.afterDown, context }).toEqual({ afterDown: [], context });
  expect(rt.files['up.sql']).toContain(`REVOKE SELECT ON TABLE app.t FROM PUBLIC`);
  expect(rt.files['up.sql']).toContain(`ALTER TABLE app.t OWNER TO ${app}`);
  expect(rt.files['up.sql']).toContain(`GRANT USAGE ON SEQUENCE app.s TO ${readonly} WITH GRANT OPTION`);
  expect(rt.files['down.sql']).toContain(`REVOKE GRANT OPTION FOR USAGE ON SEQUENCE app.s FROM ${readonly}`);
});
