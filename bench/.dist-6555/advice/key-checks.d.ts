import type { Constraint, Index, Table } from '../model/schema-model.js';
import { type Context, type Draft } from './context.js';
/**
 * `fk_without_index`: a foreign key none of whose table's indexes supports
 * it (see `supportsForeignKey`). Foreign keys on the same column set share
 * one index, so they make one finding, on the first by name; the others are
 * listed in `actual.alsoForeignKeys`.
 */
export declare function fkWithoutIndex(ctx: Context, table: Table, indexes: readonly Index[], constraints: readonly Constraint[], out: Draft[]): void;
/**
 * `table_without_primary_key`: an ordinary or partitioned table with no
 * primary key constraint. A partition of a table with a primary key always
 * has one (the server adds it), so partitions are reported only when their
 * parent is out of scope (the partition rule folds the rest into the
 * parent). `actual.uniqueCandidates` lists the valid, non-partial unique
 * btree indexes on plain NOT NULL columns, any of which could become it.
 */
export declare function tableWithoutPrimaryKey(ctx: Context, table: Table, indexes: readonly Index[], constraints: readonly Constraint[], out: Draft[]): void;
/**
 * `constraint_not_valid`: a constraint added NOT VALID and never validated
 * (`pg_constraint.convalidated` false): a foreign key or a check. New writes
 * are checked, rows written before it are not. The copies of a foreign key
 * the server adds for a partitioned referenced table are part of the
 * original and not reported again.
 */
export declare function constraintsNotValid(ctx: Context, table: Table, constraints: readonly Constraint[], out: Draft[]): void;
