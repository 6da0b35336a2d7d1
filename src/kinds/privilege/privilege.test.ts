import { model } from '../../../test/diff/builders.js';
import type { AclObject, SchemaModel } from '../../model/schema-model.js';
import { decodePrivileges } from './catalog.js';
import { comparePrivileges } from './compare.js';
import { governPrivileges, privilegeCoverage, type PrivilegeGovernance } from './govern.js';
import { grantSql, ownerSql, revokeSql } from './sql.js';
import { privilegeCoverageText } from '../../audit-coverage.js';

const all = (): boolean => true;
const g = (grantee: string, privilege: string, grantable = false) => ({ grantee, privilege, grantable });
const acl = (over: Partial<AclObject> & Pick<AclObject, 'kind' | 'name'>): AclObject => ({ schema: 'app', owner: 'owner', grants: [], ...over });
const side = (...privileges: AclObject[]): SchemaModel => ({ ...model({ schemas: ['app'] }), privileges });
const GOV: PrivilegeGovernance = { roles: [{ expected: 'app', live: 'app_prod' }, { expected: 'ro', live: 'ro' }], privileges: true, owners: true };

function compare(expected: SchemaModel, live: SchemaModel, gov: PrivilegeGovernance | null = GOV) {
  const governed = governPrivileges(expected, live, gov ?? undefined);
  return comparePrivileges(governed.expected, governed.live, all).findings;
}

describe('decodePrivileges', () => {
  test('PUBLIC by name, grants sorted without repeats, default privileges by the kind of objects', () => {
    const rows = [
      { kind: 'default privileges', schema: '', name: 'app', column: null, arguments: null, objects: 'f', owner: null, grants: '[["ro","EXECUTE",false]]' },
      { kind: 'table', schema: 'app', name: 't', column: null, arguments: null, objects: null, owner: 'o', grants: '[["ro","UPDATE",false],["","SELECT",false],["ro","SELECT",true],["ro","SELECT",true]]' },
    ];
    expect(decodePrivileges(rows)).toEqual([
      { kind: 'default privileges', schema: '', name: 'app', objects: 'functions', owner: null, grants: [g('ro', 'EXECUTE')] },
      { kind: 'table', schema: 'app', name: 't', owner: 'o', grants: [g('PUBLIC', 'SELECT'), g('ro', 'SELECT', true), g('ro', 'UPDATE')] },
    ]);
  });
});

describe('governance and comparison', () => {
  const t = (owner: string, ...grants: ReturnType<typeof g>[]) => acl({ kind: 'table', name: 't', owner, grants });

  test('no governed roles: nothing is compared, and the coverage says so', () => {
    expect(compare(side(t('app', g('PUBLIC', 'SELECT'))), side(t('x')), null)).toEqual([]);
    const c = privilegeCoverage(side(), undefined, all);
    expect(privilegeCoverageText(c)).toBe('privileges and owners were not compared: the expected schema governs no roles (roles: in a spec, --role, --role-map)');
  });

  test('expected names mapped to live ones; grants to other roles and to the owners set aside; PUBLIC governed', () => {
    const expected = side(t('app', g('app', 'SELECT'), g('ro', 'SELECT'), g('other', 'DELETE')));
    const live = side(t('app_prod', g('app_prod', 'INSERT'), g('ro', 'SELECT'), g('PUBLIC', 'SELECT'), g('someone', 'UPDATE')));
    expect(compare(expected, live).map((f) => f.message)).toEqual(['table app.t has unexpected SELECT to PUBLIC']);
    expect(privilegeCoverage(live, GOV, all)).toEqual({ privileges: true, owners: true, roles: ['PUBLIC', 'app_prod', 'ro'], otherGrantees: ['someone'] });
  });

  test('the grant option: missing and unexpected apart, each with what the other side holds', () => {
    const f1 = compare(side(t('x', g('ro', 'SELECT', true))), side(t('x', g('ro', 'SELECT'))));
    expect(f1.map((f) => [f.kind, f.expected, f.actual, f.message])).toEqual([
      ['privilege_missing', [g('ro', 'SELECT', true)], [g('ro', 'SELECT')], 'table app.t lacks SELECT to ro with grant option'],
    ]);
    const f2 = compare(side(t('x', g('ro', 'SELECT'))), side(t('x', g('ro', 'SELECT', true))));
    expect(f2.map((f) => [f.kind, f.expected, f.actual])).toEqual([['privilege_unexpected', [g('ro', 'SELECT')], [g('ro', 'SELECT', true)]]]);
  });

  test('owners: compared where the expected owner is governed; --no-owners, --no-privileges', () => {
    expect(compare(side(t('app')), side(t('ro'))).map((f) => f.message)).toEqual(['table app.t is owned by ro, expected app_prod']);
    expect(compare(side(t('loader')), side(t('ro')))).toEqual([]);
    expect(compare(side(t('app')), side(t('ro')), { ...GOV, owners: false })).toEqual([]);
    expect(compare(side(t('x', g('ro', 'SELECT'))), side(t('x')), { ...GOV, privileges: false })).toEqual([]);
  });

  test('a column or rule one side lacks has no grants there; database-wide rules stand for the built-in defaults', () => {
    const col = acl({ kind: 'column', name: 't', column: 'c', owner: null, grants: [g('ro', 'UPDATE')] });
    expect(compare(side(t('x'), col), side(t('x'))).map((f) => f.message)).toEqual(['column app.t.c lacks UPDATE to ro']);
    const rule = acl({ kind: 'default privileges', schema: '', name: 'app', objects: 'functions', owner: null, grants: [] });
    expect(compare(side(rule), side()).map((f) => f.message)).toEqual(['default privileges for role app_prod on functions in every schema has unexpected EXECUTE to PUBLIC']);
  });

  test('an object one side lacks is its own kind’s business; the database is not compared for a scratch-loaded source', () => {
    expect(compare(side(t('x', g('ro', 'SELECT'))), side())).toEqual([]);
    const db = (grants: ReturnType<typeof g>[]) => acl({ kind: 'database', schema: '', name: '', owner: 'x', grants });
    expect(compare(side(db([])), side(db([g('PUBLIC', 'CONNECT')])), { ...GOV, scratchExpected: true })).toEqual([]);
    // …unless the source declares them (a spec's `database: grants:`, given to the scratch database).
    expect(compare(side(db([])), side(db([g('PUBLIC', 'CONNECT')])), { ...GOV, scratchExpected: true, databaseDeclared: true }).map((f) => f.message)).toEqual(['the database has unexpected CONNECT to PUBLIC']);
    expect(compare(side(db([])), side(db([g('PUBLIC', 'CONNECT')]))).map((f) => f.message)).toEqual(['the database has unexpected CONNECT to PUBLIC']);
  });
});

describe('SQL: every name quoted, PUBLIC a keyword', () => {
  const odd = acl({ kind: 'table', schema: 'Odd Schema', name: 'a"b', owner: 'o' });
  test('GRANT, REVOKE (or only its option), on tables, columns, routines, default privileges', () => {
    expect(grantSql(odd, g('PUBLIC', 'SELECT'))).toBe('GRANT SELECT ON TABLE "Odd Schema"."a""b" TO PUBLIC');
    expect(grantSql(odd, g('Ro le', 'SELECT', true))).toBe('GRANT SELECT ON TABLE "Odd Schema"."a""b" TO "Ro le" WITH GRANT OPTION');
    expect(revokeSql(acl({ kind: 'column', name: 't', column: 'My Col' }), g('r; DROP', 'UPDATE'), true)).toBe('REVOKE GRANT OPTION FOR UPDATE ("My Col") ON TABLE app.t FROM "r; DROP"');
    expect(grantSql(acl({ kind: 'function', name: 'f', arguments: 'integer, text' }), g('ro', 'EXECUTE'))).toBe('GRANT EXECUTE ON ROUTINE app.f(integer, text) TO ro');
    expect(grantSql(acl({ kind: 'default privileges', name: 'App', objects: 'sequences', owner: null }), g('ro', 'USAGE'))).toBe(
      'ALTER DEFAULT PRIVILEGES FOR ROLE "App" IN SCHEMA app GRANT USAGE ON SEQUENCES TO ro',
    );
    // The database: the one the file runs in, by current_database() (its name differs between servers); names quoted by the server.
    const db = acl({ kind: 'database', schema: '', name: '' });
    expect(grantSql(db, g('Ro"x', 'CONNECT'))).toBe(
      "DO $sa$\nBEGIN\n  EXECUTE 'GRANT CONNECT ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database()) || ' TO \"Ro\"\"x\"';\nEND\n$sa$",
    );
    expect(revokeSql(db, g('ro', 'TEMPORARY'), true)).toContain("EXECUTE 'REVOKE GRANT OPTION FOR TEMPORARY ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database()) || ' FROM ro';");
  });
  test('ALTER … OWNER TO by kind', () => {
    expect(ownerSql(acl({ kind: 'materialized view', name: 'mv' }), 'App')).toBe('ALTER MATERIALIZED VIEW app.mv OWNER TO "App"');
    expect(ownerSql(acl({ kind: 'schema', name: 'app' }), 'app')).toBe('ALTER SCHEMA app OWNER TO app');
    expect(ownerSql(acl({ kind: 'procedure', name: 'p', arguments: '' }), 'app')).toBe('ALTER ROUTINE app.p() OWNER TO app');
  });
});

describe('model snapshots', () => {
  test('keep owners and privileges, never the server’s role names', async () => {
    const { buildSnapshot } = await import('../../snapshot/snapshot.js');
    const t = acl({ kind: 'table', name: 't', owner: 'app', grants: [g('ro', 'SELECT')] });
    const doc = buildSnapshot(side(t, acl({ kind: 'role', schema: '', name: 'secret_admin', owner: null })), { major: 17, version: '17.0', database: 'd', user: 'u' } as never, undefined);
    expect(doc.schema.privileges).toEqual([t]);
  });
});

describe('plan', () => {
  test('a grant to a role the server lacks is a manual step that starts with CREATE ROLE; a grant to PUBLIC warns', async () => {
    const { bench, run } = await import('../../../test/plan/kind-harness.js');
    const { PRIVILEGE_PLAN } = await import('./plan.js');
    const t = (...grants: ReturnType<typeof g>[]) => acl({ kind: 'table', name: 't', owner: 'x', grants });
    const expected = side(t(g('ro', 'SELECT'), g('PUBLIC', 'SELECT')));
    const live = side(t());
    const governed = governPrivileges(expected, live, GOV);
    // The server's roles come with the server facts (PlanOptions.liveRoles), never in the model.
    const b = bench(governed.expected, governed.live, { liveRoles: ['x'] });
    const f = comparePrivileges(governed.expected, governed.live, all).findings[0]!;
    run(PRIVILEGE_PLAN.findings.privilege_missing, { ...f, id: 'privilege_missing:table:app.t', category: 'drift', severity: 'error' } as never, b.ctx);
    expect(b.record.steps).toEqual([]);
    expect(b.record.manual.map((m) => [m.reason, m.suggestion, m.hazards.map((h) => h.kind)])).toEqual([
      [
        'the role ro does not exist on the server: roles are cluster-wide and a migration does not create them; create it first (with the attributes and memberships your environment needs), then audit again',
        ['CREATE ROLE ro NOLOGIN', 'GRANT SELECT ON TABLE app.t TO PUBLIC', 'GRANT SELECT ON TABLE app.t TO ro'],
        ['access_change'],
      ],
    ]);
  });
});
