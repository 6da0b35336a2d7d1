import type { TriggerEnabled } from '../trigger/model.js';
import type { EventTrigger } from './model.js';
/** The events PostgreSQL fires event triggers on (`login`: 17+). */
export declare const EVENT_TRIGGER_EVENTS: readonly ["ddl_command_start", "ddl_command_end", "sql_drop", "table_rewrite", "login"];
/** `schema.function()` of a function ref key. */
export declare function functionCallSql(functionKey: string): string;
/**
 * `CREATE EVENT TRIGGER name ON event [WHEN TAG IN (...)] EXECUTE FUNCTION f()`;
 * the event must be one PostgreSQL knows (it is a keyword position: never
 * written from unchecked text).
 */
export declare function createEventTriggerSql(t: Pick<EventTrigger, 'name' | 'event' | 'tags' | 'function'>): string;
/** The CREATE EVENT TRIGGER statement as text for people (the event unchecked: never run). */
export declare function eventTriggerStatementText(t: Pick<EventTrigger, 'name' | 'event' | 'tags' | 'function'>): string;
/** The event trigger, only when none of that name exists (re-runnable). */
export declare function createEventTriggerIfMissingSql(t: EventTrigger): string;
/** The event trigger dropped and created again as `t`, in one statement. */
export declare function replaceEventTriggerSql(t: EventTrigger): string;
export declare function dropEventTriggerSql(name: string): string;
export declare function enableEventTriggerSql(name: string, state: TriggerEnabled): string;
export declare function commentOnEventTriggerSql(name: string, comment: string): string;
/** An event trigger built from nothing: created if missing, its state when not origin, its comment. */
export declare function buildEventTriggerSql(t: EventTrigger): string[];
