/**
 * The plan's part for sequences: missing ones created (also for the new
 * serial columns that draw from them, once), changed options altered (the
 * current value only when a sequence turns around: restarted at its start),
 * owners changed once every column exists, unexpected ones dropped after the
 * tables and columns whose defaults used them.
 */
import { displayName, objectKey, qualifiedName, quoteIdent } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import { nextvalSequence } from '../column/sql.js';
import { ensureSchema } from '../schema/plan.js';
import { doIf, regclass } from '../sql.js';
import { sequenceAspects, type SequenceFinding, type SequenceSettings } from './findings.js';
import type { Sequence } from './model.js';
import { alterSequenceSql, createSequenceSql, dropSequenceSql, modelSequenceOptions, sequenceOwnedBySql, type SequenceOptions } from './sql.js';

type Of<K extends SequenceFinding['kind']> = Extract<SequenceFinding, { kind: K }>;

/** A column that owns a sequence (`OWNED BY`). */
export interface SequenceOwner {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
}

/** CREATE SEQUENCE IF NOT EXISTS with every option of a model sequence. */
export function createSequenceStatement(s: Sequence): PlanStatement {
  return stmt(createSequenceSql(s.schema, s.name, modelSequenceOptions(s), { ifNotExists: true }));
}

/** `ALTER SEQUENCE … OWNED BY` the column the model sequence belongs to. */
export function ownedByStatement(s: Sequence): PlanStatement {
  return stmt(sequenceOwnedBySql(s.schema, s.name, s.ownedBy));
}

/** The CREATE SEQUENCE step of an expected sequence, once per plan (a missing_sequence finding and a new serial column may both need it). */
function createSequenceOnce(ctx: PlanContext, s: Sequence, findingId: string): void {
  if (!ctx.firstTime(`sequence ${objectKey(s.schema, s.name)}`)) return;
  ensureSchema(ctx, s.schema, findingId);
  ctx.add({
    object: displayName(s.schema, s.name),
    phase: 'sequences',
    findingIds: [findingId],
    summary: `create sequence ${displayName(s.schema, s.name)}`,
    up: [createSequenceStatement(s)],
    down: [stmt(dropSequenceSql(s.schema, s.name))],
    hazards: [],
  });
}

/**
 * The expected sequence a `nextval('…')` default names (`sequenceText`, as
 * written there), created once when the database lacks it. Returns the
 * statement that makes `owner` its owner, to run once the column exists,
 * when the expected sequence is owned by that column (a serial column).
 */
export function ensureSequence(ctx: PlanContext, sequenceText: string | null, findingId: string, owner: SequenceOwner | null): PlanStatement[] {
  const s = sequenceText === null ? undefined : ctx.expected.sequenceNamed(sequenceText);
  if (!s || ctx.live.hasSequence(s.schema, s.name)) return [];
  createSequenceOnce(ctx, s, findingId);
  return ownedByNewColumn(ctx, s, owner) ? [ownedByStatement(s)] : [];
}

/** True when `owner` is the column that owns `s` and draws from it: the column's new step says OWNED BY (ensureSequence). */
function ownedByNewColumn(ctx: PlanContext, s: Sequence, owner: SequenceOwner | null): boolean {
  const owned = s.ownedBy;
  return owner !== null && owned !== null && owned.schema === owner.schema && owned.table === owner.table && owned.column === owner.column;
}

/** True when the owner of the expected sequence `s` is a column the plan adds with a default that draws from `s`: that column's step makes it the owner. */
function ownerAddedWithIt(ctx: PlanContext, s: Sequence): boolean {
  const o = s.ownedBy;
  if (o === null || ctx.live.table(o.schema, o.table)?.columns.some((c) => c.name === o.column)) return false;
  const column = ctx.expected.table(o.schema, o.table)?.columns.find((c) => c.name === o.column);
  const text = nextvalSequence(column?.default ?? null);
  const named = text === null ? undefined : ctx.expected.sequenceNamed(text);
  return named !== undefined && objectKey(named.schema, named.name) === objectKey(s.schema, s.name);
}

/** OWNED BY `to`, in the `alter_columns` phase: after every table and column is created, before any is dropped. */
function ownerStep(ctx: PlanContext, s: { schema: string; name: string }, findingId: string, to: SequenceOwner | null, from: SequenceOwner | null): void {
  const name = displayName(s.schema, s.name);
  ctx.add({
    object: name,
    phase: 'alter_columns',
    findingIds: [findingId],
    summary: to === null ? `sequence ${name} owned by no column` : `sequence ${name} owned by ${displayName(to.schema, to.table, to.column)}`,
    up: [stmt(sequenceOwnedBySql(s.schema, s.name, to, { ifExists: true }))],
    down: [stmt(sequenceOwnedBySql(s.schema, s.name, from, { ifExists: true }))],
    hazards: [],
  });
}

/** Missing sequences, before the tables whose defaults draw from them; each owner once its column exists. */
function planMissingSequences(findings: readonly SequenceFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'missing_sequence') continue;
    const s = ctx.expected.sequenceNamed(qualifiedName(f.expected.schema, f.expected.name)) ?? f.expected;
    createSequenceOnce(ctx, s, f.id);
    if (s.ownedBy !== null && !ownerAddedWithIt(ctx, s)) ownerStep(ctx, s, f.id, s.ownedBy, null);
  }
}

/** The options of `s` named by `fields`, as ALTER SEQUENCE sets them. */
function optionsOf(s: SequenceSettings, fields: ReadonlySet<string>): SequenceOptions {
  return {
    ...(fields.has('type') ? { type: s.dataType } : {}),
    ...(fields.has('increment') ? { increment: s.increment } : {}),
    ...(fields.has('min') ? { min: s.min } : {}),
    ...(fields.has('max') ? { max: s.max } : {}),
    ...(fields.has('start') ? { start: s.start } : {}),
    ...(fields.has('cache') ? { cache: s.cache } : {}),
    ...(fields.has('cycle') ? { cycle: s.cycle } : {}),
  };
}

/** True when `increment` (an SQL number) is negative: the sequence counts down. */
const descending = (increment: string): boolean => increment.trim().startsWith('-');

/** `ascending` or `descending`. */
const direction = (s: SequenceSettings): string => (descending(s.increment) ? 'descending' : 'ascending');

/**
 * ALTER SEQUENCE that turns a sequence around (ascending ↔ descending) and
 * RESTARTs it at its new start value: the current value lies outside the new
 * direction's bounds (PostgreSQL refuses the ALTER without RESTART). Only
 * while the sequence still counts the old way, so that a second run does
 * not restart it again.
 */
function turnAroundSql(schema: string, seq: string, to: SequenceSettings, options: SequenceOptions): string {
  const still = `EXISTS (SELECT FROM pg_catalog.pg_sequence WHERE seqrelid = ${regclass(schema, seq)} AND seqincrement ${descending(to.increment) ? '>' : '<'} 0)`;
  return doIf(still, `${alterSequenceSql(schema, seq, options)} RESTART`);
}

/** Changed options in one ALTER SEQUENCE (down: the database's values); a changed owner once every column exists. */
function planSequenceMismatch(f: Of<'sequence_mismatch'>, ctx: PlanContext): void {
  const schema = f.object.schema;
  const seq = f.object.sequence ?? '';
  const name = displayName(schema, seq);
  const aspects = new Set<string>(sequenceAspects(f.expected, f.actual));
  const options = new Set([...aspects].filter((a) => a !== 'ownedBy'));
  if (options.size > 0) {
    const hazards: Hazard[] = [];
    const turned = descending(f.expected.increment) !== descending(f.actual.increment);
    if (turned) {
      hazards.push(
        {
          kind: 'data_loss',
          message: `turns ${name} around (${direction(f.actual)} to ${direction(f.expected)}) and restarts it at its new start value ${f.expected.start}: its current position is lost`,
        },
        {
          kind: 'rollback_data_loss',
          message: `rolling back turns ${name} around again and restarts it at its old start value ${f.actual.start}, not where it stood: numbers it already gave out come again`,
        },
      );
    } else if (options.has('type') || options.has('min') || options.has('max')) {
      hazards.push({
        kind: 'may_fail',
        message: `fails if the current value of ${name} lies outside the new range ${f.expected.min} to ${f.expected.max} (${f.expected.dataType}); the current value is never changed`,
      });
    }
    const up = optionsOf(f.expected, options);
    const down = optionsOf(f.actual, options);
    ctx.add({
      object: name,
      phase: 'sequences',
      findingIds: [f.id],
      summary: `${turned ? `turn sequence ${name} around, restarted` : `alter sequence ${name}`} (${[...options].join(', ')})`,
      up: [stmt(turned ? turnAroundSql(schema, seq, f.expected, up) : alterSequenceSql(schema, seq, up))],
      down: [stmt(turned ? turnAroundSql(schema, seq, f.actual, down) : alterSequenceSql(schema, seq, down))],
      hazards,
    });
  }
  if (aspects.has('ownedBy')) ownerStep(ctx, { schema, name: seq }, f.id, f.expected.ownedBy, f.actual.ownedBy);
}

/** How a default names `s` (`nextval('…'::regclass)`): qualified, or bare in public. */
function namesOf(s: { schema: string; name: string }): Set<string> {
  return new Set([qualifiedName(s.schema, s.name), ...(s.schema === 'public' ? [quoteIdent(s.name)] : [])]);
}

/** The columns of `model` whose default draws from `s`, as display names. */
export function defaultsDrawingFrom(model: SchemaModel, s: { schema: string; name: string }): string[] {
  const names = namesOf(s);
  return model.tables.flatMap((t) =>
    t.columns.filter((c) => names.has(nextvalSequence(c.default) ?? '')).map((c) => displayName(t.schema, t.name, c.name)),
  );
}

/** True when the column that owns `s` goes too (an unexpected table or column): dropping it drops `s`, and its rollback brings `s` back. */
function ownerDropped(ctx: PlanContext, s: Sequence): boolean {
  const o = s.ownedBy;
  return o !== null && !ctx.expected.table(o.schema, o.table)?.columns.some((c) => c.name === o.column);
}

/** Unexpected sequences, after the tables and columns that used them; never one an expected column's default still draws from. */
function planDrops(findings: readonly SequenceFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_sequence') continue;
    const s = f.actual;
    const name = displayName(s.schema, s.name);
    const users = defaultsDrawingFrom(ctx.expected.model, s);
    if (users.length > 0) {
      ctx.manual(f, `sequence ${name} is not in the expected schema, but the expected default of ${users.join(', ')} draws from it: it is kept; define it in the expected schema`);
      continue;
    }
    const withOwner = ownerDropped(ctx, s);
    ctx.add({
      object: name,
      phase: 'drop_sequences',
      findingIds: [f.id],
      summary: `drop unexpected sequence ${name}`,
      up: [stmt(dropSequenceSql(s.schema, s.name))],
      // Dropped with its column or table when that goes too; their rollback creates it again.
      down: withOwner ? [] : [createSequenceStatement(s), ...(s.ownedBy ? [stmt(sequenceOwnedBySql(s.schema, s.name, s.ownedBy, { ifExists: true }))] : [])],
      hazards: [
        {
          kind: 'data_loss',
          message: withOwner
            ? `sequence ${name} goes with its column ${displayName(s.ownedBy!.schema, s.ownedBy!.table, s.ownedBy!.column)}, and its current value with it: rolling back recreates both, the sequence at its start value ${s.start}`
            : `drops sequence ${name} and its current value: rolling back recreates it at its start value ${s.start}, so numbers it already gave out come again`,
        },
        { kind: 'may_fail', message: `fails while a column default, a view or another object still uses ${name} (PostgreSQL names it)` },
      ],
    });
  }
}

export const SEQUENCE_PLAN: KindPlan<SequenceFinding> = {
  findings: {
    missing_sequence: IN_CREATE_PASS,
    unexpected_sequence: IN_DROP_PASS,
    sequence_mismatch: planSequenceMismatch,
  },
  create: planMissingSequences,
  drop: planDrops,
};
