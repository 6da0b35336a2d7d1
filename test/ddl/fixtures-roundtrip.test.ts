import { schemaFixtures } from '../support/schema-fixtures.js';
import { ddlPart, ddlRoundTrip, drift } from './roundtrip.js';

/**
 * `snapshot --format sql` on every fixture (pagila, both OneKeel schemas,
 * every drift case's live.sql and expected.sql): the script, loaded with
 * psql into an empty database, gives back the same schema — no drift, and
 * the same tables, enums, domains and sequences field for field.
 */
test.each(schemaFixtures())('%s: snapshot --format sql, loaded with psql, gives back the same schema', async (_name, sql) => {
  const r = await ddlRoundTrip(sql, 'cli');
  expect(drift(r)).toEqual([]);
  expect(ddlPart(r.after)).toEqual(ddlPart(r.before));
  expect(r.before.tables.length).toBeGreaterThan(0);
});
