import type { Column } from './model.js';
/** A column as CREATE TABLE and ADD COLUMN write it; every text is SQL already. */
export interface ColumnDefinition {
    readonly name: string;
    readonly type: string;
    readonly collation: string | null;
    readonly generated: {
        readonly expression: string;
        readonly kind: 'stored' | 'virtual';
    } | null;
    /** Identity, with the options of its sequence (`SEQUENCE NAME …`, `START WITH …`) when not PostgreSQL's defaults. */
    readonly identity: {
        readonly kind: 'always' | 'by_default';
        readonly sequenceOptions: readonly string[];
    } | null;
    readonly default: string | null;
    readonly notNull: boolean;
}
/** `name type [COLLATE c] [GENERATED …] [DEFAULT d] [NOT NULL]`. */
export declare function columnDefinitionSql(c: ColumnDefinition): string;
export declare function addColumnSql(schema: string, table: string, definition: ColumnDefinition): string;
export declare function dropColumnSql(schema: string, table: string, column: string): string;
export declare function alterColumnSql(schema: string, table: string, column: string, action: string): string;
export declare function commentOnColumnSql(schema: string, table: string, column: string, comment: string): string;
/** True when adding a column with this default would evaluate it per row (and rewrite the table). */
export declare function isVolatileDefault(expression: string): boolean;
/** The sequence a `nextval('…'::regclass)` default draws from, as written in the default. */
export declare function nextvalSequence(expression: string | null): string | null;
/** How a model column is written when the plan adds it: its default and NOT NULL may come later. */
export interface ModelColumnOptions {
    /** Write the default (false: the caller sets it later). */
    readonly withDefault: boolean;
    /** Write NOT NULL (false: the caller sets it later). */
    readonly withNotNull: boolean;
    /** Schemas whose names qualify a collation name (see objectNameSql). */
    readonly knownSchemas: ReadonlySet<string>;
}
/** A model column as a definition, as the plan writes it (CREATE TABLE, ADD COLUMN). */
export declare function modelColumnDefinition(c: Column, o: ModelColumnOptions): ColumnDefinition;
/** `ADD GENERATED … AS IDENTITY` to a column, unless it is already an identity column (re-runnable). */
export declare function addIdentityIfMissingSql(schema: string, table: string, column: string, kind: 'always' | 'by_default'): string;
/** Set the sequence behind an identity or serial column past the largest value the column holds. */
export declare function syncColumnSequenceSql(schema: string, table: string, column: string): string;
/** What to fill a column with, where it is NULL, and how. */
export interface BackfillTarget {
    readonly schema: string;
    readonly table: string;
    readonly column: string;
    /** SQL for the new value: an expression over the row, or `DEFAULT`. */
    readonly value: string;
    /** Primary-key columns and their types; empty when the table has none. */
    readonly key: readonly {
        readonly name: string;
        readonly type: string;
    }[];
    readonly batchSize: number;
}
/**
 * Fill `column` where it is NULL. With a primary key: a DO block that walks
 * the key in ranges of `batchSize` rows and commits after each, so no row
 * stays locked for longer than one batch and a re-run resumes (only NULLs
 * are touched); it cannot run inside a transaction block (`batched`).
 * Without a primary key: one UPDATE.
 */
export declare function backfillSql(t: BackfillTarget): {
    readonly sql: string;
    readonly batched: boolean;
};
