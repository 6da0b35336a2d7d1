import { type Kysely } from 'kysely';
import { type TableScopeInput } from './table-scope.js';
/** The one row of the index usage query: the counting window, then one entry per index in two parallel lists. */
export interface RawIndexUsageRow {
    /** `track_counts`: false means no counters are collected at all. */
    track_counts: boolean;
    /** `pg_stat_database.stats_reset`, ISO 8601 UTC; null when never reset. */
    stats_reset: string | null;
    /** `pg_postmaster_start_time()`, ISO 8601 UTC. */
    server_start: string;
    /** Index OIDs, space-separated ('' for none). */
    index_oids: string;
    /** `idx_scan` of each of those indexes, space-separated. */
    scans: string;
}
/**
 * Usage counters of the indexes of the tables in scope, and since when they
 * count: one statement, one row, whatever the number of indexes.
 *
 * The entries are those of `pg_stat_user_indexes` for the tables in scope,
 * read the way that view reads them (PostgreSQL 14–18 define it alike): the
 * indexes of ordinary tables (and partitions; the view's TOAST tables and
 * materialized views are never in scope), outside `pg_catalog`,
 * `information_schema` and `pg_toast*`, with `pg_stat_get_numscans()` as
 * `idx_scan`. Not the view itself: it looks up both the table's and the
 * index's pg_class row per index, most of this statement's time on large
 * schemas, where the scope already has the table. Partitioned indexes of a
 * partitioned table are not listed: they count nothing themselves. The
 * counters come from the statistics system, not from the MVCC snapshot;
 * inside our transaction they are read once and stay fixed.
 *
 * Privileges: `pg_stat_get_numscans()`, `pg_stat_database` and
 * `pg_postmaster_start_time()` are granted to PUBLIC on PostgreSQL 14–18 and
 * the index counters are not filtered by table privileges, so the CONNECT +
 * USAGE audit role reads the same numbers as a superuser (tested). A DBA
 * may revoke them: the introspector checks first (server.ts, statsAccess)
 * and runs this statement only when all three are readable.
 */
export declare function queryIndexUsage(db: Kysely<unknown>, scope: TableScopeInput): Promise<RawIndexUsageRow>;
