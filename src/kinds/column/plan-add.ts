/**
 * The plan's part for whole columns: a new column added in the form that
 * keeps the table available (a volatile default or a `backfill:` filled in
 * primary-key batches after the column is added empty, NOT NULL set after
 * through a validated CHECK), with the constraints that come with it; an
 * unexpected column dropped (generated columns first).
 */
import { displayName, quoteIdent } from '../../model/identifiers.js';
import type { Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { backfill as backfillStatement, commented, setNotNullSafely, stmt } from '../../plan/statements.js';
import { backfillKey, type Hazard, type PlanStatement } from '../../plan/types.js';
import { addConstraintOnExisting, constraintNoun } from '../constraint/plan.js';
import { createSequenceStatement, ownedByStatement } from '../sequence/plan.js';
import type { ColumnFinding } from './findings.js';
import type { Column } from './model.js';
import { ensureColumnNeeds, ensureColumnSequence, notNullHelperName, primaryKeyOf } from './plan-needs.js';
import { addColumnSql, alterColumnSql, commentOnColumnSql, dropColumnSql, isVolatileDefault, modelColumnDefinition } from './sql.js';

type Of<K extends ColumnFinding['kind']> = Extract<ColumnFinding, { kind: K }>;

/** How a new column is added: at once, or empty then filled (and made NOT NULL) for the existing rows. */
interface Addition {
  readonly f: Of<'missing_column'>;
  /** The expected table and column. */
  readonly t: Table;
  readonly c: Column;
  readonly name: string;
  readonly size: string;
  readonly backfill: string | undefined;
  /** Added without its default and NOT NULL, which come after the existing rows are filled. */
  readonly fillLater: boolean;
  /** Added holding only NULLs: no default, no backfill. */
  readonly startsNull: boolean;
}

/** The ADD COLUMN step, and the hazards of adding the column in one statement. */
function addColumnStep(ctx: PlanContext, x: Addition): void {
  const { f, t, c, name, size } = x;
  const schema = f.object.schema;
  const plain = c.identity === null && c.generated === null;
  const hazards: Hazard[] = [];
  ensureColumnNeeds(ctx, c, f.id);
  const ownership = ensureColumnSequence(ctx, c.default, f.id, { schema, table: t.name, column: c.name });
  const up: PlanStatement[] = [
    stmt(addColumnSql(schema, t.name, modelColumnDefinition(c, { withDefault: !x.fillLater, withNotNull: !x.fillLater, knownSchemas: ctx.knownSchemas }))),
    ...ownership,
  ];
  if (c.generated !== null && c.generated.kind === 'stored') {
    hazards.push({ kind: 'table_rewrite', message: `adding stored generated column ${name} computes it for every row, rewriting ${size} under an ACCESS EXCLUSIVE lock` });
  }
  if (c.identity !== null) {
    hazards.push({ kind: 'table_rewrite', message: `adding identity column ${name} numbers every row, rewriting ${size} under an ACCESS EXCLUSIVE lock` });
  }
  if (!x.fillLater && !c.nullable && c.default === null && plain) {
    hazards.push({
      kind: 'may_fail',
      message:
        `${name} is NOT NULL without a default: adding it fails if ${size} has rows. ` +
        'Decide the value for existing rows: give the column a `backfill:` expression (or a default) in the expected schema',
    });
  }
  ctx.add({
    object: name,
    phase: 'columns',
    findingIds: [f.id],
    summary: `add column ${name} (${c.type}${c.nullable ? '' : ', NOT NULL'})`,
    up,
    down: [stmt(dropColumnSql(schema, t.name, c.name))],
    // A generated column's values are computed from the row: dropping it loses nothing that adding it again would not recompute.
    hazards: c.generated !== null ? hazards : [...hazards, { kind: 'rollback_data_loss', message: `rolling back drops column ${name} and every value written to it` }],
  });
}

/** The default first (new rows get it), then the old rows in batches, then NOT NULL. */
function fillSteps(ctx: PlanContext, x: Addition): void {
  const { f, t, c, name, size, backfill } = x;
  const schema = f.object.schema;
  if (c.default !== null) {
    ctx.add({
      object: name,
      phase: 'alter_columns',
      findingIds: [f.id],
      summary: `default of new column ${name}`,
      up: [stmt(alterColumnSql(schema, t.name, c.name, `SET DEFAULT ${c.default}`))],
      down: [],
      hazards: [],
    });
  }
  const key = primaryKeyOf(ctx.live.table(schema, t.name));
  ctx.add({
    object: name,
    phase: 'backfill',
    findingIds: [f.id],
    summary: `fill ${name} for existing rows with ${backfill !== undefined ? backfill : `its default ${c.default ?? ''}`}`,
    up: [backfillStatement({ schema, table: t.name, column: c.name, value: backfill ?? 'DEFAULT', key, batchSize: ctx.settings.batchSize })],
    down: [],
    hazards: key.length === 0 ? [{ kind: 'long_lock', message: `${size} has no primary key to batch by: one UPDATE fills ${name}, locking every row it changes until it commits` }] : [],
  });
  if (!c.nullable) {
    ctx.add({
      object: name,
      phase: 'not_null',
      findingIds: [f.id],
      summary: `set NOT NULL on new column ${name}`,
      up: setNotNullSafely(schema, t.name, c.name, notNullHelperName(t.name, c.name)),
      down: [],
      hazards: [{ kind: 'validation_scan', message: `checking that ${name} holds no NULL scans ${size}; reads and writes continue` }],
    });
  }
}

/** The constraints that come with the new column (its foreign key, its check...), each in its safe form. */
function constraintSteps(ctx: PlanContext, x: Addition): void {
  const { f, t, name } = x;
  const schema = f.object.schema;
  const rows = ctx.live.table(schema, t.name)?.rowEstimate ?? null;
  for (const k of f.expected.constraints) {
    const r = addConstraintOnExisting(ctx, t, t.constraints.find((y) => y.name === k.name) ?? k);
    ctx.add({
      object: displayName(schema, t.name, k.name),
      phase: r.phase,
      findingIds: [f.id],
      summary: `add ${constraintNoun(k)} ${quoteIdent(k.name)} of new column ${name}`,
      up: r.up,
      down: r.down,
      // A new column without a default or backfill holds only NULLs, which no foreign key rejects.
      hazards: rows === 0 ? [] : x.startsNull && k.kind === 'foreign_key' ? r.hazards.filter((h) => h.kind !== 'may_fail') : r.hazards,
    });
  }
}

/** A missing column of an existing table. */
export function planMissingColumn(f: Of<'missing_column'>, ctx: PlanContext): void {
  const o = f.object;
  const t = o.table === undefined ? undefined : ctx.expected.table(o.schema, o.table);
  if (!t) return;
  const c = t.columns.find((y) => y.name === f.expected.name) ?? f.expected;
  const backfill = ctx.backfills.get(backfillKey(o.schema, t.name, c.name));
  const plain = c.identity === null && c.generated === null;
  const volatile = plain && c.default !== null && isVolatileDefault(c.default);
  const x: Addition = {
    f,
    t,
    c,
    name: displayName(o.schema, t.name, c.name),
    size: ctx.sizeOf(o.schema, t.name),
    backfill,
    fillLater: plain && (backfill !== undefined || volatile),
    startsNull: plain && c.default === null && backfill === undefined,
  };
  addColumnStep(ctx, x);
  if (x.fillLater) fillSteps(ctx, x);
  constraintSteps(ctx, x);
  if (c.comment !== null) {
    ctx.add({
      object: x.name,
      phase: 'comments',
      findingIds: [f.id],
      summary: `comment on new column ${x.name}`,
      up: commented(c.comment, (text) => commentOnColumnSql(o.schema, t.name, c.name, text)),
      down: [],
      hazards: [],
    });
  }
}

/**
 * The inheritance children of `schema.table` in the database that have
 * `column` and are expected to keep it: the parent's column is dropped from
 * it ONLY, so theirs stay (PostgreSQL makes them their own).
 */
function childrenKeeping(ctx: PlanContext, schema: string, table: string, column: string): string[] {
  return ctx.live.model.tables
    .filter((t) => (t.inherits ?? []).some((p) => p.schema === schema && p.table === table) && t.columns.some((c) => c.name === column))
    .filter((t) => ctx.expected.table(t.schema, t.name)?.columns.some((c) => c.name === column))
    .map((t) => displayName(t.schema, t.name));
}

/**
 * Unexpected columns dropped, generated ones first (PostgreSQL will not
 * drop a column one is computed from); down adds each back, empty, with the
 * sequence of a serial column (dropped with it: OWNED BY).
 */
export function planColumnDrops(findings: readonly ColumnFinding[], ctx: PlanContext): void {
  const drops = findings.filter((f): f is Of<'unexpected_column'> => f.kind === 'unexpected_column');
  const generatedFirst = (f: Of<'unexpected_column'>): number => (f.actual.generated ? 0 : 1);
  for (const f of drops.sort((x, y) => generatedFirst(x) - generatedFirst(y))) {
    const o = f.object;
    const c = f.actual;
    const table = o.table ?? '';
    const name = displayName(o.schema, table, c.name);
    const serials = ctx.live.ownedSequences({ schema: o.schema, name: table }, c.name);
    const keeping = childrenKeeping(ctx, o.schema, table, c.name);
    ctx.add({
      object: name,
      phase: 'drop_columns',
      findingIds: [f.id],
      summary: `drop unexpected column ${name}`,
      up: [stmt(dropColumnSql(o.schema, table, c.name, { only: keeping.length > 0 }))],
      down: [
        ...serials.map(createSequenceStatement),
        stmt(addColumnSql(o.schema, table, modelColumnDefinition(c, { withDefault: true, withNotNull: true, knownSchemas: ctx.knownSchemas }))),
        ...serials.map(ownedByStatement),
        ...commented(c.comment, (text) => commentOnColumnSql(o.schema, table, c.name, text)),
      ],
      hazards: [
        {
          kind: 'data_loss',
          message: `drops column ${name} of ${ctx.sizeOf(o.schema, table)} and every value in it${keeping.length ? ` (from it alone: ${keeping.join(', ')} keep their own)` : ''}: back it up first if anything may still need it`,
        },
        {
          kind: 'rollback_data_loss',
          message: `rolling back adds ${name} again, empty: the values are gone${!c.nullable && c.default === null ? ' (and it fails if the table has rows, since the column is NOT NULL without a default)' : ''}`,
        },
      ],
    });
  }
}
