/** Event triggers from the catalog: `pg_event_trigger`, those whose function is in a schema read. */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { refKey } from '../../model/dependencies.js';
import { sortBy } from '../../model/sort.js';
import { decodeEnabled } from '../trigger/catalog.js';
import type { EventTrigger } from './model.js';

/** A row of {@link eventTriggersQuery}. */
export interface RawEventTriggerRow {
  name: string;
  event: string;
  tags: string[] | null;
  function_schema: string;
  function_name: string;
  enabled: string;
  comment: string | null;
}

/**
 * The event triggers whose function is in scope (an event trigger is in no
 * schema: it goes with its function's), extension members left out.
 */
export function eventTriggersQuery({ schemas, excludeSchemas }: CatalogScope): RawBuilder<RawEventTriggerRow> {
  return sql<RawEventTriggerRow>`
    select e.evtname as name, e.evtevent as event, e.evttags::text[] as tags,
           n.nspname as function_schema, p.proname as function_name,
           e.evtenabled::text as enabled, d.description as comment
    from pg_catalog.pg_event_trigger e
    join pg_catalog.pg_proc p on p.oid = e.evtfoid
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    left join pg_catalog.pg_description d                  -- event trigger comment
      on d.objoid = e.oid and d.classoid = 'pg_catalog.pg_event_trigger'::regclass and d.objsubid = 0
    where ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('e.oid', 'pg_catalog.pg_event_trigger')}
    order by e.evtname`;
}

/** The model's event triggers, sorted by name (code-unit order). */
export function decodeEventTriggers(rows: readonly RawEventTriggerRow[]): EventTrigger[] {
  return sortBy(
    rows.map(
      (r): EventTrigger => ({
        name: r.name,
        event: r.event,
        tags: r.tags ?? [],
        function: refKey('function', r.function_schema, r.function_name, ''),
        enabled: decodeEnabled(r.enabled),
        comment: r.comment,
      }),
    ),
    (e) => e.name,
  );
}

/** How event triggers are read: see kind-catalog.ts. */
export const EVENT_TRIGGER_CATALOG = sectionCatalog(eventTriggersQuery, decodeEventTriggers);
