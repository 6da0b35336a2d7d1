/**
 * What run history needs from the catalogs, read inside the audit's one
 * read-only snapshot transaction without a statement of its own: columns
 * of the settings statement say what may be read (EXECUTE on
 * pg_control_system() and pg_xact_commit_timestamp(xid), whether
 * track_commit_timestamp is on); columns of the server statement then read
 * the cluster's system identifier and the relations' OIDs (with their
 * pg_class row's commit time where track_commit_timestamp is on). A
 * function's EXECUTE right is checked when a statement starts, even in a
 * branch never taken: hence the check one statement earlier.
 */
import { sql, type RawBuilder } from 'kysely';

/** A relation of the audited schemas, by OID (tables, views, sequences). */
export interface CatalogObject {
  readonly oid: number;
  readonly kind: 'table' | 'view' | 'sequence';
  readonly schema: string;
  readonly name: string;
  /** When its pg_class row was last written (ISO 8601); null when unknown or track_commit_timestamp is off. */
  readonly committedAt: string | null;
}

/** The database's identity and its relations' OIDs, for `--history`. */
export interface CatalogIdentity {
  /** `pg_control_system().system_identifier`; null when the role may not call it. */
  readonly systemIdentifier: string | null;
  /** Whether commit times were read (track_commit_timestamp on, and the role may call pg_xact_commit_timestamp). */
  readonly commitTimestamps: boolean;
  readonly objects: readonly CatalogObject[];
}

/** The settings statement's row, its identity columns. */
export interface IdentityAccess {
  readonly can_control_system?: boolean | null;
  readonly commit_ts?: boolean | null;
}

/** Columns for the settings statement (the first that reads). */
export const IDENTITY_ACCESS_COLUMNS = sql`pg_catalog.has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE') as can_control_system,
                   pg_catalog.current_setting('track_commit_timestamp')::bool
                     and pg_catalog.has_function_privilege('pg_catalog.pg_xact_commit_timestamp(xid)', 'EXECUTE') as commit_ts`;

/** Columns for the server statement: `system_identifier` and `catalog_objects` (JSON), in the schemas read (all but the system's when none are named). */
export function identityColumns(access: IdentityAccess | undefined, schemas: readonly string[] | undefined): RawBuilder<unknown> {
  const sysid = access?.can_control_system === true ? sql`(select s.system_identifier::text from pg_catalog.pg_control_system() s)` : sql`null::text`;
  const committed = access?.commit_ts === true ? sql`pg_catalog.pg_xact_commit_timestamp(c.xmin)` : sql`null::timestamptz`;
  const scope = schemas === undefined ? sql`n.nspname <> 'information_schema' and n.nspname !~ '^pg_'` : sql`n.nspname = any(${[...schemas]}::text[])`;
  return sql`${sysid} as system_identifier,
           (select pg_catalog.json_agg(pg_catalog.json_build_array(c.oid, c.relkind, n.nspname, c.relname, ${committed}) order by c.oid)::text
              from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'p', 'f', 'v', 'm', 'S') and ${scope}) as catalog_objects`;
}

const RELKIND: Readonly<Record<string, CatalogObject['kind']>> = { r: 'table', p: 'table', f: 'table', v: 'view', m: 'view', S: 'sequence' };

/** The identity from the two statements' rows. */
export function catalogIdentity(access: IdentityAccess | undefined, row: { system_identifier?: string | null; catalog_objects?: string | null }): CatalogIdentity {
  const raw = row.catalog_objects ? (JSON.parse(row.catalog_objects) as [number, string, string, string, string | null][]) : [];
  return {
    systemIdentifier: row.system_identifier ?? null,
    commitTimestamps: access?.commit_ts === true,
    objects: raw.map(([oid, relkind, schema, name, at]) => ({
      oid: Number(oid),
      kind: RELKIND[relkind] ?? 'table',
      schema,
      name,
      committedAt: at === null || at === undefined ? null : new Date(at).toISOString(),
    })),
  };
}
