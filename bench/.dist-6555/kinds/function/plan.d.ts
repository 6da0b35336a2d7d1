import { type KindPlan } from '../../plan/kind-plan.js';
import type { FunctionFinding } from './findings.js';
import type { Routine } from './model.js';
/**
 * PostgreSQL replaces a routine in place (CREATE OR REPLACE) unless its
 * kind, result (OUT arguments included), or an argument's name or mode
 * changes, or a default is removed.
 */
export declare function replaceableInPlace(expected: Routine, actual: Routine): boolean;
export declare const FUNCTION_PLAN: KindPlan<FunctionFinding>;
