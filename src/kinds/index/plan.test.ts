import { col, idx, key, model, table } from '../../../test/diff/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import type { Table } from '../../model/schema-model.js';
import { INDEX_PLAN } from './plan.js';

const leads = (over: Partial<Table> = {}): Table => table('leads', { rowEstimate: 1000, columns: [col('email', 'text', { position: 1 })], ...over });
const byEmail = idx('leads', 'leads_email_idx', ['email'], { comment: 'login' });

test('a missing index is built CONCURRENTLY after dropping a failed build, then commented; down drops it CONCURRENTLY', () => {
  const b = bench(model({ tables: [leads({ indexes: [byEmail] })] }), model({ tables: [leads()] }));
  run(INDEX_PLAN.findings.missing_index, b.finding('missing_index'), b.ctx);
  const [step] = b.record.steps;
  expect(step?.id).toBe('indexes:public.leads.leads_email_idx');
  expect(step?.up.map((s) => [s.sql.split('\n')[0], s.transactional, s.untimed !== undefined])).toEqual([
    ['DO $sa$', true, false],
    ['CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_email_idx ON public.leads USING btree (email)', false, true],
    ["COMMENT ON INDEX public.leads_email_idx IS 'login'", true, false],
  ]);
  expect(step?.down).toEqual([{ sql: 'DROP INDEX CONCURRENTLY IF EXISTS public.leads_email_idx', transactional: false }]);
  expect(step?.hazards).toEqual([]);
});

test('a unique index on a partitioned table without partitions: a plain build, named as a long lock that may fail on duplicates', () => {
  const parent = (indexes = [idx('leads', 'leads_email_key', ['email'], { unique: true })]): Table => leads({ kind: 'partitioned_table', partitionKey: 'HASH (email)', indexes });
  const b = bench(model({ tables: [parent()] }), model({ tables: [parent([])] }));
  run(INDEX_PLAN.findings.missing_index, b.finding('missing_index'), b.ctx);
  expect(sqlOf(b.record)).toEqual(['CREATE UNIQUE INDEX IF NOT EXISTS leads_email_key ON public.leads USING btree (email)']);
  expect(sqlOf(b.record, 'down')).toEqual(['DROP INDEX IF EXISTS public.leads_email_key']);
  expect(b.record.steps[0]?.hazards.map((h) => h.kind)).toEqual(['long_lock', 'may_fail']);
});

test("an index on a partitioned table with partitions: ON ONLY, each partition's CONCURRENTLY under the expected name, attached; one step for the partitions' findings", () => {
  const parent = (indexes: Table['indexes']): Table => leads({ kind: 'partitioned_table', partitionKey: 'HASH (email)', indexes });
  const part = (name: string, indexes: Table['indexes']): Table =>
    table(name, { columns: [col('email', 'text', { position: 1 })], partitionOf: { schema: 'public', table: 'leads', bound: 'DEFAULT' }, indexes });
  const expected = model({ tables: [parent([byEmail]), part('leads_p', [idx('leads_p', 'leads_p_email_idx', ['email'])])] });
  const b = bench(expected, model({ tables: [parent([]), part('leads_p', [])] }));
  for (const f of b.all('missing_index')) run(INDEX_PLAN.findings.missing_index, f, b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.findingIds])).toEqual([
    ['indexes:public.leads.leads_email_idx', ['missing_index:public.leads.leads_email_idx', 'missing_index:public.leads_p.leads_p_email_idx']],
  ]);
  expect(sqlOf(b.record).map((s) => s.split('\n').find((l) => !/^(DO|BEGIN)/.test(l))?.trim())).toEqual([
    'CREATE INDEX IF NOT EXISTS leads_email_idx ON ONLY public.leads USING btree (email)',
    'IF EXISTS (SELECT FROM pg_catalog.pg_index WHERE indexrelid = pg_catalog.to_regclass(\'public.leads_p_email_idx\') AND NOT indisvalid) THEN',
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_p_email_idx ON public.leads_p USING btree (email)',
    "IF NOT EXISTS (SELECT FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('public.leads_email_idx') AND x.indrelid = pg_catalog.to_regclass('public.leads_p')) THEN",
    "COMMENT ON INDEX public.leads_email_idx IS 'login'",
  ]);
  expect(sqlOf(b.record)[3]).toContain('ALTER INDEX public.leads_email_idx ATTACH PARTITION public.leads_p_email_idx;');
  expect(sqlOf(b.record, 'down')).toEqual(['DROP INDEX IF EXISTS public.leads_email_idx']);
});

test('an index of another structure is rebuilt under a temporary name and swapped in; down swaps the old one back', () => {
  const desc = idx('leads', 'leads_email_idx', [key('email', { order: 'desc', nulls: 'first' })], {
    definition: 'CREATE INDEX leads_email_idx ON public.leads USING btree (email DESC)',
  });
  const b = bench(model({ tables: [leads({ indexes: [desc] })] }), model({ tables: [leads({ indexes: [byEmail] })] }));
  run(INDEX_PLAN.findings.index_mismatch, b.finding('index_mismatch'), b.ctx);
  const [step] = b.record.steps;
  expect(step?.summary).toContain('built CONCURRENTLY as leads_email_idx_sa_new beside the old one');
  expect(step?.up.slice(1).map((s) => s.sql)).toEqual([
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_email_idx_sa_new ON public.leads USING btree (email DESC)',
    'DROP INDEX CONCURRENTLY IF EXISTS public.leads_email_idx',
    'ALTER INDEX IF EXISTS public.leads_email_idx_sa_new RENAME TO leads_email_idx',
  ]);
  expect(step?.down[1]?.sql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_email_idx_sa_new ON public.leads USING btree (email)');
});

test.each([
  ['implements a constraint', { constraint: 'leads_email_key', unique: true }, {}, 'implements constraint leads_email_key'],
  ['is on a partition', {}, { partitionOf: { schema: 'public', table: 'all_leads', bound: 'DEFAULT' } }, 'part of a partitioned index tree'],
])('an index that %s is rebuilt by hand', (_, over, tableOver, reason) => {
  const e = idx('leads', 'leads_email_idx', ['email', 'id'], over);
  const a = idx('leads', 'leads_email_idx', ['email'], over);
  const b = bench(model({ tables: [leads({ indexes: [e], ...tableOver })] }), model({ tables: [leads({ indexes: [a], ...tableOver })] }));
  run(INDEX_PLAN.findings.index_mismatch, b.finding('index_mismatch'), b.ctx);
  expect(b.record.steps).toEqual([]);
  expect(b.record.manual[0]?.reason).toContain(reason);
  expect(b.record.manual[0]?.hazards).toEqual([{ kind: 'long_lock', message: 'rebuilding blocks writes to public.leads (about 1,000 rows)' }]);
});

test('the drop pass drops an unexpected index CONCURRENTLY; down builds it again', () => {
  const b = bench(model({ tables: [leads()] }), model({ tables: [leads({ indexes: [byEmail] })] }));
  INDEX_PLAN.drop?.(b.all('unexpected_index'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.phase])).toEqual([['drop_indexes:public.leads.leads_email_idx', 'drop_indexes']]);
  expect(sqlOf(b.record)).toEqual(['DROP INDEX CONCURRENTLY IF EXISTS public.leads_email_idx']);
  expect(sqlOf(b.record, 'down')[1]).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_email_idx ON public.leads USING btree (email)');
});
