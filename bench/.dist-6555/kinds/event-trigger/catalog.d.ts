/** Event triggers from the catalog: `pg_event_trigger`, those whose function is in a schema read. */
import { type RawBuilder } from 'kysely';
import { type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
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
export declare function eventTriggersQuery({ schemas }: CatalogScope): RawBuilder<RawEventTriggerRow>;
/** The model's event triggers, sorted by name (code-unit order). */
export declare function decodeEventTriggers(rows: readonly RawEventTriggerRow[]): EventTrigger[];
/** How event triggers are read: see kind-catalog.ts. */
export declare const EVENT_TRIGGER_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
