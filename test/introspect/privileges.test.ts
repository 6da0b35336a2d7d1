import pg from 'pg';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { createTestDatabase, execAsAdmin, urlAs, type TestDatabase } from '../support/db.js';
import { introspect, table } from '../support/introspect.js';
import { randomRoleName } from './helpers.js';

/**
 * Least privilege: an audit role with only CONNECT on the database and USAGE
 * on the schemas (no SELECT on anything) reads the same model as a superuser,
 * because everything comes from pg_catalog, which every role can read.
 */

let db: TestDatabase;
const role = randomRoleName('audit');
const password = `pw-${role}-ä:@/`; // URL-hostile characters: urlAs must encode them
let roleUrl: string;

beforeAll(async () => {
  db = await createTestDatabase('privileges');
  await db.exec(`
    create schema app;
    create schema hidden;
    create type app.state as enum ('draft', 'sent');
    create domain app.money as numeric(12,2) check (value >= 0);
    create table app.customers (
      id bigint generated always as identity primary key,
      email text not null collate "C",
      state app.state not null default 'draft',
      constraint customers_email_key unique (email)
    );
    comment on table app.customers is 'secret-ish';
    create table app.invoices (
      id serial primary key,
      customer_id bigint not null references app.customers on delete cascade,
      total app.money,
      issued_at timestamptz default now(),
      constraint invoices_total_check check (total < 1000000)
    ) ;
    create index invoices_customer on app.invoices (customer_id) include (total) where total > 0;
    create index invoices_abs on app.invoices (abs(customer_id));
    create table app.events (at date, kind text) partition by range (at);
    create table app.events_2024 partition of app.events for values from ('2024-01-01') to ('2025-01-01');
    create function app.touch() returns trigger language plpgsql as $$ begin return new; end $$;
    create trigger invoices_touch before update on app.invoices for each row execute function app.touch();
    create view app.open_invoices as select * from app.invoices where total > 0;
    create materialized view app.totals as select customer_id, sum(total) from app.invoices group by 1;
    create sequence app.numbers;
    create table public.settings (k text primary key, v jsonb);
    create table hidden.vault (id int primary key, note text);

    revoke all on database "${db.name}" from public;
    revoke all on schema public from public;
    create role "${role}" login password '${password.replace(/'/g, "''")}';
    grant connect on database "${db.name}" to "${role}";
    grant usage on schema app, public to "${role}";
  `);
  roleUrl = urlAs(db.url, role, password);
});

afterAll(async () => {
  // Roles are cluster-wide: take back what was granted, then drop the role.
  await db.exec(`revoke all on schema app, public from "${role}"; drop owned by "${role}"`).catch(() => undefined);
  await db.drop();
  await execAsAdmin(`drop role if exists "${role}"`);
});

test('the audit role really has no SELECT on any table', async () => {
  const rows = await db.query<{ any_select: boolean; superuser: boolean }>(
    `select bool_or(has_table_privilege($1, c.oid, 'select')) as any_select,
            (select rolsuper from pg_roles where rolname = $1) as superuser
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('app', 'public', 'hidden')`,
    [role],
  );
  expect(rows[0]).toEqual({ any_select: false, superuser: false });
  const c = new pg.Client({ connectionString: roleUrl });
  await c.connect();
  try {
    await expect(c.query('select * from app.customers')).rejects.toThrow(/permission denied/);
    expect((await c.query<{ u: string }>('select current_user as u')).rows[0]!.u).toBe(role);
  } finally {
    await c.end();
  }
});

test('introspecting as the audit role gives the same model as the superuser', async () => {
  const asSuper = await readLiveSchema(db.url);
  const asRole = await readLiveSchema(roleUrl);
  expect(asRole.server.user).toBe(role);
  expect(asSuper.server.user).not.toBe(role);
  expect(asRole.model).toEqual(asSuper.model);
  // Every catalog read is PUBLIC's in a default installation: nothing is hidden from this role (visibility.test.ts hardens one).
  expect(asRole.notVisible).toBeUndefined();
  expect(JSON.stringify(asRole.model)).toBe(JSON.stringify(asSuper.model));
});

test('the audit role sees tables, columns, indexes, constraints, triggers and partitions', async () => {
  const model = await introspect(roleUrl, ['app']);
  const invoices = table(model, 'invoices', 'app');
  expect(invoices.columns.map((c) => [c.name, c.type, c.default])).toEqual([
    ['id', 'integer', "nextval('app.invoices_id_seq'::regclass)"],
    ['customer_id', 'bigint', null],
    ['total', 'app.money', null],
    ['issued_at', 'timestamp with time zone', 'now()'],
  ]);
  expect(invoices.indexes.map((i) => i.definition)).toEqual([
    'CREATE INDEX invoices_abs ON app.invoices USING btree (abs(customer_id))',
    'CREATE INDEX invoices_customer ON app.invoices USING btree (customer_id) INCLUDE (total) WHERE ((total)::numeric > (0)::numeric)',
    'CREATE UNIQUE INDEX invoices_pkey ON app.invoices USING btree (id)',
  ]);
  expect(invoices.constraints.map((c) => [c.kind, c.definition])).toEqual([
    ['foreign_key', 'FOREIGN KEY (customer_id) REFERENCES app.customers(id) ON DELETE CASCADE'],
    ['primary_key', 'PRIMARY KEY (id)'],
    ['check', 'CHECK (((total)::numeric < (1000000)::numeric))'],
  ]);
  expect(invoices.triggers.map((t) => t.name)).toEqual(['invoices_touch']);
  const customers = table(model, 'customers', 'app');
  expect(customers.comment).toBe('secret-ish');
  expect(customers.columns.find((c) => c.name === 'email')!.collation).toBe('C');
  expect(table(model, 'events_2024', 'app').partitionOf).toEqual({
    schema: 'app',
    table: 'events',
    bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
  });
  expect(model.sequences.map((s) => [s.name, s.identity])).toEqual([
    ['customers_id_seq', true],
    ['invoices_id_seq', false],
    ['numbers', false],
  ]);
  expect(model.views.map((v) => v.name)).toEqual(['open_invoices', 'totals']);
  expect(model.enums.map((e) => e.values)).toEqual([['draft', 'sent']]);
  expect(model.domains.map((d) => d.checks)).toEqual([[{ name: 'money_check', definition: 'CHECK (VALUE >= 0::numeric)' }]]);
});

test('the catalog shows even a schema the role has no USAGE on', async () => {
  // pg_catalog is world-readable: privileges on the objects do not hide them.
  const model = await introspect(roleUrl, ['hidden']);
  expect(table(model, 'vault', 'hidden').columns.map((c) => c.name)).toEqual(['id', 'note']);
});

test('a role without CONNECT cannot get in, and says so in one line', async () => {
  const stranger = randomRoleName('nocon');
  await execAsAdmin(`create role "${stranger}" login password 'x'`);
  try {
    await expect(readLiveSchema(urlAs(db.url, stranger, 'x'))).rejects.toThrow(/permission denied for database/);
  } finally {
    await execAsAdmin(`drop role "${stranger}"`);
  }
});
