import { type RawBuilder } from 'kysely';
/** What the table scope is built from: a CatalogScope's schemas and the tables left unread. */
export interface TableScopeInput {
    readonly schemas: readonly string[] | undefined;
    /** OIDs of tables not to read (`--lock-wait skip`: held by another session). */
    readonly notRead?: readonly string[];
    /**
     * OIDs of the only tables to read: those listed (and locked) before the
     * snapshot. A table created in between is left out, as if read a moment
     * earlier: it is not locked, and deparsing it could wait for (or, on a
     * standby, deadlock with) the DDL creating it. Absent: every table.
     */
    readonly only?: readonly string[];
}
/**
 * `scope(oid, relkind, nspname)`: the ordinary and partitioned tables being
 * audited. Every per-table query (columns, indexes, constraints, triggers)
 * starts from it, so each is one catalog-wide query whatever the number of
 * tables. Tables left unread (`notRead`) are out of it, so no query touches
 * them (their members included).
 */
export declare function tableScope({ schemas, notRead, only }: TableScopeInput): RawBuilder<unknown>;
