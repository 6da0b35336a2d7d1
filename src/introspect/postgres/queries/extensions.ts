import { sql, type Kysely } from 'kysely';
import type { RawExtensionRow } from '../raw-rows.js';

/**
 * Extensions are database-wide, so all are listed whatever the schema filter,
 * except plpgsql, which every database has since PostgreSQL 9.0.
 */
export async function queryExtensions(db: Kysely<unknown>): Promise<RawExtensionRow[]> {
  const { rows } = await sql<RawExtensionRow>`
    select e.extname as name, n.nspname as schema, e.extversion as version
    from pg_catalog.pg_extension e
    join pg_catalog.pg_namespace n on n.oid = e.extnamespace
    where e.extname <> 'plpgsql'
    order by e.extname`.execute(db);
  return rows;
}
