import { sql, type Kysely } from 'kysely';
import type { RawEnumRow } from '../raw-rows.js';
import { notExtensionMember, schemaFilter } from '../system-filters.js';

export async function queryEnums(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawEnumRow[]> {
  const { rows } = await sql<RawEnumRow>`
    select n.nspname as schema, t.typname as name,
           array(select e.enumlabel::text from pg_catalog.pg_enum e
                 where e.enumtypid = t.oid order by e.enumsortorder) as values,
           d.description as comment
    from pg_catalog.pg_type t
    join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    left join pg_catalog.pg_description d                  -- type comment
      on d.objoid = t.oid and d.classoid = 'pg_catalog.pg_type'::regclass and d.objsubid = 0
    where t.typtype = 'e'
      and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('t.oid', 'pg_catalog.pg_type')}
    order by n.nspname, t.typname`.execute(db);
  return rows;
}
