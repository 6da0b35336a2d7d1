import type { CatalogIdentity } from '../history/catalog-identity.js';
import type { SchemaModel } from '../model/schema-model.js';

/** What we learned about the server itself while introspecting. */
export interface ServerInfo {
  /** `server_version`, e.g. `17.10`. */
  readonly version: string;
  readonly major: number;
  readonly database: string;
  readonly user: string;
  /** The system identifier and the relations' OIDs, for run history (read from a live server; absent from a file's model). */
  readonly identity?: CatalogIdentity;
}

/**
 * What to do about a table another session holds in ACCESS EXCLUSIVE mode
 * (a migration running): `wait` up to the lock timeout, then fail naming it;
 * `skip`: wait as long, then read the other tables and report it as not read.
 */
export type LockWait = 'wait' | 'skip';

export interface IntrospectOptions {
  /** Schemas to read; default every non-system schema. */
  readonly schemas?: readonly string[];
  /** Schemas to leave out (`--exclude-schema`), whichever schemas are read. */
  readonly excludeSchemas?: readonly string[];
  /** Default `wait`. */
  readonly lockWait?: LockWait;
}

/** A table left out of the model (`--lock-wait skip`), and why. */
export interface NotReadTable {
  readonly schema: string;
  readonly name: string;
  /** e.g. `locked by another session: AccessExclusiveLock (pid 42)`. */
  readonly reason: string;
}

/**
 * An object of a kind schema-audit does not compare (a publication, a rule,
 * an operator...): listed so that reports say what the audit did not cover.
 */
export interface UncoveredObject {
  /** A key of UNCOVERED_KINDS (src/introspect/postgres/uncovered.ts): `publication`, `rule`, `operator class`. */
  readonly kind: string;
  /** Null for database-wide objects (publications, casts, foreign servers...). */
  readonly schema: string | null;
  /** Its name; a member's with its table (`orders.cancel_rule`), an operator's with its argument types. */
  readonly name: string;
}

/** How often one index was scanned, per `pg_stat_user_indexes`. */
export interface IndexUsage {
  readonly schema: string;
  readonly table: string;
  readonly index: string;
  /** `idx_scan`: index scans started on this index since `since`. */
  readonly scans: number;
}

/**
 * Index usage counters of the indexes in scope: statistics, not schema, so
 * they live beside the model, never in it (snapshots do not change with
 * traffic).
 *
 * `since` is when counting started, as far as the server can tell:
 * - `stats_reset`: `pg_stat_database.stats_reset` of the current database,
 *   set by `pg_stat_reset()` (and, up to PostgreSQL 14, also when the
 *   database's statistics were first created).
 * - `server_start`: the statistics were never reset, so `since` is
 *   `pg_postmaster_start_time()`. Counters survive a clean restart, so they
 *   cover at least that long (a crash or immediate shutdown discards them).
 *
 * Counters are per server: scans on a replica are not counted here.
 */
export interface IndexUsageStats {
  /** ISO 8601 (UTC, milliseconds); null when unknown (hand-built stats). */
  readonly since: string | null;
  readonly sinceKind: 'stats_reset' | 'server_start';
  /** Sorted by schema, table, index (code-unit order). */
  readonly indexes: readonly IndexUsage[];
}

export interface IntrospectionResult {
  readonly model: SchemaModel;
  readonly server: ServerInfo;
  /** Requested schemas that do not exist in the database. */
  readonly missingSchemas: readonly string[];
  /**
   * Usage counters of the indexes of the tables read (indexes of ordinary
   * tables and partitions; a partitioned table's own index has none).
   * Undefined when the server collects no statistics (`track_counts = off`).
   */
  readonly indexUsage?: IndexUsageStats;
  /** Why `indexUsage` is absent: the role may not read the statistics, or none are collected. */
  readonly indexUsageUnavailable?: string;
  /**
   * The server's roles, predefined ones included (cluster-wide, not
   * schema: kept out of the model), so the plan knows which roles a policy
   * may name there. Absent when not read (a model snapshot).
   */
  readonly roles?: readonly string[];
  /** Tables in scope that were not read (`lockWait: 'skip'`); absent when every table was read. */
  readonly notRead?: readonly NotReadTable[];
  /** Objects of kinds schema-audit does not compare, in the schemas read (and database-wide ones). */
  readonly uncovered: readonly UncoveredObject[];
  /**
   * Kinds the audit role could not read (src/introspect/postgres/visibility.ts):
   * their catalog statement was not run, their model section is empty, and
   * an audit compares none of their objects (never "missing"). Absent when
   * the role sees everything.
   */
  readonly notVisible?: NotVisible;
}

/** What the audit role could not read, and why. */
export interface NotVisible {
  /** The role that read (`current_user`). */
  readonly role: string;
  /** The kinds not read, in registry order (`uncovered`: the list of objects of kinds not compared). */
  readonly kinds: readonly NotVisibleKind[];
}

/** A kind the role could not read: the catalogs its statement reads that the role lacks SELECT on. */
export interface NotVisibleKind {
  /** A registry kind's name (`function`, `trigger`), or `uncovered` for the objects of kinds not compared. */
  readonly kind: string;
  /** `pg_catalog.pg_proc`, ... */
  readonly lacks: readonly string[];
}
