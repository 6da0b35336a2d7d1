import { sql } from 'kysely';
import type { CatalogQuery } from '../stream-rows.js';
import { CONSTRAINT_FIELDS, REFERENCED_COLUMN_FIELDS } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * Table constraints (primary key, unique, foreign key, check, exclusion;
 * CONSTRAINT_FIELDS, read in array row mode). NOT NULL constraints, which
 * PostgreSQL 18 also stores here, are column nullability in our model and are
 * skipped. The select list holds no correlated subquery (so the deparsing may
 * run in parallel workers): referenced columns come back as attnums, named by
 * referencedColumnsQuery. No ORDER BY: the client sorts by name.
 */
export function constraintsQuery(major: number, schemas?: readonly string[]): CatalogQuery<typeof CONSTRAINT_FIELDS> {
  const nullsNotDistinct = major >= 15 ? sql`coalesce(ui.indnullsnotdistinct, false)` : sql`false`;
  return {
    fields: CONSTRAINT_FIELDS,
    sql: sql`
      with ${tableScope(schemas)}
      select c.conrelid as table_oid, c.conname as name, c.contype as type,
             c.condeferrable as deferrable, c.condeferred as deferred, c.convalidated as validated,
             c.connoinherit as no_inherit,
             c.conkey as attnums,
             rn.nspname as ref_schema, rc.relname as ref_table,
             c.confrelid as ref_oid,
             c.confkey as ref_attnums,
             c.confupdtype as on_update, c.confdeltype as on_delete, c.confmatchtype as match,
             ${nullsNotDistinct} as nulls_not_distinct,
             pg_catalog.pg_get_constraintdef(c.oid) as definition,
             d.description as comment
      from scope
      join pg_catalog.pg_constraint c on c.conrelid = scope.oid
      left join pg_catalog.pg_class rc on rc.oid = c.confrelid          -- referenced table
      left join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
      left join pg_catalog.pg_index ui on c.contype = 'u' and ui.indexrelid = c.conindid
      left join pg_catalog.pg_description d                              -- constraint comment
        on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_constraint'::regclass and d.objsubid = 0
      where c.contype in ('p', 'u', 'f', 'c', 'x')`,
  };
}

/**
 * Names of the columns foreign keys reference in tables outside the scope,
 * by (table OID, attnum) (REFERENCED_COLUMN_FIELDS): the column query does
 * not go there. Referenced columns of tables in scope are named from the
 * column query's rows.
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
      select refs.confrelid as table_oid, refs.attnum as attnum, a.attname as name
      from refs
      join pg_catalog.pg_attribute a on a.attrelid = refs.confrelid and a.attnum = refs.attnum`,
  };
}
