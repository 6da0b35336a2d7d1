import type { Comparison } from '../../findings/finding.js';
import type { InScope } from '../kind.js';
import { type EventTriggerFinding } from './findings.js';
import type { EventTrigger } from './model.js';
/** The schema an event trigger is audited with: its function's. */
export declare function eventTriggerSchema(t: EventTrigger): string;
/** `CREATE EVENT TRIGGER … (disabled)`: what an event trigger is, in one line. */
export declare function eventTriggerText(t: EventTrigger): string;
export declare function compareEventTriggers(expected: readonly EventTrigger[], actual: readonly EventTrigger[], inScope: InScope): Comparison<EventTriggerFinding>;
