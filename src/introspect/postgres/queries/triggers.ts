import { sql } from 'kysely';
import type { CatalogQuery } from '../stream-rows.js';
import { TRIGGER_FIELDS } from '../raw-rows.js';
import { tableScope } from './scope.js';

/**
 * User triggers (TRIGGER_FIELDS; read in array row mode); internal ones
 * (foreign-key enforcement) are skipped, and so are the clones a partitioned
 * table's trigger makes on its partitions (tgparentid): PostgreSQL 14 marks
 * those internal, 15+ does not, and the parent's trigger already says they
 * exist. No ORDER BY: the client sorts by name.
 */
export function triggersQuery(schemas?: readonly string[]): CatalogQuery<typeof TRIGGER_FIELDS> {
  return {
    fields: TRIGGER_FIELDS,
    sql: sql`
      with ${tableScope(schemas)}
      select t.tgrelid as table_oid, t.tgname as name, t.tgenabled as enabled,
             pg_catalog.pg_get_triggerdef(t.oid) as definition
      from scope
      join pg_catalog.pg_trigger t on t.tgrelid = scope.oid
      where not t.tgisinternal and t.tgparentid = 0`,
  };
}
