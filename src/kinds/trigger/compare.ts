/** Compare the triggers of a table or view present on both sides (called by the table's and the view's comparisons). */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { describedBy, oneLine, qualified } from '../../findings/words.js';
import { triggerMismatchAspects, type TriggerFinding } from './findings.js';
import type { Trigger, TriggerEnabled } from './model.js';

/** What holds triggers: a table, or a view. */
export interface TriggerHolder {
  readonly schema: string;
  readonly name: string;
  readonly triggers: readonly Trigger[];
}

/** What a finding about trigger `trigger` names: `{ schema, table, trigger }`, or `{ schema, view, trigger }` on a view. */
export function triggerObject(t: Pick<TriggerHolder, 'schema' | 'name'>, trigger: string, on: 'table' | 'view' = 'table'): FindingObject {
  return on === 'table' ? { schema: t.schema, table: t.name, trigger } : { schema: t.schema, view: t.name, trigger };
}

/** `disabled`, `enabled (origin)`, `enabled replica`, `enabled always`: as ALTER TABLE words it. */
export function enabledText(state: TriggerEnabled): string {
  return state === 'origin' ? 'enabled' : state === 'disabled' ? 'disabled' : `enabled ${state}`;
}

/**
 * The triggers of tables (or views: `on`) `e` (expected) and `a` (actual), matched by name:
 * missing, unexpected, a different definition (pg_get_triggerdef's text, which
 * both sides print from a server), or the same definition in another enabled
 * state.
 */
export function compareTriggers(e: TriggerHolder, a: TriggerHolder, on: 'table' | 'view' = 'table'): Comparison<TriggerFinding> {
  const out: Comparison<TriggerFinding> = { findings: [], present: [] };
  const diff = diffKeyed(e.triggers, a.triggers, (t) => t.name);
  for (const t of diff.missing) {
    out.findings.push({
      kind: 'missing_trigger',
      object: triggerObject(e, t.name, on),
      expected: { ...t, description: t.comment },
      actual: null,
      message: `trigger ${qualified(e.schema, e.name, t.name)} is missing (expected ${oneLine(t.definition)}${t.enabled === 'origin' ? '' : `, ${enabledText(t.enabled)}`})`,
    });
  }
  for (const t of diff.unexpected) {
    out.findings.push({
      kind: 'unexpected_trigger',
      object: triggerObject(a, t.name, on),
      expected: null,
      actual: t,
      message: `trigger ${qualified(a.schema, a.name, t.name)} is not in the expected schema (${oneLine(t.definition)}${t.enabled === 'origin' ? '' : `, ${enabledText(t.enabled)}`})`,
    });
  }
  for (const { expected, actual } of diff.common) {
    const name = qualified(e.schema, e.name, expected.name);
    const object = triggerObject(e, expected.name, on);
    let identical = false;
    if (expected.definition !== actual.definition) {
      const aspects = triggerMismatchAspects(expected, actual);
      const states = expected.enabled === actual.enabled ? '' : `; ${enabledText(actual.enabled)}, expected ${enabledText(expected.enabled)}`;
      out.findings.push({
        kind: 'trigger_mismatch',
        object,
        expected,
        actual,
        message: `trigger ${name} differs in ${aspects.join(', ')} (expected ${oneLine(expected.definition)}, actual ${oneLine(actual.definition)}${states})`,
      });
    } else if (expected.enabled !== actual.enabled) {
      out.findings.push({
        kind: 'trigger_enabled_mismatch',
        object,
        expected: expected.enabled,
        actual: actual.enabled,
        message: `trigger ${name} is ${enabledText(actual.enabled)}, expected ${enabledText(expected.enabled)}`,
      });
    } else identical = true;
    out.present.push({ kind: 'trigger', object, ...describedBy(expected.comment), identical });
  }
  return out;
}
