import { sql, type Kysely } from 'kysely';
import type { RawIndexRow } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * Every index of every table in scope. Key columns come back as raw attnums
 * (resolved to names from the column rows we already hold); only expression
 * key parts cost a `pg_get_indexdef(oid, k)` call, and only for indexes that
 * have expressions.
 */
export async function queryIndexes(db: Kysely<unknown>, major: number, schemas?: readonly string[]): Promise<RawIndexRow[]> {
  // indnullsnotdistinct arrived in PostgreSQL 15.
  const nullsNotDistinct = major >= 15 ? sql`i.indnullsnotdistinct` : sql`false`;
  const { rows } = await sql<RawIndexRow>`
    with ${tableScope(schemas)}
    select i.indrelid as table_oid, ic.relname as name, am.amname as method,
           i.indisunique as is_unique, i.indisprimary as is_primary, i.indisvalid as is_valid,
           ${nullsNotDistinct} as nulls_not_distinct,
           i.indnkeyatts as key_count,
           i.indkey::int2[]::int4[] as attnums,
           i.indoption::int2[]::int4[] as options,
           -- Operator classes and collations are qualified exactly when the
           -- deparsers qualify them: when not visible on the pinned search_path.
           -- One index lookup per key column: written as joins, the planner assumes
           -- unnest() yields 100 rows and hashes all of pg_opclass / pg_collation per index.
           case when i.indclass::oid[] <@ array(select o.oid from pg_catalog.pg_opclass o where o.opcdefault)
             then pg_catalog.array_fill(null::text, array[i.indnkeyatts::int])  -- all default: no lookups (most indexes)
             else array(select (select case when opc.opcdefault then null
                                     when pg_catalog.pg_opclass_is_visible(opc.oid) then opc.opcname::text
                                     else ocn.nspname || '.' || opc.opcname end
                           from pg_catalog.pg_opclass opc
                           join pg_catalog.pg_namespace ocn on ocn.oid = opc.opcnamespace
                          where opc.oid = k.opc_oid)
                   from unnest(i.indclass::oid[]) with ordinality k(opc_oid, ord)
                  order by k.ord) end as opclasses,
           array(select case when k.coll_oid = 0
                               or k.coll_oid = coalesce((select a.attcollation from pg_catalog.pg_attribute a
                                                          where a.attrelid = i.indrelid
                                                            and a.attnum = (i.indkey::int2[])[k.ord - 1]), 100)  -- 100 = "default"
                             then null
                             else (select case when pg_catalog.pg_collation_is_visible(co.oid) then co.collname::text
                                               else cn.nspname || '.' || co.collname end
                                     from pg_catalog.pg_collation co
                                     join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
                                    where co.oid = k.coll_oid) end
                   from unnest(i.indcollation::oid[]) with ordinality k(coll_oid, ord)
                  order by k.ord) as collations,
           case when i.indexprs is not null then
             array(select pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true)
                     from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                    where k.attnum = 0 order by k.ord)
           end as expressions,
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
