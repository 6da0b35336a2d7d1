import { sql, type Kysely } from 'kysely';
import type { RawIndexExpressionRow, RawIndexRow } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * Every index of every table in scope, as raw catalog columns plus the
 * server's deparsed definition and predicate. The select list holds no
 * correlated subquery, so PostgreSQL may run it, deparsing included, in
 * parallel workers; key columns, operator classes and collations are
 * resolved by name client-side (see lookups.ts), and expression key texts
 * come from queryIndexExpressions for the few indexes that have them.
 */
export async function queryIndexes(db: Kysely<unknown>, major: number, schemas?: readonly string[]): Promise<RawIndexRow[]> {
  // indnullsnotdistinct arrived in PostgreSQL 15.
  const nullsNotDistinct = major >= 15 ? sql`i.indnullsnotdistinct` : sql`false`;
  const { rows } = await sql<RawIndexRow>`
    with ${tableScope(schemas)}
    select i.indrelid as table_oid, i.indexrelid::int8 as oid, ic.relname as name, am.amname as method,
           i.indisunique as is_unique, i.indisprimary as is_primary, i.indisvalid as is_valid,
           ${nullsNotDistinct} as nulls_not_distinct,
           i.indnkeyatts as key_count,
           i.indkey::int2[]::int4[] as attnums,
           i.indoption::int2[]::int4[] as options,
           i.indclass::oid[]::int8[] as opclass_oids,
           i.indcollation::oid[]::int8[] as collation_oids,
           pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) as predicate,
           con.conname::text as constraint_name,
           pg_catalog.pg_get_indexdef(i.indexrelid) as definition,
           d.description as comment
    from scope
    join pg_catalog.pg_index i on i.indrelid = scope.oid
    join pg_catalog.pg_class ic on ic.oid = i.indexrelid
    join pg_catalog.pg_am am on am.oid = ic.relam
    left join pg_catalog.pg_constraint con                 -- constraint the index implements
      on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x')
    left join pg_catalog.pg_description d                  -- index comment
      on d.objoid = i.indexrelid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
    order by i.indrelid, ic.relname`.execute(db);
  return rows;
}

/**
 * The text of each expression key part (`lower(email)`), for the indexes
 * that have expressions: one `pg_get_indexdef(index, k)` per such key part.
 */
export async function queryIndexExpressions(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawIndexExpressionRow[]> {
  const { rows } = await sql<RawIndexExpressionRow>`
    with ${tableScope(schemas)}
    select i.indexrelid::int8 as index_oid, k.ord::int4 as position,
           pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) as expression
    from scope
    join pg_catalog.pg_index i on i.indrelid = scope.oid and i.indexprs is not null
    cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
    where k.attnum = 0`.execute(db);
  return rows;
}
