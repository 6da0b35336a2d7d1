import type { TriggerEnabled } from '../trigger/model.js';
/**
 * An event trigger (`CREATE EVENT TRIGGER`): database-wide, in no schema.
 * schema-audit reads those whose function is in a schema it audits.
 */
export interface EventTrigger {
    readonly name: string;
    /** `ddl_command_start`, `ddl_command_end`, `sql_drop`, `table_rewrite`, `login` (17+). */
    readonly event: string;
    /** The command tags of `WHEN TAG IN (...)`, as the catalog holds them; empty: every command. */
    readonly tags: readonly string[];
    /** The function it calls, as a ref key (src/model/dependencies.ts): `function:` schema, name, no arguments. */
    readonly function: string;
    /** As `pg_event_trigger.evtenabled` says (see TriggerEnabled). */
    readonly enabled: TriggerEnabled;
    readonly comment: string | null;
}
