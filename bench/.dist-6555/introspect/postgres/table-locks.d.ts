import { type Kysely } from 'kysely';
import { type TableScopeInput } from './table-scope.js';
/**
 * Concurrent DDL and locked tables (see introspectPostgres).
 *
 * The catalog rows we read come from one MVCC snapshot, but the server's
 * deparsers (`pg_get_indexdef`, `pg_get_expr`, `format_type`, ...) read the
 * latest committed catalog state: a table dropped or renamed next door while
 * we read can make them fail ("cache lookup failed for relation N") or print
 * another name than the snapshot's. pg_dump's answer is ours: before the
 * snapshot is taken, the tables in scope are locked in ACCESS SHARE mode
 * (what a plain SELECT takes; allowed in a read-only transaction and on a hot
 * standby), which DROP, RENAME and ALTER ... TYPE wait for. What a lock
 * cannot cover (tables the role may not lock, index renames, objects created
 * in between) the consistency check at the end finds, and the whole read is
 * retried.
 */
/** One table in scope, as listed before the transaction starts. */
export interface PlannedTable {
    readonly oid: string;
    readonly schema: string;
    readonly name: string;
    /** The role may lock it (LOCK ... ACCESS SHARE needs SELECT on the table). */
    readonly lockable: boolean;
    /** Locks another session holds or waits for that conflict with ours (ACCESS EXCLUSIVE), e.g. `AccessExclusiveLock held by pid 42`; null: none. */
    readonly heldBy: string | null;
}
/**
 * The tables in scope and who holds them: one statement, outside the
 * transaction (a query inside it would fix the snapshot before the locks).
 * Only ACCESS EXCLUSIVE conflicts with ACCESS SHARE; a session waiting for
 * it also makes newcomers queue behind it, so waiting ones count too.
 */
export declare function planTables(db: Kysely<unknown>, scope: TableScopeInput): Promise<PlannedTable[]>;
/** `LOCK TABLE ONLY ... IN ACCESS SHARE MODE` on `tables`, one statement; waits up to lock_timeout per table. */
export declare function lockTables(db: Kysely<unknown>, tables: readonly PlannedTable[]): Promise<void>;
/** `schema.name (AccessExclusiveLock held by pid N)` for each of `tables` another session holds (or waits for) in ACCESS EXCLUSIVE mode now. */
export declare function lockHolders(db: Kysely<unknown>, tables: readonly PlannedTable[]): Promise<string[]>;
/**
 * How many objects read from the snapshot no longer have the same name in
 * the latest committed catalog (renamed, moved or dropped since the snapshot
 * was taken): tables and every other relation of the schemas read, indexes,
 * columns, table constraints and triggers of the tables read, and the
 * enums, domains and other types of those schemas. `pg_identify_object_as_address`
 * reads the system caches (latest state, NULL for a dropped object), the
 * names it is compared with come from the snapshot. Tables in `locked`
 * (held in ACCESS SHARE mode since before the snapshot) and their columns
 * cannot have changed and are not looked up. Zero: whatever the
 * deparsers printed during the read described the snapshot's objects.
 * One statement, whatever the number of objects.
 */
export declare function changedSinceSnapshot(db: Kysely<unknown>, scope: TableScopeInput, locked?: readonly PlannedTable[]): Promise<number>;
