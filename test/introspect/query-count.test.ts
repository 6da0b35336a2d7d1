import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/** The number of statements never depends on the size of the schema. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('qcount');
});
afterAll(async () => {
  await db.drop();
});

async function statements(): Promise<string[]> {
  const seen: string[] = [];
  await readLiveSchema(db.url, { onQuery: (e) => void (e.level === 'query' && seen.push(e.query.sql.trim().split(/\s+/).slice(0, 2).join(' '))) });
  return seen;
}

test('a constant number of statements, in one read-only repeatable-read transaction', async () => {
  await db.exec('create table t0 (id int primary key, v text)');
  const small = await statements();
  const ddl = Array.from({ length: 60 }, (_, i) =>
    `create table t${i + 1} (id int primary key, ref int references t${i}(id), v text check (v <> ''), unique (v));
     create index on t${i + 1} (lower(v));`).join('\n');
  await db.exec(ddl);
  const large = await statements();
  expect(large).toEqual(small);
  // the tables and their lock holders + BEGIN + LOCK + settings + server + 15 catalog queries (composite and range types: one
  // statement for both; event triggers: one of their own, a top-level kind; policies: one of their own, a member of tables)
  // + collations + index expressions + referenced columns + 1 name lookup (operator classes and collations) + index usage + the objects of kinds not compared
  // + privileges and owners (one statement for every ACL) + consistency check + COMMIT
  expect(small).toHaveLength(29);
  expect(small[1]).toBe('start transaction');
  expect(small[2]).toBe('lock table');
  expect(small.at(-1)).toBe('commit');
});

test('the transaction is REPEATABLE READ and READ ONLY, with the settings pinned', async () => {
  const seen: string[] = [];
  await readLiveSchema(db.url, { onQuery: (e) => void (e.level === 'query' && seen.push(e.query.sql)) });
  expect(seen[1]).toMatch(/^start transaction isolation level repeatable read,? read only$/i);
  // The tables are locked before the first statement that reads (which takes the snapshot).
  expect(seen[2]).toMatch(/^lock table only .* in access share mode$/i);
  expect(seen[3]).toMatch(/set_config\('search_path', 'pg_catalog, public', true\)/);
  expect(seen[3]).toMatch(/set_config\('timezone', 'UTC', true\)/);
});
