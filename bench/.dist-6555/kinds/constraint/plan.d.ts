import type { Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { type KindPlan } from '../../plan/kind-plan.js';
import type { Hazard, PlanPhase, PlanStatement } from '../../plan/types.js';
import type { ConstraintFinding } from './findings.js';
import type { Constraint } from './model.js';
/** `primary key`, `unique constraint`, `foreign key`... as step summaries and reasons say it. */
export declare function constraintNoun(c: Constraint): string;
/** What adds a constraint to an existing table: the phase it runs in, up and down, hazards. */
export interface ConstraintAddition {
    readonly phase: PlanPhase;
    readonly up: PlanStatement[];
    readonly down: PlanStatement[];
    readonly hazards: Hazard[];
}
/**
 * Up and down statements that add constraint `c` (of table `t`, expected
 * or live) to the existing table under `name`, in the production-safe form
 * for its kind.
 */
export declare function addConstraintOnExisting(ctx: PlanContext, t: Table, c: Constraint, name?: string): ConstraintAddition;
export declare const CONSTRAINT_PLAN: KindPlan<ConstraintFinding>;
