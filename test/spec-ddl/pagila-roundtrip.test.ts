import { viewsWithoutOwnFunctions } from '../../src/kinds/view/spec.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { pagilaSql, specPart } from './builders.js';
import { roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * pagila (fixtures/pagila): 15 tables, 55 payment partitions, a
 * domain, an enum, 13 sequences used through nextval() defaults, functions,
 * triggers and views. The spec holds the tables, types, sequences, the
 * views that call none of pagila's functions and the one trigger that calls
 * a built-in function; its DDL loads without pagila's functions (no default
 * or check calls one).
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

test('functions, the triggers and the views calling pagila’s functions are not in the spec DDL; the trigger calling a built-in is', () => {
  const views = (m: SchemaModel): string[] => m.views.map((v) => v.name);
  expect(views(result.after)).toEqual(viewsWithoutOwnFunctions(result.before).map((v) => v.name));
  expect(views(result.before).filter((v) => !views(result.after).includes(v))).toEqual(['film_list', 'nicer_but_slower_film_list']);
  expect(result.after.functions).toEqual([]);
  // film_fulltext_trigger calls pg_catalog.tsvector_update_trigger; the 14 last_updated triggers call pagila's last_updated().
  expect(result.after.tables.flatMap((t) => t.triggers.map((tr) => `${t.name}.${tr.name}`))).toEqual(['film.film_fulltext_trigger']);
  const fulltext = (m: SchemaModel): unknown => m.tables.find((t) => t.name === 'film')?.triggers.find((tr) => tr.name === 'film_fulltext_trigger');
  expect(fulltext(result.after)).toEqual(fulltext(result.before));
  expect(result.spec.domains!.year).toEqual({ type: 'integer', checks: { year_check: 'VALUE >= 1901 AND VALUE <= 2155' } });
  expect(result.spec.tables!.film!.columns.film_id).toEqual({
    type: 'integer',
    nullable: false,
    default: "nextval('film_film_id_seq'::regclass)",
  });
});
