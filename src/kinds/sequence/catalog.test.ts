/** decodeSequences on rows captured from PostgreSQL 17 (sequencesQuery). */
import { decodeSequences, type RawSequenceRow } from './catalog.js';

const BIGINT = { data_type: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false } as const;

const ROWS: RawSequenceRow[] = [
  // create sequence app.free_seq as smallint start 5 increment 3 minvalue 2 maxvalue 900 cache 4 cycle
  {
    schema: 'app',
    name: 'free_seq',
    data_type: 'smallint',
    start: '5',
    increment: '3',
    min: '2',
    max: '900',
    cache: '4',
    cycle: true,
    owner_schema: null,
    owner_table: null,
    owner_column: null,
    dep_type: null,
    comment: null,
  },
  // create sequence app.owned_seq owned by app.child.id
  { schema: 'app', name: 'owned_seq', ...BIGINT, owner_schema: 'app', owner_table: 'child', owner_column: 'id', dep_type: 'a', comment: null },
  // app.parent.id bigint generated always as identity
  { schema: 'app', name: 'parent_id_seq', ...BIGINT, owner_schema: 'app', owner_table: 'parent', owner_column: 'id', dep_type: 'i', comment: null },
  // app.parent.sid serial
  {
    schema: 'app',
    name: 'parent_sid_seq',
    data_type: 'integer',
    start: '1',
    increment: '1',
    min: '1',
    max: '2147483647',
    cache: '1',
    cycle: false,
    owner_schema: 'app',
    owner_table: 'parent',
    owner_column: 'sid',
    dep_type: 'a',
    comment: 'serial',
  },
];

describe('decodeSequences', () => {
  const [free, owned, identity, serial] = decodeSequences(ROWS);

  test('a free-standing sequence: its settings as text, no owner', () => {
    expect(free).toEqual({
      schema: 'app',
      name: 'free_seq',
      dataType: 'smallint',
      start: '5',
      increment: '3',
      min: '2',
      max: '900',
      cache: '4',
      cycle: true,
      ownedBy: null,
      identity: false,
      comment: null,
    });
  });

  test('OWNED BY and serial (pg_depend "a"): owned, not identity', () => {
    expect(owned).toMatchObject({ max: '9223372036854775807', ownedBy: { schema: 'app', table: 'child', column: 'id' }, identity: false });
    expect(serial).toMatchObject({ dataType: 'integer', ownedBy: { schema: 'app', table: 'parent', column: 'sid' }, identity: false, comment: 'serial' });
  });

  test('an identity column’s sequence (pg_depend "i"): owned and identity', () => {
    expect(identity).toMatchObject({ name: 'parent_id_seq', ownedBy: { schema: 'app', table: 'parent', column: 'id' }, identity: true });
  });

  test('sorted by schema and name', () => {
    expect(decodeSequences([...ROWS].reverse()).map((s) => s.name)).toEqual(['free_seq', 'owned_seq', 'parent_id_seq', 'parent_sid_seq']);
  });
});
