import { sql, type RawBuilder } from 'kysely';
import { notExtensionMember, schemaFilter } from './system-filters.js';

/** What the table scope is built from: a CatalogScope's schemas and the tables left unread. */
export interface TableScopeInput {
  readonly schemas: readonly string[] | undefined;
  /** Schemas left out (`--exclude-schema`). */
  readonly excludeSchemas?: readonly string[];
  /** OIDs of tables not to read (`--lock-wait skip`: held by another session). */
  readonly notRead?: readonly string[];
  /**
   * OIDs of the only tables to read: those listed (and locked) before the
   * snapshot. A table created in between is left out, as if read a moment
   * earlier: it is not locked, and deparsing it could wait for (or, on a
   * standby, deadlock with) the DDL creating it. Absent: every table.
   */
  readonly only?: readonly string[];
}

/**
 * `scope(oid, relkind, nspname)`: the ordinary and partitioned tables being
 * audited. Every per-table query (columns, indexes, constraints, triggers)
 * starts from it, so each is one catalog-wide query whatever the number of
 * tables. Tables left unread (`notRead`) are out of it, so no query touches
 * them (their members included).
 */
export function tableScope({ schemas, excludeSchemas, notRead, only }: TableScopeInput): RawBuilder<unknown> {
  const skip = notRead && notRead.length > 0 ? sql`and c.oid <> all(${[...notRead]}::oid[])` : sql``;
  // The listed tables are (nearly always) all those the rest of the filter
  // selects, but the planner cannot know it: compared as oids, the list
  // would be estimated from pg_class's oid statistics as if independent of
  // relkind and schema (a tenth of the real rows at 10,000 tables), and that
  // estimate kept the big per-table statements out of parallel plans (their
  // deparsing is most of their time, which the planner does not see). As
  // int8, the list is a plain filter on the scan (a hashed lookup from
  // PostgreSQL 14 on) that the estimates ignore, as they should.
  const listed = only ? sql`and c.oid::pg_catalog.int8 = any(${[...only]}::pg_catalog.int8[])` : sql``;
  return sql`scope as (
    select c.oid, c.relkind, n.nspname
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')                         -- r = table, p = partitioned table
      and ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
      ${skip} ${listed})`;
}
