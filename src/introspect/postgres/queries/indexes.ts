import { sql } from 'kysely';
import type { CatalogQuery } from '../stream-rows.js';
import { INDEX_EXPRESSION_FIELDS, INDEX_FIELDS } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * Every index of every table in scope (INDEX_FIELDS; read in array row mode),
 * as raw catalog columns plus the server's deparsed definition and predicate.
 * The select list holds no correlated subquery, so PostgreSQL may run it,
 * deparsing included, in parallel workers; key columns, operator classes and
 * collations are resolved by name client-side (see lookups.ts), and so is the
 * constraint an index implements (from the constraint rows). The text of
 * the first expression key part comes along (most expression indexes have
 * just one), the others from indexExpressionsQuery. No ORDER BY: the client
 * sorts each table's indexes by name.
 */
export function indexesQuery(major: number, schemas?: readonly string[]): CatalogQuery<typeof INDEX_FIELDS> {
  // indnullsnotdistinct arrived in PostgreSQL 15.
  const nullsNotDistinct = major >= 15 ? sql`i.indnullsnotdistinct` : sql`false`;
  return {
    fields: INDEX_FIELDS,
    sql: sql`
      with ${tableScope(schemas)}
      select i.indrelid as table_oid, i.indexrelid as oid, ic.relname as name, am.amname as method,
             i.indisunique as is_unique, i.indisprimary as is_primary, i.indisvalid as is_valid,
             ${nullsNotDistinct} as nulls_not_distinct,
             i.indnkeyatts as key_count,
             i.indkey as attnums,
             i.indoption as options,
             i.indclass as opclass_oids,
             i.indcollation as collation_oids,
             pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) as predicate,
             case when i.indexprs is not null then   -- key position: 1-based; int2vector subscripts start at 0
               pg_catalog.pg_get_indexdef(i.indexrelid,
                 pg_catalog.array_position(i.indkey::int2[], 0::int2) - pg_catalog.array_lower(i.indkey::int2[], 1) + 1, true)
             end as first_expression,
             pg_catalog.pg_get_indexdef(i.indexrelid) as definition,
             d.description as comment
      from scope
      join pg_catalog.pg_index i on i.indrelid = scope.oid
      join pg_catalog.pg_class ic on ic.oid = i.indexrelid
      join pg_catalog.pg_am am on am.oid = ic.relam
      left join pg_catalog.pg_description d                  -- index comment
        on d.objoid = i.indexrelid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0`,
  };
}

/**
 * The text of each expression key part (`lower(email)`) of the indexes with
 * more than one (INDEX_EXPRESSION_FIELDS): one `pg_get_indexdef(index, k)`
 * per such key part.
 */
export function indexExpressionsQuery(schemas?: readonly string[]): CatalogQuery<typeof INDEX_EXPRESSION_FIELDS> {
  return {
    fields: INDEX_EXPRESSION_FIELDS,
    sql: sql`
      with ${tableScope(schemas)}
      select i.indexrelid as index_oid, k.ord as position,
             pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) as expression
      from scope
      join pg_catalog.pg_index i on i.indrelid = scope.oid and i.indexprs is not null
        and pg_catalog.cardinality(pg_catalog.array_positions(i.indkey::int2[], 0::int2)) > 1
      cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
      where k.attnum = 0`,
  };
}
