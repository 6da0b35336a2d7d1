/**
 * The plan for a column generated differently (column_generated_mismatch):
 * DROP EXPRESSION, SET EXPRESSION, or the column dropped and added again
 * when nothing but views depends on it; see planGenerated.
 */
import { displayName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import type { Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard } from '../../plan/types.js';
import { doBlock, regclass } from '../sql.js';
import type { ColumnFinding } from './findings.js';
import type { Column } from './model.js';
import { addColumnSql, alterColumnSql, commentOnColumnSql, dropColumnSql, modelColumnDefinition } from './sql.js';

type Of<K extends ColumnFinding['kind']> = Extract<ColumnFinding, { kind: K }>;

/** The column on both sides, with the live table (plan-alter.ts's columnsOf). */
export interface ColumnPairOf {
  readonly e: Column;
  readonly a: Column;
  readonly at: Table;
  readonly name: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression that finds `column` named in SQL text (bare or quoted). */
export function mentionOf(column: string): RegExp {
  return new RegExp(`(^|[^\\w$"])(${escapeRegExp(column)}|${escapeRegExp(quoteIdent(column))})(?![\\w$"])`);
}

/**
 * What in the live database would go with `column` of `at` if it were
 * dropped: its indexes, constraints, triggers, the generated columns
 * computed from it, other tables' foreign keys to it (views over it are
 * dropped and created again by the view plan).
 */
function liveDependents(ctx: PlanContext, at: Table, column: string): string[] {
  const mentions = mentionOf(column);
  const foreignKeys = ctx.live.model.tables.flatMap((t) =>
    t.constraints
      .filter((c) => c.kind === 'foreign_key' && c.references.schema === at.schema && c.references.table === at.name && c.references.columns.includes(column))
      .map((c) => `foreign key ${quoteIdent(c.name)} of ${displayName(t.schema, t.name)}`),
  );
  return [
    ...at.indexes
      .filter(
        (i) =>
          i.keys.some((k) => k.column === column || (k.expression !== null && mentions.test(k.expression))) ||
          i.include.includes(column) ||
          (i.where !== null && mentions.test(i.where)),
      )
      .map((i) => `index ${quoteIdent(i.name)}`),
    ...at.constraints.filter((k) => (k.columns ?? []).includes(column) || mentions.test(k.definition)).map((k) => `constraint ${quoteIdent(k.name)}`),
    ...at.triggers.filter((t) => mentions.test(t.definition)).map((t) => `trigger ${quoteIdent(t.name)}`),
    ...at.columns.filter((c) => c.name !== column && c.generated !== null && mentions.test(c.generated.expression)).map((c) => `generated column ${quoteIdent(c.name)}`),
    ...foreignKeys,
  ];
}

/**
 * Make `c` the column as `c` says, by dropping and adding it again, unless
 * it already is a generated column computed by `c`'s expression (so the
 * statement can run twice). Its comment comes back with it; its position
 * moves to the end of the table (column order is not compared).
 */
function recreateColumnSql(schema: string, table: string, c: Column, ctx: PlanContext): string {
  const g = c.generated;
  const already =
    g === null
      ? null
      : `EXISTS (SELECT FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum ` +
        `WHERE a.attrelid = ${regclass(schema, table)} AND a.attname = ${quoteLiteral(c.name)} AND a.attgenerated = ${quoteLiteral(g.kind === 'virtual' ? 'v' : 's')} ` +
        `AND pg_catalog.pg_get_expr(d.adbin, d.adrelid) = ${quoteLiteral(g.expression)})`;
  const statements = [
    `${dropColumnSql(schema, table, c.name)};`,
    `${addColumnSql(schema, table, modelColumnDefinition(c, { withDefault: true, withNotNull: true, knownSchemas: ctx.knownSchemas }))};`,
    ...(c.comment !== null ? [`${commentOnColumnSql(schema, table, c.name, c.comment)};`] : []),
  ];
  return already === null ? doBlock(statements) : doBlock([`IF NOT ${already} THEN`, ...statements.map((x) => `  ${x}`), 'END IF;']);
}

/**
 * A generated column computed differently, or generated on one side only:
 * - generated (stored) → plain: `DROP EXPRESSION` (keeps the values, no
 *   rewrite);
 * - a stored expression changed, on PostgreSQL 17 and later: `SET
 *   EXPRESSION` (recomputes every row: a rewrite);
 * - otherwise (plain → generated, before 17, virtual columns): the column
 *   dropped and added again, when nothing but views depends on it (views
 *   are dropped and created again around it); a column with indexes,
 *   constraints, triggers or generated columns of its own is manual. A
 *   plain column's own values are replaced by computed ones: data loss,
 *   so only with --drop-unexpected (the consent to lose data), else manual.
 * The way back mirrors it; a plain column's own values cannot come back.
 */
export function planGenerated(f: Of<'column_generated_mismatch'>, ctx: PlanContext, pair: ColumnPairOf | null): void {
  if (!pair) return;
  const { e, a, at, name } = pair;
  const schema = f.object.schema;
  const size = ctx.sizeOf(schema, at.name);
  const rewrite: Hazard = { kind: 'table_rewrite', message: `computes ${name} for every row: rewrites ${size} under an ACCESS EXCLUSIVE lock` };
  const alter = (action: string): string => alterColumnSql(schema, at.name, e.name, action);
  const dependents = liveDependents(ctx, at, e.name);
  const recreatable = dependents.length === 0;
  const step = { object: name, phase: 'alter_columns' as const, findingIds: [f.id] };
  const modern = (ctx.serverMajor ?? 0) >= 17;

  if (e.generated === null && a.generated?.kind === 'stored') {
    ctx.add({
      ...step,
      summary: `make ${name} a plain column (DROP EXPRESSION: it keeps its values)`,
      up: [stmt(alter('DROP EXPRESSION IF EXISTS'))],
      down: recreatable ? [stmt(recreateColumnSql(schema, at.name, a, ctx))] : [],
      hazards: recreatable
        ? [{ kind: 'rollback_data_loss', message: `rolling back drops ${name} and adds it again as generated: values written since are replaced by computed ones, a rewrite of ${size}` }]
        : [{ kind: 'irreversible', message: `down.sql leaves ${name} a plain column: making it generated again means dropping it, and ${dependents.join(', ')} depend on it` }],
    });
    return;
  }
  if (e.generated !== null && a.generated !== null && e.generated.kind === 'stored' && a.generated.kind === 'stored' && modern) {
    ctx.add({
      ...step,
      summary: `compute ${name} as ${e.generated.expression}`,
      up: [stmt(alter(`SET EXPRESSION AS (${e.generated.expression})`))],
      down: [stmt(alter(`SET EXPRESSION AS (${a.generated.expression})`))],
      hazards: [rewrite],
    });
    return;
  }
  if (e.generated !== null && recreatable && (a.generated !== null || ctx.settings.dropUnexpected)) {
    const fromPlain = a.generated === null;
    ctx.add({
      ...step,
      summary: fromPlain ? `make ${name} generated (dropped and added again)` : `compute ${name} as ${e.generated.expression} (dropped and added again)`,
      up: [stmt(recreateColumnSql(schema, at.name, e, ctx))],
      down: fromPlain ? [stmt(alter('DROP EXPRESSION IF EXISTS'))] : [stmt(recreateColumnSql(schema, at.name, a, ctx))],
      hazards: [
        rewrite,
        ...(fromPlain
          ? [
              { kind: 'data_loss' as const, message: `the values ${name} holds are replaced by computed ones` },
              { kind: 'rollback_data_loss' as const, message: `rolling back makes ${name} plain again holding the computed values, not the original ones` },
            ]
          : []),
      ],
    });
    return;
  }
  const suggestion =
    e.generated !== null && a.generated !== null
      ? [`${alter(`SET EXPRESSION AS (${e.generated.expression})`)}; -- PostgreSQL 17 and later; rewrites the table`]
      : a.generated !== null && e.generated === null
        ? [`${alter('DROP EXPRESSION')}; -- keeps the current values`]
        : [];
  ctx.manual(
    f,
    dependents.length > 0
      ? `${name} is generated differently than expected, and making it so means dropping it, which would drop ${dependents.join(', ')}: decide how`
      : `making ${name} generated replaces the values it holds with computed ones (data loss): --drop-unexpected lets the migration drop and add it again`,
    suggestion,
    [rewrite],
  );
}

