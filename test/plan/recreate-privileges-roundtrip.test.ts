import path from 'node:path';
import pg from 'pg';
import type { TestDatabase } from '../support/db.js';
import { randomRoleName } from '../introspect/helpers.js';
import { migrationText, roundTrip, rolesFixture, type RolesFixture, type RoundTrip } from './roundtrip.js';

/**
 * Views, a materialized view and a function that the plan must drop and
 * create again (a view's column dropped, a column retyped under a view, a
 * materialized view's query, a function's result type) keep their owner,
 * grants (a view's column grants too) and comments: up.sql (psql, twice)
 * leaves the audit clean for the governed roles, the ungoverned role's
 * grants are still there, down.sql (twice) gives the original back, and
 * --verify proved both on its scratch copy (which carries the privileges).
 */
const app = randomRoleName('app');
const readonly = randomRoleName('ro');
const other = randomRoleName('other');

const privileges = `
ALTER VIEW app.v OWNER TO ${app};
GRANT SELECT ON app.v TO ${readonly};
GRANT SELECT (id) ON app.v TO ${other};
COMMENT ON VIEW app.v IS 'the v view';
ALTER VIEW app.w OWNER TO ${app};
GRANT SELECT ON app.w TO ${readonly} WITH GRANT OPTION;
ALTER MATERIALIZED VIEW app.mv OWNER TO ${app};
GRANT SELECT ON app.mv TO ${readonly}, ${other};
COMMENT ON MATERIALIZED VIEW app.mv IS 'the mv';
ALTER FUNCTION app.f(integer) OWNER TO ${app};
REVOKE EXECUTE ON FUNCTION app.f(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.f(integer) TO ${readonly};
GRANT EXECUTE ON FUNCTION app.f(integer) TO ${other};
COMMENT ON FUNCTION app.f(integer) IS 'the f function';
`;

const A = `
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, n integer, note varchar(50));
CREATE VIEW app.v AS SELECT id, n FROM app.t;
CREATE VIEW app.w AS SELECT id, note FROM app.t;
CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
CREATE FUNCTION app.f(i integer) RETURNS integer LANGUAGE sql AS 'select i';
${privileges}`;

const B = `
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, n integer, note varchar(100));
CREATE VIEW app.v AS SELECT id FROM app.t;
CREATE VIEW app.w AS SELECT id, note FROM app.t;
CREATE MATERIALIZED VIEW app.mv AS SELECT id, n FROM app.t;
CREATE FUNCTION app.f(i integer) RETURNS bigint LANGUAGE sql AS 'select i::bigint';
${privileges}`;

let db: TestDatabase;
let fixture: RolesFixture | undefined;
let rt: RoundTrip;
/** The ungoverned role's privileges after up.sql, read between up.sql and down.sql. */
let otherAfterUp: string[] = [];
const roles = ['--role', app, '--role', readonly];

async function otherPrivileges(): Promise<string[]> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const { rows } = await c.query<{ p: string }>(
      `SELECT p FROM (VALUES
         ('v.id SELECT', has_column_privilege($1, 'app.v', 'id', 'SELECT')),
         ('mv SELECT', has_table_privilege($1, 'app.mv', 'SELECT')),
         ('f EXECUTE', has_function_privilege($1, 'app.f(integer)', 'EXECUTE'))) x(p, held)
       WHERE held ORDER BY p`,
      [other],
    );
    return rows.map((r) => r.p);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  fixture = await rolesFixture('recreate_priv', [app, readonly, other], A, B);
  db = fixture.db;
  rt = await roundTrip(
    db,
    path.join(fixture.dir, 'a.sql'),
    path.join(fixture.dir, 'b.sql'),
    ['--drop-unexpected', '--verify'],
    async () => {
      otherAfterUp = await otherPrivileges();
    },
    roles,
  );
}, 300_000);

afterAll(async () => {
  await fixture?.drop();
});

test('the plan drops and creates again the views and the function, and --verify proved it with the privileges copied', () => {
  const context = migrationText(rt);
  expect({ before: rt.before, context }).toEqual({ before: expect.arrayContaining([expect.stringMatching(/^function_definition_mismatch:/), expect.stringMatching(/^view_/)]), context });
  expect({ verification: rt.plan.verification, context }).toEqual({ verification: expect.objectContaining({ verified: true }), context });
  // Given back right after each CREATE, in up.sql and in down.sql alike.
  for (const file of ['up.sql', 'down.sql'] as const) {
    expect(rt.files[file]).toContain(`ALTER VIEW app.v OWNER TO ${app}`);
    expect(rt.files[file]).toContain(`GRANT SELECT (id) ON TABLE app.v TO ${other}`);
    expect(rt.files[file]).toContain(`GRANT SELECT ON TABLE app.w TO ${readonly} WITH GRANT OPTION`);
    expect(rt.files[file]).toContain(`ALTER MATERIALIZED VIEW app.mv OWNER TO ${app}`);
    expect(rt.files[file]).toContain(`REVOKE EXECUTE ON ROUTINE app.f(integer) FROM PUBLIC`);
    expect(rt.files[file]).toContain(`GRANT EXECUTE ON ROUTINE app.f(integer) TO ${other}`);
    expect(rt.files[file]).toContain(`COMMENT ON FUNCTION app.f(integer) IS 'the f function'`);
  }
});

test('up.sql and down.sql apply twice; owners, grants and comments survive both ways, the ungoverned role’s too', () => {
  const context = migrationText(rt);
  expect({ up: rt.up, context }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
  expect({ afterUp: rt.afterUp, context }).toEqual({ afterUp: [], context });
  expect(otherAfterUp).toEqual(['f EXECUTE', 'mv SELECT', 'v.id SELECT']);
  expect({ down: rt.down, context }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
  expect({ afterDown: rt.afterDown, context }).toEqual({ afterDown: [], context });
});

test('after down.sql the ungoverned role holds what it held', async () => {
  expect(await otherPrivileges()).toEqual(['f EXECUTE', 'mv SELECT', 'v.id SELECT']);
});
