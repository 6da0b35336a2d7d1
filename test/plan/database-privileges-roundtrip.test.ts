import { execAsAdmin, createTestDatabase, type TestDatabase } from '../support/db.js';
import { randomRoleName } from '../introspect/helpers.js';
import { expectCleanRoundTrip, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * The database's own privileges (CONNECT, TEMPORARY, CREATE), against a
 * reference database: up.sql grants and revokes them on the database it
 * runs in (current_database(): the name differs between servers), applied
 * with psql twice; the audit is then clean; down.sql (twice) gives back
 * the original privileges, compared with a copy of the original database.
 */
const app = randomRoleName('dbapp');
const ro = randomRoleName('dbro');

let live: TestDatabase;
let original: TestDatabase;
let expected: TestDatabase;
let rt: RoundTrip;

const grant = (db: TestDatabase, sql: string) => execAsAdmin(sql.replaceAll('DB', `"${db.name}"`));

beforeAll(async () => {
  await execAsAdmin(`CREATE ROLE ${app} NOLOGIN; CREATE ROLE ${ro} NOLOGIN;`);
  live = await createTestDatabase('dbpriv_live');
  original = await createTestDatabase('dbpriv_orig');
  expected = await createTestDatabase('dbpriv_exp');
  for (const db of [live, original]) await grant(db, `GRANT CREATE ON DATABASE DB TO ${app}`);
  await grant(expected, `REVOKE TEMPORARY ON DATABASE DB FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE DB TO ${ro}`);
  rt = await roundTrip(live, original.url, expected.url, ['--no-advice'], undefined, ['--role', app, '--role', ro]);
}, 300_000);

afterAll(async () => {
  for (const db of [live, original, expected]) await db?.drop();
  await execAsAdmin(`DROP ROLE IF EXISTS ${app}; DROP ROLE IF EXISTS ${ro};`).catch(() => undefined);
});

test('the differences: grants the database lacks and holds beyond the expected ones', () => {
  expect(rt.before).toEqual(['privilege_missing:database', 'privilege_unexpected:database']);
  expect(rt.manual).toEqual([]);
  expect(rt.files['up.sql']).toContain("EXECUTE 'GRANT CONNECT ON DATABASE ' || pg_catalog.quote_ident(pg_catalog.current_database())");
});

test('up.sql and down.sql (psql, twice each): clean after up, the original privileges after down', () => {
  expectCleanRoundTrip(rt);
});
