import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { expectCleanRoundTrip, migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Partitions attached and detached: a partition that should be a plain
 * table is detached before the parent gains a column (which would reach
 * it); a plain table that should be a partition is attached once it has
 * every column the parent requires. Each file applied with psql, twice;
 * clean after up.sql, the original after down.sql, rows kept.
 */
/** 62 bytes: the server cuts it to fit `_at_not_null` into 63 (at a character boundary). */
const LONG = 'événements_2023_dont_le_nom_est_long_pour_les_contraintes_é';

const A = `
create table events (id bigint, at date not null, note varchar(100)) partition by range (at);
create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
create table events_2025 partition of events for values from ('2025-01-01') to ('2026-01-01');
create table "${LONG}" partition of events for values from ('2023-01-01') to ('2024-01-01');
create table events_2026 (id bigint, at date not null, note varchar(100), extra int);
insert into events values (1, '2024-05-01', 'a'), (2, '2025-05-01', 'b');
insert into events_2026 values (3, '2026-05-01', 'c', 7);
`;

const B = `
create table events (id bigint, at date not null, note varchar(100), extra int) partition by range (at);
create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
create table events_2025 (id bigint, at date not null, note varchar(100));
create table "${LONG}" (id bigint, at date not null, note varchar(100));
create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');
`;

let db: TestDatabase;
let dir: string;
let rt: RoundTrip;
/** NOT NULL constraint names (PostgreSQL 18+; none before): of A, after up.sql, of B created afresh, after down.sql. */
const names: Record<'a' | 'afterUp' | 'b' | 'afterDown', string[]> = { a: [], afterUp: [], b: [], afterDown: [] };
const NOT_NULL_NAMES = `select conrelid::regclass::text || '.' || conname as name from pg_constraint
  where contype = 'n' and connamespace = 'public'::regnamespace order by 1`;
const notNullNames = async (d: TestDatabase) => (await d.query<{ name: string }>(NOT_NULL_NAMES)).map((r) => r.name);

beforeAll(async () => {
  dir = makeTempDir('partition-attach');
  writeFileSync(path.join(dir, 'a.sql'), A);
  writeFileSync(path.join(dir, 'b.sql'), B);
  db = await createTestDatabase('rt_attach');
  await db.exec(A);
  names.a = await notNullNames(db);
  const fresh = await createTestDatabase('rt_attach_b');
  try {
    await fresh.exec(B);
    names.b = await notNullNames(fresh);
  } finally {
    await fresh.drop();
  }
  rt = await roundTrip(db, path.join(dir, 'a.sql'), path.join(dir, 'b.sql'), ['--verify'], async () => {
    names.afterUp = await notNullNames(db);
  });
  names.afterDown = await notNullNames(db);
}, 300_000);

afterAll(async () => {
  removeTempDir(dir);
  await db?.drop();
});

test('DETACH before the parent gains a column, ATTACH after', () => {
  expect(rt.before).toEqual(expect.arrayContaining(['table_mismatch:public.events_2025', 'table_mismatch:public.events_2026', 'missing_column:public.events.extra']));
  const up = rt.files['up.sql']!;
  const detach = up.indexOf('ALTER TABLE public.events DETACH PARTITION public.events_2025');
  const column = up.indexOf('ALTER TABLE public.events ADD COLUMN IF NOT EXISTS extra integer');
  const attach = up.indexOf("ALTER TABLE public.events ATTACH PARTITION public.events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
  expect([detach >= 0, column > detach, attach > column]).toEqual([true, true, true]);
  expect(up).toMatch(/HAZARD validation_scan: ATTACH PARTITION scans public\.events_2026/);
});

test('up.sql and down.sql run (psql, twice each): clean after up, the original after down, rows kept', async () => {
  expectCleanRoundTrip(rt);
  expect(await db.query('select id from events order by id')).toEqual([{ id: '1' }, { id: '2' }]);
  expect(await db.query('select id from events_2026')).toEqual([{ id: '3' }]);
});

test("NOT NULL constraint names (PostgreSQL 18) follow: a detached partition gets a table's own, an attached table its parent's", () => {
  const text = migrationText(rt);
  expect({ afterUp: names.afterUp, text }).toEqual({ afterUp: names.b, text });
  expect({ afterDown: names.afterDown, text }).toEqual({ afterDown: names.a, text });
});
