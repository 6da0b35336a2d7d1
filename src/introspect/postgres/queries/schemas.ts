import { sql, type Kysely } from 'kysely';
import type { RawSchemaRow } from '../raw-rows.js';
import { notExtensionMember, schemaFilter } from '../system-filters.js';

export async function querySchemas(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawSchemaRow[]> {
  const { rows } = await sql<RawSchemaRow>`
    select n.nspname as name, d.description as comment
    from pg_catalog.pg_namespace n
    left join pg_catalog.pg_description d                  -- schema comment
      on d.objoid = n.oid and d.classoid = 'pg_catalog.pg_namespace'::regclass and d.objsubid = 0
    where ${schemaFilter('n', schemas)}
      and ${notExtensionMember('n.oid', 'pg_catalog.pg_namespace')}
    order by n.nspname`.execute(db);
  return rows;
}
