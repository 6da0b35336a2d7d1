/**
 * When a trigger fires, as `pg_trigger.tgenabled` says (see
 * `session_replication_role`): `origin` ('O', the default of CREATE TRIGGER
 * and ENABLE TRIGGER: fires in origin and local mode), `replica` ('R', ENABLE
 * REPLICA TRIGGER: fires only in replica mode), `always` ('A', ENABLE ALWAYS
 * TRIGGER), `disabled` ('D', DISABLE TRIGGER: never fires).
 */
export type TriggerEnabled = 'origin' | 'replica' | 'always' | 'disabled';
/** A trigger of a table (internal and partition-cloned triggers are left out). */
export interface Trigger {
    readonly name: string;
    readonly enabled: TriggerEnabled;
    /**
     * `CREATE [CONSTRAINT] TRIGGER ...` exactly as `pg_get_triggerdef` prints
     * it: timing, events (UPDATE OF columns), level, WHEN, deferrability, the
     * function and its arguments. Both sides of a comparison print it from a
     * server, so equal text means an equal trigger (its name and table aside).
     */
    readonly definition: string;
    /** A constraint trigger (`CREATE CONSTRAINT TRIGGER`): PostgreSQL has no CREATE OR REPLACE for it. */
    readonly constraint: boolean;
    /** The function it calls, as a ref key (src/model/dependencies.ts): `function:` schema, name, no arguments. */
    readonly function: string;
    /** What it depends on (ref keys): its function, the columns of UPDATE OF and WHEN. */
    readonly dependsOn: readonly string[];
    readonly comment: string | null;
}
