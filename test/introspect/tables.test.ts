import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { column, introspect, table } from '../support/introspect.js';
import { tableNames } from './helpers.js';

/** Tables: identity, comment, row estimate, partitioning, persistence, schemas. */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('tables');
  await db.exec(`
    create table plain (id int);
    create table commented (id int);
    comment on table commented is 'Customer leads, one row per inbound enquiry';
    create unlogged table scratch_pad (id int);

    create table measured (id int);
    create table measured_empty (id int);

    create table events (id bigint not null, created_at timestamptz not null, region text not null)
      partition by range (created_at);
    create table events_2024 partition of events
      for values from ('2024-01-01 00:00:00+00') to ('2025-01-01 00:00:00+00');
    create table events_default partition of events default;
    create table by_region (id int, region text) partition by list (region);
    create table by_region_eu partition of by_region for values in ('eu', 'uk');
    create table by_hash (id int) partition by hash (id);
    create table by_hash_0 partition of by_hash for values with (modulus 4, remainder 0);
    -- two levels: a partition that is itself partitioned
    create table logs (id int, at date, level text) partition by range (at);
    create table logs_2024 partition of logs for values from ('2024-01-01') to ('2025-01-01') partition by list (level);
    create table logs_2024_error partition of logs_2024 for values in ('error');
    -- multi-column / expression partition key
    create table readings (sensor int, at timestamp) partition by range (sensor, date_trunc('day', at));
    -- classic inheritance is not partitioning
    create table parent_inh (id int);
    create table child_inh (extra int) inherits (parent_inh);

    create schema billing;
    comment on schema billing is 'Invoices and payments';
    create table public.accounts (id int primary key, email text);
    create table billing.accounts (account_no bigint, balance numeric(12,2), currency char(3));
    create unlogged table billing.rates (code text);
  `);
});
afterAll(async () => {
  await db.drop();
});

describe('table basics', () => {
  test('name, schema, kind and the defaults of a plain table', async () => {
    const t = table(await introspect(db.url), 'plain');
    expect(t).toMatchObject({
      schema: 'public',
      name: 'plain',
      kind: 'table',
      comment: null,
      partitionKey: null,
      partitionOf: null,
      unlogged: false,
      indexes: [],
      constraints: [],
      triggers: [],
    });
  });

  test('table comment', async () => {
    const model = await introspect(db.url);
    expect(table(model, 'commented').comment).toBe('Customer leads, one row per inbound enquiry');
    expect(table(model, 'plain').comment).toBeNull();
  });

  test('unlogged tables are flagged, logged ones not', async () => {
    const model = await introspect(db.url);
    expect(table(model, 'scratch_pad').unlogged).toBe(true);
    expect(table(model, 'rates', 'billing').unlogged).toBe(true);
    expect(table(model, 'plain').unlogged).toBe(false);
  });
});

describe('rowEstimate', () => {
  test('null before ANALYZE, the row count after inserting rows and ANALYZE', async () => {
    await db.exec(`insert into measured select generate_series(1, 1000)`);
    expect(table(await introspect(db.url), 'measured').rowEstimate).toBeNull();
    await db.exec(`analyze measured`);
    expect(table(await introspect(db.url), 'measured').rowEstimate).toBe(1000);
  });

  test('an analysed empty table estimates 0 rows, not null', async () => {
    // PostgreSQL 14+ marks "never analysed" with reltuples = -1; an analysed
    // empty table has reltuples = 0 and relpages = 0.
    expect(table(await introspect(db.url), 'measured_empty').rowEstimate).toBeNull();
    await db.exec(`analyze measured_empty`);
    expect(table(await introspect(db.url), 'measured_empty').rowEstimate).toBe(0);
  });
});

describe('partitioning', () => {
  test('a range-partitioned parent: kind partitioned_table and its key', async () => {
    const t = table(await introspect(db.url), 'events');
    expect(t.kind).toBe('partitioned_table');
    expect(t.partitionKey).toBe('RANGE (created_at)');
    expect(t.partitionOf).toBeNull();
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'created_at', 'region']);
  });

  test('range, default, list and hash partitions name their parent and bound', async () => {
    const model = await introspect(db.url);
    expect(table(model, 'events_2024')).toMatchObject({
      kind: 'table',
      partitionKey: null,
      partitionOf: {
        schema: 'public',
        table: 'events',
        // printed in UTC: the introspector pins the session time zone
        bound: "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')",
      },
    });
    expect(table(model, 'events_default').partitionOf).toEqual({ schema: 'public', table: 'events', bound: 'DEFAULT' });
    expect(table(model, 'by_region').partitionKey).toBe('LIST (region)');
    expect(table(model, 'by_region_eu').partitionOf).toEqual({
      schema: 'public',
      table: 'by_region',
      bound: "FOR VALUES IN ('eu', 'uk')",
    });
    expect(table(model, 'by_hash').partitionKey).toBe('HASH (id)');
    expect(table(model, 'by_hash_0').partitionOf).toEqual({
      schema: 'public',
      table: 'by_hash',
      bound: 'FOR VALUES WITH (modulus 4, remainder 0)',
    });
  });

  test('a partition that is itself partitioned has both a key and a parent', async () => {
    const model = await introspect(db.url);
    expect(table(model, 'logs_2024')).toMatchObject({
      kind: 'partitioned_table',
      partitionKey: 'LIST (level)',
      partitionOf: { schema: 'public', table: 'logs', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
    });
    expect(table(model, 'logs_2024_error').partitionOf).toEqual({
      schema: 'public',
      table: 'logs_2024',
      bound: "FOR VALUES IN ('error')",
    });
  });

  test('a multi-column key with an expression prints as pg_get_partkeydef does', async () => {
    expect(table(await introspect(db.url), 'readings').partitionKey).toBe("RANGE (sensor, date_trunc('day'::text, at))");
  });

  test('a partitioned parent has a row estimate only once analysed', async () => {
    expect(table(await introspect(db.url), 'by_region').rowEstimate).toBeNull();
    await db.exec(`insert into by_region select g, case when g % 2 = 0 then 'eu' else 'uk' end from generate_series(1, 300) g`);
    await db.exec(`analyze by_region`);
    const model = await introspect(db.url);
    expect(table(model, 'by_region').rowEstimate).toBe(300);
    expect(table(model, 'by_region_eu').rowEstimate).toBe(300);
  });

  test('classic inheritance is not reported as partitioning', async () => {
    const model = await introspect(db.url);
    expect(table(model, 'child_inh')).toMatchObject({ kind: 'table', partitionOf: null, partitionKey: null });
    expect(table(model, 'child_inh').columns.map((c) => c.name)).toEqual(['id', 'extra']);
  });
});

describe('schemas', () => {
  test('two schemas holding a table of the same name are both read, each with its own columns', async () => {
    const model = await introspect(db.url);
    const pub = table(model, 'accounts', 'public');
    const bill = table(model, 'accounts', 'billing');
    expect(pub.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['email', 'text'],
    ]);
    expect(bill.columns.map((c) => [c.name, c.type])).toEqual([
      ['account_no', 'bigint'],
      ['balance', 'numeric(12,2)'],
      ['currency', 'character(3)'],
    ]);
    expect(pub.constraints.map((c) => c.name)).toEqual(['accounts_pkey']);
    expect(bill.constraints).toEqual([]);
    // sorted by schema, then name, in code-unit order
    expect(tableNames(model).filter((n) => n.endsWith('.accounts'))).toEqual(['billing.accounts', 'public.accounts']);
  });

  test('schemas are listed with their comments, system schemas are not', async () => {
    const model = await introspect(db.url);
    expect(model.schemas).toEqual([
      { name: 'billing', comment: 'Invoices and payments' },
      { name: 'public', comment: 'standard public schema' },
    ]);
  });

  test('a schema filter reads only the schemas asked for', async () => {
    const model = await introspect(db.url, ['billing']);
    expect(tableNames(model)).toEqual(['billing.accounts', 'billing.rates']);
    expect(model.schemas.map((s) => s.name)).toEqual(['billing']);
    expect(column(table(model, 'accounts', 'billing'), 'balance').type).toBe('numeric(12,2)');
    const pubOnly = await introspect(db.url, ['public']);
    expect(tableNames(pubOnly).some((n) => n.startsWith('billing.'))).toBe(false);
    expect(tableNames(pubOnly)).toContain('public.accounts');
  });

  test('a requested schema that does not exist lands in missingSchemas', async () => {
    const result = await readLiveSchema(db.url, { schemas: ['billing', 'no_such_schema', 'Billing'] });
    expect(result.missingSchemas).toEqual(['no_such_schema', 'Billing']);
    expect(result.model.schemas.map((s) => s.name)).toEqual(['billing']);
    expect(tableNames(result.model)).toEqual(['billing.accounts', 'billing.rates']);
    const all = await readLiveSchema(db.url);
    expect(all.missingSchemas).toEqual([]);
  });

  test('the result names the server and database it read', async () => {
    const result = await readLiveSchema(db.url);
    expect(result.server.database).toBe(db.name);
    expect(result.server.user).toBe(decodeURIComponent(new URL(db.url).username));
    expect(result.server.major).toBeGreaterThanOrEqual(14);
    expect(result.server.version).toMatch(new RegExp(`^${result.server.major}\\.\\d+$`));
  });
});
