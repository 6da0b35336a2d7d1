/**
 * A column type change that converts every value (`ALTER COLUMN … TYPE …
 * USING …`, a table rewrite), planned as a step only with `--convert-types`
 * (PlanSettings.convertTypes): without it a person decides (plan-alter.ts).
 *
 * The conversion is the column cast to the new type, through `text` when
 * either side is an enum (PostgreSQL has no cast between two enums, nor from
 * text to an enum other than through its input function). A default of the
 * old type is dropped before the conversion and the expected one set after it,
 * in the same ALTER TABLE: PostgreSQL refuses a default it cannot cast
 * automatically. The step's hazards say what may fail: for enums, by label.
 */
import { displayName, qualifiedName, quoteIdent } from '../../model/identifiers.js';
import type { EnumType } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import type { Hazard } from '../../plan/types.js';
import { stmt } from '../../plan/statements.js';
import { findingId } from '../../findings/finding.js';
import { enumTypeText } from '../enum/swap.js';
import type { Table } from '../table/model.js';
import type { ColumnFinding } from './findings.js';
import type { Column } from './model.js';

type TypeFinding = Extract<ColumnFinding, { kind: 'column_type_mismatch' }>;

/** The enum a column type names (or an array of), on either side of the plan. */
function enumOf(type: string, ctx: PlanContext): EnumType | undefined {
  const base = type.endsWith('[]') ? type.slice(0, -2) : type;
  for (const model of [ctx.expected.model, ctx.live.model]) {
    const found = model.enums.find((e) => enumTypeText(e.schema, e.name) === base);
    if (found) return found;
  }
  return undefined;
}

/** The default a conversion drops and sets again: a plain one (sequence defaults survive any conversion and are the default step's). */
function convertedDefault(c: Column): string | null {
  return c.identity === null && c.generated === null && c.default !== null && !/\bnextval\(/.test(c.default) ? c.default : null;
}

/**
 * Whether the conversion step leaves the column with its expected default,
 * so that it also fixes the default finding (and the default step stays out:
 * its rollback would run before the conversion's, on the other type).
 */
export function defaultSettledByConversion(e: Column, a: Column): boolean {
  const plain = e.identity === null && a.identity === null && e.generated === null && a.generated === null;
  if (!plain || e.default === a.default) return false;
  const after = convertedDefault(e) ?? (convertedDefault(a) !== null ? null : a.default);
  return after === e.default;
}

function conversionSql(schema: string, table: string, from: Column, to: Column, typeWith: (c: Column) => string, ctx: PlanContext): string {
  const col = quoteIdent(to.name);
  const viaText = to.type !== 'text' && (enumOf(from.type, ctx) !== undefined || enumOf(to.type, ctx) !== undefined);
  const using = `${col}${viaText ? '::text' : ''}::${to.type}`;
  const parts: string[] = [];
  const oldDefault = convertedDefault(from);
  const newDefault = convertedDefault(to);
  if (oldDefault !== null) parts.push(`ALTER COLUMN ${col} DROP DEFAULT`);
  parts.push(`ALTER COLUMN ${col} TYPE ${typeWith(to)} USING ${using}`);
  if (newDefault !== null) parts.push(`ALTER COLUMN ${col} SET DEFAULT ${newDefault}`);
  return `ALTER TABLE ${qualifiedName(schema, table)} ${parts.join(', ')}`;
}

/** What may make the conversion from `from` to `to` fail, in words; null when nothing can (every enum label has a place). */
function failureWords(name: string, from: Column, to: Column, ctx: PlanContext): string | null {
  const target = enumOf(to.type, ctx);
  if (!target) return `fails if a value of ${name} does not convert to ${to.type}`;
  const source = enumOf(from.type, ctx);
  if (source) {
    const missing = source.values.filter((v) => !target.values.includes(v));
    if (missing.length === 0) return null;
    return `fails if a row of ${name} holds ${missing.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}, label${missing.length > 1 ? 's' : ''} ${to.type} lacks`;
  }
  return `fails if a value of ${name} is not a label of ${to.type}`;
}

/** The conversion step of a column type change, with its rewrite and failure hazards (PlanSettings.convertTypes). */
export function planConversion(f: TypeFinding, ctx: PlanContext, e: Column, a: Column, at: Table, typeWith: (c: Column) => string): void {
  const o = f.object;
  const name = displayName(o.schema, at.name, e.name);
  const size = ctx.sizeOf(o.schema, at.name);
  const hazards: Hazard[] = [{ kind: 'table_rewrite', message: `rewrites ${size} and rebuilds its indexes under an ACCESS EXCLUSIVE lock` }];
  const upFails = failureWords(name, a, e, ctx);
  const downFails = failureWords(name, e, a, ctx);
  if (upFails !== null) hazards.push({ kind: 'may_fail', message: upFails });
  if (downFails !== null) hazards.push({ kind: 'may_fail', message: `rolling back ${downFails}` });
  const settled = defaultSettledByConversion(e, a) ? [findingId('column_default_mismatch', o)] : [];
  ctx.add({
    object: name,
    phase: 'alter_columns',
    findingIds: [f.id, ...settled],
    summary: `convert ${name} from ${typeWith(a)} to ${typeWith(e)}`,
    up: [stmt(conversionSql(o.schema, at.name, a, e, typeWith, ctx))],
    down: [stmt(conversionSql(o.schema, at.name, e, a, typeWith, ctx))],
    hazards,
  });
}
