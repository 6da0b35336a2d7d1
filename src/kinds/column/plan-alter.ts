/**
 * The plan's part for columns present on both sides: type, nullability,
 * default, identity and generation changes, in the forms that keep the
 * table available, or manual steps where a person must decide (a narrowing
 * or rewriting type change, a different generated expression).
 */
import { displayName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import type { Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { backfill as backfillStatement, setNotNullSafely, stmt } from '../../plan/statements.js';
import { backfillKey, type Hazard } from '../../plan/types.js';
import { dropConstraintSql } from '../constraint/sql.js';
import { doBlock, objectNameSql, regclass } from '../sql.js';
import type { ColumnFinding } from './findings.js';
import type { Column } from './model.js';
import { ensureColumnSequence, notNullHelperName, primaryKeyOf } from './plan-needs.js';
import {
  addColumnSql,
  addIdentityIfMissingSql,
  alterColumnSql,
  commentOnColumnSql,
  dropColumnSql,
  modelColumnDefinition,
  nextvalSequence,
  syncColumnSequenceSql,
} from './sql.js';

type Of<K extends ColumnFinding['kind']> = Extract<ColumnFinding, { kind: K }>;

/**
 * Type changes PostgreSQL makes without rewriting the table or touching a
 * value: a longer (or unlimited) varchar, varchar to text, a numeric with
 * more precision and the same scale (or unconstrained).
 */
export function isSafeWidening(from: string, to: string): boolean {
  if (from === to) return false;
  const varchar = /^character varying(?:\((\d+)\))?$/;
  const numeric = /^numeric(?:\((\d+),(\d+)\))?$/;
  const vf = varchar.exec(from);
  if (vf) {
    if (to === 'text') return true;
    const vt = varchar.exec(to);
    if (!vt) return false;
    if (vt[1] === undefined) return true;
    return vf[1] !== undefined && Number(vt[1]) >= Number(vf[1]);
  }
  if (from === 'text') return to === 'character varying';
  const nf = numeric.exec(from);
  const nt = numeric.exec(to);
  if (nf && nt) {
    if (nt[1] === undefined) return true;
    return nf[1] !== undefined && nt[2] === nf[2] && Number(nt[1]) >= Number(nf[1]);
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The column a mismatch names, on both sides, with the live table; null when a model lacks it. */
interface ColumnPair {
  readonly e: Column;
  readonly a: Column;
  readonly at: Table;
  /** `public.leads.email`. */
  readonly name: string;
}

function columnsOf(f: ColumnFinding, ctx: PlanContext): ColumnPair | null {
  const o = f.object;
  const et = ctx.expected.table(o.schema, o.table ?? '');
  const at = ctx.live.table(o.schema, o.table ?? '');
  const e = et?.columns.find((c) => c.name === o.column);
  const a = at?.columns.find((c) => c.name === o.column);
  return e && a && et && at ? { e, a, at, name: displayName(o.schema, at.name, e.name) } : null;
}

function planTypeChange(f: Of<'column_type_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, a, at } = pair;
  const o = f.object;
  const name = displayName(o.schema, o.table ?? '', o.column ?? '');
  const size = ctx.sizeOf(o.schema, at.name);
  const typeWith = (c: Column): string => `${c.type}${c.collation !== null ? ` COLLATE ${objectNameSql(c.collation, ctx.knownSchemas)}` : ''}`;
  // PostgreSQL refuses to change the type of a column a generated column is computed from.
  const mentions = mentionOf(e.name);
  const usedBy = at.columns.filter((c) => c.generated !== null && c.name !== e.name && mentions.test(c.generated.expression)).map((c) => c.name);
  if (usedBy.length > 0) {
    const them = usedBy.length > 1 ? 'them' : 'it';
    ctx.manual(
      f,
      `${name} is used by the generated column${usedBy.length > 1 ? 's' : ''} ${usedBy.map(quoteIdent).join(', ')}: PostgreSQL cannot change its type while they exist; drop ${them}, change the type, and add ${them} again (a table rewrite)`,
      [`${alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)}`)};`],
      [{ kind: 'table_rewrite', message: `re-adding the generated column rewrites ${size}` }],
    );
    return;
  }
  if (e.collation === a.collation && isSafeWidening(a.type, e.type)) {
    ctx.add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: `widen ${name} from ${a.type} to ${e.type}`,
      up: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)}`))],
      down: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(a)}`))],
      hazards: [{ kind: 'may_fail', message: `rolling back narrows ${name} to ${a.type} again, which rewrites ${size} and fails if a value written since no longer fits` }],
    });
    return;
  }
  if (e.type === a.type) {
    // The collation alone: no rewrite (the values do not change), but every index over the column is rebuilt.
    const collated = (c: Column): string => `${c.type} COLLATE ${c.collation !== null ? objectNameSql(c.collation, ctx.knownSchemas) : 'pg_catalog."default"'}`;
    const indexes = at.indexes.filter((i) => i.keys.some((k) => k.column === e.name || (k.expression !== null && mentionOf(e.name).test(k.expression))));
    ctx.add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: `collate ${name} by ${e.collation ?? 'its type\'s default collation'}`,
      up: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${collated(e)}`))],
      down: [stmt(alterColumnSql(o.schema, at.name, e.name, `TYPE ${collated(a)}`))],
      hazards: [
        {
          kind: 'long_lock',
          message:
            indexes.length > 0
              ? `holds an ACCESS EXCLUSIVE lock on ${size} while it rebuilds ${indexes.map((i) => quoteIdent(i.name)).join(', ')} (no table rewrite)`
              : `takes an ACCESS EXCLUSIVE lock on ${size} briefly (no table rewrite, no index over ${quoteIdent(e.name)})`,
        },
        {
          kind: 'may_fail',
          message: `fails unless the collation exists in the database (collations are not compared), or when a unique index over ${name} sees equal values under the new collation; sorting and comparisons of ${name} change`,
        },
      ],
    });
    return;
  }
  ctx.manual(
    f,
    isSafeWidening(e.type, a.type)
      ? `narrowing ${name} from ${a.type} to ${e.type} fails, or loses data, where values do not fit: check the data, then decide`
      : `changing ${name} from ${typeWith(a)} to ${typeWith(e)} converts every value and rewrites ${size} under an ACCESS EXCLUSIVE lock: decide the conversion (USING) and a maintenance window, or migrate through a new column`,
    [`${alterColumnSql(o.schema, at.name, e.name, `TYPE ${typeWith(e)} USING ${quoteIdent(e.name)}::${e.type}`)};`],
    [{ kind: 'table_rewrite', message: `rewrites ${size} under an ACCESS EXCLUSIVE lock` }],
  );
}

/**
 * DROP NOT NULL; or SET NOT NULL through a validated CHECK, after the NULLs
 * are filled: with the spec's `backfill:` value, else with the column's
 * expected default (a plain default: not identity or generated), in batches.
 */
function planNullability(f: Of<'column_nullability_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, at, name } = pair;
  const schema = f.object.schema;
  const helper = notNullHelperName(at.name, e.name);
  if (e.nullable) {
    ctx.add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: `drop NOT NULL on ${name}`,
      up: [stmt(alterColumnSql(schema, at.name, e.name, 'DROP NOT NULL'))],
      down: setNotNullSafely(schema, at.name, e.name, helper),
      hazards: [{ kind: 'may_fail', message: `rolling back sets NOT NULL again, which fails once a NULL has been written to ${name}` }],
    });
    return;
  }
  const given = ctx.backfills.get(backfillKey(schema, at.name, e.name));
  const byDefault = e.default !== null && e.identity === null && e.generated === null ? e.default : undefined;
  const backfill = given ?? byDefault;
  if (backfill !== undefined) {
    ctx.add({
      object: name,
      phase: 'backfill',
      findingIds: [f.id],
      summary: `fill the NULLs of ${name} with ${given === undefined ? 'its expected default ' : ''}${backfill}`,
      up: [backfillStatement({ schema, table: at.name, column: e.name, value: backfill, key: primaryKeyOf(at), batchSize: ctx.settings.batchSize })],
      down: [],
      hazards: [{ kind: 'irreversible', message: `down.sql does not put the NULLs back: the rows of ${name} filled with ${backfill} keep it` }],
    });
  }
  ctx.add({
    object: name,
    phase: 'not_null',
    findingIds: [f.id],
    summary: `set NOT NULL on ${name}`,
    up: setNotNullSafely(schema, at.name, e.name, helper),
    // The helper check too: left NOT VALID (and enforced on writes) when VALIDATE failed half-way.
    down: [stmt(dropConstraintSql(schema, at.name, helper)), stmt(alterColumnSql(schema, at.name, e.name, 'DROP NOT NULL'))],
    hazards: [
      { kind: 'validation_scan', message: `checking that ${name} holds no NULL scans ${ctx.sizeOf(schema, at.name)}; reads and writes continue` },
      ...(backfill === undefined
        ? [{ kind: 'may_fail' as const, message: `fails while a row holds NULL in ${name}: decide the value for those rows (a \`backfill:\` in the expected schema fills them first)` }]
        : []),
    ],
  });
}

function planDefault(f: Of<'column_default_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, a, at, name } = pair;
  const set = (d: string | null): string => alterColumnSql(f.object.schema, at.name, e.name, d === null ? 'DROP DEFAULT' : `SET DEFAULT ${d}`);
  const ownership = ensureColumnSequence(ctx, e.default, f.id, null);
  ctx.add({
    object: name,
    phase: 'alter_columns',
    findingIds: [f.id],
    summary: e.default === null ? `drop the default of ${name}` : `set the default of ${name} to ${e.default}`,
    up: [...ownership, stmt(set(e.default))],
    down: [stmt(set(a.default))],
    hazards: [],
  });
}

function identitySql(k: Column['identity']): string {
  return k === 'always' ? 'ALWAYS' : 'BY DEFAULT';
}

/** Identity kind changed, identity added to a plain column or dropped from one; anything else (a serial column): manual. */
function planIdentity(f: Of<'column_identity_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, a, at, name } = pair;
  const alter = (action: string): string => alterColumnSql(f.object.schema, at.name, e.name, action);
  const addIdentity = (kind: 'always' | 'by_default') => [
    stmt(addIdentityIfMissingSql(f.object.schema, at.name, e.name, kind)),
    stmt(syncColumnSequenceSql(f.object.schema, at.name, e.name)),
  ];
  const step = { object: name, findingIds: [f.id] };
  if (e.identity !== null && a.identity !== null) {
    ctx.add({
      ...step,
      phase: 'alter_columns',
      summary: `make ${name} GENERATED ${identitySql(e.identity)} AS IDENTITY`,
      up: [stmt(alter(`SET GENERATED ${identitySql(e.identity)}`))],
      down: [stmt(alter(`SET GENERATED ${identitySql(a.identity)}`))],
      hazards: [],
    });
  } else if (e.identity !== null && a.identity === null && a.default === null && a.generated === null) {
    ctx.add({
      ...step,
      phase: 'not_null',
      summary: `make ${name} an identity column`,
      up: addIdentity(e.identity),
      down: [stmt(alter('DROP IDENTITY IF EXISTS'))],
      hazards: [{ kind: 'may_fail', message: `fails while ${name} is nullable or holds NULLs` }],
    });
  } else if (e.identity === null && a.identity !== null && nextvalSequence(e.default) === null) {
    ctx.add({
      ...step,
      phase: 'alter_columns',
      summary: `drop the identity of ${name}`,
      up: [stmt(alter('DROP IDENTITY IF EXISTS')), ...(e.default === null ? [] : [stmt(alter(`SET DEFAULT ${e.default}`))])],
      down: [...(e.default === null ? [] : [stmt(alter('DROP DEFAULT'))]), ...addIdentity(a.identity)],
      hazards: [{ kind: 'rollback_data_loss', message: `the identity's sequence is dropped with it; rolling back creates a new one, set past the largest ${quoteIdent(e.name)}` }],
    });
  } else {
    ctx.manual(
      f,
      a.default !== null && e.identity !== null
        ? `${name} draws from a sequence default (serial); turning it into an identity column means dropping the default and its sequence, adding the identity and setting it past the largest value: decide when`
        : `changing how ${name} is generated needs a decision about its sequence and existing values`,
    );
  }
}

/** A regular expression that finds `column` named in SQL text (bare or quoted). */
function mentionOf(column: string): RegExp {
  return new RegExp(`(^|[^\\w$"])(${escapeRegExp(column)}|${escapeRegExp(quoteIdent(column))})(?![\\w$"])`);
}

/**
 * What in the live table would go with `column` if it were dropped: its
 * indexes, constraints, triggers, and the generated columns computed from
 * it (views over it are dropped and created again by the view plan).
 */
function liveDependents(at: Table, column: string): string[] {
  const mentions = mentionOf(column);
  return [
    ...at.indexes
      .filter((i) => i.keys.some((k) => k.column === column || (k.expression !== null && mentions.test(k.expression))) || (i.where !== null && mentions.test(i.where)))
      .map((i) => `index ${quoteIdent(i.name)}`),
    ...at.constraints.filter((k) => (k.columns ?? []).includes(column) || mentions.test(k.definition)).map((k) => `constraint ${quoteIdent(k.name)}`),
    ...at.triggers.filter((t) => mentions.test(t.definition)).map((t) => `trigger ${quoteIdent(t.name)}`),
    ...at.columns.filter((c) => c.name !== column && c.generated !== null && mentions.test(c.generated.expression)).map((c) => `generated column ${quoteIdent(c.name)}`),
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
 *   constraints, triggers or generated columns of its own is manual.
 * The way back mirrors it; a plain column's own values cannot come back.
 */
function planGenerated(f: Of<'column_generated_mismatch'>, ctx: PlanContext): void {
  const pair = columnsOf(f, ctx);
  if (!pair) return;
  const { e, a, at, name } = pair;
  const schema = f.object.schema;
  const size = ctx.sizeOf(schema, at.name);
  const rewrite: Hazard = { kind: 'table_rewrite', message: `computes ${name} for every row: rewrites ${size} under an ACCESS EXCLUSIVE lock` };
  const alter = (action: string): string => alterColumnSql(schema, at.name, e.name, action);
  const dependents = liveDependents(at, e.name);
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
  if (e.generated !== null && recreatable) {
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
    `${name} is generated differently than expected, and making it so means dropping it, which would drop ${dependents.join(', ') || 'what depends on it'}: decide how`,
    suggestion,
    [rewrite],
  );
}

/** The planners of the findings about a column present on both sides. */
export const COLUMN_ALTER_PLANNERS = {
  column_type_mismatch: planTypeChange,
  column_nullability_mismatch: planNullability,
  column_default_mismatch: planDefault,
  column_identity_mismatch: planIdentity,
  column_generated_mismatch: planGenerated,
} as const;
