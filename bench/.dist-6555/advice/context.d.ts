/**
 * What every advice check shares: the tables advised on, the model's
 * partition trees, the partition rule (see advise.ts), and the foreign keys
 * that count.
 */
import type { FindingObject } from '../findings/finding.js';
import type { Constraint, ForeignKeyConstraint, SchemaModel, Table } from '../model/schema-model.js';
import type { AdviceKind } from './kinds.js';
/** A finding before severity and id, with what the partition rule needs. */
export interface Draft {
    readonly kind: AdviceKind;
    readonly table: Table;
    readonly object: FindingObject;
    readonly actual: unknown;
    readonly message: string;
    /** What a partition's draft must match on its parent to be folded into it; null: never folded. */
    readonly sameAs: string | null;
}
export interface Context {
    /** Tables advised on, sorted by schema and name. */
    readonly tables: readonly Table[];
    /** Every table of the model, by objectKey(schema, name). */
    readonly all: ReadonlyMap<string, Table>;
    /** Keys of the tables in scope. */
    readonly inScope: ReadonlySet<string>;
    /** Direct partitions of each table of the model, by the parent's key. */
    readonly partitions: ReadonlyMap<string, readonly Table[]>;
}
export declare function tableKey(t: {
    readonly schema: string;
    readonly name: string;
}): string;
export declare function context(model: SchemaModel, schemas: readonly string[] | undefined): Context;
/** The partition rule (see the module comment): drop a partition's draft its parent in scope also has. */
export declare function foldPartitions(ctx: Context, drafts: readonly Draft[]): Draft[];
export declare function columnsText(columns: readonly string[]): string;
export declare function sameList(a: readonly string[], b: readonly string[]): boolean;
/**
 * True for the copies of a foreign key the server adds when the referenced
 * table is partitioned: one constraint per referenced partition, on the same
 * columns (`orders_cid_fkey1 ... REFERENCES customers_1`). They are part of
 * the constraint on the partitioned table, which is the one advised on.
 * Recognised when the referenced tables are in the model.
 */
export declare function isReferencedPartitionCopy(ctx: Context, table: Table, fk: ForeignKeyConstraint): boolean;
/** True when table `t` is a partition, at any depth, of `ancestor`. */
export declare function isPartitionOf(ctx: Context, t: {
    readonly schema: string;
    readonly table: string;
}, ancestor: {
    readonly schema: string;
    readonly table: string;
}): boolean;
export declare function foreignKeys(ctx: Context, table: Table, constraints: readonly Constraint[]): ForeignKeyConstraint[];
/** The partitions of `table` that hold rows (not partitioned themselves), at any depth, in name order. */
export declare function leafPartitions(ctx: Context, table: Table): Table[];
