import pg from 'pg';
import { IntrospectionError } from '../../src/errors.js';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { column, introspect, table } from '../support/introspect.js';
import { tableNames, within } from './helpers.js';

/**
 * Transaction safety: introspection reads one snapshot, never sees
 * uncommitted DDL, leaves nothing open behind it, and never hangs behind a
 * migration: at worst it gives up after the lock timeout with one clear error.
 */

let db: TestDatabase;
let other: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase('transactions');
  await db.exec(`
    create schema app;
    create table base (id int primary key, d int default 1 check (d > 0));
    create index base_d on base (d);
    create table app.quiet (id int primary key);
  `);
  other = new pg.Client({ connectionString: db.url });
  await other.connect();
  other.on('error', () => undefined);
});
afterEach(async () => {
  await other.query('rollback').catch(() => undefined);
});
afterAll(async () => {
  await other.end().catch(() => undefined);
  await db.drop();
});

test('a table created in another session’s open transaction is not seen, and nothing waits', async () => {
  await other.query('begin');
  await other.query(`create table pending (x int primary key, y text default 'p')`);
  await other.query(`create index pending_y on pending (y)`);
  const started = Date.now();
  const model = await within(10_000, 'introspection', introspect(db.url));
  expect(Date.now() - started).toBeLessThan(4_000); // well under the 5 s lock timeout
  expect(tableNames(model)).toEqual(['app.quiet', 'public.base']);
  await other.query('commit');
  expect(tableNames(await introspect(db.url))).toEqual(['app.quiet', 'public.base', 'public.pending']);
  await db.exec('drop table pending');
});

test('a rolled-back migration leaves no trace', async () => {
  await other.query('begin');
  await other.query(`create table doomed (x int); create sequence doomed_seq; create type doomed_enum as enum ('a')`);
  const during = await within(10_000, 'introspection', introspect(db.url));
  await other.query('rollback');
  const after = await introspect(db.url);
  expect(during).toEqual(after);
  expect(after.sequences).toEqual([]);
  expect(after.enums).toEqual([]);
});

test('an open transaction that only reads the tables does not block introspection', async () => {
  await other.query('begin');
  await other.query('select * from base');
  await other.query('lock table app.quiet in share mode');
  const model = await within(10_000, 'introspection', introspect(db.url));
  expect(table(model, 'base').indexes.map((i) => i.name)).toEqual(['base_d', 'base_pkey']);
});

test('ALTER TABLE held open next door: fails after the lock timeout with one clear error, not a hang', async () => {
  // The deparsers (pg_get_expr, pg_get_indexdef, pg_get_constraintdef) take
  // AccessShareLock on the table they print, which waits behind an
  // ACCESS EXCLUSIVE lock: lock_timeout bounds the wait.
  await other.query('begin');
  await other.query('alter table base add column extra int');
  const started = Date.now();
  const attempt = readLiveSchema(db.url, { lockTimeoutMs: 500 });
  const err = await within(10_000, 'introspection', attempt.then(() => null, (e: unknown) => e));
  expect(err).toBeInstanceOf(IntrospectionError);
  // The lock wait names the table and who holds it (test/security/faults-locks.test.ts: --lock-wait).
  expect((err as Error).message).toMatch(/^cannot read the schema of .*: table public\.base \(AccessExclusiveLock held by pid \d+\) is locked by another session: gave up after the lock timeout \(0\.5 s\)/);
  expect(Date.now() - started).toBeLessThan(5_000);
  await other.query('rollback');
  const model = await introspect(db.url);
  expect(table(model, 'base').columns.map((c) => c.name)).toEqual(['id', 'd']);
});

test('a schema filter that leaves the locked table out is not blocked by it', async () => {
  await other.query('begin');
  await other.query('alter table base add column extra int');
  const model = await within(10_000, 'introspection', introspect(db.url, ['app']));
  expect(tableNames(model)).toEqual(['app.quiet']);
});

test('another session’s temporary table is not part of the schema', async () => {
  await other.query(`create temp table scratch (x int primary key)`);
  try {
    const [row] = await db.query<{ nspname: string }>(
      `select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = 'scratch'`,
    );
    expect(row!.nspname).toMatch(/^pg_temp_\d+$/);
    const model = await introspect(db.url);
    expect(tableNames(model)).toEqual(['app.quiet', 'public.base']);
    expect(model.schemas.map((s) => s.name)).toEqual(['app', 'public']);
  } finally {
    await other.query(`drop table scratch`);
  }
});

test('introspection leaves no transaction or lock behind', async () => {
  await introspect(db.url);
  // ALTER TABLE needs ACCESS EXCLUSIVE: it would wait on any lock left behind.
  await other.query(`set lock_timeout = '1s'`);
  await other.query('alter table base add column later int');
  await other.query('alter table base drop column later');
  await other.query(`reset lock_timeout`);
  // The introspector's connection is closed: its backend goes away (exit is
  // asynchronous to the client's disconnect, so give it a moment).
  let left = -1;
  for (let i = 0; i < 50 && left !== 0; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 50));
    const sessions = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'schema-audit'`,
    );
    left = sessions[0]!.n;
  }
  expect(left).toBe(0);
});

test('a concurrent commit between two introspections shows only in the second', async () => {
  const first = await introspect(db.url);
  await other.query(`alter table base alter column d set default 2`);
  const second = await introspect(db.url);
  expect(column(table(first, 'base'), 'd').default).toBe('1');
  expect(column(table(second, 'base'), 'd').default).toBe('2');
});
