import type { CatalogScope, ContainerCatalog, Mutable } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import type { Column } from '../column/model.js';
import type { Constraint } from '../constraint/model.js';
import type { Index } from '../index/model.js';
import type { Trigger } from '../trigger/model.js';
import type { Table } from './model.js';
/**
 * The select list of {@link tablesQuery}, in order (array row mode, every
 * value text). relkind 'r' ordinary, 'p' partitioned; relpersistence 'u'
 * unlogged; reltuples a float8 (-1: never analysed).
 */
export declare const TABLE_FIELDS: readonly ["oid", "schema", "name", "relkind", "relpersistence", "reltuples", "partition_key", "partition_bound", "parent_schema", "parent_name", "comment", "inherits"];
/** Tables in scope, one row each. */
export declare function tablesQuery(scope: CatalogScope): CatalogQuery<typeof TABLE_FIELDS>;
/** A table row as a model table (`oid` aside), its member lists empty until {@link assembleTable}. */
export declare function decodeTable(row: RowOf<typeof TABLE_FIELDS>): Mutable<Table>;
/** A table's members as their rows arrive, before {@link assembleTable}. */
export interface TableMembers {
    /** Columns by attnum (dropped columns leave holes); positions are set by assembleTable. */
    readonly columns: (Mutable<Column> | undefined)[];
    readonly indexes: Index[];
    readonly constraints: Constraint[];
    readonly triggers: Trigger[];
}
/**
 * The table with its members in place: columns in attnum order, numbered
 * from 1 with no gap where a dropped column was; the other lists sorted by
 * name (code-unit order, never the database collation). Completes `table`
 * in place (no copy of 10,000 tables) and returns it.
 */
export declare function assembleTable(table: Mutable<Table>, members: TableMembers): Table;
/** Sorts tables by schema and name (code-unit order), in place. */
export declare function sortTables(tables: Table[]): Table[];
/** How tables are read: see kind-catalog.ts. */
export declare const TABLE_CATALOG: ContainerCatalog;
