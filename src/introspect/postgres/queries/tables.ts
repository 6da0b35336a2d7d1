import { sql } from 'kysely';
import type { CatalogQuery } from '../stream-rows.js';
import { TABLE_FIELDS } from '../raw-rows.js';
import { tableScope } from './scope.js';

/** Tables in scope, one row each (TABLE_FIELDS; read in array row mode). */
export function tablesQuery(schemas?: readonly string[]): CatalogQuery<typeof TABLE_FIELDS> {
  return {
    fields: TABLE_FIELDS,
    sql: sql`
      with ${tableScope(schemas)}
      select c.oid as oid, n.nspname as schema, c.relname as name,
             c.relkind as relkind, c.relpersistence as relpersistence,
             c.reltuples::float8 as reltuples,
             case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end as partition_key,
             case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
             pn.nspname as parent_schema, pc.relname as parent_name,
             d.description as comment
      from scope
      join pg_catalog.pg_class c on c.oid = scope.oid
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      left join pg_catalog.pg_inherits i on c.relispartition and i.inhrelid = c.oid   -- partition parent
      left join pg_catalog.pg_class pc on pc.oid = i.inhparent
      left join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
      left join pg_catalog.pg_description d                  -- table comment
        on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0`,
  };
}
