/**
 * Event triggers (`CREATE EVENT TRIGGER`): database-wide, audited with the
 * schema of their function (read and compared when that schema is), planned
 * in the `triggers` phase.
 */
import type { ObjectKind } from '../kind.js';
import { type EventTriggerFinding } from './findings.js';
export declare const eventTriggerKind: ObjectKind<EventTriggerFinding>;
