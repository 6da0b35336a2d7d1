import type { SchemaModel } from '../../src/model/schema-model.js';
import { defaultNames, indexColumnNames } from '../../src/model/naming.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { index, introspect, table } from '../support/introspect.js';

/**
 * The names PostgreSQL gives unnamed objects, as `defaultNames` predicts them
 * — checked against a real server, with names long enough to be truncated
 * and with multibyte characters (truncation never splits one).
 */

const LONG = 'a_table_name_that_is_quite_long_enough_to_need_truncating_x';
const CYRILLIC = 'таблица_с_длинным_именем'; // 2 bytes a letter: 45 bytes
const LONG_COLUMN = 'some_long_column_name';
const WIDE_COLUMN = 'колонка_номер_один';

let db: TestDatabase;
let model: SchemaModel;

beforeAll(async () => {
  db = await createTestDatabase('spec_names');
  await db.exec(`
    create table ref (id int primary key, k int unique);
    create table ${LONG} (
      ${LONG_COLUMN} int primary key references ref,
      b int unique check (b > 0),
      c int, d int,
      e int generated always as identity,
      unique (c, d),
      check (c > d),
      foreign key (c) references ref (k)
    );
    create index on ${LONG} (lower(c::text), lower(d::text));
    create index on ${LONG} ((c + d)) include (b);
    create table "${CYRILLIC}" (
      "${WIDE_COLUMN}" int primary key references ref check ("${WIDE_COLUMN}" > 0),
      "второй" int unique
    );
    create index on "${CYRILLIC}" ("${WIDE_COLUMN}", "второй");
  `);
  model = await introspect(db.url);
});
afterAll(async () => {
  await db.drop();
});

const constraintNames = (name: string): string[] => table(model, name).constraints.map((c) => c.name);

test('truncated ASCII names: primary key, unique, foreign key, check, identity sequence', () => {
  const expected = [
    defaultNames.primaryKey(LONG),
    defaultNames.foreignKey(LONG, [LONG_COLUMN]),
    defaultNames.unique(LONG, ['b']),
    defaultNames.check(LONG, ['b']),
    defaultNames.unique(LONG, ['c', 'd']),
    defaultNames.check(LONG, ['c', 'd']),
    defaultNames.foreignKey(LONG, ['c']),
  ];
  expect(expected.every((n) => Buffer.byteLength(n) <= 63)).toBe(true);
  expect(constraintNames(LONG).sort()).toEqual([...expected].sort());
  expect(defaultNames.check(LONG, ['c', 'd'])).toBe(`${LONG.slice(0, 57)}_check`);
  expect(model.sequences.map((s) => s.name)).toContain(defaultNames.sequence(LONG, 'e'));
});

test('index names: expressions by their function or expr, repeats numbered, INCLUDE columns too', () => {
  const t = table(model, LONG);
  const names = t.indexes.filter((i) => i.constraint === null).map((i) => i.name);
  const predicted = t.indexes
    .filter((i) => i.constraint === null)
    .map((i) => defaultNames.index(LONG, indexColumnNames(i.keys, i.include)));
  expect(predicted).toEqual(names);
  expect(indexColumnNames(index(t, names[0]!).keys, index(t, names[0]!).include)).toEqual(
    names[0]!.includes('expr') ? ['expr', 'b'] : ['lower', 'lower1'],
  );
});

test('multibyte names are clipped at a character boundary', () => {
  const expected = [
    defaultNames.primaryKey(CYRILLIC),
    defaultNames.foreignKey(CYRILLIC, [WIDE_COLUMN]),
    defaultNames.check(CYRILLIC, [WIDE_COLUMN]),
    defaultNames.unique(CYRILLIC, ['второй']),
  ];
  expect(Buffer.byteLength(CYRILLIC)).toBeLessThan(63);
  expect(constraintNames(CYRILLIC).sort()).toEqual([...expected].sort());
  expect(expected.every((n) => Buffer.byteLength(n) <= 63 && !n.includes('\ufffd'))).toBe(true);
  const t = table(model, CYRILLIC);
  const plain = t.indexes.find((i) => i.constraint === null)!;
  expect(plain.name).toBe(defaultNames.index(CYRILLIC, [WIDE_COLUMN, 'второй']));
  expect(Buffer.byteLength(plain.name)).toBeLessThanOrEqual(63);
});
