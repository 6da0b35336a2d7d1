/** The plan's part for sequences: not compared, created for the new serial columns that draw from them. */
import { displayName, objectKey } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { stmt } from '../../plan/statements.js';
import type { PlanStatement } from '../../plan/types.js';
import { ensureSchema } from '../schema/plan.js';
import type { Sequence } from './model.js';
import { createSequenceSql, dropSequenceSql, modelSequenceOptions, sequenceOwnedBySql } from './sql.js';

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

/**
 * The expected sequence a `nextval('…')` default names (`sequenceText`, as
 * written there), created once when the database lacks it. Returns the
 * statement that makes `owner` its owner, to run once the column exists,
 * when the expected sequence is owned by that column (a serial column).
 */
export function ensureSequence(ctx: PlanContext, sequenceText: string | null, findingId: string, owner: SequenceOwner | null): PlanStatement[] {
  const s = sequenceText === null ? undefined : ctx.expected.sequenceNamed(sequenceText);
  if (!s || ctx.live.hasSequence(s.schema, s.name)) return [];
  if (ctx.firstTime(`sequence ${objectKey(s.schema, s.name)}`)) {
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
  const owned = s.ownedBy;
  if (owner === null || owned === null || owned.schema !== owner.schema || owned.table !== owner.table || owned.column !== owner.column) return [];
  return [ownedByStatement(s)];
}
