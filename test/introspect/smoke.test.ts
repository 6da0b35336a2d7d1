import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { introspect, table, column } from '../support/introspect.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('smoke');
});
afterAll(async () => {
  await db.drop();
});

test('reads a table and its columns', async () => {
  await db.exec(`create table leads (id bigint generated always as identity primary key, email varchar(255) not null)`);
  const model = await introspect(db.url);
  const leads = table(model, 'leads');
  expect(column(leads, 'email')).toMatchObject({ type: 'character varying(255)', nullable: false, position: 2 });
  expect(column(leads, 'id').identity).toBe('always');
});
