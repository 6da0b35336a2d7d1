export type SortOrder = 'asc' | 'desc';
export type NullsOrder = 'first' | 'last';
export interface IndexKeyPart {
    /** Column name, or null when the key part is an expression. */
    readonly column: string | null;
    /** Expression text for an expression key part (`lower(email)`), else null. */
    readonly expression: string | null;
    readonly order: SortOrder;
    readonly nulls: NullsOrder;
    /** Non-default operator class (`text_pattern_ops`), else null. */
    readonly opclass: string | null;
    /** Non-default collation, else null. */
    readonly collation: string | null;
}
/** An index of a table. */
export interface Index {
    readonly name: string;
    /** Access method: btree, hash, gin, gist, brin, spgist, or an extension's. */
    readonly method: string;
    readonly unique: boolean;
    readonly primary: boolean;
    /** The key columns or expressions, in order. */
    readonly keys: readonly IndexKeyPart[];
    /** `INCLUDE (...)` columns, in order. */
    readonly include: readonly string[];
    /** Partial index predicate as `pg_get_expr` prints it. */
    readonly where: string | null;
    /** UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+). */
    readonly nullsNotDistinct: boolean;
    /** False after a failed `CREATE INDEX CONCURRENTLY` (`pg_index.indisvalid`). */
    readonly valid: boolean;
    /** Name of the constraint this index implements (primary key, unique, exclusion). */
    readonly constraint: string | null;
    /** `CREATE [UNIQUE] INDEX ...` exactly as `pg_get_indexdef` prints it. */
    readonly definition: string;
    /** `COMMENT ON INDEX`: in a spec, the query the index serves. */
    readonly comment: string | null;
}
