import { col as column, model, table, trig, view } from '../../../test/diff/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { replaceable, VIEW_PLAN } from './plan.js';

const int = (name: string) => ({ name, type: 'integer' });
const txt = (name: string) => ({ name, type: 'text' });
const col = (t: string, c: string) => `column:public\u0000${t}\u0000${c}`;
/** A drop guarded by the relation's kind (DROP VIEW IF EXISTS fails on a materialized view of the name). */
const drop = (name: string, kind: 'VIEW' | 'MATERIALIZED VIEW' = 'VIEW') =>
  `DO $sa$\nBEGIN\n  IF EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('public.${name}') AND c.relkind = '${kind === 'VIEW' ? 'v' : 'm'}') THEN\n    DROP ${kind} IF EXISTS public.${name};\n  END IF;\nEND\n$sa$`;

test('every finding but unexpected views in the create pass', () => {
  expect(VIEW_PLAN.findings).toEqual({ missing_view: IN_CREATE_PASS, view_definition_mismatch: IN_CREATE_PASS, view_mismatch: IN_CREATE_PASS, unexpected_view: IN_DROP_PASS });
});

test('replaceable: views both sides, the live columns kept in order with their types, new ones appended', () => {
  const a = view('v', 'q', { columns: [int('a'), txt('b')] });
  expect(replaceable(a, view('v', 'q2', { columns: [int('a'), txt('b'), int('c')] }))).toBe(true);
  expect(replaceable(a, view('v', 'q2', { columns: [int('a')] }))).toBe(false);
  expect(replaceable(a, view('v', 'q2', { columns: [int('a'), int('b')] }))).toBe(false);
  expect(replaceable(a, view('v', 'q2', { columns: [txt('b'), int('a')] }))).toBe(false);
  expect(replaceable(a, view('v', 'q2', { kind: 'materialized_view', columns: [int('a'), txt('b')] }))).toBe(false);
});

test('missing views in dependency order (a view after the one it reads), down drops them', () => {
  const base = view('z_base', 'SELECT a FROM t', { columns: [int('a')], comment: 'c' });
  const top = view('a_top', 'SELECT a FROM z_base', { columns: [int('a')], dependsOn: [col('z_base', 'a')] });
  const b = bench(model({ views: [base, top] }), model());
  VIEW_PLAN.create?.(b.all('missing_view'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['views:public.z_base', 'views:public.a_top']);
  expect(sqlOf(b.record)).toEqual([
    'CREATE OR REPLACE VIEW public.z_base AS\nSELECT a FROM t',
    "COMMENT ON VIEW public.z_base IS 'c'",
    'CREATE OR REPLACE VIEW public.a_top AS\nSELECT a FROM z_base',
  ]);
  expect(sqlOf(b.record, 'down')).toEqual([drop('z_base'), drop('a_top')]);
});

test('a replaceable change: CREATE OR REPLACE; down puts the old query back the same way', () => {
  const b = bench(model({ views: [view('v', 'SELECT 2 AS a', { columns: [int('a')] })] }), model({ views: [view('v', 'SELECT 1 AS a', { columns: [int('a')] })] }));
  VIEW_PLAN.create?.(b.all('view_definition_mismatch'), b.ctx);
  expect(sqlOf(b.record)).toEqual(['CREATE OR REPLACE VIEW public.v AS\nSELECT 2 AS a']);
  expect(sqlOf(b.record, 'down')).toEqual(['CREATE OR REPLACE VIEW public.v AS\nSELECT 1 AS a']);
  expect(b.record.steps[0]?.hazards).toEqual([]);
});

test('a change PostgreSQL cannot replace: the view and the views over it dropped (dependents first) and created again in order', () => {
  const live = model({
    views: [
      view('v', 'SELECT 1 AS a, 2 AS b', { columns: [int('a'), int('b')] }),
      view('w', 'SELECT a FROM v', { columns: [int('a')], dependsOn: [col('v', 'a')] }),
      view('x', 'SELECT a FROM w', { columns: [int('a')], dependsOn: [col('w', 'a')] }),
    ],
  });
  const expected = model({ views: [view('v', 'SELECT 1 AS a', { columns: [int('a')] }), live.views[1]!, live.views[2]!] });
  const b = bench(expected, live);
  VIEW_PLAN.create?.(b.all('view_definition_mismatch'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['drop_views:public.x', 'drop_views:public.w', 'drop_views:public.v', 'views:public.v', 'views:public.w', 'views:public.x']);
  expect(b.record.steps[3]?.hazards[0]?.message).toContain('view public.v and the 2 views over it (public.w, public.x) are dropped and created again');
  expect(sqlOf(b.record, 'down').slice(0, 3)).toEqual(['CREATE OR REPLACE VIEW public.x AS\nSELECT a FROM w', 'CREATE OR REPLACE VIEW public.w AS\nSELECT a FROM v', 'CREATE OR REPLACE VIEW public.v AS\nSELECT 1 AS a, 2 AS b']);
});

test('a materialized view: dropped and created with its indexes; creating it scans what it reads', () => {
  const mv = (q: string) =>
    view('mv', q, { kind: 'materialized_view', columns: [int('a')], dependsOn: [col('t', 'a')], indexes: [{ name: 'mv_a', definition: 'CREATE UNIQUE INDEX mv_a ON public.mv USING btree (a)' }] });
  const b = bench(model({ views: [mv('SELECT a FROM t')] }), model({ views: [mv('SELECT a FROM t WHERE a > 0')] }));
  VIEW_PLAN.create?.(b.all('view_definition_mismatch'), b.ctx);
  expect(sqlOf(b.record)).toEqual([
    drop('mv', 'MATERIALIZED VIEW'),
    'CREATE MATERIALIZED VIEW IF NOT EXISTS public.mv AS\nSELECT a FROM t\nWITH DATA',
    'CREATE UNIQUE INDEX IF NOT EXISTS mv_a ON public.mv USING btree (a)',
  ]);
  expect(b.record.steps[1]?.hazards.map((h) => h.kind)).toEqual(['may_fail', 'validation_scan']);
  expect(b.record.steps[1]?.hazards[1]?.message).toContain('runs its query once');
});

test('a missing view in a schema the database lacks: the schema first', () => {
  const b = bench(model({ schemas: ['public', 'rep'], views: [view('v', 'SELECT 1 AS a', { schema: 'rep' })] }), model());
  VIEW_PLAN.create?.(b.all('missing_view'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['schemas:rep', 'views:rep.v']);
});

test('a column retyped under a view: the views over it dropped before the ALTER and created again after', () => {
  const v = view('v', 'SELECT a FROM t', { columns: [int('a')], dependsOn: [col('t', 'a')] });
  const w = view('w', 'SELECT a FROM v', { columns: [int('a')], dependsOn: [col('v', 'a')] });
  const other = view('other', 'SELECT 1 AS x');
  const b = bench(
    model({ tables: [table('t', { columns: [column('a', 'bigint')] })], views: [{ ...v, columns: [{ name: 'a', type: 'bigint' }] }, w, other] }),
    model({ tables: [table('t', { columns: [column('a', 'integer')] })], views: [v, w, other] }),
  );
  VIEW_PLAN.create?.([], b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['drop_views:public.w', 'drop_views:public.v', 'views:public.v', 'views:public.w']);
});

test('options, population and indexes in place; down undoes each', () => {
  const e = view('mv', 'SELECT 1 AS a', { kind: 'materialized_view', options: ['fillfactor=70'], indexes: [{ name: 'i', definition: 'CREATE INDEX i ON public.mv USING btree (a)' }] });
  const a = view('mv', 'SELECT 1 AS a', { kind: 'materialized_view', populated: false, indexes: [{ name: 'j', definition: 'CREATE INDEX j ON public.mv USING btree (a)' }] });
  const kept = bench(model({ views: [e] }), model({ views: [a] }));
  VIEW_PLAN.create?.(kept.all('view_mismatch'), kept.ctx);
  expect(sqlOf(kept.record)).toEqual([
    "ALTER MATERIALIZED VIEW public.mv SET (fillfactor = '70')",
    'CREATE INDEX IF NOT EXISTS i ON public.mv USING btree (a)',
    'REFRESH MATERIALIZED VIEW public.mv',
  ]);
  expect(sqlOf(kept.record, 'down')).toEqual(['REFRESH MATERIALIZED VIEW public.mv WITH NO DATA', 'DROP INDEX IF EXISTS public.i', 'ALTER MATERIALIZED VIEW public.mv RESET (fillfactor)']);
  const dropping = bench(model({ views: [e] }), model({ views: [a] }), { dropUnexpected: true });
  VIEW_PLAN.create?.(dropping.all('view_mismatch'), dropping.ctx);
  expect(sqlOf(dropping.record)).toContain('DROP INDEX IF EXISTS public.j');
});

test('the drop pass: unexpected views, dependents first; down creates them again', () => {
  const b = bench(model(), model({ views: [view('a', 'SELECT 1 AS x', { columns: [int('x')] }), view('b', 'SELECT x FROM a', { dependsOn: [col('a', 'x')] })] }), { dropUnexpected: true });
  VIEW_PLAN.drop?.(b.all('unexpected_view'), b.ctx);
  expect(sqlOf(b.record)).toEqual([drop('b'), drop('a')]);
  expect(sqlOf(b.record, 'down')).toEqual(['CREATE OR REPLACE VIEW public.b AS\nSELECT x FROM a', 'CREATE OR REPLACE VIEW public.a AS\nSELECT 1 AS x']);
  expect(b.record.steps.map((s) => s.findingIds)).toEqual([['unexpected_view:public.b'], ['unexpected_view:public.a']]);
});

test("a view dropped and created again gets its triggers back: the expected ones, and without --drop-unexpected the database's unexpected ones; down restores the database's", () => {
  const ins = trig('v', 'v_ins', { body: 'INSTEAD OF INSERT', comment: 'adds' });
  const extra = trig('v', 'v_extra', { body: 'INSTEAD OF DELETE' });
  const live = model({ views: [view('v', 'SELECT 1 AS a, 2 AS b', { columns: [int('a'), int('b')], triggers: [extra, ins] })] });
  const expected = model({ views: [view('v', 'SELECT 1 AS a', { columns: [int('a')], triggers: [ins] })] });
  const create = 'CREATE OR REPLACE VIEW public.v AS\nSELECT 1 AS a';
  const insSql = ['CREATE OR REPLACE TRIGGER v_ins INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION touch()', "COMMENT ON TRIGGER v_ins ON public.v IS 'adds'"];
  const extraSql = 'CREATE OR REPLACE TRIGGER v_extra INSTEAD OF DELETE ON public.v FOR EACH ROW EXECUTE FUNCTION touch()';
  const kept = bench(expected, live);
  VIEW_PLAN.create?.(kept.all('view_definition_mismatch'), kept.ctx);
  expect(sqlOf(kept.record)).toEqual([drop('v'), create, extraSql, ...insSql]);
  expect(sqlOf(kept.record, 'down')).toEqual(['CREATE OR REPLACE VIEW public.v AS\nSELECT 1 AS a, 2 AS b', extraSql, ...insSql, drop('v')]);
  const dropping = bench(expected, live, { dropUnexpected: true });
  VIEW_PLAN.create?.(dropping.all('view_definition_mismatch'), dropping.ctx);
  expect(sqlOf(dropping.record)).toEqual([drop('v'), create, ...insSql]);
});
