import type { TableRef } from './model.js';
export interface CreateTableOptions {
    readonly ifNotExists: boolean;
}
/**
 * `CREATE [UNLOGGED] TABLE name (items) [INHERITS (parents)] [PARTITION BY
 * key]`; items are column definitions and inline constraints, SQL already,
 * one per line. An inheritance child lists the columns and checks it
 * inherits too: PostgreSQL merges them with its parents'.
 */
export declare function createTableSql(t: {
    readonly schema: string;
    readonly name: string;
    readonly unlogged: boolean;
    readonly items: readonly string[];
    readonly partitionBy: string | null;
    readonly inherits?: readonly TableRef[];
}, o: CreateTableOptions): string;
/** `ALTER TABLE child INHERIT parent` / `NO INHERIT parent`, only when it is not (or is) a parent already: idempotent. */
export declare function inheritSql(schema: string, name: string, parent: TableRef, inherit: boolean): string;
/**
 * `CREATE [UNLOGGED] TABLE name PARTITION OF parent [(column options)] bound
 * [PARTITION BY key]`: a partition's columns are its parent's; an option
 * line (`col WITH OPTIONS DEFAULT 0 NOT NULL`) adds what the partition has
 * of its own.
 */
export declare function createPartitionSql(t: {
    readonly schema: string;
    readonly name: string;
    readonly unlogged: boolean;
    readonly parent: {
        readonly schema: string;
        readonly table: string;
    };
    readonly bound: string;
    readonly columnOptions: readonly string[];
    readonly partitionBy: string | null;
}, o: CreateTableOptions): string;
export declare function dropTableSql(schema: string, name: string): string;
/** `ALTER TABLE … SET UNLOGGED` / `SET LOGGED`: rewrites the table. */
export declare function setLoggedSql(schema: string, name: string, unlogged: boolean): string;
export declare function commentOnTableSql(schema: string, name: string, comment: string): string;
