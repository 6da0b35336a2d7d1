import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { describeRoundTripCases, migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

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

const IV = `
create table iv (id int not null, at date not null, note text) partition by range (at);
create table iv_1 partition of iv for values from ('2024-01-01') to ('2025-01-01');
create table iv_2 partition of iv for values from ('2025-01-01') to ('2026-01-01');
insert into iv select g, date '2024-06-01' + g, 'n' || g from generate_series(1, 300) g;
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
  'an unexpected partitioned index dropped (--drop-unexpected), and built back': {
    a: `${IV}
create index iv_note_idx on iv (note);
`,
    b: IV,
    steps: [/^drop_indexes:public\.iv\.iv_note_idx$/, /^drop_indexes:public\.iv_1\.iv_1_note_idx$/, /^drop_indexes:public\.iv_2\.iv_2_note_idx$/],
  },
});

/**
 * A parent's index left ON ONLY (invalid) by a build cut short, one
 * partition's index attached, the other's missing: that one is built
 * CONCURRENTLY and attached (the parent's becomes valid); down.sql drops
 * the parent's and builds it back ON ONLY with the index it had. Without
 * --verify: its scratch copy is built from the model, where every index
 * comes out valid (README, `snapshot --format sql`), so it cannot hold
 * this state.
 */
describe('a partition index missing under a parent index left ON ONLY', () => {
  const A_ONLY = `${IV}
create index iv_note_idx on only iv (note);
create index iv_1_note_idx on iv_1 (note);
alter index iv_note_idx attach partition iv_1_note_idx;
`;
  const B_ONLY = `${IV}
create index iv_note_idx on iv (note);
`;
  let db: TestDatabase;
  let dir: string;
  let rt: RoundTrip;

  beforeAll(async () => {
    dir = makeTempDir('partition-index-only');
    writeFileSync(path.join(dir, 'a.sql'), A_ONLY);
    writeFileSync(path.join(dir, 'b.sql'), B_ONLY);
    db = await createTestDatabase('rt_index_only');
    await db.exec(A_ONLY);
    rt = await roundTrip(db, path.join(dir, 'a.sql'), path.join(dir, 'b.sql'), ['--drop-unexpected']);
  }, 300_000);

  afterAll(async () => {
    removeTempDir(dir);
    await db?.drop();
  });

  test("the partition's index built CONCURRENTLY and attached; down.sql builds the parent's back as it was", async () => {
    expect(rt.plan.steps.map((s) => s.id)).toEqual(['indexes:public.iv_2.iv_2_note_idx']);
    expect(rt.before).toEqual(['missing_index:public.iv_2.iv_2_note_idx']);
    expect(rt.files['up.sql']).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS iv_2_note_idx ON public.iv_2 USING btree (note)');
    expect(rt.files['up.sql']).toContain('ALTER INDEX public.iv_note_idx ATTACH PARTITION public.iv_2_note_idx');
    expect(rt.files['down.sql']).toContain('CREATE INDEX IF NOT EXISTS iv_note_idx ON ONLY public.iv USING btree (note)');
    const text = migrationText(rt);
    expect({ up: rt.up, afterUp: rt.afterUp, text }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], afterUp: [], text });
    expect({ down: rt.down, afterDown: rt.afterDown, text }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], afterDown: [], text });
    // As it was: the parent's index invalid again, iv_1's attached, iv_2 without one.
    expect(await db.query("select indisvalid as valid from pg_index where indexrelid = 'iv_note_idx'::regclass")).toEqual([{ valid: false }]);
    expect(await db.query("select c.relname from pg_inherits h join pg_class c on c.oid = h.inhrelid where h.inhparent = 'iv_note_idx'::regclass")).toEqual([{ relname: 'iv_1_note_idx' }]);
  });
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
