import { col, model as bare, routine, table, trig } from '../../../test/diff/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import type { Table, Trigger } from '../../model/schema-model.js';
import { diffSchemas } from '../../diff/index.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { planRemediation as planFor } from '../../plan/plan.js';
import type { RemediationPlan } from '../../plan/types.js';
import { TRIGGER_PLAN } from './plan.js';

const touch = routine('touch', { returns: 'trigger', language: 'plpgsql' });
/** A model whose database has public.touch(), the function the triggers call. */
const model = (parts: Parameters<typeof bare>[0] = {}): SchemaModel => ({ ...bare(parts), functions: [touch] });

const planRemediation = (expected: SchemaModel, live: SchemaModel, options: { dropUnexpected?: boolean } = {}): RemediationPlan =>
  planFor({ findings: diffSchemas(expected, live).findings, expected, live, options });

const events = (...triggers: Trigger[]): Table => table('events', { rowEstimate: 10, triggers });
const stamp = trig('events', 'stamp');
const deferred: Trigger = {
  ...trig('events', 'check_late'),
  constraint: true,
  definition: 'CREATE CONSTRAINT TRIGGER check_late AFTER INSERT ON public.events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch()',
};

test('a missing trigger: CREATE OR REPLACE, its state when not origin, its comment; down drops it', () => {
  const t = { ...stamp, enabled: 'replica' as const, comment: "stamps 'rows'" };
  const b = bench(model({ tables: [events(t)] }), model({ tables: [events()] }));
  run(TRIGGER_PLAN.findings.missing_trigger, b.finding('missing_trigger'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.summary])).toEqual([['triggers:public.events.stamp', 'create trigger stamp on public.events, enabled replica']]);
  expect(sqlOf(b.record)).toEqual([
    'CREATE OR REPLACE TRIGGER stamp BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch()',
    'ALTER TABLE public.events ENABLE REPLICA TRIGGER stamp',
    "COMMENT ON TRIGGER stamp ON public.events IS 'stamps ''rows'''",
  ]);
  expect(sqlOf(b.record, 'down')).toEqual(['DROP TRIGGER IF EXISTS stamp ON public.events']);
});

test('a missing constraint trigger (no CREATE OR REPLACE for it): created only when the table has no trigger of that name', () => {
  const b = bench(model({ tables: [events(deferred)] }), model({ tables: [events()] }));
  run(TRIGGER_PLAN.findings.missing_trigger, b.finding('missing_trigger'), b.ctx);
  expect(sqlOf(b.record)).toEqual([
    [
      'DO $sa$',
      'BEGIN',
      "  IF NOT EXISTS (SELECT FROM pg_catalog.pg_trigger WHERE tgrelid = pg_catalog.to_regclass('public.events') AND tgname = 'check_late') THEN",
      `    ${deferred.definition};`,
      '  END IF;',
      'END',
      '$sa$',
    ].join('\n'),
  ]);
});

test('another definition: CREATE OR REPLACE both ways; the states set when either is not origin', () => {
  const e = trig('events', 'stamp', { body: 'AFTER INSERT OR UPDATE', enabled: 'always' });
  const b = bench(model({ tables: [events(e)] }), model({ tables: [events(stamp)] }));
  run(TRIGGER_PLAN.findings.trigger_mismatch, b.finding('trigger_mismatch'), b.ctx);
  expect(sqlOf(b.record)).toEqual([
    'CREATE OR REPLACE TRIGGER stamp AFTER INSERT OR UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch()',
    'ALTER TABLE public.events ENABLE ALWAYS TRIGGER stamp',
  ]);
  expect(sqlOf(b.record, 'down')).toEqual([
    'CREATE OR REPLACE TRIGGER stamp BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch()',
    'ALTER TABLE public.events ENABLE TRIGGER stamp',
  ]);
});

test('a constraint trigger on either side: dropped and created in one DO block', () => {
  const plain = { ...trig('events', 'check_late'), definition: deferred.definition.replace('CONSTRAINT ', '').replace(' DEFERRABLE INITIALLY DEFERRED', '') };
  const b = bench(model({ tables: [events(deferred)] }), model({ tables: [events(plain)] }));
  run(TRIGGER_PLAN.findings.trigger_mismatch, b.finding('trigger_mismatch'), b.ctx);
  expect(b.finding('trigger_mismatch').message).toContain('differs in constraint, deferrable');
  const [up] = sqlOf(b.record);
  expect(up).toBe(['DO $sa$', 'BEGIN', '  DROP TRIGGER IF EXISTS check_late ON public.events;', `  ${deferred.definition};`, 'END', '$sa$'].join('\n'));
  expect(sqlOf(b.record, 'down')[0]).toContain(`  ${plain.definition};`);
});

test('another enabled state: ALTER TABLE both ways', () => {
  const b = bench(model({ tables: [events({ ...stamp, enabled: 'disabled' })] }), model({ tables: [events(stamp)] }));
  run(TRIGGER_PLAN.findings.trigger_enabled_mismatch, b.finding('trigger_enabled_mismatch'), b.ctx);
  expect(sqlOf(b.record)).toEqual(['ALTER TABLE public.events DISABLE TRIGGER stamp']);
  expect(sqlOf(b.record, 'down')).toEqual(['ALTER TABLE public.events ENABLE TRIGGER stamp']);
});

test('unexpected triggers: kept unless --drop-unexpected; then dropped first, down builds them back with their state', () => {
  const extra = { ...trig('Odd Table', 'Extra "one"'), enabled: 'disabled' as const };
  const odd = (...t: Trigger[]): Table => table('Odd Table', { triggers: t });
  const expected = model({ tables: [odd()] });
  const live = model({ tables: [odd(extra)] });
  const kept = planRemediation(expected, live, { dropUnexpected: false });
  expect(kept.steps).toEqual([]);
  const plan = planRemediation(expected, live, { dropUnexpected: true });
  expect(plan.steps.map((s) => [s.phase, s.up.map((x) => x.sql), s.down.map((x) => x.sql)])).toEqual([
    [
      'drop_triggers',
      ['DROP TRIGGER IF EXISTS "Extra ""one""" ON public."Odd Table"'],
      [extra.definition.replace('CREATE TRIGGER', 'CREATE OR REPLACE TRIGGER'), 'ALTER TABLE public."Odd Table" DISABLE TRIGGER "Extra ""one"""'],
    ],
  ]);
});

test('a trigger whose function the database lacks is created after it (the plan creates the function first)', () => {
  const b = bench(model({ tables: [events(stamp)] }), bare({ tables: [events()] }));
  run(TRIGGER_PLAN.findings.missing_trigger, b.finding('missing_trigger'), b.ctx);
  expect(b.record.steps.map((s) => s.phase)).toEqual(['triggers']);
});

test('a trigger whose function neither side has: a manual step', () => {
  const b = bench(bare({ tables: [events(stamp)] }), bare({ tables: [events()] }));
  run(TRIGGER_PLAN.findings.missing_trigger, b.finding('missing_trigger'), b.ctx);
  expect(b.record.steps).toEqual([]);
  expect(b.record.manual[0]?.reason).toBe('the function public.touch() it calls exists neither in the database nor in the expected schema: create it, then run the audit again');
});

test('a definition that is not a CREATE TRIGGER is never written: a manual step', () => {
  const bad = { ...stamp, definition: 'DROP TABLE events' };
  const b = bench(model({ tables: [events(bad)] }), model({ tables: [events()] }));
  run(TRIGGER_PLAN.findings.missing_trigger, b.finding('missing_trigger'), b.ctx);
  expect(b.record.steps).toEqual([]);
  expect(b.record.manual[0]?.reason).toContain('not a CREATE TRIGGER statement');
});

test('a missing table brings its triggers, in the triggers phase; a dropped one gets them back on the way down', () => {
  const plan = planRemediation(model({ tables: [events(stamp)] }), model({ tables: [] }));
  expect(plan.steps.filter((s) => s.phase === 'triggers').map((s) => [s.summary, s.up.map((x) => x.sql)])).toEqual([
    ['triggers of new table public.events', ['CREATE OR REPLACE TRIGGER stamp BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch()']],
  ]);
  const back = planRemediation(model({ tables: [] }), model({ tables: [events(stamp)] }), { dropUnexpected: true });
  expect(back.steps.find((s) => s.phase === 'drop_tables')?.down.at(-1)?.sql).toBe(
    'CREATE OR REPLACE TRIGGER stamp BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch()',
  );
});

test('a column retyped under a trigger that depends on it (WHEN, UPDATE OF): dropped before, created again after, as expected; others untouched', () => {
  const owner = 'column:public\u0000events\u0000owner';
  const watch = (enabled: Trigger['enabled']): Trigger => ({ ...trig('events', 'watch', { body: 'BEFORE UPDATE OF owner' }), enabled, dependsOn: [stamp.function, owner] });
  const side = (type: string, enabled: Trigger['enabled']): SchemaModel =>
    model({ tables: [table('events', { rowEstimate: 10, columns: [col('owner', type)], triggers: [stamp, watch(enabled)] })] });
  const p = planRemediation(side('character varying(40)', 'always'), side('character varying(10)', 'origin'));
  expect(p.steps.map((s) => [s.id, s.findingIds])).toEqual([
    ['drop_triggers:public.events.watch', ['trigger_enabled_mismatch:public.events.watch']],
    ['alter_columns:public.events.owner', ['column_type_mismatch:public.events.owner']],
    ['triggers:public.events.watch', ['trigger_enabled_mismatch:public.events.watch']],
  ]);
  expect(p.steps[0]!.up.map((s) => s.sql)).toEqual(['DROP TRIGGER IF EXISTS watch ON public.events']);
  expect(p.steps[0]!.down.map((s) => s.sql)).toEqual(['CREATE OR REPLACE TRIGGER watch BEFORE UPDATE OF owner ON public.events FOR EACH ROW EXECUTE FUNCTION touch()']);
  expect(p.steps[2]!.up.map((s) => s.sql)).toEqual([
    'CREATE OR REPLACE TRIGGER watch BEFORE UPDATE OF owner ON public.events FOR EACH ROW EXECUTE FUNCTION touch()',
    'ALTER TABLE public.events ENABLE ALWAYS TRIGGER watch',
  ]);
  expect(p.steps[2]!.down.map((s) => s.sql)).toEqual(['DROP TRIGGER IF EXISTS watch ON public.events']);
});
