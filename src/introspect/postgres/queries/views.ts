import { sql, type Kysely } from 'kysely';
import type { RawViewRow } from '../raw-rows.js';
import { notExtensionMember, schemaFilter } from '../system-filters.js';

export async function queryViews(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawViewRow[]> {
  const { rows } = await sql<RawViewRow>`
    select n.nspname as schema, c.relname as name, c.relkind::text as relkind, d.description as comment
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_description d
      on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
    where c.relkind in ('v', 'm')                          -- v = view, m = materialized view
      and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
    order by n.nspname, c.relname`.execute(db);
  return rows;
}
