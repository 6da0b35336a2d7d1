import { KINDS } from '../kinds/registry.js';
import { planLookups } from './context.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from './kind-plan.js';
import { DEFAULT_PLAN_SETTINGS, PLAN_PHASES } from './types.js';
const PHASE_RANK = new Map(PLAN_PHASES.map((p, i) => [p, i]));
/** The registry's kinds, each as the plan sees it: a planner per finding kind, and passes. */
const PLAN_KINDS = KINDS;
/** Each finding kind's kind and planner. */
const PLANNERS = new Map(PLAN_KINDS.flatMap((kind) => Object.entries(kind.plan.findings).map(([name, planner]) => [name, { kind, planner }])));
function planSettings(o) {
    return {
        lockTimeout: o.lockTimeout ?? DEFAULT_PLAN_SETTINGS.lockTimeout,
        statementTimeout: o.statementTimeout ?? DEFAULT_PLAN_SETTINGS.statementTimeout,
        batchSize: o.batchSize ?? DEFAULT_PLAN_SETTINGS.batchSize,
        dropUnexpected: o.dropUnexpected ?? DEFAULT_PLAN_SETTINGS.dropUnexpected,
    };
}
/** What the kinds' plan functions add, and the step ids: `<phase>:<object>`, `#2`, `#3`… for another step of the same. */
export class PlanRecord {
    steps = [];
    manual = [];
    kept = [];
    fixed = new Set();
    ids = new Set();
    ensured = new Set();
    add(step) {
        let id = `${step.phase}:${step.object}`;
        for (let i = 2; this.ids.has(id); i++)
            id = `${step.phase}:${step.object}#${i}`;
        this.ids.add(id);
        const { phase, findingIds, summary, up, down, hazards } = step;
        this.steps.push({ id, phase, findingIds, summary, up, down, hazards });
        for (const f of findingIds)
            this.fixed.add(f);
    }
    firstTime(what) {
        if (this.ensured.has(what))
            return false;
        this.ensured.add(what);
        return true;
    }
}
/** The findings of `kind` its planners leave to the pass `pass`, in report order. */
function passFindings(drift, kind, pass) {
    return drift.filter((f) => {
        const entry = PLANNERS.get(f.kind);
        return entry?.kind === kind && entry.planner === pass;
    });
}
/** A plan context over both models, and the record of what is planned through it (for planRemediation, and tests of one kind's plan). */
export function planContext(expected, live, options = {}) {
    const record = new PlanRecord();
    const ctx = {
        settings: planSettings(options),
        backfills: options.backfills ?? new Map(),
        ...planLookups(expected, live),
        add: (step) => record.add(step),
        manual: (f, reason, suggestion = [], hazards = []) => record.manual.push({ findingId: f.id, reason, suggestion, hazards }),
        keep: (id) => record.kept.push(id),
        firstTime: (what) => record.firstTime(what),
    };
    return { ctx, record };
}
/** The remediation plan for an audit's drift: steps in up order, manual steps, kept and fixed findings (see the top of this file). */
export function planRemediation(input) {
    const { ctx, record } = planContext(input.expected, input.live, input.options);
    const settings = ctx.settings;
    const drift = input.findings.filter((f) => f.category === 'drift');
    for (const kind of PLAN_KINDS)
        kind.plan.create?.(passFindings(drift, kind, IN_CREATE_PASS), ctx);
    for (const f of drift) {
        // Dispatch by key, the one place the finding types are not checked (no
        // cast needed: PLAN_KINDS sees every kind with its finding types erased,
        // which planners declared as methods fit). PLANNERS maps each finding
        // kind to the planner its own kind registered under that key, typed for
        // exactly that finding, so `f` is always what the planner expects.
        const planner = PLANNERS.get(f.kind)?.planner;
        if (planner === IN_DROP_PASS) {
            if (!settings.dropUnexpected)
                ctx.keep(f.id);
        }
        else if (typeof planner === 'function')
            planner(f, ctx);
    }
    if (settings.dropUnexpected) {
        for (const kind of PLAN_KINDS)
            kind.plan.beforeDrops?.(passFindings(drift, kind, IN_DROP_PASS), ctx);
        for (const kind of [...PLAN_KINDS].reverse())
            kind.plan.drop?.(passFindings(drift, kind, IN_DROP_PASS), ctx);
    }
    const steps = record.steps
        .map((s, i) => ({ s, i }))
        .sort((x, y) => (PHASE_RANK.get(x.s.phase) ?? 0) - (PHASE_RANK.get(y.s.phase) ?? 0) || x.i - y.i)
        .map((x) => x.s);
    return {
        settings,
        steps,
        manual: record.manual,
        kept: record.kept,
        fixed: drift.map((f) => f.id).filter((id) => record.fixed.has(id)),
    };
}
/**
 * What an audit against the original schema still reports after down.sql:
 * the changes the plan marks irreversible (enum values PostgreSQL cannot
 * remove), as the finding ids of that audit, sorted.
 */
export function leftAfterRollback(plan) {
    return plan.steps
        // A backfill's values stay too, but they are data: no audit sees them.
        .filter((s) => s.phase !== 'backfill' && s.hazards.some((h) => h.kind === 'irreversible'))
        .flatMap((s) => s.findingIds.map((id) => id.replace(/^enum_value_missing:/, 'enum_value_unexpected:')))
        .sort();
}
//# sourceMappingURL=plan.js.map