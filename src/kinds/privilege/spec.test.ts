import { readFileSync } from 'node:fs';
import { loadSpecSources } from '../../spec-file/load-spec.js';
import { inMemorySpec } from '../../spec-file/in-memory-spec.js';
import { SpecError } from '../../spec-file/spec-error.js';
import { specToDdl } from '../../spec-file/spec-to-ddl.js';
import { specJsonSchemaText } from '../../spec-file/spec-schema.js';
import { model, view } from '../../../test/diff/builders.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { modelToSpec } from '../../spec-file/model-to-spec.js';
import type { View } from '../view/model.js';
import { parsePrivilege, specRoleMappings } from './spec.js';

/** The problems of a one-file spec, as `line: path: message`. */
function problems(...text: string[]): string[] {
  try {
    loadSpecSources([{ file: 'spec.yaml', name: 'spec.yaml', bytes: Buffer.from(`${text.join('\n')}\n`) }]);
    return [];
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    return err.problems.map((p) => `${p.line}: ${p.path}: ${p.message}`);
  }
}

describe('validation of roles, owners and grants, at file:line', () => {
  test('a valid spec: every kind of object, PUBLIC in any case, grant options, a mapped role', () => {
    expect(
      problems(
        'roles: [app, { name: reader, as: reader_prod }]',
        'schemas: [{ name: app, owner: app, grants: { reader: [USAGE] } }]',
        'tables:',
        '  app.t:',
        '    owner: app',
        '    grants: { reader: [SELECT, update with grant option], public: [SELECT] }',
        '    columns:',
        '      id: { type: integer, grants: { reader: [SELECT, REFERENCES] } }',
        'sequences:',
        '  app.s: { owner: app, grants: { reader: [USAGE, SELECT] } }',
        'functions:',
        '  app.f: { arguments: i integer, returns: integer, language: sql, body: select i, grants: { PUBLIC: [], reader: [EXECUTE] } }',
        'default_privileges:',
        '  - { role: app, schema: app, on: tables, grants: { reader: [SELECT] } }',
        '  - { role: app, on: functions, grants: {} }',
      ),
    ).toEqual([]);
  });

  test('a privilege the kind does not take, a role not governed, PUBLIC with a grant option', () => {
    expect(
      problems(
        'roles: [app]',
        'tables:',
        '  t:',
        '    owner: boss',
        '    grants: { app: [SELECT, EXECUTE], PUBLIC: [SELECT WITH GRANT OPTION] }',
        '    columns:',
        '      id: { type: integer, grants: { app: [DELETE] } }',
        '      b:',
        '        type: text',
        '        grants:',
        '          nobody: [SELECT]',
        'sequences:',
        '  s: { grants: { app: [USAGE, "SELECT WITH OPTION"] } }',
      ),
    ).toEqual([
      "4: tables.t.owner: owner boss is not a role the spec governs: add it to roles: (roles: app)",
      "5: tables.t.grants.app.1: unknown privilege 'EXECUTE' for a table (allowed: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN, ALL, each optionally WITH GRANT OPTION)",
      '5: tables.t.grants.PUBLIC.0: PUBLIC cannot hold a grant option',
      "7: tables.t.columns.id.grants.app.0: unknown privilege 'DELETE' for a column (allowed: SELECT, INSERT, UPDATE, REFERENCES, ALL, each optionally WITH GRANT OPTION)",
      '11: tables.t.columns.b.grants.nobody: grants to nobody, a role the spec does not govern: add it to roles: (roles: app)',
      "13: sequences.s.grants.app.1: unknown privilege 'SELECT WITH OPTION' for a sequence (allowed: USAGE, SELECT, UPDATE, ALL, each optionally WITH GRANT OPTION)",
    ]);
  });

  test('no roles: section, a role named twice with two names, PUBLIC in roles:, a rule twice, a bad on:', () => {
    expect(
      problems(
        'roles:',
        '  - { name: app, as: a1 }',
        '  - { name: app, as: a2 }',
        '  - public',
        'default_privileges:',
        '  - { role: app, on: tables, grants: { app: [SELECT] } }',
        '  - { role: app, on: tables, grants: {} }',
        '  - { role: app, on: views, grants: {} }',
      ),
    ).toEqual([
      '3: roles.1: the role app is already named, as a1',
      '4: roles.2: PUBLIC is governed whenever any role is; it is not a role to name here',
      '7: default_privileges.1: the same rule as default_privileges item 0: write its grants once',
      '8: default_privileges.2.on: must be one of: tables, sequences, functions, types, schemas',
    ]);
    expect(problems('roles: [app]', 'tables:', '  t: { owner: app, columns: { id: { type: integer } } }', 'sequences:', '  s: { ownedBy: t.id, owner: app }')).toEqual([
      "5: sequences.s.owner: a sequence owned by a column has its table's owner: write the owner on the table",
    ]);
    expect(problems('enums:', '  e: { values: [a], owner: app }')).toEqual(['2: enums.e.owner: owner app is not a role the spec governs: add it to roles: (the spec has no roles: section)']);
  });
});

describe('the spec as DDL and as governed roles', () => {
  test('owners, then REVOKE … FROM PUBLIC and the grants (one GRANT per role and grant option); default privileges', () => {
    const spec = inMemorySpec({
      roles: ['app', { name: 'reader', as: 'reader_prod' }],
      schemas: [{ name: 'app', owner: 'app' }],
      tables: { 'app.t': { owner: 'app', grants: { reader: ['SELECT', 'UPDATE WITH GRANT OPTION'] }, columns: { 'Id': { type: 'integer', grants: { reader: ['SELECT'] } } } } },
      functions: { 'app.f': { arguments: 'i integer DEFAULT 1', returns: 'integer', language: 'sql', body: 'select i', grants: {} } },
      default_privileges: [{ role: 'app', on: 'functions', grants: { reader: ['EXECUTE'] } }],
    });
    const ddl = specToDdl(spec).map((s) => s.sql);
    const privileges = ddl.slice(ddl.findIndex((s) => s.startsWith('ALTER SCHEMA')));
    expect(privileges).toEqual([
      'ALTER SCHEMA app OWNER TO app',
      'REVOKE ALL ON ROUTINE app.f(i integer) FROM PUBLIC',
      'ALTER TABLE app.t OWNER TO app',
      'REVOKE ALL ON TABLE app.t FROM PUBLIC',
      'GRANT SELECT ON TABLE app.t TO reader',
      'GRANT UPDATE ON TABLE app.t TO reader WITH GRANT OPTION',
      'GRANT SELECT ("Id") ON TABLE app.t TO reader',
      'ALTER DEFAULT PRIVILEGES FOR ROLE app REVOKE ALL ON FUNCTIONS FROM PUBLIC',
      'ALTER DEFAULT PRIVILEGES FOR ROLE app GRANT EXECUTE ON FUNCTIONS TO reader',
    ]);
    expect(specRoleMappings(spec.roles)).toEqual([
      { expected: 'app', live: 'app' },
      { expected: 'reader', live: 'reader_prod' },
    ]);
  });

  test('privileges as written', () => {
    expect(parsePrivilege('select')).toEqual({ privilege: 'SELECT', grantable: false });
    expect(parsePrivilege(' Usage  with grant   option ')).toEqual({ privilege: 'USAGE', grantable: true });
    expect(parsePrivilege('ALL PRIVILEGES')).toEqual({ privilege: 'ALL', grantable: false });
    expect(parsePrivilege('SELECT PRIVILEGES')).toBeNull();
    expect(parsePrivilege('SELECT; DROP TABLE t')).toBeNull();
  });

  test('the README example loads without a problem', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /#### Privileges and owners in the spec\s+```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(problems(block!)).toEqual([]);
  });

  test('the shipped JSON Schema documents roles, owner, grants and default_privileges', () => {
    const text = specJsonSchemaText();
    for (const word of ['"roles"', '"owner"', '"grants"', '"default_privileges"', '"defaultPrivileges"']) expect(text).toContain(word);
  });
});

describe('a view’s column grants (column_grants:)', () => {
  test('checked like a column’s, at file:line; written as GRANT … (column) ON the view, names quoted', () => {
    expect(
      problems(
        'roles: [reader]',
        'views:',
        '  v:',
        '    definition: SELECT 1 AS id',
        '    column_grants:',
        '      id: { reader: [SELECT, DELETE], nobody: [SELECT] }',
      ),
    ).toEqual([
      "6: views.v.column_grants.id: unknown privilege 'DELETE' for a column (allowed: SELECT, INSERT, UPDATE, REFERENCES, ALL, each optionally WITH GRANT OPTION)",
      '6: views.v.column_grants.id: grants to nobody, a role the spec does not govern: add it to roles: (roles: reader)',
    ]);
    const spec = inMemorySpec({
      roles: ['reader'],
      views: { 'app.v': { definition: 'SELECT 1 AS "Id"', column_grants: { Id: { reader: ['SELECT', 'UPDATE WITH GRANT OPTION'] } } } },
    });
    const ddl = specToDdl(spec).map((s) => s.sql);
    expect(ddl.filter((s) => s.startsWith('GRANT'))).toEqual([
      'GRANT SELECT ("Id") ON TABLE app.v TO reader',
      'GRANT UPDATE ("Id") ON TABLE app.v TO reader WITH GRANT OPTION',
    ]);
  });

  test('a model’s view column grants are written under column_grants: for the governed roles', () => {
    const m = {
      ...model({ schemas: ['app'] }),
      views: [view('v', 'SELECT 1 AS id', { schema: 'app', columns: [{ name: 'id', type: 'integer' }] as View['columns'] })],
      privileges: [
        { kind: 'view' as const, schema: 'app', name: 'v', owner: 'o', grants: [] },
        { kind: 'column' as const, schema: 'app', name: 'v', column: 'id', owner: null, grants: [{ grantee: 'reader', privilege: 'SELECT', grantable: false }, { grantee: 'x', privilege: 'SELECT', grantable: false }] },
      ],
    } as SchemaModel;
    const spec = modelToSpec(m, { roles: [{ expected: 'reader', live: 'reader' }] }) as unknown as { views: Record<string, { column_grants?: unknown }> };
    expect(spec.views['app.v']?.column_grants).toEqual({ id: { reader: ['SELECT'] } });
  });
});
