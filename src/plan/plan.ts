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
import type { ObjectKind } from '../kinds/kind.js';
import { KINDS } from '../kinds/registry.js';
import type { SchemaModel } from '../model/schema-model.js';
import { planLookups, type NewStep, type PlanContext } from './context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type FindingPlanner } from './kind-plan.js';
import { DEFAULT_PLAN_SETTINGS, PLAN_PHASES, type ManualStep, type PlanOptions, type PlanPhase, type PlanSettings, type PlanStep, type RemediationPlan } from './types.js';

/** What a plan is made from. */
export interface PlanInput {
  /** The audit's drift findings (ignored findings are not in it). */
  readonly findings: readonly Finding[];
  readonly expected: SchemaModel;
  /** The audited database's model. */
  readonly live: SchemaModel;
  readonly options?: PlanOptions;
}

const PHASE_RANK = new Map<PlanPhase, number>(PLAN_PHASES.map((p, i) => [p, i]));

/** The registry's kinds, each as the plan sees it: a planner per finding kind, and passes. */
const PLAN_KINDS: readonly ObjectKind[] = KINDS;

/** Each finding kind's kind and planner. */
const PLANNERS: ReadonlyMap<string, { readonly kind: ObjectKind; readonly planner: FindingPlanner<Finding> }> = new Map(
  PLAN_KINDS.flatMap((kind) => Object.entries(kind.plan.findings).map(([name, planner]) => [name, { kind, planner }] as const)),
);

function planSettings(o: PlanOptions): PlanSettings {
  return {
    lockTimeout: o.lockTimeout ?? DEFAULT_PLAN_SETTINGS.lockTimeout,
    statementTimeout: o.statementTimeout ?? DEFAULT_PLAN_SETTINGS.statementTimeout,
    batchSize: o.batchSize ?? DEFAULT_PLAN_SETTINGS.batchSize,
    dropUnexpected: o.dropUnexpected ?? DEFAULT_PLAN_SETTINGS.dropUnexpected,
    convertTypes: o.convertTypes ?? DEFAULT_PLAN_SETTINGS.convertTypes,
  };
}

/** What the kinds' plan functions add, and the step ids: `<phase>:<object>`, `#2`, `#3`… for another step of the same. */
export class PlanRecord {
  readonly steps: PlanStep[] = [];
  readonly manual: ManualStep[] = [];
  readonly kept: string[] = [];
  readonly fixed = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly ensured = new Set<string>();

  add(step: NewStep): void {
    let id = `${step.phase}:${step.object}`;
    for (let i = 2; this.ids.has(id); i++) id = `${step.phase}:${step.object}#${i}`;
    this.ids.add(id);
    const { phase, findingIds, summary, up, down, hazards } = step;
    this.steps.push({ id, phase, findingIds, summary, up, down, hazards });
    for (const f of findingIds) this.fixed.add(f);
  }

  firstTime(what: string): boolean {
    if (this.ensured.has(what)) return false;
    this.ensured.add(what);
    return true;
  }
}

/** The findings of `kind` its planners leave to the pass `pass`, in report order. */
function passFindings(drift: readonly Finding[], kind: ObjectKind, pass: typeof IN_CREATE_PASS | typeof IN_DROP_PASS): Finding[] {
  return drift.filter((f) => {
    const entry = PLANNERS.get(f.kind);
    return entry?.kind === kind && entry.planner === pass;
  });
}

/** A plan context over both models, and the record of what is planned through it (for planRemediation, and tests of one kind's plan). */
export function planContext(expected: SchemaModel, live: SchemaModel, options: PlanOptions = {}): { ctx: PlanContext; record: PlanRecord } {
  const record = new PlanRecord();
  const ctx: PlanContext = {
    settings: planSettings(options),
    backfills: options.backfills ?? new Map<string, string>(),
    liveRoles: options.liveRoles ? new Set(options.liveRoles) : null,
    serverMajor: options.serverMajor,
    ...planLookups(expected, live),
    add: (step) => record.add(step),
    manual: (f, reason, suggestion = [], hazards = []) => record.manual.push({ findingId: f.id, reason, suggestion, hazards }),
    keep: (id) => record.kept.push(id),
    firstTime: (what) => record.firstTime(what),
  };
  return { ctx, record };
}

/** The remediation plan for an audit's drift: steps in up order, manual steps, kept and fixed findings (see the top of this file). */
export function planRemediation(input: PlanInput): RemediationPlan {
  const { ctx, record } = planContext(input.expected, input.live, input.options);
  const settings = ctx.settings;
  const drift = input.findings.filter((f) => f.category === 'drift');

  for (const kind of PLAN_KINDS) kind.plan.create?.(passFindings(drift, kind, IN_CREATE_PASS), ctx);
  for (const f of drift) {
    // Dispatch by key, the one place the finding types are not checked (no
    // cast needed: PLAN_KINDS sees every kind with its finding types erased,
    // which planners declared as methods fit). PLANNERS maps each finding
    // kind to the planner its own kind registered under that key, typed for
    // exactly that finding, so `f` is always what the planner expects.
    const planner = PLANNERS.get(f.kind)?.planner;
    if (planner === IN_DROP_PASS) {
      if (!settings.dropUnexpected) ctx.keep(f.id);
    } else if (typeof planner === 'function') planner(f, ctx);
  }
  if (settings.dropUnexpected) {
    for (const kind of PLAN_KINDS) kind.plan.beforeDrops?.(passFindings(drift, kind, IN_DROP_PASS), ctx);
    for (const kind of [...PLAN_KINDS].reverse()) kind.plan.drop?.(passFindings(drift, kind, IN_DROP_PASS), ctx);
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
export function leftAfterRollback(plan: {
  readonly steps: readonly { readonly phase?: string; readonly findingIds: readonly string[]; readonly hazards: readonly { readonly kind: string }[] }[];
}): string[] {
  return plan.steps
    // A backfill's values stay too, but they are data: no audit sees them.
    .filter((s) => s.phase !== 'backfill' && s.hazards.some((h) => h.kind === 'irreversible'))
    .flatMap((s) => s.findingIds.map((id) => id.replace(/^enum_value_missing:/, 'enum_value_unexpected:')))
    .sort();
}
