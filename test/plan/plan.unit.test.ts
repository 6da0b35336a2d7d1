import { diffSchemas } from '../../src/diff/index.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { isSafeWidening, planRemediation, renderMigration, type PlanOptions, type RemediationPlan } from '../../src/plan/index.js';
import { backfillKey } from '../../src/plan/types.js';
import { col, enumType, idx, model, patchColumn, pk, table } from '../diff/builders.js';

/** The planner on hand-built models: pure, no database (the round-trip tests run the SQL). */
function plan(expected: SchemaModel, live: SchemaModel, options: PlanOptions = {}): RemediationPlan {
  return planRemediation({ findings: diffSchemas(expected, live).findings, expected, live, options });
}

const allUp = (p: RemediationPlan): string => p.steps.flatMap((s) => s.up.map((u) => u.sql)).join('\n');

const leads = (columns = [col('id', 'integer', { nullable: false }), col('email', 'character varying(50)')], rowEstimate: number | null = 1000) =>
  table('leads', { columns, constraints: [pk('leads_pkey', ['id'])], indexes: [idx('leads', 'leads_pkey', ['id'], { unique: true, primary: true, constraint: 'leads_pkey' })], rowEstimate });

test('isSafeWidening: only changes PostgreSQL makes without a rewrite', () => {
  const yes = [
    ['character varying(50)', 'character varying(100)'],
    ['character varying(50)', 'character varying'],
    ['character varying(50)', 'text'],
    ['text', 'character varying'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['numeric(10,2)', 'numeric'],
  ];
  const no = [
    ['character varying(100)', 'character varying(50)'],
    ['text', 'character varying(10)'],
    ['numeric(10,2)', 'numeric(12,3)'],
    ['numeric(12,2)', 'numeric(10,2)'],
    ['integer', 'bigint'],
    ['text', 'integer'],
    ['text', 'text'],
  ];
  for (const [a, b] of yes) expect([a, b, isSafeWidening(a!, b!)]).toEqual([a, b, true]);
  for (const [a, b] of no) expect([a, b, isSafeWidening(a!, b!)]).toEqual([a, b, false]);
});

test('the same inputs give the same plan and the same files', () => {
  const e = model({ tables: [leads([col('id', 'integer', { nullable: false }), col('email', 'character varying(100)'), col('score', 'integer')])] });
  const l = model({ tables: [leads()] });
  const header = { toolVersion: 't', target: 'x', serverVersion: '17', expected: 'e', generatedAt: 'now' };
  expect(renderMigration(plan(e, l), header)).toEqual(renderMigration(plan(e, l), header));
});

test('a narrowing type change is a manual step with SQL to start from, never run', () => {
  const e = model({ tables: [leads([col('id', 'integer', { nullable: false }), col('email', 'character varying(20)')])] });
  const p = plan(e, model({ tables: [leads()] }));
  expect(p.steps).toEqual([]);
  expect(p.manual).toEqual([expect.objectContaining({ findingId: 'column_type_mismatch:public.leads.email', reason: expect.stringContaining('narrowing') })]);
  const up = renderMigration(p, { toolVersion: 't', target: 'x', serverVersion: '17', expected: 'e', generatedAt: 'now' }).up;
  expect(up).toMatch(/^-- {7}ALTER TABLE public\.leads ALTER COLUMN email TYPE character varying\(20\)/m);
  expect(up.split('\n').filter((l) => /ALTER TABLE/.test(l) && !l.startsWith('--'))).toEqual([]);
});

test('a column a generated column is computed from cannot be widened in place: manual', () => {
  const generated = col('email_lower', 'text', { generated: { expression: 'lower((email)::text)', kind: 'stored' } });
  const l = model({ tables: [leads([col('id', 'integer', { nullable: false }), col('email', 'character varying(50)'), generated])] });
  const e = patchColumn(l, 'leads', 'email', { type: 'character varying(100)' });
  const p = plan(e, l);
  expect(p.manual.map((m) => m.findingId)).toEqual(['column_type_mismatch:public.leads.email']);
  expect(p.manual[0]!.reason).toContain('generated column email_lower');
});

test('enum values go to their expected place: BEFORE the next existing label, else AFTER the previous', () => {
  const l = model({ enums: [enumType('status', ['new', 'won'])] });
  const e = model({ enums: [enumType('status', ['draft', 'new', 'open', 'won', 'lost'])] });
  const p = plan(e, l);
  expect(allUp(p)).toBe(
    [
      "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'new'",
      "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'open' BEFORE 'won'",
      "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'lost' AFTER 'won'",
    ].join('\n'),
  );
  // down.sql swaps the type back to its labels (src/kinds/enum/swap.ts).
  expect(p.steps.map((s) => [s.down.length, s.hazards.map((h) => h.kind)])).toEqual([[1, ['may_fail']]]);
  expect(p.steps[0]!.down[0]!.sql).toContain("CREATE TYPE public.status AS ENUM ('new', 'won');");
  expect(p.steps.every((s) => s.up.every((u) => u.transactional === false))).toBe(true);
});

test('unexpected objects are kept unless dropUnexpected; dropping names the data lost', () => {
  const l = model({ tables: [leads([col('id', 'integer', { nullable: false }), col('email', 'character varying(50)'), col('legacy', 'text')]), table('tmp')] });
  const e = model({ tables: [leads()] });
  const kept = plan(e, l);
  expect(kept.steps).toEqual([]);
  expect(kept.kept).toEqual(['unexpected_column:public.leads.legacy', 'unexpected_table:public.tmp']);
  const dropped = plan(e, l, { dropUnexpected: true });
  expect(dropped.kept).toEqual([]);
  expect(allUp(dropped)).toBe(['ALTER TABLE IF EXISTS public.leads DROP COLUMN IF EXISTS legacy', 'DROP TABLE IF EXISTS public.tmp'].join('\n'));
  expect(dropped.steps.flatMap((s) => s.hazards.filter((h) => h.kind === 'data_loss').map((h) => h.message))).toEqual([
    expect.stringContaining('public.leads.legacy'),
    expect.stringContaining('public.tmp'),
  ]);
});

test('a new column with a volatile default is added empty, defaulted for new rows, filled in key batches', () => {
  const l = model({ tables: [leads()] });
  const e = model({ tables: [leads([col('id', 'integer', { nullable: false }), col('email', 'character varying(50)'), col('token', 'uuid', { default: 'gen_random_uuid()', nullable: false })])] });
  const p = plan(e, l);
  expect(p.steps.map((s) => s.phase)).toEqual(['columns', 'alter_columns', 'backfill', 'not_null']);
  expect(p.steps[0]!.up[0]!.sql).toBe('ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS token uuid');
  expect(p.steps[1]!.up[0]!.sql).toBe('ALTER TABLE public.leads ALTER COLUMN token SET DEFAULT gen_random_uuid()');
  expect(p.steps[2]!.up[0]).toMatchObject({ transactional: false, untimed: expect.stringContaining('batch') });
  expect(p.steps[2]!.up[0]!.sql).toContain('SET token = DEFAULT');
  expect(p.steps[3]!.up.map((s) => s.sql)).toEqual([
    expect.stringContaining('CHECK (token IS NOT NULL) NOT VALID'),
    'ALTER TABLE public.leads VALIDATE CONSTRAINT leads_token_sa_not_null',
    'ALTER TABLE public.leads ALTER COLUMN token SET NOT NULL',
    'ALTER TABLE IF EXISTS public.leads DROP CONSTRAINT IF EXISTS leads_token_sa_not_null',
  ]);
});

test('a backfill from the spec fills a new column; NOT NULL without default or backfill says what to decide', () => {
  const l = model({ tables: [leads()] });
  const e = model({
    tables: [leads([col('id', 'integer', { nullable: false }), col('email', 'character varying(50)'), col('score', 'integer'), col('region', 'text', { nullable: false })])],
  });
  const p = plan(e, l, { backfills: new Map([[backfillKey('public', 'leads', 'score'), 'length(email)']]) });
  const backfill = p.steps.find((s) => s.phase === 'backfill');
  expect(backfill?.up[0]!.sql).toContain('SET score = (length(email))');
  expect(backfill?.up[0]!.sql).toContain('ORDER BY id LIMIT 5000');
  const region = p.steps.find((s) => s.id === 'columns:public.leads.region');
  expect(region?.up[0]!.sql).toBe('ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS region text NOT NULL');
  expect(region?.hazards).toContainEqual({ kind: 'may_fail', message: expect.stringMatching(/NOT NULL without a default: adding it fails if public\.leads \(about 1,000 rows\) has rows\. Decide/) });
});

test('an index on a partitioned table cannot be built concurrently: a plain build, named as a long lock', () => {
  const parent = table('events', { kind: 'partitioned_table', partitionKey: 'RANGE (at)', columns: [col('at', 'date')] });
  const l = model({ tables: [parent] });
  const e = model({ tables: [{ ...parent, indexes: [idx('events', 'events_at_idx', ['at'], { definition: 'CREATE INDEX events_at_idx ON ONLY public.events USING btree (at)' })] }] });
  const p = plan(e, l);
  expect(allUp(p)).toBe('CREATE INDEX IF NOT EXISTS events_at_idx ON public.events USING btree (at)');
  expect(p.steps[0]!.hazards.map((h) => h.kind)).toEqual(['long_lock']);
});
