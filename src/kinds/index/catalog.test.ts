/**
 * decodeIndex on rows captured from PostgreSQL 17 (indexesQuery and
 * indexExpressionsQuery, array row mode: every value text), with the facts
 * the assembler resolves for it: the table's columns and key collations by
 * attnum (from its column rows), the expression texts by key position, and
 * the operator class and collation names (the lookups of the same server).
 */
import type { CatalogNames } from '../../introspect/postgres/kind-catalog.js';
import type { RowOf } from '../../introspect/postgres/stream-rows.js';
import type { ColumnsByAttnum } from '../column/catalog.js';
import { INDEX_FIELDS, decodeIndex } from './catalog.js';

type IndexRow = RowOf<typeof INDEX_FIELDS>;

const NAMES: CatalogNames = {
  opclasses: new Map([
    ['4217', 'text_pattern_ops'],
    ['16577', 'other.gin_trgm_ops'],
  ]),
  collations: new Map([
    ['100', 'default'],
    ['950', 'C'],
    ['16397', 'app.ci'],
  ]),
};

/** app.parent's columns by attnum: 10 was dropped. */
function byAttnum(names: { readonly [attnum: number]: string }): ColumnsByAttnum {
  const columns: { name: string }[] = [];
  for (const [attnum, name] of Object.entries(names)) columns[Number(attnum)] = { name };
  return columns;
}
const PARENT = byAttnum({ 1: 'id', 2: 'sid', 3: 'code', 4: 'label', 5: 'email', 6: 'st', 7: 'qty', 8: 'price', 9: 'total', 11: 'Mixed Case', 12: 'ts', 13: 'r' });
/** key_collation of app.parent's columns: code collate "C", label collate app.ci, email a domain collate "C". */
const PARENT_KEY_COLLATIONS: (string | undefined)[] = [];
PARENT_KEY_COLLATIONS[3] = '950';
PARENT_KEY_COLLATIONS[4] = '16397';
PARENT_KEY_COLLATIONS[5] = '950';

const KEY = { column: null, expression: null, order: 'asc', nulls: 'last', opclass: null, collation: null };

describe('decodeIndex', () => {
  test('expression keys with their texts by position, operator class, DESC, NULLS FIRST, key collations, INCLUDE, predicate', () => {
    const row: IndexRow = [
      '16420',
      '16448',
      'parent_code_lower',
      'btree',
      't',
      'f',
      't',
      'f',
      '4',
      '0 0 3 4 8',
      '0 0 1 2',
      '4217 3126 3126 3126',
      '950 16397 950 950',
      'price > 0::numeric',
      'lower(code)',
      'CREATE UNIQUE INDEX parent_code_lower ON app.parent USING btree (lower(code) text_pattern_ops, upper(label), code DESC NULLS LAST, label COLLATE "C" NULLS FIRST) INCLUDE (price) WHERE (price > (0)::numeric)',
      null,
    ];
    // indexExpressionsQuery: ["16448","1","lower(code)"], ["16448","2","upper(label)"]
    const expressions = [undefined, 'lower(code)', 'upper(label)'];
    expect(decodeIndex(row, PARENT, PARENT_KEY_COLLATIONS, expressions, NAMES)).toEqual({
      name: 'parent_code_lower',
      method: 'btree',
      unique: true,
      primary: false,
      keys: [
        // An expression's own collation is `default`: C (from code) is stated.
        { ...KEY, expression: 'lower(code)', opclass: 'text_pattern_ops', collation: 'C' },
        { ...KEY, expression: 'upper(label)', collation: 'app.ci' },
        // code's own collation is C: nothing to state.
        { ...KEY, column: 'code', order: 'desc' },
        // label's own is app.ci, the key's C.
        { ...KEY, column: 'label', nulls: 'first', collation: 'C' },
      ],
      include: ['price'],
      where: 'price > 0::numeric',
      nullsNotDistinct: false,
      valid: true,
      constraint: null,
      definition: row[15],
      comment: null,
    });
  });

  test('expression keys around a column key: each expression’s text by its key position', () => {
    const row: IndexRow = [
      '16420',
      '16449',
      'parent_expr2',
      'btree',
      'f',
      'f',
      't',
      'f',
      '3',
      '0 1 0',
      '0 0 0',
      '3126 3124 3124',
      '950 0 0',
      null,
      "(code || 'x'::text)",
      "CREATE INDEX parent_expr2 ON app.parent USING btree (((code || 'x'::text)), id, ((id + 1)))",
      null,
    ];
    // indexExpressionsQuery: ["16449","1","(code || 'x'::text)"], ["16449","3","(id + 1)"]
    const expressions = [undefined, "(code || 'x'::text)", undefined, '(id + 1)'];
    expect(decodeIndex(row, PARENT, PARENT_KEY_COLLATIONS, expressions, NAMES).keys).toEqual([
      { ...KEY, expression: "(code || 'x'::text)", collation: 'C' },
      { ...KEY, column: 'id' },
      { ...KEY, expression: '(id + 1)' },
    ]);
  });

  test('one expression key: its text comes in the index row (no expression rows)', () => {
    const booking = byAttnum({ 1: 'room', 2: 'during' });
    const row: IndexRow = [
      '16610',
      '16615',
      'no_overlap',
      'gist',
      'f',
      'f',
      't',
      'f',
      '2',
      '0 2',
      '0 0',
      '10078 10078',
      '0 0',
      null,
      'tsrange(lower(during), upper(during))',
      'CREATE INDEX no_overlap ON app.booking USING gist (tsrange(lower(during), upper(during)), during)',
      null,
    ];
    expect(decodeIndex(row, booking, [], undefined, NAMES).keys).toEqual([
      { ...KEY, expression: 'tsrange(lower(during), upper(during))' },
      { ...KEY, column: 'during' },
    ]);
  });

  test('an extension’s operator class outside the search path is schema-qualified; the column’s own collation is not stated', () => {
    const row: IndexRow = [
      '16420',
      '16606',
      'parent_trgm',
      'gin',
      'f',
      'f',
      't',
      'f',
      '1',
      '3',
      '0',
      '16577',
      '950',
      null,
      null,
      'CREATE INDEX parent_trgm ON app.parent USING gin (code other.gin_trgm_ops)',
      null,
    ];
    expect(decodeIndex(row, PARENT, PARENT_KEY_COLLATIONS, undefined, NAMES)).toMatchObject({
      method: 'gin',
      keys: [{ ...KEY, column: 'code', opclass: 'other.gin_trgm_ops' }],
    });
  });

  test('a quoted column, DESC (which implies NULLS FIRST), the default collation not stated; a comment', () => {
    const odd: IndexRow = ['16420', '16451', 'Odd Idx', 'btree', 'f', 'f', 't', 'f', '1', '11', '3', '3126', '100', null, null, 'CREATE INDEX "Odd Idx" ON app.parent USING btree ("Mixed Case" DESC)', null];
    expect(decodeIndex(odd, PARENT, PARENT_KEY_COLLATIONS, undefined, NAMES).keys).toEqual([{ ...KEY, column: 'Mixed Case', order: 'desc', nulls: 'first' }]);
    const label: IndexRow = ['16420', '16450', 'parent_label', 'btree', 'f', 'f', 't', 'f', '1', '4', '0', '3126', '16397', null, null, 'CREATE INDEX parent_label ON app.parent USING btree (label)', 'label lookups'];
    expect(decodeIndex(label, PARENT, PARENT_KEY_COLLATIONS, undefined, NAMES)).toMatchObject({ keys: [{ ...KEY, column: 'label' }], comment: 'label lookups' });
  });

  test('primary key index of a partitioned table (ON ONLY), two key columns', () => {
    const events = byAttnum({ 1: 'id', 2: 'at', 3: 'payload' });
    const row: IndexRow = ['16465', '16468', 'events_pkey', 'btree', 't', 't', 't', 'f', '2', '1 2', '0 0', '3124 3122', '0 0', null, null, 'CREATE UNIQUE INDEX events_pkey ON ONLY app.events USING btree (id, at)', null];
    expect(decodeIndex(row, events, [], undefined, NAMES)).toMatchObject({
      unique: true,
      primary: true,
      keys: [
        { ...KEY, column: 'id' },
        { ...KEY, column: 'at' },
      ],
      definition: 'CREATE UNIQUE INDEX events_pkey ON ONLY app.events USING btree (id, at)',
    });
  });

  test('PostgreSQL 15+: NULLS NOT DISTINCT', () => {
    const nnd = byAttnum({ 1: 'a', 2: 'b' });
    const row: IndexRow = ['16732', '16737', 'nnd_idx', 'btree', 't', 'f', 't', 't', '1', '2', '0', '1978', '0', null, null, 'CREATE UNIQUE INDEX nnd_idx ON app.nnd USING btree (b) NULLS NOT DISTINCT', null];
    expect(decodeIndex(row, nnd, [], undefined, NAMES)).toMatchObject({ unique: true, nullsNotDistinct: true, keys: [{ ...KEY, column: 'b' }] });
  });

  test('a failed CREATE UNIQUE INDEX CONCURRENTLY leaves an invalid index', () => {
    const row: IndexRow = ['16607', '16738', 'dupes_v', 'btree', 't', 'f', 'f', 'f', '1', '1', '0', '1978', '0', null, null, 'CREATE UNIQUE INDEX dupes_v ON app.dupes USING btree (v)', null];
    expect(decodeIndex(row, byAttnum({ 1: 'v' }), [], undefined, NAMES)).toMatchObject({ valid: false, unique: true });
  });
});
