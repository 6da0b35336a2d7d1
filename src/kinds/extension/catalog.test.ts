/** decodeExtensions on rows captured from PostgreSQL 17 (extensionsQuery). */
import { decodeExtensions, type RawExtensionRow } from './catalog.js';

const PG_TRGM: RawExtensionRow = { name: 'pg_trgm', schema: 'other', version: '1.6', relocatable: true, comment: 'trigram' };
const CITEXT: RawExtensionRow = { name: 'citext', schema: 'public', version: '1.6', relocatable: false, comment: null };

describe('decodeExtensions', () => {
  test('name, the schema its objects went into, version, relocatable, comment', () => {
    expect(decodeExtensions([PG_TRGM])).toEqual([{ name: 'pg_trgm', schema: 'other', version: '1.6', relocatable: true, comment: 'trigram' }]);
  });

  test('sorted by name', () => {
    expect(decodeExtensions([PG_TRGM, CITEXT]).map((e) => e.name)).toEqual(['citext', 'pg_trgm']);
  });
});
