/**
 * Drift findings → a remediation plan: forward (up) and rollback (down) SQL
 * per finding, in dependency order, with the hazards a DBA must know about.
 * Pure: the same findings and models always give the same plan.
 *
 * Rules (see README "Remediation SQL"):
 * - Production-safe forms: indexes built CONCURRENTLY (a failed build's
 *   INVALID index is dropped first, so a re-run rebuilds it); unique and
 *   primary keys on existing tables through a concurrent unique index and
 *   ADD CONSTRAINT … USING INDEX; checks and foreign keys on existing tables
 *   added NOT VALID, then VALIDATEd; SET NOT NULL through a validated CHECK;
 *   volatile defaults and `backfill:` expressions filled in primary-key
 *   batches that commit as they go.
 * - Every statement is idempotent (IF [NOT] EXISTS, or a catalog guard), so a
 *   re-run after a partial failure completes the job.
 * - Where a person must decide (a narrowing or rewriting type change, a
 *   different generated expression, enum labels to remove or reorder,
 *   partitioning), a manual step says why and suggests SQL, which never runs.
 * - Unexpected objects are dropped only with `dropUnexpected`; otherwise they
 *   are listed as kept.
 *
 * Each kind plans its own findings (`plan` of its ObjectKind, in
 * src/kinds/<kind>/plan*.ts); this module keeps what crosses kinds:
 * 1. the create passes, in registry order (new enums and their labels, then
 *    new tables, parents first: a table may use an enum);
 * 2. every other finding, in report order, through its kind's planner;
 * 3. with `dropUnexpected`, the before-drops hooks in registry order (the
 *    foreign keys of the tables to drop), then the drop passes in reverse
 *    registry order (constraints, foreign keys first; indexes; columns;
 *    tables; enums);
 * 4. the steps sorted by phase (PLAN_PHASES), stable: within a phase, in the
 *    order they were added.
 */
import type { Finding } from '../findings/finding.js';
import type { SchemaModel } from '../model/schema-model.js';
import { type NewStep, type PlanContext } from './context.js';
import { type ManualStep, type PlanOptions, type PlanStep, type RemediationPlan } from './types.js';
/** What a plan is made from. */
export interface PlanInput {
    /** The audit's drift findings (ignored findings are not in it). */
    readonly findings: readonly Finding[];
    readonly expected: SchemaModel;
    /** The audited database's model. */
    readonly live: SchemaModel;
    readonly options?: PlanOptions;
}
/** What the kinds' plan functions add, and the step ids: `<phase>:<object>`, `#2`, `#3`… for another step of the same. */
export declare class PlanRecord {
    readonly steps: PlanStep[];
    readonly manual: ManualStep[];
    readonly kept: string[];
    readonly fixed: Set<string>;
    private readonly ids;
    private readonly ensured;
    add(step: NewStep): void;
    firstTime(what: string): boolean;
}
/** A plan context over both models, and the record of what is planned through it (for planRemediation, and tests of one kind's plan). */
export declare function planContext(expected: SchemaModel, live: SchemaModel, options?: PlanOptions): {
    ctx: PlanContext;
    record: PlanRecord;
};
/** The remediation plan for an audit's drift: steps in up order, manual steps, kept and fixed findings (see the top of this file). */
export declare function planRemediation(input: PlanInput): RemediationPlan;
/**
 * What an audit against the original schema still reports after down.sql:
 * the changes the plan marks irreversible (enum values PostgreSQL cannot
 * remove), as the finding ids of that audit, sorted.
 */
export declare function leftAfterRollback(plan: {
    readonly steps: readonly {
        readonly phase?: string;
        readonly findingIds: readonly string[];
        readonly hazards: readonly {
            readonly kind: string;
        }[];
    }[];
}): string[];
