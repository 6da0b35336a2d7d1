import { sql, type Kysely } from 'kysely';
import type { RawRoutineRow } from '../raw-rows.js';
import { notExtensionMember, schemaFilter } from '../system-filters.js';

export async function queryRoutines(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawRoutineRow[]> {
  const { rows } = await sql<RawRoutineRow>`
    select n.nspname as schema, p.proname as name, p.prokind::text as kind,
           pg_catalog.pg_get_function_identity_arguments(p.oid) as arguments,
           case when p.prokind <> 'p' then pg_catalog.pg_get_function_result(p.oid) end as returns,
           l.lanname as language
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    join pg_catalog.pg_language l on l.oid = p.prolang
    where ${schemaFilter('n', schemas)}
      and ${notExtensionMember('p.oid', 'pg_catalog.pg_proc')}
    order by n.nspname, p.proname, 4`.execute(db);
  return rows;
}
