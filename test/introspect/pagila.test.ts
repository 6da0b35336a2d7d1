import { readFileSync } from 'node:fs';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { column, index, introspect, table } from '../support/introspect.js';
import { constraint, enumType, routines, view } from './helpers.js';
import { PAGILA_SCHEMA_FILE as SCHEMA_FILE } from '../support/pagila.js';

/**
 * pagila (a real-world schema dump, vendored in fixtures/pagila): load it,
 * introspect it, and check the facts its README counts from the catalog.
 */

const BASE_TABLES = [
  'actor',
  'address',
  'category',
  'city',
  'country',
  'customer',
  'film',
  'film_actor',
  'film_category',
  'inventory',
  'language',
  'payment',
  'rental',
  'staff',
  'store',
];

let db: TestDatabase;
let model: SchemaModel;

beforeAll(async () => {
  db = await createTestDatabase('pagila');
  // psql meta-commands (\connect, \restrict ...) are not SQL: drop them.
  const sqlText = readFileSync(SCHEMA_FILE, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n');
  await db.exec(sqlText);
  model = await introspect(db.url);
});
afterAll(async () => {
  await db.drop();
});

const all = <T>(pick: (t: SchemaModel['tables'][number]) => readonly T[]): T[] => model.tables.flatMap((t) => [...pick(t)]);

test('15 tables plus 55 payment partitions: 70 tables, all in public', () => {
  expect(model.tables).toHaveLength(70);
  expect(model.tables.every((t) => t.schema === 'public')).toBe(true);
  expect(model.tables.filter((t) => t.partitionOf === null).map((t) => t.name)).toEqual(BASE_TABLES);
  const partitions = model.tables.filter((t) => t.partitionOf !== null);
  expect(partitions).toHaveLength(55);
  expect(partitions.every((p) => p.partitionOf!.table === 'payment' && p.partitionOf!.schema === 'public')).toBe(true);
  expect(partitions[0]!.name).toBe('payment_p2022_01');
  expect(partitions[54]!.name).toBe('payment_p2026_07');
  expect(model.schemas.map((s) => s.name)).toEqual(['public']);
});

test('payment is range-partitioned on payment_date with a (payment_date, payment_id) primary key', () => {
  const payment = table(model, 'payment');
  expect(payment).toMatchObject({ kind: 'partitioned_table', partitionKey: 'RANGE (payment_date)', partitionOf: null });
  expect(constraint(payment, 'payment_pkey')).toMatchObject({ kind: 'primary_key', columns: ['payment_date', 'payment_id'] });
  expect(index(payment, 'payment_pkey').definition).toBe(
    'CREATE UNIQUE INDEX payment_pkey ON ONLY public.payment USING btree (payment_date, payment_id)',
  );
  // bounds written with +01 offsets in the dump print in UTC
  expect(table(model, 'payment_p2022_03').partitionOf!.bound).toBe(
    "FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00')",
  );
});

test('104 indexes: 103 on tables (every partition included) and 1 on the materialized view', async () => {
  expect(all((t) => t.indexes)).toHaveLength(103);
  expect(model.tables.filter((t) => t.partitionOf !== null).every((t) => t.indexes.some((i) => i.primary))).toBe(true);
  // The model carries no indexes for materialized views: count the last one from the catalog.
  const rows = await db.query<{ total: number; on_matview: number }>(
    `select count(*)::int as total, count(*) filter (where c.relkind = 'm')::int as on_matview
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'`,
  );
  expect(rows[0]).toEqual({ total: 104, on_matview: 1 });
  expect(index(table(model, 'film'), 'film_fulltext_idx')).toMatchObject({
    method: 'gist',
    definition: 'CREATE INDEX film_fulltext_idx ON public.film USING gist (fulltext)',
  });
});

test('70 primary keys and 36 foreign keys, 18 of them on the first six partitions', () => {
  const constraints = all((t) => t.constraints);
  expect(constraints.filter((c) => c.kind === 'primary_key')).toHaveLength(70);
  expect(constraints.filter((c) => c.kind === 'foreign_key')).toHaveLength(36);
  expect(constraints).toHaveLength(106);
  const onPartitions = model.tables
    .filter((t) => t.partitionOf !== null)
    .flatMap((t) => t.constraints.filter((c) => c.kind === 'foreign_key').map(() => t.name));
  expect(onPartitions).toHaveLength(18);
  expect(new Set(onPartitions)).toEqual(
    new Set(['payment_p2022_01', 'payment_p2022_02', 'payment_p2022_03', 'payment_p2022_04', 'payment_p2022_05', 'payment_p2022_06']),
  );
  expect(constraint(table(model, 'address'), 'address_city_id_fkey')).toMatchObject({
    kind: 'foreign_key',
    references: { schema: 'public', table: 'city', columns: ['city_id'] },
    onUpdate: 'CASCADE',
    onDelete: 'RESTRICT',
  });
});

test('7 views and 1 materialized view', () => {
  expect(model.views.filter((v) => v.kind === 'view').map((v) => v.name)).toEqual([
    'actor_info',
    'customer_list',
    'film_list',
    'nicer_but_slower_film_list',
    'sales_by_film_category',
    'sales_by_store',
    'staff_list',
  ]);
  expect(model.views.filter((v) => v.kind === 'materialized_view')).toEqual([view(model, 'rental_by_category')]);
});

test('2 domains, 1 enum, 13 sequences, no extensions', () => {
  expect(model.domains).toEqual([
    { schema: 'public', name: 'bıgınt', baseType: 'bigint', notNull: false, default: null, checks: [], collation: null, comment: null },
    {
      schema: 'public',
      name: 'year',
      baseType: 'integer',
      notNull: false,
      default: null,
      checks: [{ name: 'year_check', definition: 'CHECK (VALUE >= 1901 AND VALUE <= 2155)' }],
      collation: null,
      comment: null,
    },
  ]);
  expect(model.enums).toEqual([enumType(model, 'mpaa_rating')]);
  expect(enumType(model, 'mpaa_rating').values).toEqual(['G', 'PG', 'PG-13', 'R', 'NC-17']);
  expect(model.sequences).toHaveLength(13);
  // used through nextval() defaults, not serial / identity / OWNED BY
  expect(model.sequences.every((s) => s.ownedBy === null && !s.identity)).toBe(true);
  expect(model.extensions).toEqual([]);
});

test('15 triggers: 14 last_updated and film_fulltext_trigger', () => {
  const triggers = model.tables.flatMap((t) => t.triggers.map((tr) => `${t.name}.${tr.name}`));
  expect(triggers).toHaveLength(15);
  expect(triggers.filter((n) => n.endsWith('.last_updated'))).toHaveLength(14);
  expect(table(model, 'film').triggers.map((t) => t.definition)).toContain(
    "CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('fulltext', 'pg_catalog.english', 'title', 'description')",
  );
  expect(model.tables.every((t) => t.triggers.every((tr) => tr.enabled === 'origin'))).toBe(true);
});

test('9 functions and 1 aggregate', () => {
  expect(model.functions.map((f) => [f.name, f.kind])).toEqual([
    ['_group_concat', 'function'],
    ['film_in_stock', 'function'],
    ['film_not_in_stock', 'function'],
    ['get_customer_balance', 'function'],
    ['group_concat', 'aggregate'],
    ['inventory_held_by_customer', 'function'],
    ['inventory_in_stock', 'function'],
    ['last_day', 'function'],
    ['last_updated', 'function'],
    ['rewards_report', 'function'],
  ]);
  expect(routines(model, 'rewards_report')[0]).toMatchObject({ returns: 'SETOF customer', language: 'plpgsql' });
  expect(routines(model, 'group_concat')[0]).toMatchObject({ arguments: 'text', returns: 'text' });
});

test('column types: the enum with a default, the year domain, arrays, tsvector, numerics', () => {
  const film = table(model, 'film');
  expect(column(film, 'rating')).toMatchObject({ type: 'mpaa_rating', default: "'G'::mpaa_rating", nullable: true });
  expect(column(film, 'release_year').type).toBe('year');
  expect(column(film, 'special_features').type).toBe('text[]');
  expect(column(film, 'fulltext')).toMatchObject({ type: 'tsvector', nullable: false });
  expect(column(film, 'rental_rate')).toMatchObject({ type: 'numeric(4,2)', default: '4.99' });
  expect(column(film, 'film_id').default).toBe("nextval('film_film_id_seq'::regclass)");
  expect(column(table(model, 'payment'), 'amount').type).toBe('numeric(5,2)');
  expect(column(table(model, 'staff'), 'picture').type).toBe('bytea');
  expect(column(table(model, 'language'), 'name').type).toBe('text');
});

test('introspecting pagila twice gives identical JSON', async () => {
  const again = await readLiveSchema(db.url);
  expect(JSON.stringify(again.model)).toBe(JSON.stringify(model));
});
