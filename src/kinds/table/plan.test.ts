import { col, fk, idx, model, pk, table } from '../../../test/diff/builders.js';
import { sequence } from '../../../test/plan/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import { TABLE_PLAN } from './plan.js';

const accounts = table('accounts', {
  comment: 'customers',
  columns: [col('id', 'integer', { position: 1, nullable: false, default: "nextval('accounts_id_seq'::regclass)" }), col('name', 'text', { position: 2, comment: 'legal name' })],
  constraints: [pk('accounts_pkey', ['id'])],
  indexes: [idx('accounts', 'accounts_pkey', ['id'], { unique: true, primary: true, constraint: 'accounts_pkey' }), idx('accounts', 'accounts_name_idx', ['name'], { comment: 'search' })],
});
const contacts = table('contacts', {
  columns: [col('account_id', 'integer', { position: 1 })],
  constraints: [fk('contacts_account_fkey', ['account_id'], { table: 'accounts', columns: ['id'] })],
});
const seq = sequence('public', 'accounts_id_seq', { schema: 'public', table: 'accounts', column: 'id' });
const events = table('events', { kind: 'partitioned_table', partitionKey: 'RANGE (at)', columns: [col('at', 'date', { position: 1 })] });
const events2025 = table('events_2025', { partitionOf: { schema: 'public', table: 'events', bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')" }, columns: [col('at', 'date', { position: 1 })] });

test('the create pass builds missing tables whole, parents before partitions, each part in its phase', () => {
  const b = bench({ ...model({ tables: [events2025, contacts, accounts, events] }), sequences: [seq] }, model());
  TABLE_PLAN.create?.(b.all('missing_table'), b.ctx);
  // Report order is by name, so `accounts` comes first; the partition waits for its parent.
  expect(b.record.steps.map((s) => s.id)).toEqual([
    'sequences:public.accounts_id_seq',
    'tables:public.accounts',
    'indexes:public.accounts',
    'comments:public.accounts',
    'tables:public.contacts',
    'foreign_keys:public.contacts',
    'tables:public.events',
    'tables:public.events_2025',
  ]);
  const [, table, indexes, comments] = b.record.steps;
  expect(table?.up.map((s) => s.sql)).toEqual([
    [
      'CREATE TABLE IF NOT EXISTS public.accounts (',
      "  id integer DEFAULT nextval('accounts_id_seq'::regclass) NOT NULL,",
      '  name text,',
      '  CONSTRAINT accounts_pkey PRIMARY KEY (id)',
      ')',
    ].join('\n'),
    'ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id',
  ]);
  expect(table?.hazards.map((h) => h.kind)).toEqual(['rollback_data_loss']);
  expect(indexes?.up.map((s) => s.sql)).toEqual(['CREATE INDEX IF NOT EXISTS accounts_name_idx ON public.accounts USING btree (name)']);
  expect(comments?.up.map((s) => s.sql)).toEqual([
    "COMMENT ON TABLE public.accounts IS 'customers'",
    "COMMENT ON COLUMN public.accounts.name IS 'legal name'",
    "COMMENT ON INDEX public.accounts_name_idx IS 'search'",
  ]);
  expect(b.record.steps[5]?.down.map((s) => s.sql)).toEqual(['ALTER TABLE IF EXISTS public.contacts DROP CONSTRAINT IF EXISTS contacts_account_fkey']);
  expect(b.record.steps[7]?.up[0]?.sql).toBe(
    "CREATE TABLE IF NOT EXISTS public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
  );
});

test('a table in a schema the database lacks: the schema first', () => {
  const b = bench(model({ schemas: ['crm'], tables: [table('notes', { schema: 'crm' })] }), model({ schemas: [] }));
  TABLE_PLAN.create?.(b.all('missing_table'), b.ctx);
  expect(sqlOf(b.record)).toEqual(['CREATE SCHEMA IF NOT EXISTS crm', 'CREATE TABLE IF NOT EXISTS crm.notes ()']);
});

test.each([
  ['LOGGED to UNLOGGED: one statement that rewrites the table', { unlogged: true }, [['columns', 'make public.events UNLOGGED']], 0],
  ['another partition key: a data migration, manual', { partitionKey: 'LIST (at)' }, [], 1],
])('a table of another structure, %s', (_, patch, steps, manual) => {
  const b = bench(model({ tables: [{ ...events, ...patch }] }), model({ tables: [events] }));
  run(TABLE_PLAN.findings.table_mismatch, b.finding('table_mismatch'), b.ctx);
  expect(b.record.steps.map((s) => [s.phase, s.summary])).toEqual(steps);
  expect(b.record.manual.length).toBe(manual);
});

describe('a plain table the expected schema has partitioned: one finding, a rebuild or a manual step', () => {
  const plain = table('events', { columns: [col('at', 'date', { position: 1 }), col('note', 'text', { position: 2 })] });
  const expected = model({ tables: [{ ...events, columns: [col('at', 'date', { position: 1 })] }, events2025] });

  test('one table_mismatch, its member differences named in it', () => {
    const b = bench(expected, model({ tables: [plain] }));
    expect(b.findings.map((f) => f.id)).toEqual(['table_mismatch:public.events', 'missing_table:public.events_2025']);
    expect(b.finding('table_mismatch').message).toMatch(/; rebuilding it also settles 1 member difference: unexpected column note$/);
  });

  test('with --drop-unexpected, never analysed: rebuilt before its partitions, which it builds (their findings with it)', () => {
    const b = bench(expected, model({ tables: [{ ...plain, rowEstimate: null }] }), { dropUnexpected: true });
    TABLE_PLAN.create?.(b.all('missing_table'), b.ctx);
    run(TABLE_PLAN.findings.table_mismatch, b.finding('table_mismatch'), b.ctx);
    expect(b.record.steps.map((s) => [s.id, s.findingIds])).toEqual([['tables:public.events', ['table_mismatch:public.events', 'missing_table:public.events_2025']]]);
    expect(b.record.manual).toEqual([]);
    const [up] = sqlOf(b.record);
    expect(up).toContain("relkind = 'r') THEN");
    expect(up).toContain('CREATE TEMPORARY TABLE pg_temp.events_sa_rows ON COMMIT DROP AS SELECT at FROM public.events;');
    expect(up).toContain("CREATE TABLE IF NOT EXISTS public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');");
    expect(up).toContain('INSERT INTO public.events (at) OVERRIDING SYSTEM VALUE SELECT at FROM pg_temp.events_sa_rows;');
    expect(sqlOf(b.record, 'down')[0]).toContain("relkind = 'p') THEN");
    expect(b.record.steps[0]?.hazards.map((h) => h.kind)).toEqual(['table_rewrite', 'may_fail', 'access_change']);
  });

  test.each([
    ['without --drop-unexpected', {}, 0, /only with --drop-unexpected/],
    ['with rows, as last analysed', { dropUnexpected: true }, 5000, /it holds about 5,000 rows/],
  ])('%s: a manual step with the rebuild to start from; the new partition waits for it', (_, options, rows, reason) => {
    const b = bench(expected, model({ tables: [{ ...plain, rowEstimate: rows }] }), options);
    TABLE_PLAN.create?.(b.all('missing_table'), b.ctx);
    run(TABLE_PLAN.findings.table_mismatch, b.finding('table_mismatch'), b.ctx);
    expect(b.record.steps).toEqual([]);
    expect(b.record.manual.map((m) => m.findingId)).toEqual(['missing_table:public.events_2025', 'table_mismatch:public.events']);
    expect(b.record.manual[1]?.reason).toMatch(reason);
    expect(b.record.manual[1]?.suggestion[0]).toContain('INSERT INTO public.events (at)');
  });
});

test('before any drop, the foreign keys of the tables to drop; then the tables, partitions first, built again on the way back', () => {
  const live = { ...model({ tables: [accounts, contacts, events, events2025] }), sequences: [seq] };
  const b = bench(model({ tables: [accounts] }), live);
  const drops = b.all('unexpected_table');
  TABLE_PLAN.beforeDrops?.(drops, b.ctx);
  TABLE_PLAN.drop?.(drops, b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.findingIds])).toEqual([
    ['drop_constraints:foreign keys of dropped tables', ['unexpected_table:public.contacts', 'unexpected_table:public.events', 'unexpected_table:public.events_2025']],
    [
      'drop_tables:public.events_2025,public.contacts,public.events',
      ['unexpected_table:public.events_2025', 'unexpected_table:public.contacts', 'unexpected_table:public.events'],
    ],
  ]);
  expect(sqlOf(b.record)).toEqual([
    'ALTER TABLE IF EXISTS public.contacts DROP CONSTRAINT IF EXISTS contacts_account_fkey',
    'DROP TABLE IF EXISTS public.events_2025',
    'DROP TABLE IF EXISTS public.contacts',
    'DROP TABLE IF EXISTS public.events',
  ]);
  // The foreign keys come back with the first step's down, which down.sql runs last: once every key they reference is back.
  expect(sqlOf(b.record, 'down').map((s) => s.split(' (')[0])).toEqual([
    'DO $sa$\nBEGIN\n  IF NOT EXISTS',
    'CREATE TABLE IF NOT EXISTS public.events',
    'CREATE TABLE IF NOT EXISTS public.contacts',
    'CREATE TABLE IF NOT EXISTS public.events_2025 PARTITION OF public.events FOR VALUES FROM',
  ]);
  expect(b.record.steps[1]?.hazards.map((h) => h.kind)).toEqual(['data_loss', 'data_loss', 'data_loss', 'may_fail']);
});
