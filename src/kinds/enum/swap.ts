/**
 * The enum type swap: what turns an enum's labels into any other list,
 * which `ALTER TYPE … ADD VALUE` cannot (PostgreSQL neither removes nor
 * reorders labels). In one DO block, so that it is all or nothing:
 *
 * 1. the type is renamed out of the way (`status` → `status_sa_old`);
 * 2. the type is created again under its own name with the target labels;
 * 3. every table column of the old type (or an array of it) is converted,
 *    `USING col::text::status`, one ALTER TABLE a table (one rewrite),
 *    its default dropped before and set again after, and the table's
 *    partial indexes and CHECK constraints that compare with a label of the
 *    type dropped before and created again after (PostgreSQL rebuilds them
 *    from their text, which would name the old type);
 * 4. the old type is dropped; its comment is set again on the new one.
 *
 * Renaming the old type first (rather than creating the new one under a
 * temporary name) keeps every text that names the type (defaults, index
 * predicates, the views created again around the swap) naming the new type.
 * The block does nothing when the type already has the target labels, so
 * it can run again.
 *
 * Views over the converted columns, or naming the type, block the column
 * changes: the view kind drops them before and creates them again after
 * (src/kinds/view/plan.ts asks {@link enumSwapRefs}). What else uses the
 * type (a domain over it, a routine's argument or result, a column of a
 * domain over it) would keep the old type from being dropped: the swap is
 * then a manual step ({@link swapBlockers}).
 */
import { refKey } from '../../model/dependencies.js';
import { displayName, qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { makeObjectName } from '../../model/naming.js';
import type { EnumType, SchemaModel, Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { constraintDefinitionSql } from '../constraint/sql.js';
import { doBlock } from '../sql.js';
import { commentOnTypeSql, createEnumSql } from './sql.js';

/** How `format_type` prints the type, with `search_path = pg_catalog, public`: unqualified in public. */
export function enumTypeText(schema: string, name: string): string {
  return schema === 'public' ? quoteIdent(name) : qualifiedName(schema, name);
}

/** One table's columns of the type, and what must be dropped and made again around their conversion. */
export interface SwapTable {
  readonly table: Table;
  /** The columns, with whether each is an array of the type. */
  readonly columns: readonly { readonly name: string; readonly array: boolean; readonly default: string | null }[];
  /** Partial indexes (not a constraint's) whose text casts to the type. */
  readonly indexes: readonly { readonly name: string; readonly definition: string }[];
  /** CHECK constraints whose text casts to the type. */
  readonly checks: readonly { readonly name: string; readonly definition: string }[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when SQL text casts something to the type (`'a'::status`, `'{a}'::status[]`). */
function castsTo(text: string, typeText: string): boolean {
  return new RegExp(`::${escapeRegExp(typeText)}(?![\\w$"])`).test(text);
}

/**
 * The tables of `model` with columns of the enum or of an array of it;
 * partitions and inherited columns left out, since the parent's ALTER
 * converts them (and PostgreSQL refuses it on the child).
 */
export function enumColumns(model: SchemaModel, e: { readonly schema: string; readonly name: string }): SwapTable[] {
  const typeText = enumTypeText(e.schema, e.name);
  const byKey = new Map(model.tables.map((t) => [`${t.schema}\u0000${t.name}`, t]));
  const out: SwapTable[] = [];
  for (const t of model.tables) {
    if (t.partitionOf !== null) continue;
    const parents = (t.inherits ?? []).flatMap((p) => byKey.get(`${p.schema}\u0000${p.table}`) ?? []);
    const columns = t.columns
      .filter((c) => (c.type === typeText || c.type === `${typeText}[]`) && c.generated === null)
      .filter((c) => !parents.some((p) => p.columns.some((x) => x.name === c.name)))
      .map((c) => ({ name: c.name, array: c.type !== typeText, default: c.default }));
    if (columns.length === 0) continue;
    out.push({
      table: t,
      columns,
      indexes: t.indexes.filter((i) => i.constraint === null && castsTo(i.definition, typeText)).map((i) => ({ name: i.name, definition: i.definition })),
      checks: t.constraints.filter((c) => c.kind === 'check' && castsTo(c.definition, typeText)).map((c) => ({ name: c.name, definition: constraintDefinitionSql(c) })),
    });
  }
  return out;
}

/**
 * What uses the type besides table columns and views, and would keep the
 * old type from being dropped: domains over it, composite or range types
 * of it, routines taking or returning it, generated columns of it. Empty
 * when the swap can run.
 */
export function swapBlockers(model: SchemaModel, e: { readonly schema: string; readonly name: string }): string[] {
  const typeText = enumTypeText(e.schema, e.name);
  const ref = refKey('type', e.schema, e.name);
  const out: string[] = [];
  for (const d of model.domains) if (d.baseType === typeText || d.baseType === `${typeText}[]`) out.push(`domain ${displayName(d.schema, d.name)}`);
  for (const t of model.types) {
    const uses = (x: string): boolean => x === typeText || x === `${typeText}[]`;
    if (t.attributes.some((x) => uses(x.type)) || (t.range !== null && uses(t.range.subtype))) out.push(`type ${displayName(t.schema, t.name)}`);
  }
  for (const f of model.functions) if (f.dependsOn.includes(ref)) out.push(`${f.kind} ${displayName(f.schema, f.name)}(${f.signature})`);
  for (const t of model.tables) {
    for (const c of t.columns) {
      if ((c.type === typeText || c.type === `${typeText}[]`) && c.generated !== null) out.push(`generated column ${displayName(t.schema, t.name, c.name)}`);
    }
  }
  return out;
}

/** The name the old type takes while the new one is made: `status_sa_old`, within 63 bytes. */
export function oldTypeName(name: string): string {
  return makeObjectName(name, null, 'sa_old');
}

/** The target labels' array, as SQL: `ARRAY['a', 'b']::text[]`. */
function labelsArray(labels: readonly string[]): string {
  return `ARRAY[${labels.map(quoteLiteral).join(', ')}]::text[]`;
}

/** The type's labels in order, as SQL (NULL when there is no such type). */
function currentLabels(schema: string, name: string): string {
  const type = `pg_catalog.to_regtype(${quoteLiteral(qualifiedName(schema, name))})`;
  return `(SELECT pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = ${type})`;
}

/**
 * The swap of enum `schema.name` to `labels` (see the module comment), the
 * columns of `tables` converted, `comment` set on the new type.
 */
export function swapEnumSql(schema: string, name: string, labels: readonly string[], tables: readonly SwapTable[], comment: string | null): string {
  const type = qualifiedName(schema, name);
  const old = oldTypeName(name);
  const lines: string[] = [
    `ALTER TYPE ${type} RENAME TO ${quoteIdent(old)};`,
    `${createEnumSql(schema, name, labels)};`,
  ];
  for (const { table: t, columns, indexes, checks } of tables) {
    const target = qualifiedName(t.schema, t.name);
    for (const i of indexes) lines.push(`DROP INDEX ${qualifiedName(t.schema, i.name)};`);
    for (const c of checks) lines.push(`ALTER TABLE ${target} DROP CONSTRAINT ${quoteIdent(c.name)};`);
    for (const c of columns) if (c.default !== null) lines.push(`ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(c.name)} DROP DEFAULT;`);
    const changes = columns.map((c) =>
      c.array
        ? `ALTER COLUMN ${quoteIdent(c.name)} TYPE ${type}[] USING ${quoteIdent(c.name)}::text[]::${type}[]`
        : `ALTER COLUMN ${quoteIdent(c.name)} TYPE ${type} USING ${quoteIdent(c.name)}::text::${type}`,
    );
    lines.push(`ALTER TABLE ${target} ${changes.join(', ')};`);
    for (const c of columns) if (c.default !== null) lines.push(`ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(c.name)} SET DEFAULT ${c.default};`);
    for (const c of checks) lines.push(`ALTER TABLE ${target} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition};`);
    for (const i of indexes) lines.push(`${i.definition};`);
  }
  lines.push(`DROP TYPE ${qualifiedName(schema, old)};`);
  if (comment !== null) lines.push(`${commentOnTypeSql(schema, name, comment)};`);
  return doBlock([
    `IF ${currentLabels(schema, name)} IS DISTINCT FROM ${labelsArray(labels)} THEN`,
    ...lines.map((l) => `  ${l}`),
    'END IF;',
  ]);
}

/** True when `from` is `to` with labels left out: ADD VALUE reaches `to`. */
export function addsOnly(from: readonly string[], to: readonly string[]): boolean {
  let i = 0;
  for (const label of to) if (i < from.length && from[i] === label) i++;
  return i === from.length;
}

/**
 * The labels the plan gives an enum: the expected ones, and, when unexpected
 * labels are kept (no `--drop-unexpected`), each of those after the label it
 * follows in the database (first when none of those is kept).
 */
export function targetLabels(live: readonly string[], expected: readonly string[], keepUnexpected: boolean): string[] {
  if (!keepUnexpected) return [...expected];
  const out = [...expected];
  const kept = new Set(expected);
  live.forEach((label, i) => {
    if (kept.has(label)) return;
    const before = live.slice(0, i).reverse().find((l) => out.includes(l));
    out.splice(before === undefined ? 0 : out.indexOf(before) + 1, 0, label);
  });
  return out;
}

/** The enums on both sides whose labels the plan changes (in up.sql or, for added labels, in down.sql), as live enums with their target labels. */
export function changedEnums(ctx: PlanContext): { readonly live: EnumType; readonly target: readonly string[] }[] {
  const out: { live: EnumType; target: string[] }[] = [];
  for (const live of ctx.live.model.enums) {
    const e = ctx.expected.enum(live.schema, live.name);
    if (!e) continue;
    const target = targetLabels(live.values, e.values, !ctx.settings.dropUnexpected);
    if (target.join('\u0000') !== live.values.join('\u0000') || target.length !== live.values.length) out.push({ live, target });
  }
  return out;
}

/**
 * Ref keys (src/model/dependencies.ts) of what a swap changes, for the view
 * plan: the types whose labels change, and their live columns. Views over
 * them are dropped before and created again after; for an enum that only
 * gains labels, so that down.sql can swap it back.
 */
export function enumSwapRefs(ctx: PlanContext): string[] {
  const out: string[] = [];
  for (const { live } of changedEnums(ctx)) {
    if (swapBlockers(ctx.live.model, live).length > 0) continue;
    out.push(refKey('type', live.schema, live.name));
    // Partitions' and children's columns too: a view over one blocks the parent's ALTER.
    const typeText = enumTypeText(live.schema, live.name);
    for (const t of ctx.live.model.tables) {
      for (const c of t.columns) if (c.type === typeText || c.type === `${typeText}[]`) out.push(refKey('column', t.schema, t.name, c.name));
    }
  }
  return out;
}
