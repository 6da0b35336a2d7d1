import { sql } from 'kysely';
import { tableScope } from './table-scope.js';
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
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
export async function queryIndexUsage(db, scope) {
    const iso = sql.raw(ISO_UTC);
    const { rows } = await sql `
    with ${tableScope(scope)},
    usage as (
      -- Index OIDs and counters only: the names come from the index rows we
      -- already have (every index of a table in scope is among them).
      select coalesce(string_agg(i.indexrelid::text, ' '), '') as index_oids,
             coalesce(string_agg(pg_catalog.pg_stat_get_numscans(i.indexrelid)::text, ' '), '') as scans
      from scope
      join pg_catalog.pg_index i on i.indrelid = scope.oid
      where scope.relkind = 'r'
        and scope.nspname not in ('pg_catalog', 'information_schema') and scope.nspname !~ '^pg_toast')
    select current_setting('track_counts')::bool as track_counts,
           (select to_char(d.stats_reset at time zone 'UTC', ${iso})
              from pg_catalog.pg_stat_database d where d.datname = current_database()) as stats_reset,
           to_char(pg_catalog.pg_postmaster_start_time() at time zone 'UTC', ${iso}) as server_start,
           usage.index_oids, usage.scans
    from usage`.execute(db);
    return rows[0];
}
//# sourceMappingURL=index-usage.js.map