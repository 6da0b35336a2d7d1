/** Comparing the triggers of a table present on both sides (through compareTable). */
import { table, trig } from '../../../test/diff/builders.js';
import { compareTable } from '../table/compare.js';

const on = (...triggers: ReturnType<typeof trig>[]): ReturnType<typeof table> => table('events', { triggers });

test('identical triggers: no finding, present and identical', () => {
  const c = compareTable(on(trig('events', 'stamp')), on(trig('events', 'stamp')));
  expect(c.findings).toEqual([]);
  expect(c.present).toContainEqual({ kind: 'trigger', object: { schema: 'public', table: 'events', trigger: 'stamp' }, identical: true });
});

test('missing and unexpected, by name, with their definitions and states', () => {
  const c = compareTable(on(trig('events', 'a', { enabled: 'replica' })), on(trig('events', 'b', { enabled: 'disabled' })));
  expect(c.findings.map((f) => [f.kind, f.object, f.message])).toEqual([
    [
      'missing_trigger',
      { schema: 'public', table: 'events', trigger: 'a' },
      'trigger public.events.a is missing (expected CREATE TRIGGER a BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch(), enabled replica)',
    ],
    [
      'unexpected_trigger',
      { schema: 'public', table: 'events', trigger: 'b' },
      'trigger public.events.b is not in the expected schema (CREATE TRIGGER b BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch(), disabled)',
    ],
  ]);
  expect(c.findings[0]!.expected).toMatchObject({ name: 'a', description: null });
});

test('another definition: trigger_mismatch, naming the aspects (and the state when it differs too)', () => {
  const c = compareTable(on(trig('events', 's')), on(trig('events', 's', { body: 'AFTER UPDATE', enabled: 'disabled' })));
  expect(c.findings).toHaveLength(1);
  expect(c.findings[0]).toMatchObject({ kind: 'trigger_mismatch', object: { trigger: 's' } });
  expect(c.findings[0]!.message).toBe(
    'trigger public.events.s differs in timing, enabled (expected CREATE TRIGGER s BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch(), ' +
      'actual CREATE TRIGGER s AFTER UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch(); disabled, expected enabled)',
  );
  expect(c.present).toContainEqual({ kind: 'trigger', object: { schema: 'public', table: 'events', trigger: 's' }, identical: false });
});

test('the same definition in another state: trigger_enabled_mismatch', () => {
  const c = compareTable(on(trig('events', 's', { enabled: 'always' })), on(trig('events', 's')));
  expect(c.findings).toEqual([
    {
      kind: 'trigger_enabled_mismatch',
      object: { schema: 'public', table: 'events', trigger: 's' },
      expected: 'always',
      actual: 'origin',
      message: 'trigger public.events.s is enabled, expected enabled always',
    },
  ]);
});

test('comments and dependencies alone are no trigger finding (comments are the comment kind’s)', () => {
  const c = compareTable(on(trig('events', 's', { comment: 'x' })), on(trig('events', 's', { dependsOn: [] })));
  expect(c.findings).toEqual([]);
});
