import type { Comparison } from '../../findings/finding.js';
import type { Table } from '../table/model.js';
import { type TriggerFinding } from './findings.js';
import type { TriggerEnabled } from './model.js';
/** `disabled`, `enabled (origin)`, `enabled replica`, `enabled always`: as ALTER TABLE words it. */
export declare function enabledText(state: TriggerEnabled): string;
/**
 * The triggers of tables `e` (expected) and `a` (actual), matched by name:
 * missing, unexpected, a different definition (pg_get_triggerdef's text, which
 * both sides print from a server), or the same definition in another enabled
 * state.
 */
export declare function compareTriggers(e: Table, a: Table): Comparison<TriggerFinding>;
