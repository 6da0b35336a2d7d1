/**
 * decodeColumn on rows captured from PostgreSQL 17 and 18 (columnsQuery,
 * array row mode: every value text; attgenerated / attidentity '' when unset).
 */
import { jest } from '@jest/globals';
import type { RowOf } from '../../introspect/postgres/stream-rows.js';
import { COLUMN_FIELDS, decodeColumn } from './catalog.js';

type ColumnRow = RowOf<typeof COLUMN_FIELDS>;

/** The collation lookup (name-lookups.ts) of the same server, the names these rows use. */
const COLLATIONS = new Map([
  ['100', 'default'],
  ['950', 'C'],
  ['16397', 'app.ci'],
]);
const keep = (text: string): string => text;
const decode = (row: ColumnRow) => decodeColumn(row, COLLATIONS, keep);

const PLAIN = { position: 0, nullable: true, default: null, identity: null, generated: null, collation: null, comment: null };

describe('decodeColumn', () => {
  test('an inheritance child’s column: only inherited, or inherited and its own; a column of its own has no flag', () => {
    expect(decode(['16420', '1', 'e', 'integer', 'f', null, '', '', null, null, null, 'i'])).toMatchObject({ inherited: 'only' });
    expect(decode(['16420', '1', 'e', 'integer', 'f', null, '', '', null, null, null, 'l'])).toMatchObject({ inherited: 'also_local' });
    expect(decode(['16420', '1', 'e', 'integer', 'f', null, '', '', null, null, null, null])).not.toHaveProperty('inherited');
  });

  test.each<[string, ColumnRow, object]>([
    ['identity, GENERATED ALWAYS', ['16420', '1', 'id', 'bigint', 't', null, '', 'a', null, null, null, null], { type: 'bigint', nullable: false, identity: 'always' }],
    ['identity, BY DEFAULT', ['16622', '1', 'id', 'integer', 't', null, '', 'd', null, null, null, null], { nullable: false, identity: 'by_default' }],
    [
      'serial: its default',
      ['16420', '2', 'sid', 'integer', 't', "nextval('app.parent_sid_seq'::regclass)", '', '', null, null, null, null],
      { nullable: false, default: "nextval('app.parent_sid_seq'::regclass)" },
    ],
    [
      'a default with a cast, a typmod in the type',
      ['16622', '2', 'note', 'character varying(20)', 'f', "'n/a'::character varying", '', '', null, null, null, null],
      { type: 'character varying(20)', default: "'n/a'::character varying" },
    ],
    [
      'an enum typed column, schema-qualified',
      ['16420', '6', 'st', 'app.status', 'f', "'new'::app.status", '', '', null, null, null, null],
      { type: 'app.status', default: "'new'::app.status" },
    ],
    [
      'GENERATED ALWAYS AS (...) STORED: the expression is not a default',
      ['16420', '9', 'total', 'numeric', 'f', '(price * (2)::numeric)', 's', '', null, null, null, null],
      { default: null, generated: { expression: '(price * (2)::numeric)', kind: 'stored' } },
    ],
    [
      'PostgreSQL 18: GENERATED ALWAYS AS (...) VIRTUAL',
      ['16751', '2', 'b', 'integer', 'f', '(a * 3)', 'v', '', null, null, null, null],
      { default: null, generated: { expression: '(a * 3)', kind: 'virtual' } },
    ],
    [
      'PostgreSQL 18: NOT NULL, which 18 also keeps as a constraint (c_nn), is the column’s nullability',
      ['16751', '3', 'c', 'integer', 't', null, '', '', null, null, null, null],
      { nullable: false },
    ],
    [
      'a collation other than the type’s, named from the lookup; its comment',
      ['16420', '3', 'code', 'text', 't', null, '', '', '950', '950', 'the code', null],
      { nullable: false, collation: 'C', comment: 'the code' },
    ],
    ['a schema-qualified (non-deterministic ICU) collation', ['16420', '4', 'label', 'text', 'f', null, '', '', '16397', '16397', null, null], { collation: 'app.ci' }],
    [
      'a domain typed column takes the domain’s collation: none stated (key_collation is for index keys only)',
      ['16420', '5', 'email', 'app.email', 'f', null, '', '', null, '950', null, null],
      { type: 'app.email', collation: null },
    ],
    ['a name that needs quoting (a primary key: NOT NULL), kept as the catalog holds it', ['16498', '1', 'Col "Q"', 'integer', 't', null, '', '', null, null, null, null], { nullable: false }],
  ])('%s', (_, row, expected) => {
    expect(decode(row)).toEqual({ ...PLAIN, name: row[2], type: row[3], ...expected });
  });

  test('the name, type and default go through intern (one copy of each across tables); expressions and comments do not', () => {
    const intern = jest.fn(keep);
    decodeColumn(['16420', '3', 'code', 'text', 't', null, '', '', '950', '950', 'the code', null], COLLATIONS, intern);
    decodeColumn(['16420', '8', 'price', 'numeric(10,2)', 'f', '0.00', '', '', null, null, null, null], COLLATIONS, intern);
    decodeColumn(['16420', '9', 'total', 'numeric', 'f', '(price * (2)::numeric)', 's', '', null, null, null, null], COLLATIONS, intern);
    expect(intern.mock.calls.map(([text]) => text)).toEqual(['code', 'text', 'price', 'numeric(10,2)', '0.00', 'total', 'numeric']);
  });
});
