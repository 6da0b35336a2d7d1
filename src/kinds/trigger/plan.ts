/**
 * The plan's part for triggers of tables and views (phase `triggers`, after
 * functions, tables, columns and views): missing ones created, changed ones replaced (CREATE
 * OR REPLACE TRIGGER, or drop and create in one statement for constraint
 * triggers), enabled states set with ALTER TABLE, unexpected ones dropped
 * (`drop_triggers`) only with --drop-unexpected. Every statement re-runnable.
 */
import { displayName, quoteIdent } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { stmt } from '../../plan/statements.js';
import type { TriggerFinding } from './findings.js';
import type { Trigger } from './model.js';
import { buildTriggerSql, dropTriggerSql, enableTriggerSql, isTriggerDefinition, replaceTriggerSql } from './sql.js';
import { enabledText } from './compare.js';
import { functionNotReady, triggerFunctionReady } from './plan-needs.js';

type Of<K extends TriggerFinding['kind']> = Extract<TriggerFinding, { kind: K }>;

/** The trigger a finding names, and the table or view it is on (`table`: either: the SQL is the same). */
function where(f: TriggerFinding): { schema: string; table: string; name: string; object: string; onView: boolean } {
  const o = f.object;
  const table = o.table ?? o.view ?? '';
  const name = o.trigger ?? '';
  return { schema: o.schema, table, name, object: displayName(o.schema, table, name), onView: o.table === undefined && o.view !== undefined };
}

/** False (and a manual step) when a definition is not a CREATE TRIGGER statement (never written to SQL then), or its function is not there. */
function usable(f: TriggerFinding, ctx: PlanContext, ...triggers: Trigger[]): boolean {
  if (!triggers.every((t) => isTriggerDefinition(t.definition))) {
    ctx.manual(f, 'a trigger definition is not a CREATE TRIGGER statement: write this change by hand');
    return false;
  }
  const missing = triggers.find((t) => !triggerFunctionReady(ctx, t.function));
  if (missing === undefined) return true;
  ctx.manual(f, functionNotReady(missing.function));
  return false;
}

function planMissing(f: Of<'missing_trigger'>, ctx: PlanContext): void {
  const { schema, table, name, object } = where(f);
  const t = ctx.expected.table(schema, table)?.triggers.find((x) => x.name === name) ?? f.expected;
  if (!usable(f, ctx, t)) return;
  ctx.add({
    object,
    phase: 'triggers',
    findingIds: [f.id],
    summary: `create trigger ${quoteIdent(name)} on ${displayName(schema, table)}${t.enabled === 'origin' ? '' : `, ${enabledText(t.enabled)}`}`,
    up: buildTriggerSql(schema, table, t).map((sql) => stmt(sql)),
    down: [stmt(dropTriggerSql(schema, table, name))],
    hazards: [],
  });
}

function planMismatch(f: Of<'trigger_mismatch'>, ctx: PlanContext): void {
  const { schema, table, name, object } = where(f);
  const e = f.expected;
  const a = f.actual;
  if (!usable(f, ctx, e, a)) return;
  // CREATE OR REPLACE leaves the trigger enabled (origin): the state is set after it whenever either side has another.
  const states = e.enabled !== 'origin' || a.enabled !== 'origin';
  const to = (from: Trigger, t: Trigger): string[] => [replaceTriggerSql(schema, table, from, t), ...(states ? [enableTriggerSql(schema, table, name, t.enabled)] : [])];
  ctx.add({
    object,
    phase: 'triggers',
    findingIds: [f.id],
    summary: `replace trigger ${quoteIdent(name)} on ${displayName(schema, table)} by its expected definition${e.constraint || a.constraint ? ' (a constraint trigger: dropped and created in one statement)' : ''}`,
    up: to(a, e).map((sql) => stmt(sql)),
    down: to(e, a).map((sql) => stmt(sql)),
    hazards: [],
  });
}

function planEnabled(f: Of<'trigger_enabled_mismatch'>, ctx: PlanContext): void {
  const { schema, table, name, object, onView } = where(f);
  if (onView) {
    ctx.manual(f, "PostgreSQL cannot enable or disable a view's trigger (ALTER TABLE … DISABLE TRIGGER fails on a view): drop the trigger, or decide which state the schema should say");
    return;
  }
  ctx.add({
    object,
    phase: 'triggers',
    findingIds: [f.id],
    summary: `make trigger ${quoteIdent(name)} on ${displayName(schema, table)} ${enabledText(f.expected)} (is ${enabledText(f.actual)})`,
    up: [stmt(enableTriggerSql(schema, table, name, f.expected))],
    down: [stmt(enableTriggerSql(schema, table, name, f.actual))],
    hazards: [],
  });
}

/** Unexpected triggers, dropped before anything they depend on changes; down creates them again as they were. */
function planDrops(findings: readonly TriggerFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_trigger') continue;
    const { schema, table, name, object } = where(f);
    if (!usable(f, ctx, f.actual)) continue;
    ctx.add({
      object,
      phase: 'drop_triggers',
      findingIds: [f.id],
      summary: `drop unexpected trigger ${quoteIdent(name)} on ${displayName(schema, table)}`,
      up: [stmt(dropTriggerSql(schema, table, name))],
      down: buildTriggerSql(schema, table, f.actual).map((sql) => stmt(sql)),
      hazards: [],
    });
  }
}

export const TRIGGER_PLAN: KindPlan<TriggerFinding> = {
  findings: {
    missing_trigger: planMissing,
    unexpected_trigger: IN_DROP_PASS,
    trigger_mismatch: planMismatch,
    trigger_enabled_mismatch: planEnabled,
  },
  drop: planDrops,
};
