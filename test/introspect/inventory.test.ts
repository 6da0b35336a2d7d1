import type { Routine, Trigger } from '../../src/model/schema-model.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { introspect, table } from '../support/introspect.js';
import { routines, serverMajor, tableNames, trigger, view } from './helpers.js';

/** Views, materialized views, routines, triggers and extensions. */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('inventory');
  await db.exec(`
    create schema other;
    create table items (id int primary key, name text, price numeric);

    create view cheap_items as select id, name from items where price < 10;
    comment on view cheap_items is 'Under ten';
    create view other.item_names as select name from items;
    create materialized view item_stats as select count(*) as n from items with no data;
    comment on materialized view item_stats is 'Refreshed nightly';
    create recursive view counting (n) as select 1 union all select n + 1 from counting where n < 3;

    create function add(a int, b int) returns int language sql immutable as 'select a + b';
    create function add(a numeric, b numeric) returns numeric language sql immutable as 'select a + b';
    create function add(a text) returns text language sql as 'select a';
    create function no_args() returns setof items language sql as 'select * from items';
    create function out_params(in x int, out doubled int, out tripled int) language sql as 'select x * 2, x * 3';
    create function table_fn(n int) returns table (k int, v text) language sql as 'select n, n::text';
    create function other.helper(variadic parts text[]) returns text language sql as $$select array_to_string(parts, ',')$$;
    create procedure bump(inout counter int, step int default 1) language plpgsql as $$ begin counter := counter + step; end $$;
    create aggregate total(numeric) (sfunc = numeric_add, stype = numeric, initcond = '0');
    create function nth_row(int) returns int language internal window immutable as 'window_row_number';

    create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
    create trigger items_on before insert on items for each row execute function touch();
    comment on trigger items_on on items is 'Stamps new rows';
    create trigger items_off after update of price on items for each row when (old.price is distinct from new.price) execute function touch();
    alter table items disable trigger items_off;
    create trigger items_always after delete on items for each statement execute function touch();
    alter table items enable always trigger items_always;
    create trigger items_replica before delete on items for each row execute function touch();
    alter table items enable replica trigger items_replica;
    create constraint trigger items_deferred after insert on items deferrable initially deferred for each row execute function touch();
    create table item_refs (item_id int references items);

    create table parted (id int, at date) partition by range (at);
    create table parted_2024 partition of parted for values from ('2024-01-01') to ('2025-01-01');
    create trigger parted_touch before insert on parted for each row execute function touch();
    create trigger own_touch before update on parted_2024 for each row execute function touch();
  `);
});
afterAll(async () => {
  await db.drop();
});

describe('views', () => {
  test('views and materialized views, with kind and comment, sorted by schema then name', async () => {
    const model = await introspect(db.url);
    expect(model.views.map(({ schema, name, kind, comment }) => ({ schema, name, kind, comment }))).toEqual([
      { schema: 'other', name: 'item_names', kind: 'view', comment: null },
      { schema: 'public', name: 'cheap_items', kind: 'view', comment: 'Under ten' },
      { schema: 'public', name: 'counting', kind: 'view', comment: null },
      { schema: 'public', name: 'item_stats', kind: 'materialized_view', comment: 'Refreshed nightly' },
    ]);
  });

  test('the query as the server deparses it, columns, population, what each reads', async () => {
    const model = await introspect(db.url);
    // PostgreSQL 16 stopped qualifying the columns of a query over one table.
    const q = (await serverMajor(db)) >= 16 ? '' : 'items.';
    expect(view(model, 'cheap_items')).toMatchObject({
      definition: `SELECT ${q}id,\n    ${q}name\n   FROM items\n  WHERE (${q}price < (10)::numeric)`,
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'name', type: 'text' },
      ],
      options: [],
      populated: true,
      indexes: [],
      dependsOn: ['column:public\u0000items\u0000id', 'column:public\u0000items\u0000name', 'column:public\u0000items\u0000price'],
    });
    expect(view(model, 'item_names', 'other').definition).toBe(`SELECT ${q}name\n   FROM items`);
    expect(view(model, 'item_stats')).toMatchObject({ populated: false, columns: [{ name: 'n', type: 'bigint' }] });
    // A recursive view reads itself: not a dependency.
    expect(view(model, 'counting').dependsOn).toEqual([]);
  });

  test('views are not tables', async () => {
    const model = await introspect(db.url);
    expect(tableNames(model)).toEqual(['public.item_refs', 'public.items', 'public.parted', 'public.parted_2024']);
    expect(view(model, 'item_stats').kind).toBe('materialized_view');
  });

  test('a schema filter limits views', async () => {
    expect((await introspect(db.url, ['other'])).views.map((v) => v.name)).toEqual(['item_names']);
  });
});

describe('routines', () => {
  test('overloads are distinguished by their argument lists', async () => {
    const expected: Partial<Routine>[] = [
      { schema: 'public', name: 'add', kind: 'function', arguments: 'a integer, b integer', returns: 'integer', language: 'sql' },
      { schema: 'public', name: 'add', kind: 'function', arguments: 'a numeric, b numeric', returns: 'numeric', language: 'sql' },
      { schema: 'public', name: 'add', kind: 'function', arguments: 'a text', returns: 'text', language: 'sql' },
    ];
    const found = routines(await introspect(db.url), 'add');
    expect(found).toHaveLength(expected.length);
    found.forEach((r, i) => expect(r).toMatchObject(expected[i]!));
  });

  test('function, procedure, aggregate and window kinds', async () => {
    const model = await introspect(db.url);
    expect(routines(model, 'bump')).toMatchObject([
      { schema: 'public', name: 'bump', kind: 'procedure', arguments: 'INOUT counter integer, IN step integer', returns: null, language: 'plpgsql' },
    ]);
    expect(routines(model, 'total')).toMatchObject([
      { schema: 'public', name: 'total', kind: 'aggregate', arguments: 'numeric', returns: 'numeric', language: 'internal' },
    ]);
    expect(routines(model, 'nth_row')).toMatchObject([
      { schema: 'public', name: 'nth_row', kind: 'window', arguments: 'integer', returns: 'integer', language: 'internal' },
    ]);
    expect(routines(model, 'touch')).toMatchObject([
      { schema: 'public', name: 'touch', kind: 'function', arguments: '', returns: 'trigger', language: 'plpgsql' },
    ]);
  });

  test('results and identity arguments as the server prints them', async () => {
    const model = await introspect(db.url);
    const sig = (name: string, schema = 'public'): [string, string | null][] =>
      routines(model, name, schema).map((r) => [r.arguments, r.returns]);
    expect(sig('no_args')).toEqual([['', 'SETOF items']]);
    // pg_get_function_identity_arguments prints OUT parameters too (marked OUT)
    expect(sig('out_params')).toEqual([['x integer, OUT doubled integer, OUT tripled integer', 'record']]);
    expect(sig('table_fn')).toEqual([['n integer', 'TABLE(k integer, v text)']]);
    expect(sig('helper', 'other')).toEqual([['VARIADIC parts text[]', 'text']]);
  });

  test('sorted by schema, name, arguments; a schema filter limits them', async () => {
    const model = await introspect(db.url);
    expect(model.functions.map((r) => `${r.schema}.${r.name}(${r.arguments})`)).toEqual([
      'other.helper(VARIADIC parts text[])',
      'public.add(a integer, b integer)',
      'public.add(a numeric, b numeric)',
      'public.add(a text)',
      'public.bump(INOUT counter integer, IN step integer)',
      'public.no_args()',
      'public.nth_row(integer)',
      'public.out_params(x integer, OUT doubled integer, OUT tripled integer)',
      'public.table_fn(n integer)',
      'public.total(numeric)',
      'public.touch()',
    ]);
    expect((await introspect(db.url, ['other'])).functions.map((r) => r.name)).toEqual(['helper']);
  });
});

describe('triggers', () => {
  const touch = 'function:public\u0000touch\u0000';
  const base = { constraint: false, function: touch, comment: null };
  test('name, enabled state, definition, constraint trigger, function and dependencies', async () => {
    const t = table(await introspect(db.url), 'items');
    const expected: Trigger[] = [
      {
        ...base,
        name: 'items_always',
        enabled: 'always',
        definition: 'CREATE TRIGGER items_always AFTER DELETE ON public.items FOR EACH STATEMENT EXECUTE FUNCTION touch()',
        dependsOn: [touch],
      },
      {
        ...base,
        name: 'items_deferred',
        enabled: 'origin',
        constraint: true,
        definition:
          'CREATE CONSTRAINT TRIGGER items_deferred AFTER INSERT ON public.items DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch()',
        dependsOn: [touch],
      },
      {
        ...base,
        name: 'items_off',
        enabled: 'disabled',
        definition:
          'CREATE TRIGGER items_off AFTER UPDATE OF price ON public.items FOR EACH ROW WHEN ((old.price IS DISTINCT FROM new.price)) EXECUTE FUNCTION touch()',
        dependsOn: ['column:public\u0000items\u0000price', touch],
      },
      {
        ...base,
        name: 'items_on',
        enabled: 'origin',
        definition: 'CREATE TRIGGER items_on BEFORE INSERT ON public.items FOR EACH ROW EXECUTE FUNCTION touch()',
        dependsOn: [touch],
        comment: 'Stamps new rows',
      },
      {
        ...base,
        name: 'items_replica',
        enabled: 'replica',
        definition: 'CREATE TRIGGER items_replica BEFORE DELETE ON public.items FOR EACH ROW EXECUTE FUNCTION touch()',
        dependsOn: [touch],
      },
    ];
    // The foreign key from item_refs adds internal triggers to items: not listed.
    expect(t.triggers).toEqual(expected);
  });

  test('re-enabling a trigger shows in the model', async () => {
    await db.exec(`alter table items enable trigger items_off`);
    expect(trigger(table(await introspect(db.url), 'items'), 'items_off').enabled).toBe('origin');
    await db.exec(`alter table items disable trigger items_off`);
    expect(trigger(table(await introspect(db.url), 'items'), 'items_off').enabled).toBe('disabled');
  });

  test('a partitioned table’s trigger is listed on the parent only, the same on every major', async () => {
    // PostgreSQL 14 marks the partitions' clones internal, 15+ does not.
    const model = await introspect(db.url);
    expect(table(model, 'parted').triggers.map((t) => t.name)).toEqual(['parted_touch']);
    expect(table(model, 'parted_2024').triggers).toEqual([
      {
        ...base,
        name: 'own_touch',
        enabled: 'origin',
        definition: 'CREATE TRIGGER own_touch BEFORE UPDATE ON public.parted_2024 FOR EACH ROW EXECUTE FUNCTION touch()',
        dependsOn: [touch],
      },
    ]);
    expect(table(model, 'item_refs').triggers).toEqual([]);
  });
});

describe('extensions', () => {
  test('available contrib extensions for the tests below ship with this server', async () => {
    const rows = await db.query<{ name: string }>(
      `select name from pg_available_extensions where name in ('pg_trgm', 'citext', 'pg_buffercache') order by name`,
    );
    expect(rows.map((r) => r.name)).toEqual(['citext', 'pg_buffercache', 'pg_trgm']);
  });

  test('no extensions beyond plpgsql: the list is empty (plpgsql is excluded)', async () => {
    const rows = await db.query<{ n: number }>(`select count(*)::int as n from pg_extension where extname = 'plpgsql'`);
    expect(rows[0]!.n).toBe(1);
    expect((await introspect(db.url)).extensions).toEqual([]);
  });

  test('installed extensions are listed with schema and version; their objects are not', async () => {
    const before = await introspect(db.url);
    await db.exec(`
      create extension pg_trgm;
      create extension citext schema other;
      create extension pg_buffercache;
    `);
    const versions = await db.query<{ extname: string; extversion: string }>(`select extname, extversion from pg_extension order by extname`);
    const version = (name: string): string => versions.find((v) => v.extname === name)!.extversion;
    const model = await introspect(db.url);
    expect(model.extensions.map(({ name, schema, version }) => ({ name, schema, version }))).toEqual([
      { name: 'citext', schema: 'other', version: version('citext') },
      { name: 'pg_buffercache', schema: 'public', version: version('pg_buffercache') },
      { name: 'pg_trgm', schema: 'public', version: version('pg_trgm') },
    ]);
    // pg_trgm's functions, citext's, pg_buffercache's view and functions: none listed
    expect(model.functions).toEqual(before.functions);
    expect(model.views).toEqual(before.views);
    expect(model.tables).toEqual(before.tables);
    // extensions are database-wide: listed whatever the schema filter
    expect((await introspect(db.url, ['public'])).extensions.map((e) => e.name)).toEqual(['citext', 'pg_buffercache', 'pg_trgm']);
  });

  test('tables, sequences, enums, domains, functions and views that belong to an extension are not listed', async () => {
    await db.exec(`
      create table ext_config (k text primary key, v text);
      create index ext_config_v on ext_config (v);
      create sequence ext_seq;
      create type ext_enum as enum ('x');
      create domain ext_domain as int;
      create function ext_fn() returns int language sql as 'select 1';
      create view ext_view as select 1 as one;
      alter extension pg_trgm add table ext_config;
      alter extension pg_trgm add sequence ext_seq;
      alter extension pg_trgm add type ext_enum;
      alter extension pg_trgm add domain ext_domain;
      alter extension pg_trgm add function ext_fn();
      alter extension pg_trgm add view ext_view;
    `);
    const model = await introspect(db.url);
    expect(tableNames(model)).toEqual(['public.item_refs', 'public.items', 'public.parted', 'public.parted_2024']);
    expect(model.sequences.map((s) => s.name)).toEqual([]);
    expect(model.enums).toEqual([]);
    expect(model.domains).toEqual([]);
    expect(routines(model, 'ext_fn')).toEqual([]);
    expect(model.views.map((v) => v.name)).not.toContain('ext_view');
    // Released from the extension, they are the application's again.
    await db.exec(`alter extension pg_trgm drop table ext_config; alter extension pg_trgm drop function ext_fn()`);
    const after = await introspect(db.url);
    expect(table(after, 'ext_config').indexes.map((i) => i.name)).toEqual(['ext_config_pkey', 'ext_config_v']);
    expect(routines(after, 'ext_fn').map((r) => r.kind)).toEqual(['function']);
  });
});
