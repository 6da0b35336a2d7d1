import type { Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import type { PlanStatement } from '../../plan/types.js';
import { type SequenceOwner } from '../sequence/plan.js';
import type { Column } from './model.js';
/** What a new column needs to exist first: the expected extensions, the domain its type names. */
export declare function ensureColumnNeeds(ctx: PlanContext, c: Column, findingId: string): void;
/** The sequence a serial default (`nextval('…')`) draws from, created when the database lacks it; see ensureSequence. */
export declare function ensureColumnSequence(ctx: PlanContext, defaultSql: string | null, findingId: string, owner: SequenceOwner | null): PlanStatement[];
/** The temporary CHECK (col IS NOT NULL) behind a safe SET NOT NULL. */
export declare function notNullHelperName(table: string, column: string): string;
/** The primary-key columns of a table and their types, to batch a backfill by; empty without a table or a primary key. */
export declare function primaryKeyOf(t: Table | undefined): {
    name: string;
    type: string;
}[];
