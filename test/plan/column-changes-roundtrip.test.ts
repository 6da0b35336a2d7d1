import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * A column's collation changed under an index and a view (ALTER … TYPE …
 * COLLATE, the view dropped and created again around it), and generated
 * columns changed every way the plan handles: generated made
 * plain (DROP EXPRESSION), plain made generated and an expression changed
 * (SET EXPRESSION on 17+, dropped and added again before), under a view
 * that reads the column (dropped and created again around it), with a
 * comment that must survive; one with an index over it is manual before 17. Each
 * file applied with psql, twice; clean after up.sql, the original after
 * down.sql (but for the manual one), and --verify agrees.
 */
const MAJOR = Number(process.env.PG_MAJOR ?? '17');

const A = `
create table items (
  id int primary key,
  price numeric not null,
  total numeric generated always as (price * 2) stored,
  net numeric,
  label text generated always as ('item ' || id) stored,
  indexed numeric generated always as (price + 1) stored,
  code text
);
create index items_indexed on items (indexed);
create index items_code on items (code);
comment on column items.net is 'net price';
insert into items (id, price, net, code) select g, g * 10, g, 'c' || g from generate_series(1, 50) g;
create view item_totals as select id, total, net, code from items;
`;

const B = `
create table items (
  id int primary key,
  price numeric not null,
  total numeric generated always as (price * 3) stored,
  net numeric generated always as (price / 2) stored,
  label text,
  indexed numeric generated always as (price + 2) stored,
  code text collate "C"
);
create index items_indexed on items (indexed);
create index items_code on items (code);
comment on column items.net is 'net price';
create view item_totals as select id, total, net, code from items;
`;

let db: TestDatabase;
let dir: string;
let rt: RoundTrip;

beforeAll(async () => {
  dir = makeTempDir('generated');
  writeFileSync(path.join(dir, 'a.sql'), A);
  writeFileSync(path.join(dir, 'b.sql'), B);
  db = await createTestDatabase('rt_columns');
  await db.exec(A);
  rt = await roundTrip(db, path.join(dir, 'a.sql'), path.join(dir, 'b.sql'), ['--verify']);
}, 300_000);

afterAll(async () => {
  removeTempDir(dir);
  await db?.drop();
});

test('a collation change: ALTER … TYPE … COLLATE, naming the index it rebuilds', () => {
  expect(rt.before).toContain('column_type_mismatch:public.items.code');
  expect(rt.files['up.sql']).toContain('ALTER TABLE public.items ALTER COLUMN code TYPE text COLLATE "C";');
  expect(rt.files['up.sql']).toMatch(/HAZARD long_lock: .*rebuilds items_code/);
  expect(rt.files['down.sql']).toContain('ALTER TABLE public.items ALTER COLUMN code TYPE text COLLATE pg_catalog."default";');
});

test('each generated-column change is found, and planned the way the server allows', () => {
  expect(rt.before.filter((id) => id.startsWith('column_generated_mismatch'))).toEqual([
    'column_generated_mismatch:public.items.indexed',
    'column_generated_mismatch:public.items.label',
    'column_generated_mismatch:public.items.net',
    'column_generated_mismatch:public.items.total',
  ]);
  const up = rt.files['up.sql']!;
  expect(up).toContain('ALTER TABLE public.items ALTER COLUMN label DROP EXPRESSION IF EXISTS;');
  if (MAJOR >= 17) expect(up).toContain('ALTER TABLE public.items ALTER COLUMN total SET EXPRESSION AS ((price * (3)::numeric));');
  else expect(up).toContain('ADD COLUMN IF NOT EXISTS total numeric GENERATED ALWAYS AS ((price * (3)::numeric)) STORED;');
  expect(up).toContain("COMMENT ON COLUMN public.items.net IS 'net price';");
  expect(up).toMatch(/DROP VIEW IF EXISTS public\.item_totals/);
  // Before 17, the index over it keeps the column from being dropped and added again: manual.
  if (MAJOR >= 17) expect(up).toContain('ALTER TABLE public.items ALTER COLUMN indexed SET EXPRESSION AS ((price + (2)::numeric));');
  else expect(up).toMatch(/-- .*public\.items\.indexed.*index items_indexed/);
});

test('up.sql and down.sql run (psql, twice each): clean after up (but for the manual change before 17), the original after down', () => {
  const text = migrationText(rt);
  expect({ up: rt.up, text }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], text });
  expect({ afterUp: rt.afterUp, text }).toEqual({ afterUp: MAJOR >= 17 ? [] : ['column_generated_mismatch:public.items.indexed'], text });
  expect({ down: rt.down, text }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], text });
  expect({ afterDown: rt.afterDown, text }).toEqual({ afterDown: [], text });
});
