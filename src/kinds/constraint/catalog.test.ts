/**
 * decodeConstraint on rows captured from PostgreSQL 17 and 18
 * (constraintsQuery, array row mode: every value text; the foreign-key
 * codes are ' ' for the other kinds), with what the assembler resolves for
 * it: the table's columns by attnum, the implementing index, and the
 * referenced table by OID (in scope from its own rows, outside it from
 * referencedColumnsQuery's).
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { RowOf } from '../../introspect/postgres/stream-rows.js';
import type { ColumnsByAttnum } from '../column/catalog.js';
import { CONSTRAINT_FIELDS, constraintsQuery, decodeConstraint, type ReferencedTable } from './catalog.js';

type ConstraintRow = RowOf<typeof CONSTRAINT_FIELDS>;

function byAttnum(names: { readonly [attnum: number]: string }): ColumnsByAttnum {
  const columns: { name: string }[] = [];
  for (const [attnum, name] of Object.entries(names)) columns[Number(attnum)] = { name };
  return columns;
}
const PARENT = byAttnum({ 1: 'id', 2: 'sid', 3: 'code', 4: 'label', 5: 'email', 6: 'st', 7: 'qty', 8: 'price', 9: 'total', 11: 'Mixed Case', 12: 'ts', 13: 'r', 14: 'ref_id', 15: 'ref_code' });
const CHILD = byAttnum({ 1: 'id', 2: 'parent_id' });

/** app.parent, in scope (its own table and column rows). */
const PARENT_TABLE: ReferencedTable = { schema: 'app', name: 'parent', columns: PARENT };
/** other.ref, outside the scope `app`: referencedColumnsQuery's rows ["16407","other","ref","1","id"], ["16407","other","ref","2","code"]. */
const REF_OUTSIDE: ReferencedTable = { schema: 'other', name: 'ref', columns: byAttnum({ 1: 'id', 2: 'code' }) };
const TABLES = new Map([
  ['16420', PARENT_TABLE],
  ['16407', REF_OUTSIDE],
]);
const referenced = (oid: string): ReferencedTable | undefined => TABLES.get(oid);
const nowhere = (): undefined => undefined;

const BASE = { deferrable: false, initiallyDeferred: false, validated: true, comment: null };

describe('decodeConstraint', () => {
  test('primary key; DEFERRABLE', () => {
    const row: ConstraintRow = ['16452', 'child_pkey', 'p', 't', 'f', 't', 't', '{1}', '0', null, ' ', ' ', ' ', '16455', 'PRIMARY KEY (id) DEFERRABLE', null];
    expect(decodeConstraint(row, CHILD, { nullsNotDistinct: false }, nowhere)).toEqual({
      ...BASE,
      name: 'child_pkey',
      deferrable: true,
      definition: 'PRIMARY KEY (id) DEFERRABLE',
      kind: 'primary_key',
      columns: ['id'],
    });
  });

  test('unique: columns in key order; NULLS NOT DISTINCT is its index’s', () => {
    const row: ConstraintRow = ['16452', 'child_parent_id_id_key', 'u', 'f', 'f', 't', 't', '{2,1}', '0', null, ' ', ' ', ' ', '16458', 'UNIQUE (parent_id, id)', null];
    expect(decodeConstraint(row, CHILD, { nullsNotDistinct: false }, nowhere)).toEqual({
      ...BASE,
      name: 'child_parent_id_id_key',
      definition: 'UNIQUE (parent_id, id)',
      kind: 'unique',
      columns: ['parent_id', 'id'],
      nullsNotDistinct: false,
    });
    const nnd: ConstraintRow = ['16732', 'nnd_u', 'u', 'f', 'f', 't', 't', '{1,2}', '0', null, ' ', ' ', ' ', '16735', 'UNIQUE NULLS NOT DISTINCT (a, b)', null];
    expect(decodeConstraint(nnd, byAttnum({ 1: 'a', 2: 'b' }), { nullsNotDistinct: true }, nowhere)).toMatchObject({ columns: ['a', 'b'], nullsNotDistinct: true });
    // Its index not read: distinct nulls, the default.
    expect(decodeConstraint(nnd, byAttnum({ 1: 'a', 2: 'b' }), undefined, nowhere)).toMatchObject({ nullsNotDistinct: false });
  });

  test('foreign key to a table in scope: referenced names from its rows; ON DELETE CASCADE', () => {
    const row: ConstraintRow = ['16452', 'child_parent_id_fkey', 'f', 'f', 'f', 't', 't', '{2}', '16420', '{1}', 'a', 'c', 's', null, 'FOREIGN KEY (parent_id) REFERENCES app.parent(id) ON DELETE CASCADE', null];
    expect(decodeConstraint(row, CHILD, undefined, referenced)).toEqual({
      ...BASE,
      name: 'child_parent_id_fkey',
      definition: 'FOREIGN KEY (parent_id) REFERENCES app.parent(id) ON DELETE CASCADE',
      kind: 'foreign_key',
      columns: ['parent_id'],
      references: { schema: 'app', table: 'parent', columns: ['id'] },
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
      match: 'SIMPLE',
    });
  });

  test('foreign key to a table outside the scope; ON UPDATE CASCADE ON DELETE SET NULL', () => {
    const row: ConstraintRow = ['16420', 'parent_ref_id_fkey', 'f', 'f', 'f', 't', 't', '{14}', '16407', '{1}', 'c', 'n', 's', null, 'FOREIGN KEY (ref_id) REFERENCES other.ref(id) ON UPDATE CASCADE ON DELETE SET NULL', null];
    expect(decodeConstraint(row, PARENT, undefined, referenced)).toMatchObject({
      columns: ['ref_id'],
      references: { schema: 'other', table: 'ref', columns: ['id'] },
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
      match: 'SIMPLE',
    });
  });

  test('NOT VALID: not validated, and the definition without the suffix (comparable across validation); MATCH FULL', () => {
    const row: ConstraintRow = ['16420', 'fk_code', 'f', 'f', 'f', 'f', 't', '{15}', '16407', '{2}', 'a', 'a', 'f', null, 'FOREIGN KEY (ref_code) REFERENCES other.ref(code) MATCH FULL NOT VALID', null];
    expect(decodeConstraint(row, PARENT, undefined, referenced)).toMatchObject({
      validated: false,
      definition: 'FOREIGN KEY (ref_code) REFERENCES other.ref(code) MATCH FULL',
      references: { schema: 'other', table: 'ref', columns: ['code'] },
      match: 'FULL',
    });
    const check: ConstraintRow = ['16420', 'chk_nv', 'c', 'f', 'f', 'f', 'f', '{7}', '0', null, ' ', ' ', ' ', null, 'CHECK (((qty)::integer < 1000)) NOT VALID', null];
    expect(decodeConstraint(check, PARENT, undefined, nowhere)).toEqual({
      ...BASE,
      name: 'chk_nv',
      validated: false,
      definition: 'CHECK (((qty)::integer < 1000))',
      kind: 'check',
      expression: '((qty)::integer < 1000)',
      columns: ['qty'],
      noInherit: false,
    });
  });

  test('a foreign key whose referenced table was not read names nothing: the attnums stand in', () => {
    const row: ConstraintRow = ['16420', 'fk_code', 'f', 'f', 'f', 't', 't', '{15}', '16407', '{2}', 'a', 'a', 'f', null, 'FOREIGN KEY (ref_code) REFERENCES other.ref(code) MATCH FULL', null];
    expect(decodeConstraint(row, PARENT, undefined, nowhere)).toMatchObject({ references: { schema: '', table: '', columns: ['2'] } });
  });

  test('check: the expression without CHECK ( ) and NO INHERIT; its columns in table order; the comment', () => {
    const noInherit: ConstraintRow = ['16420', 'chk_price', 'c', 'f', 'f', 't', 't', '{8}', '0', null, ' ', ' ', ' ', null, 'CHECK ((price >= (0)::numeric)) NO INHERIT', 'prices'];
    expect(decodeConstraint(noInherit, PARENT, undefined, nowhere)).toEqual({
      ...BASE,
      name: 'chk_price',
      definition: 'CHECK ((price >= (0)::numeric)) NO INHERIT',
      comment: 'prices',
      kind: 'check',
      expression: '(price >= (0)::numeric)',
      columns: ['price'],
      noInherit: true,
    });
    // conkey lists columns in order of first mention ({11,3}); the model keeps table order.
    const quoted: ConstraintRow = ['16420', 'Quoted Check', 'c', 'f', 'f', 't', 'f', '{11,3}', '0', null, ' ', ' ', ' ', null, 'CHECK ((("Mixed Case" <> \'\'::text) AND (code <> \'\'::text)))', null];
    expect(decodeConstraint(quoted, PARENT, undefined, nowhere)).toMatchObject({
      name: 'Quoted Check',
      expression: '(("Mixed Case" <> \'\'::text) AND (code <> \'\'::text))',
      columns: ['code', 'Mixed Case'],
      noInherit: false,
    });
  });

  test('exclusion: DEFERRABLE INITIALLY DEFERRED; an expression element (attnum 0) names no column', () => {
    const exR: ConstraintRow = ['16420', 'ex_r', 'x', 't', 't', 't', 't', '{13}', '0', null, ' ', ' ', ' ', '16434', 'EXCLUDE USING gist (r WITH &&) DEFERRABLE INITIALLY DEFERRED', null];
    expect(decodeConstraint(exR, PARENT, { nullsNotDistinct: false }, nowhere)).toEqual({
      ...BASE,
      name: 'ex_r',
      deferrable: true,
      initiallyDeferred: true,
      definition: 'EXCLUDE USING gist (r WITH &&) DEFERRABLE INITIALLY DEFERRED',
      kind: 'exclusion',
      columns: ['r'],
    });
    const overlap: ConstraintRow = [
      '16610',
      'no_overlap',
      'x',
      'f',
      'f',
      't',
      't',
      '{0,2}',
      '0',
      null,
      ' ',
      ' ',
      ' ',
      '16615',
      'EXCLUDE USING gist (tsrange(lower(during), upper(during)) WITH &&, during WITH &&)',
      null,
    ];
    expect(decodeConstraint(overlap, byAttnum({ 1: 'room', 2: 'during' }), { nullsNotDistinct: false }, nowhere).columns).toEqual(['during']);
  });

  test('a partition’s primary key, made from its parent’s, is a constraint of the partition', () => {
    const row: ConstraintRow = ['16470', 'events_2024_pkey', 'p', 'f', 'f', 't', 'f', '{1,2}', '0', null, ' ', ' ', ' ', '16473', 'PRIMARY KEY (id, at)', null];
    expect(decodeConstraint(row, byAttnum({ 1: 'id', 2: 'at', 3: 'payload' }), { nullsNotDistinct: false }, nowhere)).toMatchObject({
      kind: 'primary_key',
      columns: ['id', 'at'],
    });
  });
});

describe('constraintsQuery', () => {
  const compiler = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });

  test('PostgreSQL 18’s NOT NULL constraints (contype n) are not read: nullability is the column’s', () => {
    // On 18, without this filter, app.virt's `c int constraint c_nn not null` comes back as
    // ["16751","c_nn","n","f","f","t","f","{3}","0",null," "," "," ",null,"NOT NULL c",null].
    const text = constraintsQuery({ schemas: undefined, major: 18 }).sql.compile(compiler).sql;
    expect(text).toContain("where c.contype in ('p', 'u', 'f', 'c', 'x')");
  });
});
