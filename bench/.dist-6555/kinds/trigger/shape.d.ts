import type { Trigger } from './model.js';
/** What a trigger definition says, part by part (texts as printed). */
export interface TriggerParts {
    /** The trigger's name and its table's (one or two parts), unquoted; null when not a plain name. */
    readonly name: string | null;
    readonly table: readonly string[] | null;
    readonly constraint: boolean;
    readonly timing: string;
    readonly events: string;
    readonly referenced: string;
    readonly deferrable: string;
    readonly transitionTables: string;
    readonly level: string;
    readonly when: string;
    readonly function: string;
    readonly arguments: string;
}
type TriggerHead = Pick<TriggerParts, 'name' | 'table' | 'constraint' | 'timing' | 'events'>;
/**
 * The trigger a CREATE TRIGGER statement names and the table it is on (read
 * up to the table only: the parser checks the whole statement), or null
 * when it does not start as one.
 */
export declare function triggerHead(definition: string): TriggerHead | null;
/** The parts of `definition`, or null when it is not a CREATE TRIGGER as pg_get_triggerdef prints one. */
export declare function triggerParts(definition: string): TriggerParts | null;
/** The aspects in which two triggers' definitions differ, as findings name them. */
export declare function triggerAspects(expected: Trigger, actual: Trigger): string[];
export {};
