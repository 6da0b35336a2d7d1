/**
 * The orchestrator: passes and their order, dispatch, step ids, the sort by
 * phase, kept and fixed findings. (What each kind plans: src/kinds/<kind>/plan.test.ts;
 * the whole plan on a broad set of drift: plan-snapshot.test.ts.)
 */
import { col, enumType, fk, model, table, view } from '../../test/diff/builders.js';
import { diffSchemas } from '../diff/index.js';
import type { ObjectKind } from '../kinds/kind.js';
import { KINDS } from '../kinds/registry.js';
import type { SchemaModel } from '../model/schema-model.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from './kind-plan.js';
import { planContext, planRemediation } from './plan.js';
import type { PlanOptions } from './types.js';

const plan = (expected: SchemaModel, live: SchemaModel, options: PlanOptions = {}) =>
  planRemediation({ findings: diffSchemas(expected, live).findings, expected, live, options });

test('a finding kind left to a pass belongs to a kind that has that pass', () => {
  const kinds: readonly ObjectKind[] = KINDS;
  for (const kind of kinds) {
    const planners = Object.values(kind.plan.findings);
    if (planners.includes(IN_CREATE_PASS)) expect([kind.name, typeof kind.plan.create]).toEqual([kind.name, 'function']);
    if (planners.includes(IN_DROP_PASS)) expect([kind.name, typeof kind.plan.drop]).toEqual([kind.name, 'function']);
  }
});

test('another step of the same object in the same phase gets #2, #3', () => {
  const { ctx, record } = planContext(model(), model());
  const step = { object: 'public.t', phase: 'tables' as const, findingIds: ['f'], summary: 's', up: [], down: [], hazards: [] };
  ctx.add(step);
  ctx.add(step);
  ctx.add({ ...step, phase: 'indexes' });
  ctx.add(step);
  expect(record.steps.map((s) => s.id)).toEqual(['tables:public.t', 'tables:public.t#2', 'indexes:public.t', 'tables:public.t#3']);
});

test('firstTime is true once per subject', () => {
  const { ctx } = planContext(model(), model());
  expect([ctx.firstTime('a'), ctx.firstTime('b'), ctx.firstTime('a')]).toEqual([true, true, false]);
});

test('create passes run first (enums before tables), other findings in report order, steps sorted by phase only', () => {
  const live = model({ tables: [table('a', { columns: [col('id', 'integer')] })] });
  const expected = model({
    enums: [enumType('mood', ['ok'])],
    tables: [table('a', { columns: [col('id', 'integer'), col('m', 'mood', { position: 2 })] }), table('b', { columns: [col('id', 'integer')] })],
  });
  const p = plan(expected, live);
  expect(p.steps.map((s) => s.id)).toEqual(['types:public.mood', 'tables:public.b', 'columns:public.a.m']);
  expect(p.fixed).toEqual(['missing_enum:public.mood', 'missing_column:public.a.m', 'missing_table:public.b']);
  expect([p.manual, p.kept]).toEqual([[], []]);
});

test('unexpected objects are kept in report order, or dropped: the before-drops hooks first, then kinds in reverse registry order', () => {
  const live = model({
    enums: [enumType('old', ['x'])],
    tables: [
      table('a', { columns: [col('id', 'integer'), col('legacy', 'text', { position: 2 })] }),
      table('tmp', { columns: [col('a_id', 'integer')], constraints: [fk('tmp_a_fkey', ['a_id'], { table: 'a', columns: ['id'] })] }),
    ],
  });
  const expected = model({ tables: [table('a', { columns: [col('id', 'integer')] })] });
  expect(plan(expected, live).kept).toEqual(['unexpected_enum:public.old', 'unexpected_column:public.a.legacy', 'unexpected_table:public.tmp']);
  const dropped = plan(expected, live, { dropUnexpected: true });
  expect(dropped.kept).toEqual([]);
  expect(dropped.steps.map((s) => s.id)).toEqual([
    'drop_constraints:foreign keys of dropped tables',
    'drop_columns:public.a.legacy',
    'drop_tables:public.tmp',
    'drop_types:public.old',
  ]);
});

test('advice findings and findings of unknown kinds are not planned', () => {
  const f = { id: 'x', kind: 'fk_without_index', category: 'advice' as const, severity: 'info' as const, object: { schema: 'public' }, expected: null, actual: null, message: '' };
  const p = planRemediation({ findings: [f, { ...f, category: 'drift', kind: 'future_kind' }], expected: model(), live: model() });
  expect([p.steps, p.manual, p.kept, p.fixed]).toEqual([[], [], [], []]);
});

describe('a table replaced by a view of its name (migra dependencies2)', () => {
  const rel = (name: string) => `relation:public\u0000${name}`;
  const live = model({ tables: [table('data', { columns: [col('id', 'integer')] })], views: [view('q', 'SELECT id FROM data', { dependsOn: [rel('data')] })] });
  const expected = model({
    tables: [table('t_data', { columns: [col('id', 'integer')] })],
    views: [view('data', 'SELECT id FROM t_data', { dependsOn: [rel('t_data')] }), view('q', 'SELECT id FROM data', { dependsOn: [rel('data')] })],
  });

  test('with --drop-unexpected: the views over the table go, the table goes before the view takes its name, the views come back after', () => {
    const p = plan(expected, live, { dropUnexpected: true });
    expect(p.steps.map((s) => s.id)).toEqual(['drop_views:public.q', 'drop_replaced_tables:public.data', 'tables:public.t_data', 'views:public.data', 'views:public.q']);
    // Re-runnable: the table is dropped only while a table holds the name.
    expect(p.steps[1]?.up.map((s) => s.sql)).toEqual([
      "DO $sa$\nBEGIN\n  IF EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('public.data') AND c.relkind IN ('r', 'p')) THEN\n    DROP TABLE IF EXISTS public.data;\n  END IF;\nEND\n$sa$",
    ]);
    expect(p.manual).toEqual([]);
  });

  test('without it: the table is kept, so the view of its name is a manual step', () => {
    const p = plan(expected, live);
    expect(p.steps.map((s) => s.id)).toEqual(['tables:public.t_data']);
    expect(p.manual.map((m) => [m.findingId, m.reason])).toEqual([
      [
        'missing_view:public.data',
        'a table of that name, public.data, is in the database and not in the expected schema: it is kept without --drop-unexpected, so the view cannot be created; drop the table (or run with --drop-unexpected), then run the audit again',
      ],
    ]);
  });
});
