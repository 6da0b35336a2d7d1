import type { SchemaModel } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { type KindPlan } from '../../plan/kind-plan.js';
import type { PlanStatement } from '../../plan/types.js';
import { type SequenceFinding } from './findings.js';
import type { Sequence } from './model.js';
/** A column that owns a sequence (`OWNED BY`). */
export interface SequenceOwner {
    readonly schema: string;
    readonly table: string;
    readonly column: string;
}
/** CREATE SEQUENCE IF NOT EXISTS with every option of a model sequence. */
export declare function createSequenceStatement(s: Sequence): PlanStatement;
/** `ALTER SEQUENCE … OWNED BY` the column the model sequence belongs to. */
export declare function ownedByStatement(s: Sequence): PlanStatement;
/**
 * The expected sequence a `nextval('…')` default names (`sequenceText`, as
 * written there), created once when the database lacks it. Returns the
 * statement that makes `owner` its owner, to run once the column exists,
 * when the expected sequence is owned by that column (a serial column).
 */
export declare function ensureSequence(ctx: PlanContext, sequenceText: string | null, findingId: string, owner: SequenceOwner | null): PlanStatement[];
/** The columns of `model` whose default draws from `s`, as display names. */
export declare function defaultsDrawingFrom(model: SchemaModel, s: {
    schema: string;
    name: string;
}): string[];
export declare const SEQUENCE_PLAN: KindPlan<SequenceFinding>;
