import type { CatalogScope, MemberCatalog, Mutable } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import type { Column } from './model.js';
/**
 * The select list of {@link columnsQuery}, in order (array row mode, every
 * value text). expr: the default or generation expression (pg_get_expr of
 * pg_attrdef.adbin); generated '' normal, 's' stored, 'v' virtual (18+);
 * identity '' none, 'a' always, 'd' by default; collation:
 * pg_attribute.attcollation when not the type's (named from the collation
 * lookup), else null; key_collation: attcollation when it is neither 0 (not
 * collatable) nor 100 (`default`), else null (index key collations are
 * compared with it).
 */
export declare const COLUMN_FIELDS: readonly ["table_oid", "attnum", "name", "type", "not_null", "expr", "generated", "identity", "collation", "key_collation", "comment"];
/** A table's columns by attnum (dropped columns leave holes): how index keys and constraints name theirs. */
export type ColumnsByAttnum = readonly ({
    readonly name: string;
} | undefined)[];
/**
 * All live columns of every table in scope, in one query. `format_type` and
 * `pg_get_expr` are most of this query's server time, and they are exactly
 * the facts we need, so they stay. Collations come as OIDs, named from the
 * collation lookup (name-lookups.ts). No ORDER BY: the assembler places each
 * column by its attnum.
 */
export declare function columnsQuery(scope: CatalogScope): CatalogQuery<typeof COLUMN_FIELDS>;
/**
 * A column row as a model column; its position (0 here) is set when its
 * table is assembled. `collations` names collation OIDs; `intern` returns the
 * one kept copy of a text that recurs across tables (names, types,
 * defaults), so each row's own copy dies young.
 */
export declare function decodeColumn(row: RowOf<typeof COLUMN_FIELDS>, collations: ReadonlyMap<string, string>, intern: (text: string) => string): Mutable<Column>;
/** How columns are read: see kind-catalog.ts. */
export declare const COLUMN_CATALOG: MemberCatalog;
