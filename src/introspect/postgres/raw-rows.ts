/**
 * Rows exactly as the catalog queries return them (snake_case, one interface
 * per query). `from-catalog.ts` turns them into the public model. pg returns
 * `oid`, `int2` and `float4` as numbers and `int8` as strings.
 */

export interface RawServerRow {
  server_version_num: string;
  server_version: string;
  database: string;
  current_user: string;
}

export interface RawSchemaRow {
  name: string;
  comment: string | null;
}

export interface RawExtensionRow {
  name: string;
  schema: string;
  version: string;
}

export interface RawEnumRow {
  schema: string;
  name: string;
  values: string[];
  comment: string | null;
}

export interface RawDomainRow {
  schema: string;
  name: string;
  base_type: string;
  not_null: boolean;
  default: string | null;
  collation: string | null;
  comment: string | null;
  /** [name, definition] pairs in name order. */
  checks: [string, string][] | null;
}

export interface RawSequenceRow {
  schema: string;
  name: string;
  data_type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
  /** 'i' for an identity column's sequence, 'a' for serial / OWNED BY. */
  dep_type: string | null;
}

export interface RawTableRow {
  oid: number;
  schema: string;
  name: string;
  /** 'r' ordinary, 'p' partitioned. */
  relkind: string;
  /** 'u' unlogged. */
  relpersistence: string;
  reltuples: number;
  relpages: number;
  partition_key: string | null;
  partition_bound: string | null;
  parent_schema: string | null;
  parent_name: string | null;
  comment: string | null;
}

export interface RawColumnRow {
  table_oid: number;
  attnum: number;
  name: string;
  type: string;
  not_null: boolean;
  /** Default or generation expression (pg_get_expr of pg_attrdef.adbin). */
  expr: string | null;
  /** '' normal, 's' stored generated, 'v' virtual generated (18+). */
  generated: string;
  /** '' none, 'a' always, 'd' by default. */
  identity: string;
  collation: string | null;
  /** pg_attribute.attcollation (int8 as text): index key collations are compared with it. */
  collation_oid: string;
  comment: string | null;
}

export interface RawIndexRow {
  table_oid: number;
  /** The index's own OID (int8 as text). */
  oid: string;
  name: string;
  method: string;
  is_unique: boolean;
  is_primary: boolean;
  is_valid: boolean;
  nulls_not_distinct: boolean;
  key_count: number;
  /** Attnums of key then INCLUDE columns; 0 marks an expression. */
  attnums: number[];
  /** Per key column: bit 1 DESC, bit 2 NULLS FIRST. */
  options: number[];
  /** Per key column: operator class OID (int8 as text). */
  opclass_oids: string[];
  /** Per key column: collation OID (int8 as text; 0 for none). */
  collation_oids: string[];
  predicate: string | null;
  constraint_name: string | null;
  definition: string;
  comment: string | null;
}

/** One expression key part of an index. */
export interface RawIndexExpressionRow {
  index_oid: string;
  /** 1-based key position. */
  position: number;
  expression: string;
}

/** A column some foreign key references. */
export interface RawReferencedColumnRow {
  table_oid: string;
  attnum: number;
  name: string;
}

/** An OID and its display name (operator classes, collations). */
export interface RawNameRow {
  oid: string;
  name: string;
}

export interface RawConstraintRow {
  table_oid: number;
  name: string;
  /** p, u, f, c, x */
  type: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  no_inherit: boolean;
  attnums: number[] | null;
  ref_schema: string | null;
  ref_table: string | null;
  /** Referenced table OID (int8 as text; '0' when not a foreign key). */
  ref_oid: string;
  ref_attnums: number[] | null;
  on_update: string;
  on_delete: string;
  match: string;
  nulls_not_distinct: boolean;
  definition: string;
  comment: string | null;
}

export interface RawTriggerRow {
  table_oid: number;
  name: string;
  /** 'D' disabled; 'O', 'R', 'A' fire in some replication role. */
  enabled: string;
  definition: string;
}

export interface RawViewRow {
  schema: string;
  name: string;
  /** 'v' view, 'm' materialized view. */
  relkind: string;
  comment: string | null;
}

export interface RawRoutineRow {
  schema: string;
  name: string;
  /** f, p, a, w */
  kind: string;
  arguments: string;
  returns: string | null;
  language: string;
}

/** The one row of the index usage query: the counting window, then parallel arrays, one entry per index. */
export interface RawIndexUsageRow {
  /** `track_counts`: false means no counters are collected at all. */
  track_counts: boolean;
  /** `pg_stat_database.stats_reset`, ISO 8601 UTC; null when never reset. */
  stats_reset: string | null;
  /** `pg_postmaster_start_time()`, ISO 8601 UTC. */
  server_start: string;
  schemas: string[];
  tables: string[];
  indexes: string[];
  /** `idx_scan` (int8 as text). */
  scans: string[];
}
