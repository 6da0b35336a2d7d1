import pg from 'pg';
import { ADVICE_KINDS, adviseSchema, type IndexUsageStats } from '../../src/advice/index.js';
import type { Finding } from '../../src/findings/finding.js';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import type { IntrospectionResult } from '../../src/introspect/introspector.js';
import { createTestDatabase, execAsAdmin, urlAs, type TestDatabase } from '../support/db.js';
import { randomRoleName, serverMajor } from '../introspect/helpers.js';

/**
 * Every advice check on a real server: each situation made with DDL in its
 * own schema, read with readLiveSchema, advised on with adviseSchema.
 */

let db: TestDatabase;
let major: number;
let live: IntrospectionResult;
const role = randomRoleName('advice');
const password = `pw-${role}`;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function scansOf(stats: IndexUsageStats | undefined, index: string): number | undefined {
  return stats?.indexes.find((u) => u.schema === 'stats' && u.index === index)?.scans;
}

/**
 * Index counters reach the shared statistics asynchronously: a backend sends
 * them at most every 500 ms (14: by UDP to the statistics collector, which
 * rewrites its file for readers) or when forced (15+:
 * pg_stat_force_next_flush()), and always when it exits. Poll until `ready`
 * holds.
 */
async function readUntil(ready: (r: IntrospectionResult) => boolean, what: string): Promise<IntrospectionResult> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await readLiveSchema(db.url);
    if (ready(r)) return r;
    if (Date.now() > deadline) throw new Error(`statistics never showed ${what}: ${JSON.stringify(r.indexUsage?.indexes.filter((u) => u.schema === 'stats'))}`);
    await sleep(200);
  }
}

/**
 * Use `stats.metrics_a` through an index scan, on a connection of its own
 * that then closes, so its backend sends the counters on exit (on 14 an idle
 * backend that reported less than 500 ms ago keeps them until its next
 * transaction); 15+ is also told to flush at once.
 */
async function scanMetricsA(): Promise<void> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('set enable_seqscan = off; set enable_bitmapscan = off');
    const { rows } = await c.query<{ n: string }>('select count(*) as n from stats.metrics where a = 5');
    expect(rows[0]!.n).toBe('1');
    if (major >= 15) await c.query('select pg_stat_force_next_flush()');
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase('advice');
  major = await serverMajor(db);
  await db.exec(`
    -- fk_without_index
    create schema fkx;
    create table fkx.clients (id int primary key);
    create table fkx.leads (id int primary key, client_id int references fkx.clients (id), status text);
    create table fkx.notes (
      id int primary key,
      lead_id int references fkx.leads (id),
      author_id int,
      constraint notes_author_fkey foreign key (author_id) references fkx.clients (id));
    create index notes_lead_id_idx on fkx.notes (lead_id);
    create index notes_author_partial on fkx.notes (author_id) where author_id is not null;
    create table fkx.pairs (a int, b int, c int, primary key (a, b));
    create table fkx.pair_refs (id int primary key, pa int, pb int, foreign key (pb, pa) references fkx.pairs (a, b));
    create index pair_refs_any_order on fkx.pair_refs (pa, pb, id);
    -- a partitioned referenced table: the server adds a copy of the key per partition
    create table fkx.customers (id int, region int, primary key (id, region)) partition by list (region);
    create table fkx.customers_1 partition of fkx.customers for values in (1);
    create table fkx.customers_2 partition of fkx.customers for values in (2);
    create table fkx.orders (id int primary key, cid int, region int, foreign key (cid, region) references fkx.customers);
    -- a partitioned referencing table without a primary key
    create table fkx.ev (id int, at date, client_id int references fkx.clients (id)) partition by range (at);
    create table fkx.ev_2024 partition of fkx.ev for values from ('2024-01-01') to ('2025-01-01');
    create table fkx.ev_2025 partition of fkx.ev for values from ('2025-01-01') to ('2026-01-01');

    -- duplicate_index, redundant_index
    create schema idx;
    create table idx.leads (id int primary key, email text, status text, created_at timestamptz);
    create index leads_status_a on idx.leads (status);
    create index leads_status_b on idx.leads (status);
    create index leads_status_partial on idx.leads (status) where status is not null;
    create index leads_email on idx.leads (email);
    create index leads_email_status on idx.leads (email, status desc);
    create index leads_email_lower on idx.leads (lower(email));
    create index leads_email_pattern on idx.leads (email text_pattern_ops);
    create unique index leads_id_dup on idx.leads (id);
    create index leads_created_brin on idx.leads using brin (created_at);
    create table idx.ev (id int, at date, kind text, primary key (id, at)) partition by range (at);
    create table idx.ev_2024 partition of idx.ev for values from ('2024-01-01') to ('2025-01-01');
    create index ev_kind_a on idx.ev (kind);
    create index ev_kind_b on idx.ev (kind);

    -- table_without_primary_key
    create schema nopk;
    create table nopk.events (code text not null, payload jsonb);
    create unique index events_code_key on nopk.events (code);
    create table nopk.ok (id int primary key);

    -- invalid_index (the failing CREATE INDEX CONCURRENTLY runs below, on its own)
    create schema inv;
    create table inv.accounts (id int primary key, email text);
    insert into inv.accounts values (1, 'a@example.com'), (2, 'a@example.com');

    -- constraint_not_valid
    create schema nv;
    create table nv.clients (id int primary key);
    create table nv.orders (id int primary key, client_id int, qty int);
    create index orders_client_id_idx on nv.orders (client_id);
    insert into nv.orders values (1, 999, -1);
    alter table nv.orders add constraint orders_client_id_fkey foreign key (client_id) references nv.clients (id) not valid;
    alter table nv.orders add constraint orders_qty_check check (qty > 0) not valid;
    alter table nv.orders add constraint orders_id_check check (id > 0);

    -- unused_index
    create schema stats;
    create table stats.metrics (id int primary key, a int, b int, c int unique);
    create index metrics_a on stats.metrics (a);
    create index metrics_b on stats.metrics (b);
    insert into stats.metrics select g, g, g, g from generate_series(1, 200) g;

    create role "${role}" login password '${password}';
    grant connect on database "${db.name}" to "${role}";
    grant usage on schema stats to "${role}";
  `);
  // CONCURRENTLY cannot run in a transaction block, so not in the
  // multi-statement string above (an implicit transaction).
  await expect(db.exec('create unique index concurrently accounts_email_key on inv.accounts (email)')).rejects.toThrow(/could not create unique index/);

  await scanMetricsA();
  live = await readUntil((r) => (scansOf(r.indexUsage, 'metrics_a') ?? 0) >= 1, 'a scan of metrics_a');
});

afterAll(async () => {
  await db.exec(`revoke all on schema stats from "${role}"; drop owned by "${role}"`).catch(() => undefined);
  await db.drop();
  await execAsAdmin(`drop role if exists "${role}"`);
});

function advise(schema: string, withStats = false): Finding[] {
  return adviseSchema(live.model, {
    schemas: [schema],
    ...(withStats && live.indexUsage ? { stats: live.indexUsage } : { disabled: ['unused_index'] }),
  });
}
const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.id);

test('fk_without_index: unsupported keys, once per key, partitions and partition copies folded', () => {
  const found = advise('fkx');
  expect(ids(found)).toEqual([
    'table_without_primary_key:fkx.ev',
    'fk_without_index:fkx.ev.ev_client_id_fkey',
    'fk_without_index:fkx.leads.leads_client_id_fkey',
    'fk_without_index:fkx.notes.notes_author_fkey',
    'fk_without_index:fkx.orders.orders_cid_region_fkey',
  ]);
  expect(found.find((f) => f.id === 'fk_without_index:fkx.leads.leads_client_id_fkey')).toEqual({
    id: 'fk_without_index:fkx.leads.leads_client_id_fkey',
    kind: 'fk_without_index',
    category: 'advice',
    severity: 'warning',
    object: { schema: 'fkx', table: 'leads', constraint: 'leads_client_id_fkey' },
    expected: null,
    actual: {
      constraint: 'leads_client_id_fkey',
      columns: ['client_id'],
      references: { schema: 'fkx', table: 'clients', columns: ['id'] },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
      alsoForeignKeys: [],
    },
    message:
      'foreign key fkx.leads.leads_client_id_fkey (client_id) has no index starting with its columns: ' +
      'deletes and key updates on fkx.clients scan fkx.leads; create an index on fkx.leads (client_id)',
  });
  // The server made one constraint per referenced partition; the model does not read those copies: one key, one finding.
  const orders = live.model.tables.find((t) => t.schema === 'fkx' && t.name === 'orders')!;
  expect(orders.constraints.filter((c) => c.kind === 'foreign_key')).toHaveLength(1);
  expect(found.find((f) => f.object.table === 'orders')!.actual).toMatchObject({
    columns: ['cid', 'region'],
    references: { table: 'customers' },
    alsoForeignKeys: [],
  });
});

test('duplicate_index and redundant_index, with a partitioned table reported on the parent only', () => {
  const found = advise('idx');
  expect(ids(found)).toEqual([
    'duplicate_index:idx.ev.ev_kind_b',
    'redundant_index:idx.leads.leads_email',
    'duplicate_index:idx.leads.leads_id_dup',
    'duplicate_index:idx.leads.leads_status_b',
  ]);
  const byId = new Map(found.map((f) => [f.id, f]));
  expect(byId.get('duplicate_index:idx.leads.leads_id_dup')!.actual).toMatchObject({ index: { name: 'leads_id_dup' }, duplicateOf: { name: 'leads_pkey', primary: true } });
  expect(byId.get('duplicate_index:idx.leads.leads_status_b')).toMatchObject({
    severity: 'warning',
    actual: { duplicateOf: { name: 'leads_status_a' } },
    message:
      'index idx.leads.leads_status_b duplicates leads_status_a (CREATE INDEX leads_status_b ON idx.leads USING btree (status)): ' +
      'every write maintains both and queries use one; drop index idx.leads_status_b',
  });
  expect(byId.get('redundant_index:idx.leads.leads_email')).toMatchObject({
    severity: 'info',
    actual: { index: { name: 'leads_email' }, coveredBy: { name: 'leads_email_status' } },
    message:
      'index idx.leads.leads_email is redundant: its keys (email) lead leads_email_status (email, status DESC), which serves the same queries; ' +
      'every write maintains both; drop index idx.leads_email unless its smaller size matters',
  });
  // The partition carries both copies too, attached to the parent's: not reported.
  const partition = live.model.tables.find((t) => t.schema === 'idx' && t.name === 'ev_2024')!;
  expect(partition.indexes.filter((i) => i.keys[0]?.column === 'kind')).toHaveLength(2);
});

test('table_without_primary_key, with the unique index that could become it', () => {
  expect(advise('nopk')).toEqual([
    {
      id: 'table_without_primary_key:nopk.events',
      kind: 'table_without_primary_key',
      category: 'advice',
      severity: 'warning',
      object: { schema: 'nopk', table: 'events' },
      expected: null,
      actual: { kind: 'table', rowEstimate: null, partitions: 0, uniqueCandidates: [{ index: 'events_code_key', constraint: null, columns: ['code'] }] },
      message:
        'table nopk.events has no primary key: its rows have no guaranteed identity (logical replication cannot replicate its UPDATEs and DELETEs, ' +
        'tools and ORMs expect one); add a primary key (unique events_code_key on NOT NULL columns (code) could become it)',
    },
  ]);
});

test('invalid_index: left behind by a failed CREATE UNIQUE INDEX CONCURRENTLY', () => {
  const found = advise('inv');
  expect(ids(found)).toEqual(['invalid_index:inv.accounts.accounts_email_key']);
  expect(found[0]).toMatchObject({
    severity: 'warning',
    actual: { name: 'accounts_email_key', valid: false, unique: true },
    message:
      'index inv.accounts.accounts_email_key is invalid (a failed or cancelled CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY): ' +
      'no query uses it, yet writes may still maintain it and check its uniqueness; drop it and create it again, or REINDEX INDEX CONCURRENTLY inv.accounts_email_key',
  });
});

test('constraint_not_valid: a foreign key and a check added NOT VALID', () => {
  const found = advise('nv');
  expect(ids(found)).toEqual(['constraint_not_valid:nv.orders.orders_client_id_fkey', 'constraint_not_valid:nv.orders.orders_qty_check']);
  expect(found[0]).toMatchObject({
    severity: 'warning',
    actual: { kind: 'foreign_key', validated: false, columns: ['client_id'], definition: 'FOREIGN KEY (client_id) REFERENCES nv.clients(id)' },
  });
  expect(found[1]!.message).toBe(
    'check constraint nv.orders.orders_qty_check CHECK ((qty > 0)) is NOT VALID: rows written before it was added were never checked (new writes are) ' +
      'and the planner cannot rely on it; fix violating rows, then ALTER TABLE nv.orders VALIDATE CONSTRAINT orders_qty_check (it does not block writes)',
  );
});

test('index usage statistics: read beside the model, since the server start (15+) or the stats reset (14)', async () => {
  const usage = live.indexUsage!;
  expect(usage.indexes.filter((u) => u.schema === 'stats')).toEqual([
    { schema: 'stats', table: 'metrics', index: 'metrics_a', scans: scansOf(usage, 'metrics_a') },
    { schema: 'stats', table: 'metrics', index: 'metrics_b', scans: 0 },
    { schema: 'stats', table: 'metrics', index: 'metrics_c_key', scans: 0 },
    { schema: 'stats', table: 'metrics', index: 'metrics_pkey', scans: 0 },
  ]);
  expect(scansOf(usage, 'metrics_a')).toBeGreaterThanOrEqual(1);
  // Partitioned indexes count nothing themselves: only the partitions' are listed.
  expect(usage.indexes.some((u) => u.index === 'ev_kind_a')).toBe(false);
  expect(usage.indexes.filter((u) => u.table === 'ev_2024' && u.schema === 'idx')).toHaveLength(3);
  expect(usage.since).toMatch(ISO);
  const [row] = await db.query<{ start: string; reset: string | null }>(
    `select to_char(pg_postmaster_start_time() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as start,
            to_char(stats_reset at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as reset
       from pg_stat_database where datname = current_database()`,
  );
  if (major >= 15) {
    // A new database's statistics were never reset.
    expect(row!.reset).toBeNull();
    expect(usage).toMatchObject({ sinceKind: 'server_start', since: row!.start });
  } else {
    // 14 stamps stats_reset when the database's statistics entry is created.
    expect(usage).toMatchObject({ sinceKind: 'stats_reset', since: row!.reset });
  }
  // Statistics are not schema: the model is the same JSON as ever (no counters in it).
  expect(JSON.stringify(live.model)).not.toContain('scans');
});

test('unused_index: the index never scanned, not the used one, not those enforcing a constraint', () => {
  const found = advise('stats', true);
  expect(ids(found)).toEqual(['unused_index:stats.metrics.metrics_b']);
  const usage = live.indexUsage!;
  const since =
    usage.sinceKind === 'stats_reset'
      ? `since statistics were reset at ${usage.since}`
      : `since at least the server start at ${usage.since} (statistics never reset)`;
  expect(found[0]).toEqual({
    id: 'unused_index:stats.metrics.metrics_b',
    kind: 'unused_index',
    category: 'advice',
    severity: 'info',
    object: { schema: 'stats', table: 'metrics', index: 'metrics_b' },
    expected: null,
    actual: {
      index: 'metrics_b',
      definition: 'CREATE INDEX metrics_b ON stats.metrics USING btree (b)',
      scans: 0,
      since: usage.since,
      sinceKind: usage.sinceKind,
      supportsForeignKeys: [],
    },
    message: `index stats.metrics.metrics_b (b) has no recorded scans ${since}: every write maintains it for nothing; consider dropping it (check replicas first: they count their own scans)`,
  });
});

test('the audit role (CONNECT and USAGE only) reads the same counters', async () => {
  const asRole = await readLiveSchema(urlAs(db.url, role, password), { schemas: ['stats'] });
  const asSuper = await readLiveSchema(db.url, { schemas: ['stats'] });
  expect(asRole.server.user).toBe(role);
  expect(asRole.indexUsage).toEqual(asSuper.indexUsage);
  expect(asRole.indexUsage!.indexes.map((u) => u.index)).toEqual(['metrics_a', 'metrics_b', 'metrics_c_key', 'metrics_pkey']);
});

test('every check on the whole database at once: the union of the above, deterministic', async () => {
  const all = adviseSchema(live.model, { stats: live.indexUsage! });
  const again = adviseSchema((await readLiveSchema(db.url)).model, { stats: live.indexUsage! });
  expect(JSON.stringify(again)).toBe(JSON.stringify(all));
  expect(new Set(all.map((f) => f.kind))).toEqual(new Set(ADVICE_KINDS));
  expect(ids(all.filter((f) => f.kind !== 'unused_index'))).toEqual(
    ['fkx', 'idx', 'inv', 'nopk', 'nv', 'stats'].flatMap((s) => ids(advise(s))),
  );
});

test('after pg_stat_reset(): counting restarts at the reset time and the used index is unused again', async () => {
  await db.exec('select pg_stat_reset()');
  const before = live.indexUsage!.since!;
  const after = await readUntil((r) => r.indexUsage?.sinceKind === 'stats_reset' && r.indexUsage.since !== before && scansOf(r.indexUsage, 'metrics_a') === 0, 'the reset');
  expect(after.indexUsage!.since).toMatch(ISO);
  const found = adviseSchema(after.model, { schemas: ['stats'], stats: after.indexUsage! });
  expect(ids(found)).toEqual(['unused_index:stats.metrics.metrics_a', 'unused_index:stats.metrics.metrics_b']);
  expect(found[0]!.message).toContain(`has no recorded scans since statistics were reset at ${after.indexUsage!.since}:`);
});
