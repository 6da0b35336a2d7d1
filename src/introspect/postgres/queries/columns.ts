import { sql } from 'kysely';
import type { CatalogQuery } from '../stream-rows.js';
import { COLUMN_FIELDS } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * All live columns of every table in scope, in one query (COLUMN_FIELDS; read
 * in array row mode). `format_type` and `pg_get_expr` are most of this
 * query's server time, and they are exactly the facts we need, so they stay.
 * Collations come as OIDs, named from the collation lookup (lookups.ts). No
 * ORDER BY: the client places each column by its attnum.
 */
export function columnsQuery(schemas?: readonly string[]): CatalogQuery<typeof COLUMN_FIELDS> {
  return {
    fields: COLUMN_FIELDS,
    sql: sql`
      with ${tableScope(schemas)}
      select a.attrelid as table_oid, a.attnum, a.attname as name,
             pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
             a.attnotnull as not_null,
             pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) as expr,
             a.attgenerated as generated,
             a.attidentity as identity,
             case when a.attcollation <> t.typcollation then a.attcollation end as collation,
             case when a.attcollation not in (0, 100) then a.attcollation end as key_collation,
             d.description as comment
      from scope
      join pg_catalog.pg_attribute a on a.attrelid = scope.oid
      join pg_catalog.pg_type t on t.oid = a.atttypid
      left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      left join pg_catalog.pg_description d                  -- column comment
        on d.objoid = a.attrelid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = a.attnum
      where a.attnum > 0 and not a.attisdropped`,
  };
}
