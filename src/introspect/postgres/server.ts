import { sql, type Kysely } from 'kysely';
import { identityColumns, type IdentityAccess } from '../../history/catalog-identity.js';

/** The one row of {@link queryServer}. */
export interface RawServerRow {
  server_version_num: string;
  server_version: string;
  database: string;
  current_user: string;
  /** `track_counts`: false means no usage counters are collected at all. */
  track_counts: boolean;
  /** The role may call `pg_stat_get_numscans(oid)` (granted to PUBLIC unless revoked). */
  can_numscans: boolean;
  /** The role may read `pg_stat_database`. */
  can_stat_database: boolean;
  /** The role may call `pg_postmaster_start_time()`. */
  can_start_time: boolean;
  /** The server's roles (`pg_roles`, readable by every role; predefined ones included), as a JSON array: policies may name only these. */
  roles: string | null;
  /** Of the catalogs asked about, those the role may not SELECT from (JSON array; visibility.ts). */
  hidden_relations?: string | null;
  /** Whether the role may read every column of pg_proc but its source (`prosrc`): the usual way to hide function source. */
  proc_but_source?: boolean | null;
  /** The cluster's system identifier and the relations' OIDs, for run history (src/history/catalog-identity.ts). */
  system_identifier?: string | null;
  catalog_objects?: string | null;
}

/**
 * Catalogs PUBLIC may read only some columns of, and the columns the
 * statements read: `pg_subscription` hides `subconninfo` (a password may be
 * in it) from every role but superusers, so SELECT on the table is never
 * held by an audit role; the coverage statement reads only these.
 */
const COLUMNS_READ: Readonly<Record<string, readonly string[]>> = {
  'pg_catalog.pg_subscription': ['subname', 'subdbid'],
};

/**
 * Server version, who we are, which of the catalogs `relations` the role
 * may not read (visibility.ts), the roles there are (for the plan: a policy
 * naming a role the server lacks cannot be created), and whether we may read the statistics the
 * index usage query needs (a privilege missing there would fail the whole
 * read: a function's EXECUTE right is checked when a statement starts, even
 * in a CASE branch never taken, so the check comes first, in its own
 * statement).
 */
export async function queryServer(db: Kysely<unknown>, relations: readonly string[] = [], identity?: { access: IdentityAccess; schemas: readonly string[] | undefined }): Promise<RawServerRow> {
  const { rows } = await sql<RawServerRow>`
    select current_setting('server_version_num') as server_version_num,
           current_setting('server_version') as server_version,
           current_database() as database,
           current_user as current_user,
           current_setting('track_counts')::bool as track_counts,
           pg_catalog.has_function_privilege('pg_catalog.pg_stat_get_numscans(oid)', 'EXECUTE') as can_numscans,
           pg_catalog.has_table_privilege('pg_catalog.pg_stat_database', 'SELECT') as can_stat_database,
           pg_catalog.has_function_privilege('pg_catalog.pg_postmaster_start_time()', 'EXECUTE') as can_start_time,
           (select pg_catalog.json_agg(r.rolname)::text from pg_catalog.pg_roles r) as roles,
           -- Catalogs the kinds' statements read that the role may not (visibility.ts); a name this major lacks is skipped.
           (select pg_catalog.json_agg(x.rel order by x.rel)::text
              from rows from (pg_catalog.unnest(${[...relations]}::text[]), pg_catalog.unnest(${relations.map((r) => (COLUMNS_READ[r] ?? []).join(','))}::text[])) x(rel, cols)
             where pg_catalog.to_regclass(x.rel) is not null
               and not pg_catalog.has_table_privilege(pg_catalog.to_regclass(x.rel), 'SELECT')
               and not (x.cols <> '' and (select pg_catalog.bool_and(pg_catalog.has_column_privilege(pg_catalog.to_regclass(x.rel), c, 'SELECT'))
                                            from pg_catalog.unnest(pg_catalog.string_to_array(x.cols, ',')) c))) as hidden_relations,
           -- Column grants on every column of pg_proc but prosrc (function source hidden): the other kinds read those only.
           (select pg_catalog.bool_and(pg_catalog.has_column_privilege('pg_catalog.pg_proc'::pg_catalog.regclass, a.attnum, 'SELECT'))
              from pg_catalog.pg_attribute a
             where a.attrelid = 'pg_catalog.pg_proc'::pg_catalog.regclass and a.attnum > 0 and a.attname <> 'prosrc') as proc_but_source,
           ${identityColumns(identity?.access, identity?.schemas)}`.execute(db);
  return rows[0]!;
}

/** Whether the index usage counters can be read, and if not, why (for the report). */
export function statsAccess(row: RawServerRow): { readable: true } | { readable: false; reason: string } {
  const missing = [
    ...(row.can_numscans ? [] : ['EXECUTE on pg_stat_get_numscans(oid)']),
    ...(row.can_stat_database ? [] : ['SELECT on pg_stat_database']),
    ...(row.can_start_time ? [] : ['EXECUTE on pg_postmaster_start_time()']),
  ];
  if (missing.length > 0) return { readable: false, reason: `the role ${row.current_user} may not read the index usage statistics (lacks ${missing.join(', ')})` };
  if (!row.track_counts) return { readable: false, reason: 'the server collects no statistics (track_counts is off)' };
  return { readable: true };
}
