import { sql, type Kysely } from 'kysely';
import type { RawIndexUsageRow } from '../raw-rows.js';
import { tableScope } from './scope.js';

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Usage counters of the indexes of the tables in scope, and since when they
 * count: one statement, one row, whatever the number of indexes.
 *
 * Privileges: `pg_stat_user_indexes`, `pg_stat_database` and
 * `pg_postmaster_start_time()` are granted to PUBLIC on PostgreSQL 14–18 and
 * the index counters are not filtered by table privileges, so the CONNECT +
 * USAGE audit role reads the same numbers as a superuser (tested).
 *
 * `pg_stat_user_indexes` lists indexes of ordinary tables (and partitions),
 * not the partitioned indexes of a partitioned table, which count nothing
 * themselves. Its rows come from the statistics system, not from the MVCC
 * snapshot; inside our transaction they are read once and stay fixed.
 */
export async function queryIndexUsage(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawIndexUsageRow> {
  const iso = sql.raw(ISO_UTC);
  const { rows } = await sql<RawIndexUsageRow>`
    with ${tableScope(schemas)},
    usage as (
      -- Index OIDs and counters only: the names come from the index rows we
      -- already have (every index of a table in scope is among them).
      select coalesce(string_agg(s.indexrelid::text, ' '), '') as index_oids,
             coalesce(string_agg(coalesce(s.idx_scan, 0)::text, ' '), '') as scans
      from scope
      join pg_catalog.pg_stat_user_indexes s on s.relid = scope.oid)
    select current_setting('track_counts')::bool as track_counts,
           (select to_char(d.stats_reset at time zone 'UTC', ${iso})
              from pg_catalog.pg_stat_database d where d.datname = current_database()) as stats_reset,
           to_char(pg_catalog.pg_postmaster_start_time() at time zone 'UTC', ${iso}) as server_start,
           usage.index_oids, usage.scans
    from usage`.execute(db);
  return rows[0]!;
}
