import { model, routine, table } from '../../../test/diff/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { FUNCTION_PLAN, replaceableInPlace } from './plan.js';
import type { Routine } from './model.js';

const add = (over: Partial<Routine> = {}): Routine =>
  routine('add', { signature: 'integer, integer', arguments: 'a integer, b integer', argumentList: 'a integer, b integer', body: 'select a + b', ...over });

test('missing routines in the create pass, unexpected ones in the drop pass, changed ones on their own', () => {
  expect(FUNCTION_PLAN.findings).toMatchObject({ missing_function: IN_CREATE_PASS, unexpected_function: IN_DROP_PASS });
  expect(typeof FUNCTION_PLAN.findings.function_definition_mismatch).toBe('function');
});

test('the create pass: in dependency order (an aggregate after its support function), with the comment and the schema; down drops', () => {
  const sfunc = routine('step', { schema: 'app', signature: 'integer, integer', arguments: 'integer, integer', argumentList: 'integer, integer', comment: 'the step' });
  const agg = routine('total', {
    schema: 'app',
    kind: 'aggregate',
    signature: 'integer',
    arguments: 'integer',
    argumentList: 'integer',
    aggregate: 'SFUNC = app.step, STYPE = integer',
    dependsOn: ['function:app\u0000step\u0000integer, integer'],
  });
  const b = bench(model({ schemas: ['public', 'app'], functions: [agg, sfunc] }), model());
  FUNCTION_PLAN.create?.(b.all('missing_function'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.phase])).toEqual([
    ['schemas:app', 'schemas'],
    ['functions:app.step(integer, integer)', 'functions'],
    ['functions:app.total(integer)', 'functions'],
  ]);
  expect(sqlOf(b.record).slice(1)).toEqual([
    'CREATE OR REPLACE FUNCTION app.step(integer, integer)\n RETURNS integer\n LANGUAGE sql\n VOLATILE PARALLEL UNSAFE COST 100\nAS $body$select 1$body$',
    "COMMENT ON FUNCTION app.step(integer, integer) IS 'the step'",
    'CREATE OR REPLACE AGGREGATE app.total(integer) (SFUNC = app.step, STYPE = integer)',
  ]);
  expect(sqlOf(b.record, 'down').slice(1)).toEqual(['DROP FUNCTION IF EXISTS app.step(integer, integer)', 'DROP AGGREGATE IF EXISTS app.total(integer)']);
});

test('a routine whose signature uses a table is created after the tables', () => {
  const f = routine('latest', { returns: 'SETOF leads', dependsOn: ['relation:public\u0000leads'] });
  const b = bench(model({ tables: [table('leads')], functions: [f] }), model({ tables: [table('leads')] }));
  FUNCTION_PLAN.create?.(b.all('missing_function'), b.ctx);
  expect(b.record.steps.map((s) => s.phase)).toEqual(['views']);
});

describe('a changed routine', () => {
  test('replaced in place when PostgreSQL allows it; down replaces it with the original', () => {
    const b = bench(model({ functions: [add({ body: 'select a + b', volatility: 'immutable', argumentList: 'a integer, b integer DEFAULT 0' })] }), model({ functions: [add()] }));
    run(FUNCTION_PLAN.findings.function_definition_mismatch, b.finding('function_definition_mismatch'), b.ctx);
    expect(b.record.steps.map((s) => [s.id, s.hazards])).toEqual([['functions:public.add(integer, integer)', []]]);
    expect(sqlOf(b.record)[0]).toMatch(/^CREATE OR REPLACE FUNCTION public\.add\(a integer, b integer DEFAULT 0\)\n.*\n.*\n IMMUTABLE /);
    expect(sqlOf(b.record, 'down')[0]).toMatch(/^CREATE OR REPLACE FUNCTION public\.add\(a integer, b integer\)\n.*\n.*\n VOLATILE /);
  });

  test('what PostgreSQL cannot replace in place: result, kind, argument names or modes, a removed default', () => {
    expect(replaceableInPlace(add({ body: 'x' }), add())).toBe(true);
    expect(replaceableInPlace(add({ argumentList: "a integer, b integer DEFAULT 0" }), add())).toBe(true);
    expect(replaceableInPlace(add(), add({ argumentList: "a integer, b integer DEFAULT 0" }))).toBe(false);
    expect(replaceableInPlace(add({ returns: 'bigint' }), add())).toBe(false);
    expect(replaceableInPlace(add({ argumentList: 'x integer, b integer' }), add())).toBe(false);
    expect(replaceableInPlace(add({ kind: 'procedure', returns: null }), add())).toBe(false);
    expect(replaceableInPlace(add({ argumentList: "a integer, b integer DEFAULT ',' || 'x'" }), add({ argumentList: "a integer, b integer DEFAULT 1" }))).toBe(true);
  });

  test('a new result type: dropped and created, never with CASCADE; down restores the original', () => {
    const b = bench(model({ functions: [add({ returns: 'bigint' })] }), model({ functions: [add()] }));
    run(FUNCTION_PLAN.findings.function_definition_mismatch, b.finding('function_definition_mismatch'), b.ctx);
    const up = sqlOf(b.record);
    expect(up[0]).toBe('DROP FUNCTION IF EXISTS public.add(integer, integer)');
    expect(up[1]).toMatch(/^CREATE OR REPLACE FUNCTION public\.add\(a integer, b integer\)\n RETURNS bigint\n/);
    expect(sqlOf(b.record, 'down')[1]).toMatch(/\n RETURNS integer\n/);
    expect(up.join('\n')).not.toMatch(/CASCADE/);
    expect(b.record.steps[0]?.hazards.map((h) => h.kind)).toEqual(['may_fail']);
  });

  test('...but a manual step when a routine or trigger of the database uses it', () => {
    const caller = routine('twice', { body: 'select add(1, 1)', dependsOn: ['function:public\u0000add\u0000a integer, b integer'] });
    const t = table('leads', { triggers: [{ name: 'sum_it', enabled: 'origin', definition: 'CREATE TRIGGER sum_it BEFORE INSERT ON public.leads FOR EACH ROW EXECUTE FUNCTION add()', constraint: false, function: 'function:public\u0000add\u0000', dependsOn: ['function:public\u0000add\u0000'], comment: null }] });
    const b = bench(model({ functions: [add({ returns: 'bigint' }), caller], tables: [t] }), model({ functions: [add(), caller], tables: [t] }));
    run(FUNCTION_PLAN.findings.function_definition_mismatch, b.finding('function_definition_mismatch'), b.ctx);
    expect(b.record.steps).toEqual([]);
    expect(b.record.manual).toEqual([
      expect.objectContaining({
        findingId: 'function_definition_mismatch:public.add(integer, integer)',
        reason: expect.stringContaining('function public.twice(), trigger sum_it on public.leads use it'),
        suggestion: ['DROP FUNCTION IF EXISTS public.add(integer, integer)', expect.stringMatching(/^CREATE OR REPLACE FUNCTION/)],
      }),
    ]);
  });
});

test('the drop pass drops an unexpected routine by its argument types; down creates it again', () => {
  const b = bench(model(), model({ functions: [add({ comment: 'sums' })] }), { dropUnexpected: true });
  FUNCTION_PLAN.drop?.(b.all('unexpected_function'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.phase, s.hazards.map((h) => h.kind)])).toEqual([['drop_functions:public.add(integer, integer)', 'drop_functions', ['may_fail']]]);
  expect(sqlOf(b.record)).toEqual(['DROP FUNCTION IF EXISTS public.add(integer, integer)']);
  expect(sqlOf(b.record, 'down')).toEqual([expect.stringMatching(/^CREATE OR REPLACE FUNCTION public\.add\(a integer, b integer\)/), "COMMENT ON FUNCTION public.add(integer, integer) IS 'sums'"]);
});

test('an unexpected routine that uses a table goes before the tables; an aggregate before its support function', () => {
  const latest = routine('latest', { returns: 'SETOF leads', dependsOn: ['relation:public\u0000leads'] });
  const sfunc = routine('step', { signature: 'integer, integer', arguments: 'integer, integer' });
  const agg = routine('total', { kind: 'aggregate', signature: 'integer', arguments: 'integer', aggregate: 'SFUNC = step, STYPE = integer', dependsOn: ['function:public\u0000step\u0000integer, integer'] });
  const b = bench(model(), model({ functions: [latest, sfunc, agg] }), { dropUnexpected: true });
  FUNCTION_PLAN.drop?.(b.all('unexpected_function'), b.ctx);
  // In the order added; the plan runs drop_views (before the tables) before drop_functions (after them).
  expect(b.record.steps.map((s) => s.id)).toEqual(['drop_functions:public.total(integer)', 'drop_functions:public.step(integer, integer)', 'drop_views:public.latest()']);
});
