import { describeRoundTripCases } from './roundtrip.js';

/**
 * An index added to a partitioned table whose partitions hold rows, as
 * pg_dump builds it: CREATE INDEX … ON ONLY the parent, each partition's
 * index CONCURRENTLY (a sub-partitioned partition: ON ONLY again, its own
 * partitions' CONCURRENTLY), each attached with ALTER INDEX … ATTACH
 * PARTITION under the expected schema's names. One step settles the
 * parent's and the partitions' missing indexes.
 */
const A = `
create table ev (id int not null, at date not null, note text) partition by range (at);
create table ev_2024 partition of ev for values from ('2024-01-01') to ('2025-01-01');
create table ev_2025 partition of ev for values from ('2025-01-01') to ('2026-01-01') partition by hash (id);
create table ev_2025_0 partition of ev_2025 for values with (modulus 2, remainder 0);
create table ev_2025_1 partition of ev_2025 for values with (modulus 2, remainder 1);
insert into ev select g, date '2024-06-01' + g * 2, 'n' || g from generate_series(1, 200) g;
`;

const cases = describeRoundTripCases('partition-index', {
  'an index and a unique index added to a partitioned table with rows': {
    a: A,
    b: `${A}
create index ev_note_idx on ev (note desc);
create unique index ev_id_at_key on ev (id, at);
`,
    steps: [/^indexes:public\.ev\.ev_id_at_key$/, /^indexes:public\.ev\.ev_note_idx$/],
  },
});

test('ON ONLY, each partition CONCURRENTLY, each attached', () => {
  const up = cases.results.get('an index and a unique index added to a partitioned table with rows')!.files['up.sql'];
  expect(up).toContain('CREATE INDEX IF NOT EXISTS ev_note_idx ON ONLY public.ev USING btree (note DESC)');
  expect(up).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS ev_2024_note_idx ON public.ev_2024 USING btree (note DESC)');
  expect(up).toContain('CREATE INDEX IF NOT EXISTS ev_2025_note_idx ON ONLY public.ev_2025 USING btree (note DESC)');
  expect(up).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS ev_2025_0_note_idx ON public.ev_2025_0 USING btree (note DESC)');
  expect(up).toContain('ALTER INDEX public.ev_2025_note_idx ATTACH PARTITION public.ev_2025_0_note_idx');
  expect(up).toContain('ALTER INDEX public.ev_note_idx ATTACH PARTITION public.ev_2025_note_idx');
  expect(up).toContain('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ev_2024_id_at_idx ON public.ev_2024 USING btree (id, at)');
});
