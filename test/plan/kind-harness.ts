/**
 * For the unit tests of one kind's plan functions (src/kinds/<kind>/plan.test.ts):
 * the drift between two hand-built models, a fresh plan context over them,
 * and what the kind's planners added to it.
 */
import { diffSchemas } from '../../src/diff/index.js';
import type { DriftFinding, FindingKind } from '../../src/findings/kinds.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import type { PlanContext } from '../../src/plan/context.js';
import type { FindingPlanner } from '../../src/plan/kind-plan.js';
import { planContext, type PlanRecord } from '../../src/plan/plan.js';
import type { PlanOptions } from '../../src/plan/types.js';

/** Two models, their drift, and a context to plan it in. */
export interface Bench {
  readonly findings: readonly DriftFinding[];
  readonly ctx: PlanContext;
  readonly record: PlanRecord;
  /** The one finding of kind `kind` (the first, when `id` is not given). */
  finding<K extends FindingKind>(kind: K, id?: string): Extract<DriftFinding, { kind: K }>;
  /** The findings of these kinds, in report order. */
  all<K extends FindingKind>(...kinds: K[]): Extract<DriftFinding, { kind: K }>[];
}

export function bench(expected: SchemaModel, live: SchemaModel, options: PlanOptions = {}): Bench {
  const findings = diffSchemas(expected, live).findings;
  const { ctx, record } = planContext(expected, live, options);
  const all = <K extends FindingKind>(...kinds: K[]): Extract<DriftFinding, { kind: K }>[] =>
    findings.filter((f): f is Extract<DriftFinding, { kind: K }> => (kinds as FindingKind[]).includes(f.kind));
  return {
    findings,
    ctx,
    record,
    all,
    finding: (kind, id) => {
      const f = all(kind).find((x) => id === undefined || x.id === id);
      if (!f) throw new Error(`no ${kind} finding${id ? ` ${id}` : ''} in ${findings.map((x) => x.id).join(', ')}`);
      return f;
    },
  };
}

/** Run a finding's own planner (not a pass). */
export function run<F extends DriftFinding>(planner: FindingPlanner<F>, f: F, ctx: PlanContext): void {
  if (typeof planner !== 'function') throw new Error(`${f.kind} is ${planner}`);
  planner(f, ctx);
}

/** Every statement of the recorded steps' up (or down) SQL, in order. */
export function sqlOf(record: PlanRecord, side: 'up' | 'down' = 'up'): string[] {
  return record.steps.flatMap((s) => s[side].map((x) => x.sql));
}
