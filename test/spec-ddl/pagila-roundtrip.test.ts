import type { SchemaModel } from '../../src/model/schema-model.js';
import { pagilaSql, specPart } from './builders.js';
import { roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * pagila (fixtures/pagila): 15 tables, 55 payment partitions, a
 * domain, an enum, 13 sequences used through nextval() defaults, functions,
 * triggers and views. The spec holds them all: tables, types, sequences,
 * functions, views and triggers.
 */

let result: RoundTrip;
beforeAll(async () => {
  result = await roundTrip(pagilaSql(), 'yaml');
});

const names = (m: SchemaModel): string[] => m.tables.map((t) => t.name);

test('tables (partitions included), enums, domains, sequences and views round-trip exactly', () => {
  expect(names(result.after)).toEqual(names(result.before));
  expect(result.before.tables).toHaveLength(70);
  expect(specPart(result.after)).toEqual(specPart(result.before));
});

test('what the spec leaves to PostgreSQL: partitions copy the parent primary key, nothing else', () => {
  const tables = result.spec.tables!;
  expect(tables.payment!.primaryKey).toEqual(['payment_date', 'payment_id']);
  // the 49 partitions without their own indexes or foreign keys are two lines each
  const bare = Object.entries(tables).filter(([, t]) => t.partitionOf && Object.keys(t).length === 2);
  expect(bare).toHaveLength(49);
  // the first six partitions' own foreign keys and indexes are listed
  expect(tables.payment_p2022_01).toMatchObject({
    columns: {},
    foreignKeys: [
      { columns: ['customer_id'], references: { table: 'customer' } },
      { columns: ['rental_id'], references: { table: 'rental' } },
      { columns: ['staff_id'], references: { table: 'staff' } },
    ],
  });
  expect(Object.keys(tables.payment_p2022_01!.indexes!)).toEqual([
    'idx_fk_payment_p2022_01_customer_id',
    'idx_fk_payment_p2022_01_staff_id',
    'payment_p2022_01_customer_id_idx',
  ]);
});

test('functions round-trip exactly (bodies, SET options, the aggregate); views and triggers too', () => {
  expect(result.after.functions).toEqual(result.before.functions);
  expect(result.before.functions.map((f) => f.name)).toEqual([
    '_group_concat',
    'film_in_stock',
    'film_not_in_stock',
    'get_customer_balance',
    'group_concat',
    'inventory_held_by_customer',
    'inventory_in_stock',
    'last_day',
    'last_updated',
    'rewards_report',
  ]);
  expect(result.after.views).toEqual(result.before.views);
  const triggers = (m: SchemaModel): unknown => m.tables.map((t) => [t.name, t.triggers]);
  expect(triggers(result.after)).toEqual(triggers(result.before));
  expect(result.spec.domains!.year).toEqual({ type: 'integer', checks: { year_check: 'VALUE >= 1901 AND VALUE <= 2155' } });
  expect(result.spec.tables!.film!.columns.film_id).toEqual({
    type: 'integer',
    nullable: false,
    default: "nextval('film_film_id_seq'::regclass)",
  });
});
