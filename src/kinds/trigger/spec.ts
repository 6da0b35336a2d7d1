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
import { qualifiedKey, type QualifiedName } from '../../spec-file/names.js';
import { objectsByName, ref, text, type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import { oneLine } from '../../spec-file/one-line.js';
import type { CheckContext, Mutable, SqlFragmentPath } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import { quoteIdent } from '../../model/identifiers.js';
import { setOwn } from '../../model/own.js';
import { refParts } from '../../model/dependencies.js';
import type { Table } from '../table/model.js';
import type { Trigger, TriggerEnabled } from './model.js';
import { triggerHead } from './shape.js';

/** A trigger as a spec writes it in object form (or, in the table node, its CREATE TRIGGER statement as a string). */
export interface SpecTriggerObject {
  readonly definition: string;
  /** When it fires (default origin: ENABLE). */
  readonly enabled?: TriggerEnabled;
  readonly description?: string;
}

export type SpecTrigger = string | SpecTriggerObject;

const EXAMPLE = 'CREATE TRIGGER leads_touch BEFORE UPDATE ON public.leads FOR EACH ROW EXECUTE FUNCTION touch()';

/** `triggerObject` and `trigger` (a statement, or an object). */
export const TRIGGER_DEFINITIONS: JsonSchemaDefinitions = {
  triggerObject: {
    description: 'A trigger: its CREATE TRIGGER statement, with its enabled state and description.',
    type: 'object',
    additionalProperties: false,
    required: ['definition'],
    properties: {
      definition: text('One CREATE TRIGGER statement creating this trigger on this table.', [EXAMPLE]),
      enabled: {
        description:
          'When it fires (session_replication_role): origin (the default: ENABLE TRIGGER), replica (ENABLE REPLICA), always (ENABLE ALWAYS), disabled (DISABLE TRIGGER).',
        enum: ['origin', 'replica', 'always', 'disabled'],
      },
      description: text('What the trigger does (its COMMENT).'),
    },
  },
  trigger: {
    description: 'A trigger: a CREATE TRIGGER statement, or an object with it.',
    type: ['string', 'object'],
    if: { type: 'string' },
    then: { minLength: 1 },
    else: ref('triggerObject'),
    examples: [EXAMPLE, { definition: EXAMPLE, enabled: 'disabled' }],
  },
};

/** The `triggers` key of a table node's schema. */
export const TRIGGERS_PROPERTY: JsonSchema = objectsByName('Triggers by name.', 'trigger');

/** A trigger's SQL text (below the trigger: a string is its CREATE TRIGGER statement), checked by spec-file/expressions.ts. */
export const TRIGGER_SQL_FRAGMENTS: readonly SqlFragmentPath[] = [
  { path: [], kind: 'createTrigger' },
  { path: ['definition'], kind: 'createTrigger' },
];

/** The definition of a spec trigger node. */
export function triggerDefinitionOf(node: SpecTrigger): string {
  return typeof node === 'string' ? node : node.definition;
}

/**
 * Why `definition` does not create trigger `name` on table `q`, or null
 * when it does. An unqualified table is `public`'s (where the spec is loaded).
 */
export function triggerTargetProblem(definition: string, name: string, q: QualifiedName): string | null {
  const parts = triggerHead(definition);
  if (parts === null || parts.name === null || parts.table === null) {
    return 'expected a CREATE TRIGGER statement (CREATE [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events ON table ...)';
  }
  if (parts.name !== name) {
    const hint = parts.name === name.toLowerCase() ? ' (PostgreSQL folds unquoted names to lower case: quote it)' : '';
    return `the statement creates trigger ${quoteIdent(parts.name)}, not ${quoteIdent(name)}${hint}`;
  }
  const [first, second] = parts.table;
  const schema = second === undefined ? 'public' : first;
  const table = second ?? first;
  if (schema !== q.schema || table !== q.name) {
    return `the statement creates the trigger on ${qualifiedKey(schema!, table!)}, not on ${qualifiedKey(q.schema, q.name)}`;
  }
  return null;
}

/**
 * The triggers of a table node (or a view node: `section` `views`): names,
 * and statements that create exactly that trigger on this table or view. A
 * view's trigger is always enabled: PostgreSQL cannot disable it.
 */
export function checkTriggers(context: CheckContext, info: { readonly q: QualifiedName; readonly table: Record<string, unknown> }, section: 'tables' | 'views' = 'tables'): void {
  if (!isRecord(info.table.triggers)) return;
  for (const [name, node] of Object.entries(info.table.triggers)) {
    const path = [section, info.q.schema, info.q.name, 'triggers', name];
    if (section === 'views' && isRecord(node) && node.enabled !== undefined && node.enabled !== 'origin') {
      context.report([...path, 'enabled'], "a view's trigger is always enabled (origin): PostgreSQL cannot disable it or make it fire only in replica or always mode");
    }
    context.checkNameLength(name, path, 'trigger');
    const definition = typeof node === 'string' ? node : isRecord(node) && typeof node.definition === 'string' ? node.definition : undefined;
    if (definition === undefined) continue;
    const problem = triggerTargetProblem(definition, name, info.q);
    if (problem !== null) context.report(typeof node === 'string' ? path : [...path, 'definition'], problem);
  }
}

// ---------------------------------------------------------------------------
// From the model

/**
 * True when the spec can hold trigger `t`: its function is built in, or the
 * spec writes functions (`specKinds`, the kinds with a spec section, has
 * `function`). Until then a trigger calling a function of the schema is
 * left out of a snapshot, or loading the snapshot would fail on CREATE TRIGGER.
 */
export function triggerFunctionWritten(t: Trigger, specKinds: ReadonlySet<string>): boolean {
  return refParts(t.function)[0] === 'pg_catalog' || specKinds.has('function');
}

/** A trigger as the spec writes it: the statement alone, or with its state and description. */
export function triggerSpec(t: Trigger): SpecTrigger {
  const definition = oneLine(t.definition);
  if (t.enabled === 'origin' && t.comment === null) return definition;
  const out: Mutable<SpecTriggerObject> = { definition };
  if (t.enabled !== 'origin') out.enabled = t.enabled;
  if (t.comment !== null) out.description = t.comment;
  return out;
}

/** The triggers of a model table (or view) the spec writes, by name; undefined when none. */
export function triggersSpec(t: Pick<Table, 'triggers'>, specKinds: ReadonlySet<string>): Record<string, SpecTrigger> | undefined {
  const out: Record<string, SpecTrigger> = {};
  for (const tr of t.triggers) if (triggerFunctionWritten(tr, specKinds)) setOwn(out, tr.name, triggerSpec(tr));
  return Object.keys(out).length ? out : undefined;
}
