import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliHere } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { runPsqlFile } from '../support/psql.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { expectCleanRoundTrip, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Tables made from other tables: partitions and inheritance children. A
 * column added to (or changed on) a partitioned table is one finding and one
 * ALTER on the parent (PostgreSQL refuses ADD COLUMN on a partition);
 * inheritance is compared and planned (INHERITS for a new child, INHERIT /
 * NO INHERIT for a changed one). Each case: up.sql and down.sql applied with
 * psql, twice; the audit is clean after up.sql, and after down.sql against
 * the original.
 */
const A = `
create table events (id bigint, at date not null, note varchar(100)) partition by range (at);
create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
create table events_2025 partition of events for values from ('2025-01-01') to ('2026-01-01');
insert into events values (1, '2024-05-01', 'a'), (2, '2025-05-01', 'b');
create table base (id int, created_at timestamp default now());
create table other_base (tag text);
create table kid (a1 int) inherits (base);
create table loose (id int, created_at timestamp, a1 int);
create table scores (id int primary key, v int);
insert into scores select g, case when g % 3 = 0 then null else g end from generate_series(1, 20) g;
`;

const B = `
create table events (id bigint, at date not null, note text, extra int default 0 not null) partition by range (at);
create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
create table events_2025 partition of events for values from ('2025-01-01') to ('2026-01-01');
create table base (id int, created_at timestamp default now());
create table other_base (tag text);
create table kid (a1 int) inherits (base, other_base);
create table loose (id int, created_at timestamp, a1 int) inherits (base);
create table newer (b int) inherits (base);
create table scores (id int primary key, v int not null default 7);
`;

let db: TestDatabase;
let dir: string;
let rt: RoundTrip;

beforeAll(async () => {
  dir = makeTempDir('families');
  writeFileSync(path.join(dir, 'a.sql'), A);
  writeFileSync(path.join(dir, 'b.sql'), B);
  db = await createTestDatabase('rt_families');
  await db.exec(A);
  rt = await roundTrip(db, path.join(dir, 'a.sql'), path.join(dir, 'b.sql'), ['--verify']);
}, 300_000);

afterAll(async () => {
  removeTempDir(dir);
  await db?.drop();
});

test("a partitioned table's column drift is reported once, on the parent", () => {
  expect(rt.before.filter((id) => id.includes('events'))).toEqual(['column_type_mismatch:public.events.note', 'missing_column:public.events.extra']);
  expect(rt.files['up.sql']).not.toMatch(/ALTER TABLE public\.events_20\d\d/);
});

test('inheritance is compared: a new parent, a child that was a plain table, a missing child', () => {
  expect(rt.before).toEqual(
    expect.arrayContaining(['table_mismatch:public.kid', 'table_mismatch:public.loose', 'missing_table:public.newer']),
  );
  expect(rt.files['up.sql']).toContain('CREATE TABLE IF NOT EXISTS public.newer (');
  expect(rt.files['up.sql']).toMatch(/\) INHERITS \(public\.base\);/);
  expect(rt.files['up.sql']).toContain('ALTER TABLE public.kid INHERIT public.other_base;');
});

test('up.sql and down.sql run (psql, twice each): clean after up, the original after down, verified', () => {
  expectCleanRoundTrip(rt);
  expect(rt.plan.verification).toMatchObject({ verified: true });
});

test('NOT NULL with an expected default: the NULL rows are filled with it first (batched), and only they', async () => {
  expect(rt.files['up.sql']).toMatch(/fill the NULLs of public\.scores\.v with its expected default 7/);
  expect(await db.query('select count(*)::int as n, sum(v)::int as total from scores where v = 7 or id % 3 = 0')).toEqual([{ n: 7, total: 6 * 7 + 7 }]);
});

test('the rows of the partitions are kept', async () => {
  expect(await db.query('select id, note from events order by id')).toEqual([
    { id: '1', note: 'a' },
    { id: '2', note: 'b' },
  ]);
});

describe('a step that fails half-way', () => {
  let half: TestDatabase;
  afterAll(async () => {
    await half?.drop();
  });

  test('SET NOT NULL failing at VALIDATE (a NULL row, no default): down.sql removes the NOT VALID helper check it left', async () => {
    half = await createTestDatabase('rt_half');
    await half.exec('create table t (id int primary key, w int); insert into t values (1, null), (2, 2);');
    writeFileSync(path.join(dir, 'half.sql'), 'create table t (id int primary key, w int not null);');
    const out = path.join(dir, 'half');
    const audit = await runCliHere(['audit', '--db', half.url, '--expected', path.join(dir, 'half.sql'), '--migration-dir', out]);
    expect(audit.code).toBe(1);
    const up = await runPsqlFile(half.url, path.join(out, 'up.sql'));
    expect(up.code).not.toBe(0);
    expect(up.stderr).toMatch(/violated by some row/);
    const helper = "select conname from pg_constraint where conrelid = 't'::regclass and contype = 'c'";
    expect(await half.query(helper)).toEqual([{ conname: 't_w_sa_not_null' }]);
    expect((await runPsqlFile(half.url, path.join(out, 'down.sql'))).code).toBe(0);
    expect(await half.query(helper)).toEqual([]);
    await half.exec('insert into t values (3, null)');
  });
});
