/** Triggers of tables: compared by their table (see table/compare.ts), planned in the `triggers` phase. */
import type { ObjectKind } from '../kind.js';
import { type TriggerFinding } from './findings.js';
export declare const triggerKind: ObjectKind<TriggerFinding>;
