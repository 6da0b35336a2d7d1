import { loadSpecSources } from '../../spec-file/load-spec.js';
import { inMemorySpec } from '../../spec-file/in-memory-spec.js';
import { SpecError } from '../../spec-file/spec-error.js';
import { specToDdl } from '../../spec-file/spec-to-ddl.js';
import { modelToSpec } from '../../spec-file/model-to-spec.js';
import { renderSpecYaml } from '../../spec-file/spec-yaml.js';
import { model } from '../../../test/diff/builders.js';
import type { AclObject, SchemaModel } from '../../model/schema-model.js';
import { specDatabaseDeclared } from './spec.js';

/** The problems of a spec of these files, as `file:line: path: message`. */
function problems(...files: string[][]): string[] {
  try {
    loadSpecSources(files.map((lines, i) => ({ file: `f${i}.yaml`, name: `f${i}.yaml`, bytes: Buffer.from(`${lines.join('\n')}\n`) })));
    return [];
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    return err.problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.message}`);
  }
}

describe('database: grants: in the spec', () => {
  test('valid: CONNECT, TEMPORARY (or TEMP), CREATE, ALL, grant options, PUBLIC with none', () => {
    const spec = ['roles: [app, { name: reader, as: reader_prod }]', 'database:', '  grants: { app: [CONNECT, temp WITH GRANT OPTION, CREATE], reader: [ALL PRIVILEGES], PUBLIC: [] }'];
    expect(problems(spec)).toEqual([]);
  });

  test('a privilege the database does not take, a role not governed, PUBLIC with a grant option, an owner: at file:line', () => {
    expect(problems(['roles: [app]', 'database:', '  grants:', '    app: [CONNECT, SELECT]', '    nobody: [CONNECT]', '    PUBLIC: [TEMPORARY WITH GRANT OPTION]'])).toEqual([
      "f0.yaml:4: database.grants.app.1: unknown privilege 'SELECT' for a database (allowed: CONNECT, TEMPORARY, CREATE, ALL, each optionally WITH GRANT OPTION)",
      'f0.yaml:5: database.grants.nobody: grants to nobody, a role the spec does not govern: add it to roles: (roles: app)',
      'f0.yaml:6: database.grants.PUBLIC.0: PUBLIC cannot hold a grant option',
    ]);
    expect(problems(['roles: [app]', 'database: { owner: app }']).join('\n')).toMatch(/f0\.yaml:2: database.*owner/);
  });

  test('written in two files: a problem naming both places', () => {
    expect(problems(['roles: [app]', 'database: { grants: { app: [CONNECT] } }'], ['tables: {}', 'database:', '  grants: { PUBLIC: [CONNECT] }'])).toEqual([
      'f1.yaml:2: database: database: is already written at f0.yaml:2: write it in one file',
    ]);
  });

  test('as DDL: PUBLIC’s defaults revoked, then the grants, on current_database() in DO blocks; the flag for governance', () => {
    const spec = inMemorySpec({ roles: ['app', 'Odd"Role'], database: { grants: { app: ['CONNECT', 'TEMP WITH GRANT OPTION'], 'Odd"Role': ['CREATE'], PUBLIC: [] } } });
    const ddl = specToDdl(spec).filter((s) => s.path[0] === 'database');
    expect(ddl.map((s) => [s.path.join('.'), s.sql.replace(/\s+/g, ' ')])).toEqual([
      ['database.grants', "DO $sa$ BEGIN EXECUTE 'REVOKE ALL ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database()) || ' FROM PUBLIC'; END $sa$"],
      ['database.grants.app', "DO $sa$ BEGIN EXECUTE 'GRANT CONNECT ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database()) || ' TO app'; END $sa$"],
      ['database.grants.app', "DO $sa$ BEGIN EXECUTE 'GRANT TEMPORARY ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database()) || ' TO app WITH GRANT OPTION'; END $sa$"],
      ['database.grants.Odd"Role', `DO $sa$ BEGIN EXECUTE 'GRANT CREATE ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database()) || ' TO "Odd""Role"'; END $sa$`],
    ]);
    expect(specDatabaseDeclared(spec)).toEqual({ databaseDeclared: true });
    expect(specDatabaseDeclared(inMemorySpec({ roles: ['app'] }))).toEqual({});
    expect(specToDdl(inMemorySpec({ roles: ['app'] })).filter((s) => s.path[0] === 'database')).toEqual([]);
  });
});

describe('snapshot --role: database: grants:', () => {
  const g = (grantee: string, privilege: string, grantable = false) => ({ grantee, privilege, grantable });
  const withDatabase = (...grants: ReturnType<typeof g>[]): SchemaModel => ({
    ...model({ schemas: ['public'] }),
    privileges: [{ kind: 'database', schema: '', name: '', owner: 'owner', grants } as AclObject],
  });
  const roles = [{ expected: 'app', live: 'app_prod' }];

  test('left out when the governed roles and PUBLIC hold a new database’s defaults (others and the owner aside)', () => {
    const spec = modelToSpec(withDatabase(g('PUBLIC', 'CONNECT'), g('PUBLIC', 'TEMPORARY'), g('owner', 'CREATE', true), g('other', 'CONNECT')), { roles });
    expect(spec.database).toBeUndefined();
  });

  test('written otherwise, names mapped back, after roles:, grants on one line', () => {
    const spec = modelToSpec(withDatabase(g('PUBLIC', 'CONNECT'), g('app_prod', 'CONNECT'), g('app_prod', 'TEMPORARY', true), g('other', 'CREATE')), { roles });
    expect(spec.database).toEqual({ grants: { PUBLIC: ['CONNECT'], app: ['CONNECT', 'TEMPORARY WITH GRANT OPTION'] } });
    expect(Object.keys(spec).slice(0, 3)).toEqual(['version', 'roles', 'database']);
    expect(renderSpecYaml(spec)).toContain('database:\n  grants: { PUBLIC: [ CONNECT ], app: [ CONNECT, TEMPORARY WITH GRANT OPTION ] }\n');
    expect(modelToSpec(withDatabase(), { roles }).database).toEqual({ grants: {} });
  });
});
