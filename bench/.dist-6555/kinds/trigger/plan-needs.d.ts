/**
 * Whether the function a trigger (or event trigger) calls exists when the
 * `triggers` phase runs: built in, already in the database, or created by
 * the plan's `functions` phase (a function of the expected schema). One
 * that is in neither makes the trigger a manual step: up.sql would fail on
 * CREATE TRIGGER.
 */
import type { PlanContext } from '../../plan/context.js';
export declare function triggerFunctionReady(ctx: PlanContext, functionKey: string): boolean;
/** The manual step's reason when it is not ready. */
export declare function functionNotReady(functionKey: string): string;
