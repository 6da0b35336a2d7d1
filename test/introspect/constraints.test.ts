import type { Constraint } from '../../src/model/schema-model.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { index, introspect, table } from '../support/introspect.js';
import { constraint, serverMajor } from './helpers.js';

/** Constraints: primary key, unique, foreign key, check, exclusion. */

let db: TestDatabase;
let major: number;
const base = { deferrable: false, initiallyDeferred: false, validated: true, comment: null } as const;

beforeAll(async () => {
  db = await createTestDatabase('constraints');
  major = await serverMajor(db);
  await db.exec(`
    create extension if not exists btree_gist;
    create schema ref;
    create table ref.currencies (code char(3), region text, primary key (code, region));

    create table parents (a int, b int, label text, primary key (a, b), constraint parents_label_key unique (label));
    create table children (
      id int generated always as identity primary key,
      pa int, pb int,
      price numeric, qty int, lo int, hi int,
      cur char(3), region text,
      constraint children_fk foreign key (pa, pb) references parents (a, b) on delete cascade on update set null,
      constraint children_fk_deferred foreign key (pb, pa) references parents (b, a) deferrable initially deferred,
      constraint children_fk_full foreign key (pa, pb) references parents match full on delete set default on update restrict,
      constraint children_currency_fk foreign key (cur, region) references ref.currencies (code, region),
      constraint children_price_check check (price > 0),
      constraint children_range_check check (hi >= lo and qty is not null) no inherit,
      constraint children_lo_hi_key unique (lo, hi) deferrable
    );
    alter table children add constraint children_qty_check check (qty > 0) not valid;
    alter table children add constraint children_fk_unchecked foreign key (pa, pb) references parents not valid;
    comment on constraint children_price_check on children is 'no free lunch';

    create table bookings (
      room int,
      during tsrange,
      starts timestamp, ends timestamp,
      active boolean,
      constraint bookings_room_overlap exclude using gist (room with =, during with &&),
      constraint bookings_span_overlap exclude using gist (tsrange(starts, ends) with &&) where (active)
    );
  `);
});
afterAll(async () => {
  await db.drop();
});

test('a multi-column primary key', async () => {
  const expected: Constraint = { ...base, name: 'parents_pkey', kind: 'primary_key', columns: ['a', 'b'], definition: 'PRIMARY KEY (a, b)' };
  expect(constraint(table(await introspect(db.url), 'parents'), 'parents_pkey')).toEqual(expected);
});

test('unique constraints, plain and deferrable', async () => {
  const model = await introspect(db.url);
  expect(constraint(table(model, 'parents'), 'parents_label_key')).toEqual({
    ...base,
    name: 'parents_label_key',
    kind: 'unique',
    columns: ['label'],
    nullsNotDistinct: false,
    definition: 'UNIQUE (label)',
  });
  expect(constraint(table(model, 'children'), 'children_lo_hi_key')).toEqual({
    ...base,
    deferrable: true,
    name: 'children_lo_hi_key',
    kind: 'unique',
    columns: ['lo', 'hi'],
    nullsNotDistinct: false,
    definition: 'UNIQUE (lo, hi) DEFERRABLE',
  });
});

test('a multi-column foreign key with ON DELETE / ON UPDATE actions', async () => {
  expect(constraint(table(await introspect(db.url), 'children'), 'children_fk')).toEqual({
    ...base,
    name: 'children_fk',
    kind: 'foreign_key',
    columns: ['pa', 'pb'],
    references: { schema: 'public', table: 'parents', columns: ['a', 'b'] },
    onDelete: 'CASCADE',
    onUpdate: 'SET NULL',
    match: 'SIMPLE',
    definition: 'FOREIGN KEY (pa, pb) REFERENCES parents(a, b) ON UPDATE SET NULL ON DELETE CASCADE',
  });
});

test('DEFERRABLE INITIALLY DEFERRED, columns in declared (not table) order', async () => {
  expect(constraint(table(await introspect(db.url), 'children'), 'children_fk_deferred')).toEqual({
    ...base,
    deferrable: true,
    initiallyDeferred: true,
    name: 'children_fk_deferred',
    kind: 'foreign_key',
    columns: ['pb', 'pa'],
    references: { schema: 'public', table: 'parents', columns: ['b', 'a'] },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    match: 'SIMPLE',
    definition: 'FOREIGN KEY (pb, pa) REFERENCES parents(b, a) DEFERRABLE INITIALLY DEFERRED',
  });
});

test('MATCH FULL with RESTRICT and SET DEFAULT; referenced columns resolved from the primary key', async () => {
  expect(constraint(table(await introspect(db.url), 'children'), 'children_fk_full')).toMatchObject({
    kind: 'foreign_key',
    columns: ['pa', 'pb'],
    references: { schema: 'public', table: 'parents', columns: ['a', 'b'] },
    onDelete: 'SET DEFAULT',
    onUpdate: 'RESTRICT',
    match: 'FULL',
    definition: 'FOREIGN KEY (pa, pb) REFERENCES parents(a, b) MATCH FULL ON UPDATE RESTRICT ON DELETE SET DEFAULT',
  });
});

test('NOT VALID: validated false, and no " NOT VALID" suffix in the definition', async () => {
  const t = table(await introspect(db.url), 'children');
  expect(constraint(t, 'children_fk_unchecked')).toMatchObject({
    validated: false,
    definition: 'FOREIGN KEY (pa, pb) REFERENCES parents(a, b)',
  });
  expect(constraint(t, 'children_qty_check')).toEqual({
    ...base,
    validated: false,
    name: 'children_qty_check',
    kind: 'check',
    expression: '(qty > 0)',
    columns: ['qty'],
    noInherit: false,
    definition: 'CHECK ((qty > 0))',
  });
  await db.exec(`alter table children validate constraint children_qty_check`);
  expect(constraint(table(await introspect(db.url), 'children'), 'children_qty_check').validated).toBe(true);
});

test('check: expression without CHECK (...), its columns, its comment', async () => {
  expect(constraint(table(await introspect(db.url), 'children'), 'children_price_check')).toEqual({
    ...base,
    comment: 'no free lunch',
    name: 'children_price_check',
    kind: 'check',
    expression: '(price > (0)::numeric)',
    columns: ['price'],
    noInherit: false,
    definition: 'CHECK ((price > (0)::numeric))',
  });
});

test('check NO INHERIT; columns in table order, not order of mention', async () => {
  expect(constraint(table(await introspect(db.url), 'children'), 'children_range_check')).toEqual({
    ...base,
    name: 'children_range_check',
    kind: 'check',
    // mentioned hi, lo, qty; table order is qty, lo, hi
    expression: '((hi >= lo) AND (qty IS NOT NULL))',
    columns: ['qty', 'lo', 'hi'],
    noInherit: true,
    definition: 'CHECK (((hi >= lo) AND (qty IS NOT NULL))) NO INHERIT',
  });
});

test('an exclusion constraint over a scalar and a range (btree_gist), and the index behind it', async () => {
  const t = table(await introspect(db.url), 'bookings');
  expect(constraint(t, 'bookings_room_overlap')).toEqual({
    ...base,
    name: 'bookings_room_overlap',
    kind: 'exclusion',
    columns: ['room', 'during'],
    definition: 'EXCLUDE USING gist (room WITH =, during WITH &&)',
  });
  expect(index(t, 'bookings_room_overlap')).toMatchObject({
    method: 'gist',
    unique: false,
    constraint: 'bookings_room_overlap',
    definition: 'CREATE INDEX bookings_room_overlap ON public.bookings USING gist (room, during)',
  });
});

test('an exclusion constraint on an expression lists no phantom column', async () => {
  expect(constraint(table(await introspect(db.url), 'bookings'), 'bookings_span_overlap')).toEqual({
    ...base,
    name: 'bookings_span_overlap',
    kind: 'exclusion',
    columns: [],
    definition: 'EXCLUDE USING gist (tsrange(starts, ends) WITH &&) WHERE (active)',
  });
});

test('a foreign key to a table outside the --schema filter is still fully resolved', async () => {
  const model = await introspect(db.url, ['public']);
  expect(model.tables.some((t) => t.schema === 'ref')).toBe(false);
  expect(constraint(table(model, 'children'), 'children_currency_fk')).toEqual({
    ...base,
    name: 'children_currency_fk',
    kind: 'foreign_key',
    columns: ['cur', 'region'],
    references: { schema: 'ref', table: 'currencies', columns: ['code', 'region'] },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    match: 'SIMPLE',
    definition: 'FOREIGN KEY (cur, region) REFERENCES ref.currencies(code, region)',
  });
});

test('constraints are sorted by name; NOT NULL is nullability, never a constraint (PostgreSQL 18 stores it)', async () => {
  const t = table(await introspect(db.url), 'children');
  expect(t.constraints.map((c) => c.name)).toEqual([
    'children_currency_fk',
    'children_fk',
    'children_fk_deferred',
    'children_fk_full',
    'children_fk_unchecked',
    'children_lo_hi_key',
    'children_pkey',
    'children_price_check',
    'children_qty_check',
    'children_range_check',
  ]);
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from pg_constraint where conrelid = 'children'::regclass and contype = 'n'`,
  );
  // 18 records the identity column's NOT NULL in pg_constraint; older majors do not
  expect(rows[0]!.n).toBe(major >= 18 ? 1 : 0);
});

test('UNIQUE NULLS NOT DISTINCT constraint (PostgreSQL 15+)', async () => {
  if (major < 15) {
    await expect(db.exec(`create table nnd (a int, constraint nnd_a_key unique nulls not distinct (a))`)).rejects.toThrow(/syntax error/);
    return;
  }
  await db.exec(`create table nnd (a int, b int, constraint nnd_a_key unique nulls not distinct (a), constraint nnd_b_key unique (b))`);
  const t = table(await introspect(db.url), 'nnd');
  expect(constraint(t, 'nnd_a_key')).toEqual({
    ...base,
    name: 'nnd_a_key',
    kind: 'unique',
    columns: ['a'],
    nullsNotDistinct: true,
    definition: 'UNIQUE NULLS NOT DISTINCT (a)',
  });
  expect(constraint(t, 'nnd_b_key')).toMatchObject({ nullsNotDistinct: false });
  expect(index(t, 'nnd_a_key')).toMatchObject({ nullsNotDistinct: true, constraint: 'nnd_a_key' });
});
