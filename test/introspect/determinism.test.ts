import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { adminUrl, createTestDatabase, urlFor, type TestDatabase } from '../support/db.js';
import { introspect, table } from '../support/introspect.js';
import { serverMajor, tableNames } from './helpers.js';

/**
 * Determinism: the same schema always yields the same model (and the same
 * JSON bytes), whatever order the DDL ran in, whatever OIDs it got, whatever
 * search_path it ran under and whatever the database's collation.
 */

// One schema, written twice. Order A is the natural one.
const ORDER_A = `
  create schema app;
  create schema audit;
  create type app.state as enum ('draft', 'sent', 'paid');
  create type public.level as enum ('low', 'high');
  create domain app.amount as numeric(12,2) default 0 check (value >= 0);
  create domain app.initial_state as app.state default 'draft';
  create sequence app.invoice_no start with 1000;
  create table app.customers (
    id bigint generated always as identity,
    email text not null,
    level level default 'low',
    constraint customers_pkey primary key (id),
    constraint customers_email_key unique (email)
  );
  create table app.invoices (
    id serial,
    number bigint not null default nextval('app.invoice_no'),
    customer_id bigint not null,
    state app.state not null default 'draft',
    total app.amount,
    constraint invoices_pkey primary key (id),
    constraint invoices_customer_fk foreign key (customer_id) references app.customers (id) on delete cascade,
    constraint invoices_total_check check (total < 1000000)
  );
  create index invoices_state on app.invoices (state) where state <> 'paid';
  create index invoices_customer on app.invoices (customer_id, id desc);
  create table audit.log (at timestamptz not null default now(), entry jsonb) partition by range (at);
  create table audit.log_2024 partition of audit.log for values from ('2024-01-01') to ('2025-01-01');
  create table public."B", public.a (x int);
  create table public."é" (x int);
  create table public."_u" (x int);
  create table public."Z" (x int);
  create function app.total(app.invoices) returns numeric language sql as 'select $1.total';
  create function app.total(bigint) returns numeric language sql as 'select 0::numeric';
  create function app.touch() returns trigger language plpgsql as $$ begin return new; end $$;
  create trigger invoices_touch before update on app.invoices for each row execute function app.touch();
  create trigger customers_touch before update on app.customers for each row execute function app.touch();
  create view app.open_invoices as select * from app.invoices where state <> 'paid';
  create materialized view app.totals as select customer_id, sum(total) from app.invoices group by 1;
  comment on table app.invoices is 'Invoices';
  comment on column app.invoices.total is 'Gross';
`.replace('create table public."B", public.a (x int);', 'create table public."B" (x int); create table public.a (x int);');

// Order B: same objects, other statement order, other search_path, constraints
// and indexes added afterwards, a dropped column and renames along the way.
const ORDER_B = `
  create schema audit;
  create schema app;
  set search_path = app, public;
  create table public."Z" (x int);
  create table public."_u" (x int);
  create sequence invoice_no start with 1000;
  create type public.level as enum ('low', 'high');
  create type state as enum ('draft', 'paid');
  alter type state add value 'sent' before 'paid';
  create domain amount as numeric(12,2) check (value >= 0);
  alter domain amount set default 0;
  create domain initial_state as state default 'draft';
  create table public."é" (x int);
  create table customers (
    id bigint generated always as identity,
    obsolete text,
    email text not null,
    level level default 'low'
  );
  alter table customers drop column obsolete;
  alter table customers add constraint customers_email_key unique (email);
  alter table customers add constraint customers_pkey primary key (id);
  create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
  create trigger customers_touch before update on customers for each row execute function touch();
  create table invoices (
    id serial,
    number bigint not null default nextval('invoice_no'),
    customer_id bigint not null,
    state state not null default 'draft',
    total amount
  );
  comment on column invoices.total is 'Gross';
  create index invoices_customer_tmp on invoices (customer_id, id desc);
  alter index invoices_customer_tmp rename to invoices_customer;
  create index invoices_state on invoices (state) where state <> 'paid';
  alter table invoices add constraint invoices_total_check check (total < 1000000);
  alter table invoices add constraint invoices_customer_fk foreign key (customer_id) references customers (id) on delete cascade;
  alter table invoices add constraint invoices_pkey primary key (id);
  create trigger invoices_touch before update on invoices for each row execute function touch();
  create function total(bigint) returns numeric language sql as 'select 0::numeric';
  create function total(invoices) returns numeric language sql as 'select $1.total';
  create materialized view totals as select customer_id, sum(total) from invoices group by 1;
  create view open_invoices as select * from invoices where state <> 'paid';
  comment on table invoices is 'Invoices';
  create table audit.log (at timestamptz not null default now(), entry jsonb) partition by range (at);
  create table audit.log_2024_tmp (at timestamptz not null default now(), entry jsonb);
  alter table audit.log_2024_tmp rename to log_2024;
  alter table audit.log attach partition audit.log_2024 for values from ('2024-01-01') to ('2025-01-01');
  create table public.a (x int);
  create table public."B" (x int);
  reset search_path;
`;

let a: TestDatabase;
let b: TestDatabase;
let major: number;
const extraDatabases: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  a = await createTestDatabase('determinism_a');
  b = await createTestDatabase('determinism_b');
  major = await serverMajor(a);
  await a.exec(ORDER_A);
  await b.exec(ORDER_B);
});
afterAll(async () => {
  await a.drop();
  await b.drop();
  await admin(async (c) => {
    for (const name of extraDatabases) await c.query(`drop database if exists "${name}" with (force)`);
  });
});

test('introspecting the same database twice gives byte-identical JSON', async () => {
  const first = await readLiveSchema(a.url);
  const second = await readLiveSchema(a.url);
  expect(JSON.stringify(second.model)).toBe(JSON.stringify(first.model));
  expect(first.model.tables.length).toBe(9);
});

test('the same DDL in a different statement order gives an equal model', async () => {
  const modelA = await introspect(a.url);
  const modelB = await introspect(b.url);
  expect(modelB).toEqual(modelA);
  expect(JSON.stringify(modelB)).toBe(JSON.stringify(modelA));
});

test('the models compared above hold what the DDL says (an empty model would also be equal)', async () => {
  const model = await introspect(b.url);
  const invoices = table(model, 'invoices', 'app');
  expect(invoices.columns.map((c) => [c.position, c.name, c.type, c.default])).toEqual([
    [1, 'id', 'integer', "nextval('app.invoices_id_seq'::regclass)"],
    [2, 'number', 'bigint', "nextval('app.invoice_no'::regclass)"],
    [3, 'customer_id', 'bigint', null],
    [4, 'state', 'app.state', "'draft'::app.state"],
    [5, 'total', 'app.amount', null],
  ]);
  expect(invoices.indexes.map((i) => i.name)).toEqual(['invoices_customer', 'invoices_pkey', 'invoices_state']);
  expect(invoices.constraints.map((c) => c.name)).toEqual(['invoices_customer_fk', 'invoices_pkey', 'invoices_total_check']);
  expect(table(model, 'customers', 'app').columns.map((c) => [c.position, c.name])).toEqual([
    [1, 'id'],
    [2, 'email'],
    [3, 'level'],
  ]);
  expect(model.enums.find((e) => e.name === 'state')!.values).toEqual(['draft', 'sent', 'paid']);
  // the domain default was created under search_path app in B, unqualified in the stored text
  expect(model.domains.map((d) => [d.name, d.default])).toEqual([
    ['amount', '0'],
    ['initial_state', "'draft'::app.state"],
  ]);
  expect(model.functions.map((f) => `${f.name}(${f.arguments})`)).toEqual(['total(app.invoices)', 'total(bigint)', 'touch()']);
  expect(model.views.map((v) => v.name)).toEqual(['open_invoices', 'totals']);
});

test('lists are sorted by code unit, not by the database collation', async () => {
  // On 15+ a database whose collation sorts "é" next to "e" and ignores case;
  // on 14, a second database with the server default.
  const name = `sa_determinism_icu_${randomBytes(4).toString('hex')}`;
  extraDatabases.push(name);
  const locale = major >= 15 ? ` locale_provider icu icu_locale 'sv'` : '';
  await admin((c) => c.query(`create database "${name}" template template0 encoding 'UTF8'${locale}`));
  const c = new pg.Client({ connectionString: urlFor(name) });
  await c.connect();
  try {
    await c.query(ORDER_A);
    if (major >= 15) {
      const { rows } = await c.query<{ n: string }>(`select string_agg(n, ' ' order by n) as n from unnest(array['a', 'B', 'Z', 'é', '_u']) n`);
      expect(rows[0]!.n).not.toBe('B Z _u a é'); // really not code-unit order
    }
  } finally {
    await c.end();
  }
  const model = await introspect(urlFor(name));
  expect(tableNames(model).filter((n) => n.startsWith('public.'))).toEqual(['public.B', 'public.Z', 'public._u', 'public.a', 'public.é']);
  expect(model).toEqual(await introspect(a.url));
});
