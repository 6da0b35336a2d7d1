import { sql, type Kysely } from 'kysely';
import type { RawTriggerRow } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * User triggers; internal ones (foreign-key enforcement) are skipped, and so
 * are the clones a partitioned table's trigger makes on its partitions
 * (tgparentid): PostgreSQL 14 marks those internal, 15+ does not, and the
 * parent's trigger already says they exist.
 */
export async function queryTriggers(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawTriggerRow[]> {
  const { rows } = await sql<RawTriggerRow>`
    with ${tableScope(schemas)}
    select t.tgrelid as table_oid, t.tgname as name, t.tgenabled::text as enabled,
           pg_catalog.pg_get_triggerdef(t.oid) as definition
    from scope
    join pg_catalog.pg_trigger t on t.tgrelid = scope.oid
    where not t.tgisinternal and t.tgparentid = 0
    order by t.tgrelid, t.tgname`.execute(db);
  return rows;
}
