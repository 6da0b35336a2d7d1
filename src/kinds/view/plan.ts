/**
 * The plan's part for views and materialized views. One pass plans them
 * together, since views read views:
 * - a view PostgreSQL can replace in place (a view on both sides, its
 *   columns kept with their names and types, new ones only appended) gets
 *   CREATE OR REPLACE VIEW;
 * - any other change (a materialized view's query, a view that becomes a
 *   materialized view, columns dropped or retyped) drops the view, and every
 *   view over it in the database (transitively, src/model/dependencies.ts),
 *   dependents first (phase `drop_views`), and creates them again from the
 *   expected schema in dependency order (phase `views`); down.sql restores
 *   the originals; so are the views over the columns of an enum whose
 *   labels change, or naming it (src/kinds/enum/swap.ts);
 * - missing views are created in the same order; options, population and a
 *   materialized view's indexes are changed in place;
 * - unexpected views are dropped with --drop-unexpected, dependents first.
 */
import { findingId } from '../../findings/finding.js';
import { dependencyOrder, dependentsOf, refKey, type DependentNode } from '../../model/dependencies.js';
import { displayName, objectKey } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { retypedColumns } from '../column/retyped.js';
import { enumSwapRefs } from '../enum/swap.js';
import { ensureSchema } from '../schema/plan.js';
import { namesTakenByOtherKinds } from '../table/plan.js';
import { droppedWithIt, rebuilds } from '../table/plan-rebuild.js';
import type { ViewFinding } from './findings.js';
import type { View } from './model.js';
import { planAlter, planReplace } from './plan-alter.js';
import { createStatements, dropStatement, fillHazard, recreateHazard, recreateStatements, title } from './plan-sql.js';

const keyOf = (v: { readonly schema: string; readonly name: string }): string => objectKey(v.schema, v.name);

function node(v: View): DependentNode & { readonly view: View } {
  return { key: keyOf(v), ownKey: refKey('relation', v.schema, v.name), dependsOn: v.dependsOn, view: v };
}

/** True when `CREATE OR REPLACE VIEW` turns `live` into `expected`: views both, live's columns kept in order, names and types, new ones appended. */
export function replaceable(live: View, expected: View): boolean {
  if (live.kind !== 'view' || expected.kind !== 'view' || expected.columns.length < live.columns.length) return false;
  return live.columns.every((c, i) => expected.columns[i]?.name === c.name && expected.columns[i]?.type === c.type);
}

/** What the pass does to one view in phase `views`. */
type Action =
  | { readonly type: 'create'; readonly view: View; readonly findingIds: string[]; readonly recreated: boolean; readonly live: View | undefined }
  | { readonly type: 'replace'; readonly expected: View; readonly live: View; readonly findingIds: string[] }
  | { readonly type: 'alter'; readonly expected: View; readonly live: View; readonly findingIds: string[] };

function unexpectedId(v: View): string {
  return findingId('unexpected_view', { schema: v.schema, view: v.name });
}

/** The views to drop before anything changes: changed ones PostgreSQL cannot replace, and every view over them. */
function viewsToDrop(findings: readonly ViewFinding[], liveBy: ReadonlyMap<string, View>, expectedBy: ReadonlyMap<string, View>, ctx: PlanContext): Set<string> {
  const changed = new Set<string>();
  for (const f of findings) {
    if (f.kind !== 'view_definition_mismatch' && f.kind !== 'view_mismatch') continue;
    const k = objectKey(f.object.schema, f.object.view ?? '');
    const e = expectedBy.get(k);
    const a = liveBy.get(k);
    if (!e || !a) continue;
    const reshaped = f.kind === 'view_definition_mismatch' || f.expected.kind !== f.actual.kind || JSON.stringify(f.expected.columns) !== JSON.stringify(f.actual.columns);
    if (reshaped && !replaceable(a, e)) changed.add(k);
  }
  const nodes = ctx.live.model.views.map(node);
  const owners = [...changed].map((k) => node(liveBy.get(k)!).ownKey!);
  const replaced = ctx.settings.dropUnexpected ? replacedTables(ctx).map((t) => refKey('relation', t.schema, t.name)) : [];
  // Tables the plan rebuilds (made partitioned or plain) and the partitions dropped with them.
  for (const r of rebuilds(ctx)) for (const t of [r.a, ...droppedWithIt(ctx, r.a)]) replaced.push(refKey('relation', t.schema, t.name));
  return new Set([...changed, ...dependentsOf(nodes, [...owners, ...replaced, ...retypedColumns(ctx), ...enumSwapRefs(ctx)])]);
}

/**
 * The database's tables the expected schema does not have, whose name it
 * gives to another kind of object (a view of that name): with
 * --drop-unexpected the table plan drops them before the views are created
 * (phase `drop_replaced_tables`), so the views over them go first.
 */
function replacedTables(ctx: PlanContext): { readonly schema: string; readonly name: string }[] {
  const taken = namesTakenByOtherKinds(ctx.expected.model);
  return ctx.live.model.tables.filter((t) => !ctx.expected.table(t.schema, t.name) && taken.has(objectKey(t.schema, t.name)));
}

/** Drop steps, dependents first; a dropped view's down creates it again as it was. */
function planDrops(dropped: ReadonlySet<string>, ctx: PlanContext, ids: (v: View) => string[]): void {
  const nodes = dependencyOrder(ctx.live.model.views.filter((v) => dropped.has(keyOf(v))).map(node)).reverse();
  for (const { view: v } of nodes) {
    if (!ctx.firstTime(`drop view ${keyOf(v)}`)) continue;
    ctx.add({
      object: displayName(v.schema, v.name),
      phase: 'drop_views',
      findingIds: ids(v),
      summary: `drop ${title(v)} (created again below, or unexpected)`,
      up: [dropStatement(v)],
      down: recreateStatements(v, ctx),
      hazards: v.kind === 'materialized_view' ? [fillHazard(v, ctx, 'down.sql: recreating')] : [],
    });
  }
}

/**
 * The expected view to create again in place of `live`: with its expected
 * triggers, and, without --drop-unexpected, the live view's unexpected ones
 * (kept, as the report says, not lost with the view).
 */
function withKeptTriggers(e: View, live: View, ctx: PlanContext): View {
  if (ctx.settings.dropUnexpected) return e;
  const kept = live.triggers.filter((t) => !e.triggers.some((x) => x.name === t.name));
  return kept.length ? { ...e, triggers: [...e.triggers, ...kept].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) } : e;
}

function planCreate(a: Extract<Action, { type: 'create' }>, ctx: PlanContext, dependents: readonly View[]): void {
  const v = a.view;
  if (!a.recreated) ensureSchema(ctx, v.schema, a.findingIds[0] ?? '');
  ctx.add({
    object: displayName(v.schema, v.name),
    phase: 'views',
    findingIds: a.findingIds,
    summary: `${a.recreated ? 'create again' : 'create'} ${title(v)}`,
    // Created again: with the owner and grants the view it replaces had.
    up: a.recreated && a.live ? recreateStatements(v, ctx) : createStatements(v),
    down: [dropStatement(v)],
    hazards: [
      ...(a.recreated && a.live ? [recreateHazard(a.live, dependents)] : []),
      ...(v.kind === 'materialized_view' && v.populated ? [fillHazard(v, ctx, 'creating')] : []),
    ],
  });
}

function planPass(findings: readonly ViewFinding[], ctx: PlanContext): void {
  const liveBy = new Map(ctx.live.model.views.map((v) => [keyOf(v), v]));
  const expectedBy = new Map(ctx.expected.model.views.map((v) => [keyOf(v), v]));
  const idsOf = new Map<string, string[]>();
  for (const f of findings) {
    const k = objectKey(f.object.schema, f.object.view ?? '');
    idsOf.set(k, [...(idsOf.get(k) ?? []), f.id]);
  }
  const dropped = viewsToDrop(findings, liveBy, expectedBy, ctx);
  // Without --drop-unexpected, a table keeps the name a missing view needs.
  const heldByTable = new Set(ctx.settings.dropUnexpected ? [] : replacedTables(ctx).map(keyOf));
  // An unexpected view over a dropped one goes with --drop-unexpected, else comes back as it was.
  const ids = (v: View): string[] => (expectedBy.has(keyOf(v)) ? (idsOf.get(keyOf(v)) ?? []) : ctx.settings.dropUnexpected ? [unexpectedId(v)] : []);
  planDrops(dropped, ctx, ids);
  const actions = new Map<string, Action>();
  for (const k of dropped) {
    const e = expectedBy.get(k);
    const live = liveBy.get(k)!;
    if (e) actions.set(k, { type: 'create', view: withKeptTriggers(e, live, ctx), findingIds: idsOf.get(k) ?? [], recreated: true, live });
    else if (!ctx.settings.dropUnexpected) actions.set(k, { type: 'create', view: live, findingIds: [], recreated: true, live });
  }
  for (const f of findings) {
    const k = objectKey(f.object.schema, f.object.view ?? '');
    if (actions.has(k)) continue;
    const e = expectedBy.get(k);
    const live = liveBy.get(k);
    if (f.kind === 'missing_view' && e && heldByTable.has(k)) {
      ctx.manual(f, `a table of that name, ${displayName(e.schema, e.name)}, is in the database and not in the expected schema: it is kept without --drop-unexpected, so the ${e.kind === 'materialized_view' ? 'materialized view' : 'view'} cannot be created; drop the table (or run with --drop-unexpected), then run the audit again`);
    } else if (f.kind === 'missing_view' && e) actions.set(k, { type: 'create', view: e, findingIds: idsOf.get(k) ?? [], recreated: false, live: undefined });
    else if (e && live) {
      const reshaped = idsOf.get(k)!.some((id) => id.startsWith('view_definition_mismatch:')) || JSON.stringify(e.columns) !== JSON.stringify(live.columns);
      actions.set(k, { type: reshaped ? 'replace' : 'alter', expected: e, live, findingIds: idsOf.get(k) ?? [] });
    }
  }
  const target = (a: Action): View => (a.type === 'create' ? a.view : a.expected);
  const ordered = dependencyOrder([...actions.values()].map((a) => ({ ...node(target(a)), action: a })));
  const recreatedDependents = (v: View): View[] =>
    dependentsOf(ctx.live.model.views.map(node), [refKey('relation', v.schema, v.name)]).flatMap((k) => (dropped.has(k) ? [liveBy.get(k)!] : []));
  for (const { action: a } of ordered) {
    if (a.type === 'create') planCreate(a, ctx, a.recreated && a.live ? recreatedDependents(a.live) : []);
    else if (a.type === 'replace') planReplace(a.expected, a.live, a.findingIds, ctx);
    else planAlter(a.expected, a.live, a.findingIds, ctx);
  }
}

/** With --drop-unexpected: unexpected views not dropped already, dependents first. */
function planDropPass(findings: readonly ViewFinding[], ctx: PlanContext): void {
  const unexpected = new Set(findings.flatMap((f) => (f.kind === 'unexpected_view' ? [objectKey(f.object.schema, f.object.view ?? '')] : [])));
  planDrops(unexpected, ctx, (v) => [unexpectedId(v)]);
}

export const VIEW_PLAN: KindPlan<ViewFinding> = {
  findings: {
    missing_view: IN_CREATE_PASS,
    unexpected_view: IN_DROP_PASS,
    view_definition_mismatch: IN_CREATE_PASS,
    view_mismatch: IN_CREATE_PASS,
  },
  create: planPass,
  drop: planDropPass,
};
