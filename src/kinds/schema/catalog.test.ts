/** decodeSchemas on rows captured from PostgreSQL 17 (schemasQuery, no filter). */
import { decodeSchemas, type RawSchemaRow } from './catalog.js';

/** The server returns them `order by nspname` in the database collation; the model wants code-unit order. */
const ROWS: RawSchemaRow[] = [
  { name: 'app', comment: 'the app' },
  { name: 'other', comment: null },
  { name: 'Odd Schema', comment: null },
  { name: 'public', comment: 'standard public schema' },
];

describe('decodeSchemas', () => {
  test('names and comments (null when none), sorted by code unit: upper case first', () => {
    expect(decodeSchemas(ROWS)).toEqual([
      { name: 'Odd Schema', comment: null },
      { name: 'app', comment: 'the app' },
      { name: 'other', comment: null },
      { name: 'public', comment: 'standard public schema' },
    ]);
  });

  test('no rows, no schemas', () => {
    expect(decodeSchemas([])).toEqual([]);
  });
});
