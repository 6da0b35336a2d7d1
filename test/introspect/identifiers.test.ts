import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { column, index, introspect, table } from '../support/introspect.js';
import { constraint, enumType, routines, sequence, tableNames, trigger, view } from './helpers.js';

/**
 * Names are stored unquoted, exactly as the catalog holds them; only the
 * deparsed SQL text (definitions, types) carries quotes.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('identifiers');
  await db.exec(`
    create table "Lead Notes" (
      "MixedCase" int,
      "select" text,
      "order" int,
      "weird ""name""" text,
      "naïve café" text,
      "日本語" int,
      "with space" int,
      "UPPER" int,
      lower_ok int,
      constraint "Lead Notes_pkey" primary key ("order"),
      constraint "check ""q""" check ("MixedCase" > 0)
    );
    comment on column "Lead Notes"."weird ""name""" is 'odd';
    create index "Idx ""Q""" on "Lead Notes" ("select", "weird ""name""");
    create index "lower idx" on "Lead Notes" (lower("naïve café"));
    create trigger "Trig T" before update on "Lead Notes"
      for each row execute function suppress_redundant_updates_trigger();

    create schema "My Schema";
    create table "My Schema"."Täble" (id int primary key, "ref" int references "Lead Notes" ("order"));
    create type "My Schema"."Mood ""x""" as enum ('a b', 'É', 'with ''quote''', 'Upper');
    create table "My Schema".uses (m "My Schema"."Mood ""x""", s "My Schema"."Mood ""x"""[]);
    create sequence "My Schema"."Seq Q";
    create view "My Schema"."View V" as select 1 as one;
    create function "My Schema"."Fn F"("Arg A" int) returns int language sql as 'select 1';

    create schema "UPPER";
    create table "UPPER"."UPPER" ("ID" int);
    create table upper (id int);
  `);
});
afterAll(async () => {
  await db.drop();
});

test('quoted, mixed-case, reserved and non-ASCII column names are stored unquoted', async () => {
  const t = table(await introspect(db.url), 'Lead Notes');
  expect(t.schema).toBe('public');
  expect(t.columns.map((c) => c.name)).toEqual([
    'MixedCase',
    'select',
    'order',
    'weird "name"',
    'naïve café',
    '日本語',
    'with space',
    'UPPER',
    'lower_ok',
  ]);
  expect(column(t, 'weird "name"').comment).toBe('odd');
});

test('index, constraint and trigger names are unquoted, their definitions quote as the server does', async () => {
  const t = table(await introspect(db.url), 'Lead Notes');
  const idx = index(t, 'Idx "Q"');
  expect(idx.keys.map((k) => k.column)).toEqual(['select', 'weird "name"']);
  expect(idx.definition).toBe(
    'CREATE INDEX "Idx ""Q""" ON public."Lead Notes" USING btree ("select", "weird ""name""")',
  );
  expect(index(t, 'lower idx').keys[0]!.expression).toBe('lower("naïve café")');
  expect(index(t, 'Lead Notes_pkey').constraint).toBe('Lead Notes_pkey');

  expect(constraint(t, 'Lead Notes_pkey')).toMatchObject({ kind: 'primary_key', columns: ['order'], definition: 'PRIMARY KEY ("order")' });
  expect(constraint(t, 'check "q"')).toMatchObject({
    kind: 'check',
    columns: ['MixedCase'],
    expression: '("MixedCase" > 0)',
    definition: 'CHECK (("MixedCase" > 0))',
  });
  expect(trigger(t, 'Trig T').definition).toBe(
    'CREATE TRIGGER "Trig T" BEFORE UPDATE ON public."Lead Notes" FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()',
  );
});

test('schema and table names with spaces and non-ASCII letters; FK references stay unquoted', async () => {
  const model = await introspect(db.url);
  const t = table(model, 'Täble', 'My Schema');
  expect(constraint(t, 'Täble_ref_fkey')).toMatchObject({
    kind: 'foreign_key',
    columns: ['ref'],
    references: { schema: 'public', table: 'Lead Notes', columns: ['order'] },
    definition: 'FOREIGN KEY (ref) REFERENCES "Lead Notes"("order")',
  });
  expect(index(t, 'Täble_pkey').definition).toBe('CREATE UNIQUE INDEX "Täble_pkey" ON "My Schema"."Täble" USING btree (id)');
  expect(model.schemas.map((s) => s.name)).toEqual(['My Schema', 'UPPER', 'public']);
});

test('enum, sequence, view and function names are unquoted; enum labels verbatim', async () => {
  const model = await introspect(db.url);
  expect(enumType(model, 'Mood "x"', 'My Schema').values).toEqual(['a b', 'É', "with 'quote'", 'Upper']);
  expect(sequence(model, 'Seq Q', 'My Schema').name).toBe('Seq Q');
  expect(view(model, 'View V', 'My Schema').kind).toBe('view');
  expect(routines(model, 'Fn F', 'My Schema')).toMatchObject([
    { schema: 'My Schema', name: 'Fn F', kind: 'function', signature: 'integer', arguments: '"Arg A" integer', argumentList: '"Arg A" integer', returns: 'integer', language: 'sql' },
  ]);
});

test('a column type in a quoted schema prints quoted and qualified, as format_type does', async () => {
  const t = table(await introspect(db.url), 'uses', 'My Schema');
  expect(t.columns.map((c) => c.type)).toEqual(['"My Schema"."Mood ""x"""', '"My Schema"."Mood ""x"""[]']);
});

test('"UPPER"."UPPER" and public.upper are different tables; sort is by code unit', async () => {
  const model = await introspect(db.url);
  expect(tableNames(model)).toEqual(['My Schema.Täble', 'My Schema.uses', 'UPPER.UPPER', 'public.Lead Notes', 'public.upper']);
  expect(table(model, 'UPPER', 'UPPER').columns.map((c) => c.name)).toEqual(['ID']);
  expect(table(model, 'upper').columns.map((c) => c.name)).toEqual(['id']);
});

test('a schema filter takes names exactly as stored (no case folding, no quotes)', async () => {
  expect(tableNames(await introspect(db.url, ['My Schema']))).toEqual(['My Schema.Täble', 'My Schema.uses']);
  expect(tableNames(await introspect(db.url, ['UPPER']))).toEqual(['UPPER.UPPER']);
  expect(tableNames(await introspect(db.url, ['upper']))).toEqual([]);
});
