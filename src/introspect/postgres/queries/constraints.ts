import { sql } from 'kysely';
import type { CatalogQuery } from '../stream-rows.js';
import { CONSTRAINT_FIELDS, REFERENCED_COLUMN_FIELDS } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * Table constraints (primary key, unique, foreign key, check, exclusion;
 * CONSTRAINT_FIELDS, read in array row mode). NOT NULL constraints, which
 * PostgreSQL 18 also stores here, are column nullability in our model and are
 * skipped. The select list holds no correlated subquery (so the deparsing may
 * run in parallel workers), and the query joins nothing it can do without:
 * referenced tables and columns come back as OIDs and attnums, named from the
 * table and column rows (or referencedColumnsQuery, outside the scope); a
 * unique constraint's NULLS NOT DISTINCT is its index's. No ORDER BY: the
 * client sorts by name.
 */
export function constraintsQuery(schemas?: readonly string[]): CatalogQuery<typeof CONSTRAINT_FIELDS> {
  return {
    fields: CONSTRAINT_FIELDS,
    sql: sql`
      with ${tableScope(schemas)}
      select c.conrelid as table_oid, c.conname as name, c.contype as type,
             c.condeferrable as deferrable, c.condeferred as deferred, c.convalidated as validated,
             c.connoinherit as no_inherit,
             c.conkey as attnums,
             c.confrelid as ref_oid,
             c.confkey as ref_attnums,
             c.confupdtype as on_update, c.confdeltype as on_delete, c.confmatchtype as match,
             case when c.contype in ('p', 'u', 'x') then c.conindid end as index_oid,
             pg_catalog.pg_get_constraintdef(c.oid) as definition,
             d.description as comment
      from scope
      join pg_catalog.pg_constraint c on c.conrelid = scope.oid
      left join pg_catalog.pg_description d                              -- constraint comment
        on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_constraint'::regclass and d.objsubid = 0
      where c.contype in ('p', 'u', 'f', 'c', 'x')`,
  };
}

/**
 * Names of the columns foreign keys reference in tables outside the scope,
 * by (table OID, attnum), with the table's schema and name
 * (REFERENCED_COLUMN_FIELDS): the table and column queries do not go there.
 * Referenced tables in scope are named from their own rows.
 */
export function referencedColumnsQuery(schemas?: readonly string[]): CatalogQuery<typeof REFERENCED_COLUMN_FIELDS> {
  return {
    fields: REFERENCED_COLUMN_FIELDS,
    sql: sql`
      with ${tableScope(schemas)},
      refs as (
        select distinct c.confrelid, k.attnum
        from scope
        join pg_catalog.pg_constraint c on c.conrelid = scope.oid and c.contype = 'f'
        cross join lateral unnest(c.confkey) k(attnum)
        where c.confrelid not in (select oid from scope))
      select refs.confrelid as table_oid, n.nspname as schema, c.relname as table, refs.attnum as attnum, a.attname as name
      from refs
      join pg_catalog.pg_class c on c.oid = refs.confrelid
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = refs.confrelid and a.attnum = refs.attnum`,
  };
}
