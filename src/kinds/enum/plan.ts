/**
 * The plan's part for enum types: new types and labels (created before the
 * tables that may use them), a type swap (swap.ts) for what ALTER TYPE
 * cannot do (remove or reorder labels, and undo added ones in down.sql),
 * drops of unexpected types.
 */
import { displayName, objectKey, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { commented, stmt } from '../../plan/statements.js';
import type { Hazard } from '../../plan/types.js';
import { ensureSchema } from '../schema/plan.js';
import type { EnumFinding } from './findings.js';
import { addsOnly, enumColumns, swapBlockers, swapEnumSql, targetLabels } from './swap.js';
import { addEnumValueSql, commentOnTypeSql, createEnumIfMissingSql, dropEnumSql, type LabelPosition } from './sql.js';

type Of<K extends EnumFinding['kind']> = Extract<EnumFinding, { kind: K }>;

/** Missing enums first, then missing labels: a new table or column may use either. */
function planCreates(findings: readonly EnumFinding[], ctx: PlanContext): void {
  for (const f of findings) if (f.kind === 'missing_enum') planMissingEnum(f, ctx);
  planLabels(
    findings.filter((f): f is LabelFinding => f.kind !== 'missing_enum' && f.kind !== 'unexpected_enum'),
    ctx,
  );
}

function planMissingEnum(f: Of<'missing_enum'>, ctx: PlanContext): void {
  const e = f.expected;
  ensureSchema(ctx, e.schema, f.id);
  ctx.add({
    object: displayName(e.schema, e.name),
    phase: 'types',
    findingIds: [f.id],
    summary: `create enum ${displayName(e.schema, e.name)} (${e.values.map(quoteLiteral).join(', ')})`,
    up: [stmt(createEnumIfMissingSql(e.schema, e.name, e.values)), ...commented(e.comment, (text) => commentOnTypeSql(e.schema, e.name, text))],
    down: [stmt(dropEnumSql(e.schema, e.name))],
    hazards: [],
  });
}

/** The label findings of one enum, in report order. */
type LabelFinding = Of<'enum_value_missing'> | Of<'enum_value_unexpected'> | Of<'enum_value_order_mismatch'>;

/**
 * The labels of each enum present on both sides, all its label findings
 * together (in the order of its first finding): added in place with ADD
 * VALUE when the type only gains labels (down.sql swaps it back to its
 * labels), else a type swap (swap.ts) to the expected labels, both ways. An
 * unexpected label is kept without `--drop-unexpected`. A type that a
 * domain, a routine or a generated column uses cannot be swapped: manual.
 */
function planLabels(findings: readonly LabelFinding[], ctx: PlanContext): void {
  const byEnum = new Map<string, LabelFinding[]>();
  for (const f of findings) {
    const k = objectKey(f.object.schema, f.object.enum ?? '');
    byEnum.set(k, [...(byEnum.get(k) ?? []), f]);
  }
  for (const group of byEnum.values()) {
    const { schema, enum: name = '' } = group[0]!.object;
    const e = ctx.expected.enum(schema, name);
    const live = ctx.live.enum(schema, name);
    if (!e || !live) continue;
    const keep = !ctx.settings.dropUnexpected;
    const fixing = group.filter((f) => {
      if (f.kind !== 'enum_value_unexpected' || !keep) return true;
      ctx.keep(f.id);
      return false;
    });
    const target = targetLabels(live.values, e.values, keep);
    if (fixing.length === 0 || target.join('\u0000') === live.values.join('\u0000')) continue;
    const title = displayName(schema, name);
    const blockers = swapBlockers(ctx.live.model, live);
    const tables = enumColumns(ctx.live.model, live);
    const rewrites = (when: string): Hazard[] =>
      tables.map(({ table: t, columns }) => ({
        kind: 'table_rewrite',
        message: `${when}converting ${columns.map((c) => quoteIdent(c.name)).join(', ')} to the new type rewrites ${ctx.sizeOf(t.schema, t.name)} under an ACCESS EXCLUSIVE lock`,
      }));
    const onColumns = tables.length === 0 ? 'no column uses it' : `columns of ${tables.map(({ table: t }) => displayName(t.schema, t.name)).join(', ')}`;
    const swapBack = swapEnumSql(schema, name, live.values, tables, live.comment);
    if (addsOnly(live.values, target)) {
      const added = target.filter((v) => !live.values.includes(v));
      const up = added.map((value) => {
        const i = target.indexOf(value);
        const next = target.slice(i + 1).find((v) => live.values.includes(v));
        const position: LabelPosition = next !== undefined ? { before: next } : i > 0 ? { after: target[i - 1]! } : null;
        return stmt(addEnumValueSql(schema, name, value, position), { transactional: false });
      });
      const them = `${added.length > 1 ? 'values' : 'value'} ${added.map(quoteLiteral).join(', ')}`;
      ctx.add({
        object: title,
        phase: 'types',
        findingIds: fixing.map((f) => f.id),
        summary: `add ${them} to enum ${title}`,
        up,
        down: blockers.length > 0 ? [] : [stmt(swapBack)],
        hazards:
          blockers.length > 0
            ? [{ kind: 'irreversible', message: `down.sql leaves ${them} in ${title}: removing a value means recreating the type, which ${blockers.join(', ')} use${blockers.length > 1 ? '' : 's'}` }]
            : [
                {
                  kind: 'may_fail',
                  message: `down.sql recreates ${title} without ${them} (${onColumns}): it fails, and changes nothing, while a row, default, index or check uses ${added.length > 1 ? 'one of them' : 'it'}`,
                },
                ...rewrites('down.sql: '),
              ],
      });
      continue;
    }
    const upSwap = swapEnumSql(schema, name, target, tables, e.comment);
    if (blockers.length > 0) {
      for (const f of fixing) {
        ctx.manual(
          f,
          `PostgreSQL cannot remove or reorder the values of an enum: the type must be recreated, and ${blockers.join(', ')} use${blockers.length > 1 ? '' : 's'} it; change them, recreate the type, convert the columns, or accept the values`,
          [upSwap],
          rewrites(''),
        );
      }
      continue;
    }
    const removed = live.values.filter((v) => !target.includes(v));
    const added = target.filter((v) => !live.values.includes(v));
    ctx.add({
      object: title,
      phase: 'types',
      findingIds: fixing.map((f) => f.id),
      summary: `recreate enum ${title} with the values ${target.map(quoteLiteral).join(', ')} (${tables.length === 0 ? onColumns : `${onColumns} converted`})`,
      up: [stmt(upSwap)],
      down: [stmt(swapBack)],
      hazards: [
        ...rewrites(''),
        ...(removed.length > 0
          ? [{ kind: 'may_fail' as const, message: `fails, and changes nothing, while a row, default, index or check uses ${removed.map(quoteLiteral).join(', ')}` }]
          : []),
        ...(added.length > 0
          ? [{ kind: 'may_fail' as const, message: `down.sql recreates the type as it was: it fails, and changes nothing, while a row uses ${added.map(quoteLiteral).join(', ')}` }]
          : []),
        ...(tables.length > 0 ? rewrites('down.sql: ') : []),
      ],
    });
  }
}

function planDrops(findings: readonly EnumFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_enum') continue;
    const e = f.actual;
    ctx.add({
      object: displayName(e.schema, e.name),
      phase: 'drop_types',
      findingIds: [f.id],
      summary: `drop unexpected enum ${displayName(e.schema, e.name)}`,
      up: [stmt(dropEnumSql(e.schema, e.name))],
      down: [stmt(createEnumIfMissingSql(e.schema, e.name, e.values))],
      hazards: [{ kind: 'may_fail', message: `fails while a column still uses ${displayName(e.schema, e.name)}` }],
    });
  }
}

export const ENUM_PLAN: KindPlan<EnumFinding> = {
  findings: {
    missing_enum: IN_CREATE_PASS,
    unexpected_enum: IN_DROP_PASS,
    enum_value_missing: IN_CREATE_PASS,
    enum_value_unexpected: IN_CREATE_PASS,
    enum_value_order_mismatch: IN_CREATE_PASS,
  },
  create: planCreates,
  drop: planDrops,
};
