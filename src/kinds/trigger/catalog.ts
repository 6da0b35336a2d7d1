/** Triggers from the catalog: user `pg_trigger` rows of the tables in scope, streamed (see kind-catalog.ts). */
import { sql } from 'kysely';
import type { CatalogScope, MemberCatalog } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import { tableScope } from '../../introspect/postgres/table-scope.js';
import type { Trigger } from './model.js';

/** The select list of {@link triggersQuery}. enabled: 'D' disabled; 'O', 'R', 'A' fire in some replication role. */
export const TRIGGER_FIELDS = ['table_oid', 'name', 'enabled', 'definition'] as const;

/**
 * User triggers; internal ones (foreign-key enforcement) are skipped, and so
 * are the clones a partitioned table's trigger makes on its partitions
 * (tgparentid): PostgreSQL 14 marks those internal, 15+ does not, and the
 * parent's trigger already says they exist. No ORDER BY: each table's
 * triggers are sorted by name when it is assembled.
 */
export function triggersQuery(scope: CatalogScope): CatalogQuery<typeof TRIGGER_FIELDS> {
  return {
    fields: TRIGGER_FIELDS,
    sql: sql`
      with ${tableScope(scope)}
      select t.tgrelid as table_oid, t.tgname as name, t.tgenabled as enabled,
             pg_catalog.pg_get_triggerdef(t.oid) as definition
      from scope
      join pg_catalog.pg_trigger t on t.tgrelid = scope.oid
      where not t.tgisinternal and t.tgparentid = 0`,
  };
}

/** A trigger row as a model trigger. */
export function decodeTrigger(row: RowOf<typeof TRIGGER_FIELDS>): Trigger {
  const [, name, enabled, definition] = row;
  return { name: name!, enabled: enabled !== 'D', definition: definition! };
}

/** How triggers are read: see kind-catalog.ts. */
export const TRIGGER_CATALOG: MemberCatalog = { role: 'member', statements: [{ step: 'trigger', query: triggersQuery }] };
