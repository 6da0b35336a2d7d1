/**
 * The plan's part for triggers of tables and views (phase `triggers`, after
 * functions, tables, columns and views): missing ones created, changed ones replaced (CREATE
 * OR REPLACE TRIGGER, or drop and create in one statement for constraint
 * triggers), enabled states set with ALTER TABLE, unexpected ones dropped
 * (`drop_triggers`) only with --drop-unexpected. A trigger of a table that
 * depends on a column whose type the plan changes (its WHEN reads it, or
 * UPDATE OF names it) is dropped before (`drop_triggers`) and created again
 * after: PostgreSQL refuses ALTER COLUMN … TYPE while it exists. Every
 * statement re-runnable.
 */
import { findingId } from '../../findings/finding.js';
import { displayName, objectKey, quoteIdent } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { stmt } from '../../plan/statements.js';
import type { TriggerFinding } from './findings.js';
import type { Trigger } from './model.js';
import { buildTriggerSql, dropTriggerSql, enableTriggerSql, isTriggerDefinition, replaceTriggerSql } from './sql.js';
import { enabledText } from './compare.js';
import { functionNotReady, triggerFunctionReady } from './plan-needs.js';
import { retypedColumns } from '../column/retyped.js';
import { refParts } from '../../model/dependencies.js';

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

/** The `firstTime` key of a trigger the plan drops and creates again around a column type change. */
const aroundKey = (schema: string, table: string, name: string): string => `trigger around a type change ${objectKey(schema, table, name)}`;

/**
 * The live triggers of tables that depend on a column whose type the plan
 * changes (`dependsOn`: the columns of WHEN and UPDATE OF): each dropped
 * before the change (`drop_triggers`) and created again after it
 * (`triggers`): the expected trigger when the expected table has it (the
 * step then also fixes its trigger_mismatch or trigger_enabled_mismatch),
 * else, without --drop-unexpected, the database's own (kept). down.sql
 * drops it before the type goes back, and creates the original after.
 */
function planAroundRetyped(_: readonly TriggerFinding[], ctx: PlanContext): void {
  const retyped = new Set(retypedColumns(ctx));
  if (retyped.size === 0) return;
  for (const t of ctx.live.model.tables) {
    for (const a of t.triggers) {
      const read = a.dependsOn.filter((d) => retyped.has(d));
      if (read.length === 0 || !isTriggerDefinition(a.definition) || !triggerFunctionReady(ctx, a.function)) continue;
      const expectedTable = ctx.expected.table(t.schema, t.name);
      const e = expectedTable?.triggers.find((x) => x.name === a.name);
      // An unexpected trigger of an expected table goes early (--drop-unexpected); down.sql creates it again at its end.
      if (e === undefined && ctx.settings.dropUnexpected && expectedTable) continue;
      const target = e !== undefined && isTriggerDefinition(e.definition) && triggerFunctionReady(ctx, e.function) ? e : a;
      if (!ctx.firstTime(aroundKey(t.schema, t.name, a.name))) continue;
      const tableName = displayName(t.schema, t.name);
      const columns = read.map((d) => displayName(...(refParts(d) as [string, string, string]))).join(', ');
      const o = { schema: t.schema, table: t.name, trigger: a.name };
      const changed =
        target !== e ? [] : e.definition !== a.definition ? [findingId('trigger_mismatch', o)] : e.enabled !== a.enabled ? [findingId('trigger_enabled_mismatch', o)] : [];
      ctx.add({
        object: displayName(t.schema, t.name, a.name),
        phase: 'drop_triggers',
        findingIds: changed,
        summary: `drop trigger ${quoteIdent(a.name)} on ${tableName}, which depends on ${columns}, before its type changes (created again below; rows written in between miss it)`,
        up: [stmt(dropTriggerSql(t.schema, t.name, a.name))],
        down: buildTriggerSql(t.schema, t.name, a).map((sql) => stmt(sql)),
        hazards: [],
      });
      ctx.add({
        object: displayName(t.schema, t.name, a.name),
        phase: 'triggers',
        findingIds: changed,
        summary: `create trigger ${quoteIdent(a.name)} on ${tableName} again${changed.length ? ', as expected' : ''}, after the type change of ${columns}`,
        up: buildTriggerSql(t.schema, t.name, target).map((sql) => stmt(sql)),
        down: [stmt(dropTriggerSql(t.schema, t.name, a.name))],
        hazards: [],
      });
    }
  }
}

/** True when the trigger a finding names was dropped and created again, as expected, around a column type change (planAroundRetyped). */
function recreatedAsExpected(f: TriggerFinding, ctx: PlanContext): boolean {
  const { schema, table, name } = where(f);
  const e = ctx.expected.table(schema, table)?.triggers.find((x) => x.name === name);
  return e !== undefined && !ctx.firstTime(aroundKey(schema, table, name)) && isTriggerDefinition(e.definition) && triggerFunctionReady(ctx, e.function);
}

function planMismatch(f: Of<'trigger_mismatch'>, ctx: PlanContext): void {
  if (recreatedAsExpected(f, ctx)) return;
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
  if (!onView && recreatedAsExpected(f, ctx)) return;
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
  create: planAroundRetyped,
  drop: planDrops,
};
