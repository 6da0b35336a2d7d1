import type { PlanContext } from '../../plan/context.js';
import { type KindPlan } from '../../plan/kind-plan.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import type { IndexFinding } from './findings.js';
import type { Index } from './model.js';
/** Up and down statements that build an index on an existing table, and their hazards. */
export interface IndexBuild {
    readonly up: PlanStatement[];
    readonly down: PlanStatement[];
    readonly hazards: Hazard[];
}
/** Index build on an existing table (named `name`): concurrent unless the table is partitioned. */
export declare function createIndexOnExisting(ctx: PlanContext, schema: string, table: string, index: Index, name?: string): IndexBuild;
export declare const INDEX_PLAN: KindPlan<IndexFinding>;
