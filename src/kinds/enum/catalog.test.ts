/** decodeEnums on rows captured from PostgreSQL 17 (enumsQuery). */
import { decodeEnums, type RawEnumRow } from './catalog.js';

/** `create type app.status as enum ('new', 'in progress', 'Done', 'it''s')`, commented. */
const STATUS: RawEnumRow = { schema: 'app', name: 'status', values: ['new', 'in progress', 'Done', 'it\'s'], comment: 'lifecycle' };

describe('decodeEnums', () => {
  test('labels kept verbatim (spaces, capitals, quotes) and in their sort order', () => {
    expect(decodeEnums([STATUS])).toEqual([{ schema: 'app', name: 'status', values: ['new', 'in progress', 'Done', "it's"], comment: 'lifecycle' }]);
  });

  test('sorted by schema, then name, in code-unit order', () => {
    const rows: RawEnumRow[] = [
      { ...STATUS, schema: 'billing', name: 'a' },
      { ...STATUS, name: 'mood', comment: null },
      STATUS,
      { ...STATUS, name: 'Zone' },
    ];
    expect(decodeEnums(rows).map((e) => `${e.schema}.${e.name}`)).toEqual(['app.Zone', 'app.mood', 'app.status', 'billing.a']);
  });
});
