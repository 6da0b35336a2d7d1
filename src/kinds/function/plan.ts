/**
 * The plan's part for functions, procedures and aggregates: missing ones
 * created (in dependency order, before the tables that may call them; one
 * whose signature or SQL-standard body uses a table after the tables),
 * changed ones replaced in place when PostgreSQL allows it (CREATE OR
 * REPLACE), else dropped and created again when nothing depends on them,
 * else a manual step naming the dependents; unexpected ones dropped with
 * --drop-unexpected, after the tables and triggers that used them. Never
 * CASCADE.
 */
import { dependencyOrder } from '../../model/dependencies.js';
import { displayName } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard, PlanPhase, PlanStatement } from '../../plan/types.js';
import { restoredPrivileges } from '../privilege/restore.js';
import { ensureSchema } from '../schema/plan.js';
import { splitArguments } from './ddl.js';
import { routineDependents, routineRef } from './dependents.js';
import type { FunctionFinding } from './findings.js';
import type { Routine } from './model.js';
import { commentOnRoutineSql, createRoutineSql, dropRoutineSql } from './sql.js';

type Of<K extends FunctionFinding['kind']> = Extract<FunctionFinding, { kind: K }>;

/** `public.f(integer)`: a routine in step ids and summaries. */
function routineName(r: Routine): string {
  return `${displayName(r.schema, r.name)}(${r.signature})`;
}

/** The phase a routine is created in: with the functions, or after the tables when its signature or body uses one. */
function createPhase(r: Routine): PlanPhase {
  return r.dependsOn.some((d) => d.startsWith('relation:') || d.startsWith('column:')) ? 'views' : 'functions';
}

/** CREATE OR REPLACE (re-runnable), then its comment. */
function createStatements(r: Routine): PlanStatement[] {
  const up = [stmt(createRoutineSql(r, true))];
  if (r.comment !== null) up.push(stmt(commentOnRoutineSql(r.kind, r.schema, r.name, r.signature, r.comment)));
  return up;
}

/**
 * A routine the plan dropped, created again: {@link createStatements}, then
 * the owner and privileges the live routine of `live`'s identity had
 * (src/kinds/privilege/restore.ts).
 */
function recreateStatements(r: Routine, live: Routine, ctx: PlanContext): PlanStatement[] {
  return [
    ...createStatements(r),
    ...restoredPrivileges(ctx.live.model, { kind: r.kind === 'procedure' || r.kind === 'aggregate' ? r.kind : 'function', schema: r.schema, name: r.name, aclArguments: live.arguments, signature: r.signature }),
  ];
}

function dropStatement(r: Routine): PlanStatement {
  return stmt(dropRoutineSql(r.kind, r.schema, r.name, r.signature));
}

/** Missing routines in dependency order (an aggregate after its support functions). */
function planCreates(findings: readonly FunctionFinding[], ctx: PlanContext): void {
  const missing = findings.filter((f): f is Of<'missing_function'> => f.kind === 'missing_function');
  const nodes = missing.map((f) => ({ key: f.id, ownKey: routineRef(f.expected), dependsOn: f.expected.dependsOn, finding: f }));
  for (const { finding: f } of dependencyOrder(nodes)) {
    const r = f.expected;
    ensureSchema(ctx, r.schema, f.id);
    ctx.add({
      object: routineName(r),
      phase: createPhase(r),
      findingIds: [f.id],
      summary: `create ${r.kind} ${routineName(r)}`,
      up: createStatements(r),
      down: [dropStatement(r)],
      hazards: [],
    });
  }
}

/**
 * PostgreSQL replaces a routine in place (CREATE OR REPLACE) unless its
 * kind, result (OUT arguments included), or an argument's name or mode
 * changes, or a default is removed.
 */
export function replaceableInPlace(expected: Routine, actual: Routine): boolean {
  if (expected.kind !== actual.kind || expected.returns !== actual.returns) return false;
  const e = splitArguments(expected.argumentList);
  const a = splitArguments(actual.argumentList);
  if (e.length !== a.length || e.some((x, i) => x.head !== a[i]!.head)) return false;
  return a.every((x, i) => !x.hasDefault || e[i]!.hasDefault);
}

function planMismatch(f: Of<'function_definition_mismatch'>, ctx: PlanContext): void {
  const e = f.expected;
  const a = f.actual;
  if (replaceableInPlace(e, a)) {
    ctx.add({
      object: routineName(e),
      phase: createPhase(e),
      findingIds: [f.id],
      summary: `replace ${e.kind} ${routineName(e)} with the expected definition`,
      up: [stmt(createRoutineSql(e, true))],
      down: [stmt(createRoutineSql(a, true))],
      hazards: [],
    });
    return;
  }
  const dependents = routineDependents(ctx.live.model, a);
  const recreate = [dropStatement(a), ...recreateStatements(e, a, ctx)];
  if (dependents.length > 0) {
    ctx.manual(
      f,
      `PostgreSQL cannot replace ${routineName(a)} in place (its result, kind, argument names or defaults change), and ${dependents.join(', ')} ${dependents.length === 1 ? 'uses' : 'use'} it: drop ${dependents.length === 1 ? 'that' : 'those'} first, recreate the ${a.kind}, then recreate ${dependents.length === 1 ? 'it' : 'them'}`,
      recreate.map((s) => s.sql),
      [{ kind: 'may_fail', message: `dropping ${routineName(a)} fails while ${dependents.join(', ')} ${dependents.length === 1 ? 'uses' : 'use'} it (never dropped with CASCADE)` }],
    );
    return;
  }
  ctx.add({
    object: routineName(e),
    phase: createPhase(e),
    findingIds: [f.id],
    summary: `drop and create ${e.kind} ${routineName(e)} (PostgreSQL cannot replace it in place)`,
    up: recreate,
    down: [dropStatement(e), ...recreateStatements(a, a, ctx)],
    hazards: [dropHazard(a)],
  });
}

/** Dropping a routine fails while a default, check, index, view or trigger uses it, and loses its grants. */
function dropHazard(r: Routine): Hazard {
  return {
    kind: 'may_fail',
    message: `DROP ${r.kind.toUpperCase()} ${routineName(r)} fails while a column default, check, index, policy, view or trigger uses it (it is never dropped with CASCADE); created again, it gets back the owner and privileges it had`,
  };
}

/**
 * Unexpected routines, what uses them first (an aggregate before its
 * support function). One whose signature or SQL-standard body uses a table
 * goes before the tables (`drop_views`): a table cannot be dropped while a
 * function returns its row type. The others go after the tables and
 * triggers that may call them (`drop_functions`).
 */
function planDrops(findings: readonly FunctionFinding[], ctx: PlanContext): void {
  const unexpected = findings.filter((f): f is Of<'unexpected_function'> => f.kind === 'unexpected_function');
  const nodes = unexpected.map((f) => ({ key: f.id, ownKey: routineRef(f.actual), dependsOn: f.actual.dependsOn, finding: f }));
  for (const { finding: f } of dependencyOrder(nodes).reverse()) {
    const r = f.actual;
    const dependents = routineDependents(ctx.live.model, r);
    ctx.add({
      object: routineName(r),
      phase: createPhase(r) === 'views' ? 'drop_views' : 'drop_functions',
      findingIds: [f.id],
      summary: `drop unexpected ${r.kind} ${routineName(r)}`,
      up: [dropStatement(r)],
      down: recreateStatements(r, r, ctx),
      hazards: [
        dependents.length > 0
          ? { kind: 'may_fail', message: `fails while ${dependents.join(', ')} ${dependents.length === 1 ? 'uses' : 'use'} ${routineName(r)} (never dropped with CASCADE)` }
          : dropHazard(r),
      ],
    });
  }
}

export const FUNCTION_PLAN: KindPlan<FunctionFinding> = {
  findings: {
    missing_function: IN_CREATE_PASS,
    unexpected_function: IN_DROP_PASS,
    function_definition_mismatch: planMismatch,
  },
  create: planCreates,
  drop: planDrops,
};
