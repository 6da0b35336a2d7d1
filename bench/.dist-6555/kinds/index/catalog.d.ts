import type { CatalogNames, CatalogScope, MemberCatalog, Mutable } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import type { ColumnsByAttnum } from '../column/catalog.js';
import type { Index } from './model.js';
/**
 * The select list of {@link indexesQuery}, in order (array row mode, every
 * value text). attnums (int2vector): key then INCLUDE columns, 0 marks an
 * expression; options (int2vector), per key column: bit 1 DESC, bit 2 NULLS
 * FIRST; opclass_oids and collation_oids (oidvector), per key column (0: no
 * collation); first_expression: the text of the first expression key part,
 * null when there is none (the others come from INDEX_EXPRESSION_FIELDS).
 */
export declare const INDEX_FIELDS: readonly ["table_oid", "oid", "name", "method", "is_unique", "is_primary", "is_valid", "nulls_not_distinct", "key_count", "attnums", "options", "opclass_oids", "collation_oids", "predicate", "first_expression", "definition", "comment"];
/** The select list of {@link indexExpressionsQuery}: one expression key part of an index with several; position is 1-based. */
export declare const INDEX_EXPRESSION_FIELDS: readonly ["index_oid", "position", "expression"];
/**
 * Every index of every table in scope, as raw catalog columns plus the
 * server's deparsed definition and predicate. The select list holds no
 * correlated subquery, so PostgreSQL may run it, deparsing included, in
 * parallel workers; key columns, operator classes and collations are
 * resolved by name client-side (see name-lookups.ts), and so is the
 * constraint an index implements (from the constraint rows). The text of the
 * first expression key part comes along (most expression indexes have just
 * one), the others from indexExpressionsQuery. No ORDER BY: each table's
 * indexes are sorted by name when it is assembled.
 */
export declare function indexesQuery(scope: CatalogScope): CatalogQuery<typeof INDEX_FIELDS>;
/**
 * The text of each expression key part (`lower(email)`) of the indexes with
 * more than one: one `pg_get_indexdef(index, k)` per such key part.
 */
export declare function indexExpressionsQuery(scope: CatalogScope): CatalogQuery<typeof INDEX_EXPRESSION_FIELDS>;
/**
 * An index row as a model index, given its table's columns and their key
 * collations (COLUMN_FIELDS' key_collation) by attnum, the texts of its
 * expression key parts by position when it has several (else undefined),
 * and the names of operator classes and collations. Its `constraint` is
 * null here: the constraint rows, which come later, say it.
 */
export declare function decodeIndex(row: RowOf<typeof INDEX_FIELDS>, columns: ColumnsByAttnum, keyCollations: readonly (string | undefined)[], expressions: readonly (string | undefined)[] | undefined, names: CatalogNames): Mutable<Index>;
/** How indexes are read: expression texts first, which the index rows need (see kind-catalog.ts). */
export declare const INDEX_CATALOG: MemberCatalog;
