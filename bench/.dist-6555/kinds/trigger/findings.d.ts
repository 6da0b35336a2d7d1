/**
 * What the diff reports about the triggers of a table present on both
 * sides, with the default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Trigger, TriggerEnabled } from './model.js';
export type TriggerFinding = Finding<'missing_trigger', Described<Trigger>, null> | Finding<'unexpected_trigger', null, Trigger>
/** The definitions differ (and maybe the enabled state too). */
 | Finding<'trigger_mismatch', Trigger, Trigger>
/** Same definition, another enabled state. */
 | Finding<'trigger_enabled_mismatch', TriggerEnabled, TriggerEnabled>;
/** The aspects of a trigger_mismatch: those of the definitions, and `enabled` when that differs too. */
export declare function triggerMismatchAspects(expected: Trigger, actual: Trigger): string[];
export declare const TRIGGER_FINDINGS: FindingDefinitions<TriggerFinding>;
