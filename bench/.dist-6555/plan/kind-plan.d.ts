/**
 * What a kind supplies to the remediation plan (the `plan` field of
 * `ObjectKind`, src/kinds/kind.ts): a planner for each of its finding kinds,
 * and the passes that plan several findings together. The orchestrator
 * (plan.ts) runs, for the drift of one audit:
 *
 * 1. the create passes, in registry order (a container before what it
 *    holds: enums, then tables);
 * 2. every finding in report order, through its kind's planner;
 * 3. with `dropUnexpected`: the before-drops hooks in registry order, then
 *    the drop passes in reverse registry order (what depends on a thing
 *    goes before it).
 */
import type { Finding } from '../findings/finding.js';
import type { PlanContext } from './context.js';
/** A finding planned together with others of its kind, in the kind's create pass (a missing enum, table). */
export declare const IN_CREATE_PASS = "planned in the create pass";
/** An unexpected object: kept unless `dropUnexpected`, then dropped in its kind's drop pass. */
export declare const IN_DROP_PASS = "kept unless --drop-unexpected, then dropped in the drop pass";
/**
 * Plans one finding: adds steps, a manual step, or nothing (when the models
 * lack what it names). Written as a method's type so that a kind's planners,
 * each typed for its own finding, still fit the registry's `ObjectKind`, as
 * `FindingDefinition.aspects` does: the orchestrator calls each planner only
 * with findings of its own key.
 */
export type PlanFinding<F extends Finding> = {
    plan(finding: F, ctx: PlanContext): void;
}['plan'];
/** How one finding kind is planned: by its own planner, or in one of its kind's passes. */
export type FindingPlanner<F extends Finding> = PlanFinding<F> | typeof IN_CREATE_PASS | typeof IN_DROP_PASS;
/** A planner for each of a kind's finding kinds: a forgotten one fails to compile. */
export type FindingPlanners<F extends Finding> = {
    readonly [K in F['kind']]: FindingPlanner<Extract<F, {
        kind: K;
    }>>;
};
/** A kind's part of the remediation plan. */
export interface KindPlan<F extends Finding> {
    readonly findings: FindingPlanners<F>;
    /** The kind's findings marked {@link IN_CREATE_PASS}, in report order; runs before any finding is planned. */
    create?(findings: readonly F[], ctx: PlanContext): void;
    /**
     * With `dropUnexpected`, before any drop pass: what must go before every
     * kind's drops (the foreign keys of tables about to be dropped). Gets the
     * kind's findings marked {@link IN_DROP_PASS}, in report order.
     */
    beforeDrops?(findings: readonly F[], ctx: PlanContext): void;
    /** With `dropUnexpected`: drops the objects of the kind's findings marked {@link IN_DROP_PASS} (report order). */
    drop?(findings: readonly F[], ctx: PlanContext): void;
}
