/** Event triggers: comparison (scoped by their function's schema) and plan. */
import { model, routine } from '../../../test/diff/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { compareEventTriggers } from './compare.js';
import { decodeEventTriggers } from './catalog.js';
import type { EventTrigger } from './model.js';
import { EVENT_TRIGGER_PLAN } from './plan.js';

const log: EventTrigger = { name: 'log_ddl', event: 'ddl_command_end', tags: ['CREATE TABLE', 'ALTER TABLE'], function: 'function:audit\u0000log_ddl\u0000', enabled: 'origin', comment: null };
const logFn = routine('log_ddl', { schema: 'audit', returns: 'event_trigger', language: 'plpgsql' });
const withEvents = (...eventTriggers: EventTrigger[]): SchemaModel => ({ ...model({ schemas: ['public', 'audit'] }), functions: [logFn], eventTriggers });

test('decoded from the catalog: the state letter, the tags (none: every command), the function as a ref key', () => {
  expect(decodeEventTriggers([{ name: 'x', event: 'sql_drop', tags: null, function_schema: 'audit', function_name: 'f', enabled: 'D', comment: 'c' }])).toEqual([
    { name: 'x', event: 'sql_drop', tags: [], function: 'function:audit\u0000f\u0000', enabled: 'disabled', comment: 'c' },
  ]);
});

test('compared by name, only those whose function is in an audited schema', () => {
  const other = { ...log, name: 'other', function: 'function:public\u0000f\u0000' };
  const c = compareEventTriggers([log], [other, { ...log, tags: [] }], (s) => s === 'audit');
  expect(c.findings.map((f) => [f.kind, f.object, f.message])).toEqual([
    [
      'event_trigger_mismatch',
      { schema: 'audit', eventTrigger: 'log_ddl' },
      "event trigger log_ddl differs in tags (expected CREATE EVENT TRIGGER log_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION audit.log_ddl(), " +
        'actual CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION audit.log_ddl())',
    ],
  ]);
  expect(compareEventTriggers([log], [], () => true).findings[0]?.kind).toBe('missing_event_trigger');
});

test('missing: created when absent, its state and comment; down drops it; a superuser is needed', () => {
  const b = bench(withEvents({ ...log, enabled: 'replica', comment: 'audit' }), withEvents());
  run(EVENT_TRIGGER_PLAN.findings.missing_event_trigger, b.finding('missing_event_trigger'), b.ctx);
  expect(sqlOf(b.record)).toEqual([
    [
      'DO $sa$',
      'BEGIN',
      "  IF NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtname = 'log_ddl') THEN",
      "    CREATE EVENT TRIGGER log_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION audit.log_ddl();",
      '  END IF;',
      'END',
      '$sa$',
    ].join('\n'),
    'ALTER EVENT TRIGGER log_ddl ENABLE REPLICA',
    "COMMENT ON EVENT TRIGGER log_ddl IS 'audit'",
  ]);
  expect(sqlOf(b.record, 'down')).toEqual(['DROP EVENT TRIGGER IF EXISTS log_ddl']);
  expect(b.record.steps[0]?.phase).toBe('triggers');
  expect(b.record.steps[0]?.hazards.map((h) => h.kind)).toEqual(['may_fail']);
});

test('changed: the state alone by ALTER; anything else dropped and created in one DO block', () => {
  const state = bench(withEvents({ ...log, enabled: 'disabled' }), withEvents(log));
  run(EVENT_TRIGGER_PLAN.findings.event_trigger_mismatch, state.finding('event_trigger_mismatch'), state.ctx);
  expect(sqlOf(state.record)).toEqual(['ALTER EVENT TRIGGER log_ddl DISABLE']);
  expect(sqlOf(state.record, 'down')).toEqual(['ALTER EVENT TRIGGER log_ddl ENABLE']);
  const event = bench(withEvents({ ...log, event: 'sql_drop', tags: [] }), withEvents(log));
  run(EVENT_TRIGGER_PLAN.findings.event_trigger_mismatch, event.finding('event_trigger_mismatch'), event.ctx);
  expect(sqlOf(event.record)[0]).toContain('  DROP EVENT TRIGGER IF EXISTS log_ddl;\n  CREATE EVENT TRIGGER log_ddl ON sql_drop EXECUTE FUNCTION audit.log_ddl();');
});

test('unexpected: dropped in drop_triggers; down builds it back', () => {
  const b = bench(withEvents(), withEvents({ ...log, name: 'Odd "x"' }), { dropUnexpected: true });
  EVENT_TRIGGER_PLAN.drop?.(b.all('unexpected_event_trigger'), b.ctx);
  expect(b.record.steps.map((s) => [s.phase, s.up.map((x) => x.sql)])).toEqual([['drop_triggers', ['DROP EVENT TRIGGER IF EXISTS "Odd ""x"""']]]);
  expect(sqlOf(b.record, 'down')[0]).toContain('CREATE EVENT TRIGGER "Odd ""x""" ON ddl_command_end');
});

test('an event this version does not know is never written: a manual step', () => {
  const b = bench(withEvents({ ...log, event: 'ddl_command_start; DROP TABLE x' }), withEvents());
  run(EVENT_TRIGGER_PLAN.findings.missing_event_trigger, b.finding('missing_event_trigger'), b.ctx);
  expect(b.record.steps).toEqual([]);
  expect(b.record.manual[0]?.reason).toContain('does not know');
});
