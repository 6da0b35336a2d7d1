import { type Kysely, type LogEvent } from 'kysely';
import type pg from 'pg';
import type { IntrospectOptions, IntrospectionResult } from '../introspector.js';
/** introspectPostgres's options: the schemas to read, how to treat locked tables, and a statement logger. */
export interface IntrospectPostgresOptions extends IntrospectOptions {
    /** Receives every statement, as kysely's logger does. */
    readonly onQuery?: (event: LogEvent) => void;
    /** The connection's lock_timeout (default 5 s): how long `skip` waits for a locked table before leaving it out. */
    readonly lockTimeoutMs?: number;
}
/** How many times a read that met concurrent DDL is started again before giving up. */
export declare const READ_ATTEMPTS = 6;
/**
 * Read the schema in one REPEATABLE READ, READ ONLY transaction, so every
 * query sees the same snapshot even while a migration commits next door.
 * Always 24 statements whatever the number of tables: the tables in scope
 * and their lock holders (before the transaction), BEGIN, one LOCK TABLE of
 * those tables in ACCESS SHARE mode, the session settings (the first
 * statement to read: the snapshot is taken after the locks), the server
 * version and privileges, one catalog query per object kind, the expression
 * texts of indexes with several expressions, the tables and columns foreign
 * keys reference outside the scope, two small name lookups, the index usage
 * counters (when the role may read them), the consistency check, COMMIT.
 * The catalog queries are the kinds' own (`src/kinds/<kind>/catalog.ts`),
 * run by walking the registry (readModel). The big queries return raw
 * catalog columns, keep correlated subqueries out of their select lists (so
 * the server may deparse in parallel workers) and join nothing per row that
 * other rows already say: OIDs are named client-side. The per-table ones
 * (tables, columns, indexes, constraints, triggers and their helpers) go to
 * the pg client under `db` in array row mode and stream into the model as
 * their rows arrive (stream-rows.ts, catalog-assembler.ts).
 * statement_timeout and lock_timeout come with the connection
 * (src/db/connect.ts).
 *
 * Concurrent DDL (table-locks.ts): the tables are locked before the
 * snapshot; the consistency check at the end compares the snapshot's names
 * with the latest committed ones. A read that meets concurrent DDL (a
 * changed name, "cache lookup failed", a table gone before it was locked, a
 * standby's recovery conflict) is rolled back and started again, up to
 * READ_ATTEMPTS times: the model is always one snapshot's.
 *
 * Locked tables (`lockWait`): a table another session holds in ACCESS
 * EXCLUSIVE mode cannot be locked (nor its defaults deparsed). `wait` (the
 * default) waits lock_timeout, then fails naming the table and the holder;
 * `skip` waits as long for it to be released, then reads the others and
 * reports it in `notRead`.
 *
 * Why pg_catalog and not information_schema: information_schema shows only
 * objects the current role has some privilege on (a CONNECT + USAGE audit
 * role would see no tables and report everything missing), lacks index,
 * enum, partition and identity-sequence facts, and costs about 2.5× the
 * equivalent catalog queries on large schemas. pg_catalog is readable by
 * every role. `pg_indexes` is a thin view over the same pg_index rows we read.
 *
 * The search_path is pinned to `pg_catalog, public` so that `format_type` and
 * the deparsers qualify exactly the names outside those two schemas, the same
 * way on every run.
 */
export declare function introspectPostgres(db: Kysely<unknown>, client: pg.ClientBase, options?: IntrospectPostgresOptions): Promise<IntrospectionResult>;
