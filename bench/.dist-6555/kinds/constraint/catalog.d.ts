import type { CatalogScope, MemberCatalog } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import type { ColumnsByAttnum } from '../column/catalog.js';
import type { Constraint } from './model.js';
/**
 * The select list of {@link constraintsQuery}, in order (array row mode,
 * every value text). type p, u, f, c, x; attnums and ref_attnums (int2[]);
 * ref_oid '0' when not a foreign key; on_update / on_delete / match: the
 * catalog codes; index_oid: the index a primary key, unique or exclusion
 * constraint is implemented by (null for the others).
 */
export declare const CONSTRAINT_FIELDS: readonly ["table_oid", "name", "type", "deferrable", "deferred", "validated", "no_inherit", "attnums", "ref_oid", "ref_attnums", "on_update", "on_delete", "match", "index_oid", "definition", "comment"];
/** The select list of {@link referencedColumnsQuery}: a column some foreign key references in a table outside the scope, and that table's name. */
export declare const REFERENCED_COLUMN_FIELDS: readonly ["table_oid", "schema", "table", "attnum", "name"];
/**
 * Table constraints (primary key, unique, foreign key, check, exclusion).
 * NOT NULL constraints, which PostgreSQL 18 also stores here, are column
 * nullability in our model and are skipped. The select list holds no
 * correlated subquery (so the deparsing may run in parallel workers), and
 * the query joins nothing it can do without: referenced tables and columns
 * come back as OIDs and attnums, named from the table and column rows (or
 * referencedColumnsQuery, outside the scope); a unique constraint's NULLS NOT
 * DISTINCT is its index's. No ORDER BY: each table's constraints are sorted
 * by name when it is assembled.
 */
export declare function constraintsQuery(scope: CatalogScope): CatalogQuery<typeof CONSTRAINT_FIELDS>;
/**
 * Names of the columns foreign keys reference in tables outside the scope,
 * by (table OID, attnum), with the table's schema and name: the table and
 * column queries do not go there. Referenced tables in scope are named from
 * their own rows.
 */
export declare function referencedColumnsQuery(scope: CatalogScope): CatalogQuery<typeof REFERENCED_COLUMN_FIELDS>;
/** A table a foreign key references: its name and its columns by attnum. */
export interface ReferencedTable {
    readonly schema: string;
    readonly name: string;
    readonly columns: ColumnsByAttnum;
}
/** The facts a constraint takes from the index it is implemented by. */
export interface ImplementingIndex {
    readonly nullsNotDistinct: boolean;
}
/**
 * A constraint row as a model constraint, given its table's columns by
 * attnum, the index it is implemented by (primary key, unique, exclusion;
 * undefined when none was read) and, for a foreign key, the referenced
 * table by OID (in or outside the scope; undefined when unknown).
 */
export declare function decodeConstraint(row: RowOf<typeof CONSTRAINT_FIELDS>, tableColumns: ColumnsByAttnum, index: ImplementingIndex | undefined, referenced: (oid: string) => ReferencedTable | undefined): Constraint;
/** How constraints are read: referenced columns outside the scope first, which foreign keys need (see kind-catalog.ts). */
export declare const CONSTRAINT_CATALOG: MemberCatalog;
