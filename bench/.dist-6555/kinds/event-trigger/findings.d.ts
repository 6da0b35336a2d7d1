/** What the diff reports about event triggers, with the default severity of each finding kind and why. */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { EventTrigger } from './model.js';
export type EventTriggerFinding = Finding<'missing_event_trigger', Described<EventTrigger>, null> | Finding<'unexpected_event_trigger', null, EventTrigger> | Finding<'event_trigger_mismatch', EventTrigger, EventTrigger>;
/** The fields in which two event triggers of the same name differ (the comment is the comment kind's). */
export declare function eventTriggerAspects(e: EventTrigger, a: EventTrigger): string[];
export declare const EVENT_TRIGGER_FINDINGS: FindingDefinitions<EventTriggerFinding>;
