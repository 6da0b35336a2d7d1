import { describeRoundTripCases } from './roundtrip.js';

/**
 * A plain table made partitioned and a partitioned table made plain: not
 * an ALTER but a rebuild (one DO block: rows copied aside, table dropped
 * and built as expected with its partitions and indexes, rows copied
 * back), written only with --drop-unexpected for a table empty or never
 * analysed; an analysed table with rows is a manual step. Rows, identity
 * and serial values, and a foreign key that references the table survive
 * both ways.
 */
const cases = describeRoundTripCases('partition-rebuild', {
  'plain made partitioned (identity key, index, a referencing foreign key, rows moved into new partitions)': {
    a: `
create table ev (id bigint generated always as identity, at date not null, note text, primary key (id, at));
create index ev_note on ev (note);
create table ref (id bigint, at date, foreign key (id, at) references ev (id, at));
insert into ev (at, note) values ('2024-05-01', 'a'), ('2025-05-01', 'b');
insert into ref values (1, '2024-05-01');
`,
    b: `
create table ev (id bigint generated always as identity, at date not null, note text, primary key (id, at)) partition by range (at);
create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-01-01');
create table ev_rest partition of ev default;
create index ev_note on ev (note);
create table ref (id bigint, at date, foreign key (id, at) references ev (id, at));
`,
    steps: [/^tables:public\.ev$/],
  },
  'partitioned made plain (serial column, partitions with rows, index)': {
    a: `
create table m (id serial, at date not null, v int) partition by range (at);
create table m_a partition of m for values from ('2024-01-01') to ('2025-01-01');
create table m_b partition of m default;
create index m_v_idx on m (v);
comment on table m is 'measurements';
insert into m (at, v) values ('2024-02-01', 1), ('2026-02-01', 2);
`,
    b: `
create table m (id serial, at date not null, v int);
create index m_v_idx on m (v);
comment on table m is 'measurements';
`,
    steps: [/^columns:public\.m$/, /^comments:public\.m$/],
  },
  'partitioned made plain, a view over it dropped before and created again after': {
    a: `
create table w (id int not null, at date not null) partition by list (id);
create table w_1 partition of w for values in (1);
create view w_ids as select id from w;
insert into w values (1, '2024-01-01');
`,
    b: `
create table w (id int not null, at date not null);
create view w_ids as select id from w;
`,
    steps: [/^drop_views:public\.w_ids$/, /^columns:public\.w$/, /^views:public\.w_ids$/],
  },
  'an analysed table with rows: a manual step': {
    a: `
create table t (a int, b date not null);
insert into t select g, date '2024-01-01' + g from generate_series(1, 100) g;
analyze t;
`,
    b: `
create table t (a int, b date not null) partition by range (b);
create table t_all partition of t default;
`,
    steps: [],
    kept: ['missing_table:public.t_all', 'table_mismatch:public.t'],
  },
});

test('rows and sequence values survive both ways', async () => {
  const [plainToPartitioned, partitionedToPlain] = cases.databases;
  expect(await plainToPartitioned!.query('select id, at::text, note from ev order by id')).toEqual([
    { id: '1', at: '2024-05-01', note: 'a' },
    { id: '2', at: '2025-05-01', note: 'b' },
  ]);
  // After down.sql: the identity sequence goes on after the rows moved back.
  await plainToPartitioned!.exec("insert into ev (at, note) values ('2024-06-01', 'c')");
  expect(await plainToPartitioned!.query("select id from ev where note = 'c'")).toEqual([{ id: '3' }]);
  expect(await partitionedToPlain!.query('select id, v from m order by id')).toEqual([
    { id: 1, v: 1 },
    { id: 2, v: 2 },
  ]);
  await partitionedToPlain!.exec("insert into m (at, v) values ('2024-03-01', 3)");
  expect(await partitionedToPlain!.query('select id from m where v = 3')).toEqual([{ id: 3 }]);
});
