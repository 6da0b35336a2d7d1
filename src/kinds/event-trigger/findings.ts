/** What the diff reports about event triggers, with the default severity of each finding kind and why. */
import type { Described, Finding } from '../../findings/finding.js';
import { differingFields } from '../../diff/same-value.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { EventTrigger } from './model.js';

export type EventTriggerFinding =
  | Finding<'missing_event_trigger', Described<EventTrigger>, null>
  | Finding<'unexpected_event_trigger', null, EventTrigger>
  | Finding<'event_trigger_mismatch', EventTrigger, EventTrigger>;

/** The fields in which two event triggers of the same name differ (the comment is the comment kind's). */
export function eventTriggerAspects(e: EventTrigger, a: EventTrigger): string[] {
  const shape = (t: EventTrigger): Record<string, unknown> => ({ event: t.event, tags: [...t.tags], function: t.function, enabled: t.enabled });
  return differingFields(shape(e), shape(a));
}

export const EVENT_TRIGGER_FINDINGS: FindingDefinitions<EventTriggerFinding> = {
  // What it guards or records about DDL (an audit log, a ban on DROP) does not happen.
  missing_event_trigger: { severity: 'error', effect: 'missing', noun: { one: 'missing event trigger', many: 'missing event triggers' }, aspects: wholeObject },
  // Code runs on every DDL statement (and may reject migrations).
  unexpected_event_trigger: {
    severity: 'warning',
    effect: 'unexpected',
    noun: { one: 'unexpected event trigger', many: 'unexpected event triggers' },
    aspects: wholeObject,
  },
  // It fires on other events or commands, calls other code, or is disabled.
  event_trigger_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'event trigger difference', many: 'event trigger differences' },
    aspects: eventTriggerAspects,
  },
};
