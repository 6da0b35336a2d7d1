/**
 * Rows exactly as the catalog queries return them (snake_case).
 * `from-catalog.ts` turns them into the public model. The small queries go
 * through kysely as objects (one interface per query; pg returns `oid`,
 * `int2` and `float4` as numbers and `int8` as strings); the per-table ones
 * are read in array row mode, as text (the *_FIELDS lists below).
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

/**
 * The per-table queries (tables, columns, indexes, constraints, triggers) and
 * their helpers are read in array row mode with every value as text (see
 * stream-rows.ts): each list below is one query's select list, in order; the
 * query aliases its columns with exactly these names (checked at run time)
 * and from-catalog.ts reads the rows by these positions. Texts: OIDs and
 * numbers in decimal, booleans 't' / 'f', "char" codes as their character ('' for none),
 * int2vector / oidvector space-separated ('1 2'), int2[] as '{1,2}'.
 */

/**
 * tables.ts. relkind 'r' ordinary, 'p' partitioned; relpersistence 'u'
 * unlogged; reltuples a float8 (-1: never analysed).
 */
export const TABLE_FIELDS = [
  'oid',
  'schema',
  'name',
  'relkind',
  'relpersistence',
  'reltuples',
  'partition_key',
  'partition_bound',
  'parent_schema',
  'parent_name',
  'comment',
] as const;

/**
 * columns.ts. expr: the default or generation expression (pg_get_expr of
 * pg_attrdef.adbin); generated '' normal, 's' stored, 'v' virtual (18+);
 * identity '' none, 'a' always, 'd' by default; collation: pg_attribute.attcollation
 * when not the type's (named from the collation lookup), else null;
 * key_collation: attcollation when it is neither 0 (not collatable) nor 100
 * (`default`), else null (index key collations are compared with it).
 */
export const COLUMN_FIELDS = [
  'table_oid',
  'attnum',
  'name',
  'type',
  'not_null',
  'expr',
  'generated',
  'identity',
  'collation',
  'key_collation',
  'comment',
] as const;

/**
 * indexes.ts. attnums (int2vector): key then INCLUDE columns, 0 marks an
 * expression; options (int2vector), per key column: bit 1 DESC, bit 2 NULLS
 * FIRST; opclass_oids and collation_oids (oidvector), per key column (0: no
 * collation); first_expression: the text of the first expression key part,
 * null when there is none (the others come from INDEX_EXPRESSION_FIELDS).
 */
export const INDEX_FIELDS = [
  'table_oid',
  'oid',
  'name',
  'method',
  'is_unique',
  'is_primary',
  'is_valid',
  'nulls_not_distinct',
  'key_count',
  'attnums',
  'options',
  'opclass_oids',
  'collation_oids',
  'predicate',
  'first_expression',
  'definition',
  'comment',
] as const;

/** indexes.ts: one expression key part of an index with several; position is 1-based. */
export const INDEX_EXPRESSION_FIELDS = ['index_oid', 'position', 'expression'] as const;

/**
 * constraints.ts. type p, u, f, c, x; attnums and ref_attnums (int2[]);
 * ref_oid '0' when not a foreign key; on_update / on_delete / match: the
 * catalog codes; index_oid: the index a primary key, unique or exclusion
 * constraint is implemented by (null for the others).
 */
export const CONSTRAINT_FIELDS = [
  'table_oid',
  'name',
  'type',
  'deferrable',
  'deferred',
  'validated',
  'no_inherit',
  'attnums',
  'ref_oid',
  'ref_attnums',
  'on_update',
  'on_delete',
  'match',
  'index_oid',
  'definition',
  'comment',
] as const;

/** constraints.ts: a column some foreign key references in a table outside the scope, and that table's name. */
export const REFERENCED_COLUMN_FIELDS = ['table_oid', 'schema', 'table', 'attnum', 'name'] as const;

/** triggers.ts. enabled: 'D' disabled; 'O', 'R', 'A' fire in some replication role. */
export const TRIGGER_FIELDS = ['table_oid', 'name', 'enabled', 'definition'] as const;

/** An OID and its display name (operator classes, collations). */
export interface RawNameRow {
  oid: string;
  name: string;
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
