/**
 * A table's triggers in the spec (the `triggers:` of a table node, by name):
 * each one `CREATE TRIGGER` statement (what `pg_get_triggerdef` prints, so a
 * snapshot writes the server's own text), alone or with its enabled state
 * and description. The statement must be exactly one CREATE TRIGGER of that
 * name on that table (the parser checks it is one statement, this module
 * that it names the trigger and the table). The function it calls must
 * exist where the spec is loaded: in the spec, or built in.
 *
 *   triggers:
 *     leads_touch: CREATE TRIGGER leads_touch BEFORE UPDATE ON public.leads FOR EACH ROW EXECUTE FUNCTION touch()
 *     leads_audit:
 *       definition: CREATE TRIGGER leads_audit AFTER INSERT OR DELETE ON public.leads FOR EACH STATEMENT EXECUTE FUNCTION audit()
 *       enabled: replica
 *       description: Audit trail
 */
import { type QualifiedName } from '../../spec-file/names.js';
import { type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import type { CheckContext, SqlFragmentPath } from '../../spec-file/spec-section.js';
import type { Table } from '../table/model.js';
import type { Trigger, TriggerEnabled } from './model.js';
/** A trigger as a spec writes it in object form (or, in the table node, its CREATE TRIGGER statement as a string). */
export interface SpecTriggerObject {
    readonly definition: string;
    /** When it fires (default origin: ENABLE). */
    readonly enabled?: TriggerEnabled;
    readonly description?: string;
}
export type SpecTrigger = string | SpecTriggerObject;
/** `triggerObject` and `trigger` (a statement, or an object). */
export declare const TRIGGER_DEFINITIONS: JsonSchemaDefinitions;
/** The `triggers` key of a table node's schema. */
export declare const TRIGGERS_PROPERTY: JsonSchema;
/** A trigger's SQL text (below the trigger: a string is its CREATE TRIGGER statement), checked by spec-file/expressions.ts. */
export declare const TRIGGER_SQL_FRAGMENTS: readonly SqlFragmentPath[];
/** The definition of a spec trigger node. */
export declare function triggerDefinitionOf(node: SpecTrigger): string;
/**
 * Why `definition` does not create trigger `name` on table `q`, or null
 * when it does. An unqualified table is `public`'s (where the spec is loaded).
 */
export declare function triggerTargetProblem(definition: string, name: string, q: QualifiedName): string | null;
/** The triggers of a table node: names, and statements that create exactly that trigger on this table. */
export declare function checkTriggers(context: CheckContext, info: {
    readonly q: QualifiedName;
    readonly table: Record<string, unknown>;
}): void;
/**
 * True when the spec can hold trigger `t`: its function is built in, or the
 * spec writes functions (`specKinds`, the kinds with a spec section, has
 * `function`). Until then a trigger calling a function of the schema is
 * left out of a snapshot, or loading the snapshot would fail on CREATE TRIGGER.
 */
export declare function triggerFunctionWritten(t: Trigger, specKinds: ReadonlySet<string>): boolean;
/** A trigger as the spec writes it: the statement alone, or with its state and description. */
export declare function triggerSpec(t: Trigger): SpecTrigger;
/** The triggers of a model table the spec writes, by name; undefined when none. */
export declare function triggersSpec(t: Table, specKinds: ReadonlySet<string>): Record<string, SpecTrigger> | undefined;
