import { model } from '../../../test/diff/builders.js';
import type { AclObject, SchemaModel } from '../../model/schema-model.js';
import { restoredPrivileges } from './restore.js';

const g = (grantee: string, privilege: string, grantable = false) => ({ grantee, privilege, grantable });
const live = (...privileges: AclObject[]): SchemaModel => ({ ...model({ schemas: ['app'] }), privileges });
const sql = (m: SchemaModel, target: Parameters<typeof restoredPrivileges>[1]): string[] => restoredPrivileges(m, target).map((s) => s.sql);

describe('restoredPrivileges: what a view or routine created again gets back', () => {
  const evil = 'x"; DROP TABLE t; --\nrole';
  const m = live(
    { kind: 'view', schema: 'app', name: 'v', owner: 'app', grants: [g('app', 'SELECT'), g('ro', 'SELECT', true), g(evil, 'SELECT')] },
    { kind: 'column', schema: 'app', name: 'v', column: 'id', owner: null, grants: [g('ro', 'UPDATE')] },
    { kind: 'column', schema: 'app', name: 'v', column: 'gone', owner: null, grants: [g('ro', 'SELECT')] },
    { kind: 'function', schema: 'app', name: 'f', arguments: 'i integer', owner: 'app', grants: [g('app', 'EXECUTE'), g('ro', 'EXECUTE')] },
    { kind: 'function', schema: 'app', name: 'p', arguments: '', owner: 'app', grants: [g('PUBLIC', 'EXECUTE')] },
  );

  test('the owner, every grant but the owner’s, the column grants on the columns kept; names quoted', () => {
    expect(sql(m, { kind: 'materialized view', schema: 'app', name: 'v', columns: ['id'] })).toEqual([
      'ALTER MATERIALIZED VIEW app.v OWNER TO app',
      'GRANT SELECT ON TABLE app.v TO ro WITH GRANT OPTION',
      'GRANT SELECT ON TABLE app.v TO "x""; DROP TABLE t; --\nrole"',
      'GRANT UPDATE (id) ON TABLE app.v TO ro',
    ]);
  });

  test('a routine: PUBLIC loses the EXECUTE a new one gives it unless the old one had it; the new signature is named', () => {
    expect(sql(m, { kind: 'function', schema: 'app', name: 'f', aclArguments: 'i integer', signature: 'integer' })).toEqual([
      'ALTER ROUTINE app.f(integer) OWNER TO app',
      'REVOKE EXECUTE ON ROUTINE app.f(integer) FROM PUBLIC',
      'GRANT EXECUTE ON ROUTINE app.f(integer) TO ro',
    ]);
    expect(sql(m, { kind: 'function', schema: 'app', name: 'p', aclArguments: '', signature: '' })).toEqual(['ALTER ROUTINE app.p() OWNER TO app', 'GRANT EXECUTE ON ROUTINE app.p() TO PUBLIC']);
  });

  test('nothing when the model holds no ACL for it (a model snapshot without privileges, another object)', () => {
    expect(sql(live(), { kind: 'view', schema: 'app', name: 'v' })).toEqual([]);
    expect(sql(m, { kind: 'function', schema: 'app', name: 'f', aclArguments: 'i bigint', signature: 'bigint' })).toEqual([]);
  });
});
