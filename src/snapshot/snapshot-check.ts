/**
 * A model snapshot used as an expected source is untrusted input: its text
 * reaches DDL (the remediation SQL is written from it, and `--verify` loads
 * and reconciles it). Before it is used it must match its JSON Schema
 * (snapshot-schema.ts) and each of its SQL strings must parse as the one
 * type, expression, definition, partition key or bound it stands for
 * (spec-file/expressions.ts). Problems are reported as `file: path: why`,
 * every one of them (exit 2).
 */
import { UsageError } from '../errors.js';
import type { SchemaModel } from '../model/schema-model.js';
import { sqlFragmentChecker, stringsAt } from '../spec-file/expressions.js';
import type { SqlFragmentKind } from '../spec-file/spec-section.js';
import { createAjv } from '../spec-file/validate-spec.js';
import { SNAPSHOT_JSON_SCHEMA } from './snapshot-schema.js';
import type { SnapshotDocument } from './snapshot.js';
import { isTriggerDefinition } from '../kinds/trigger/sql.js';
import { triggerTargetProblem } from '../kinds/trigger/spec.js';

/** Where a model holds SQL text (`*`: any list item), and what each stands for. */
const MODEL_SQL: readonly { readonly path: readonly string[]; readonly kind: SqlFragmentKind }[] = [
  { path: ['domains', '*', 'baseType'], kind: 'type' },
  { path: ['domains', '*', 'default'], kind: 'expression' },
  { path: ['domains', '*', 'checks', '*', 'definition'], kind: 'domainConstraint' },
  { path: ['types', '*', 'attributes', '*', 'type'], kind: 'type' },
  { path: ['types', '*', 'range', 'subtype'], kind: 'type' },
  { path: ['tables', '*', 'partitionKey'], kind: 'partitionBy' },
  { path: ['tables', '*', 'partitionOf', 'bound'], kind: 'bound' },
  { path: ['tables', '*', 'columns', '*', 'type'], kind: 'type' },
  { path: ['tables', '*', 'columns', '*', 'default'], kind: 'expression' },
  { path: ['tables', '*', 'columns', '*', 'generated', 'expression'], kind: 'expression' },
  { path: ['tables', '*', 'constraints', '*', 'definition'], kind: 'constraint' },
  { path: ['tables', '*', 'constraints', '*', 'expression'], kind: 'expression' },
  { path: ['tables', '*', 'indexes', '*', 'definition'], kind: 'createIndex' },
  { path: ['tables', '*', 'indexes', '*', 'where'], kind: 'expression' },
  { path: ['tables', '*', 'indexes', '*', 'keys', '*', 'expression'], kind: 'expression' },
  { path: ['views', '*', 'definition'], kind: 'query' },
  { path: ['views', '*', 'columns', '*', 'type'], kind: 'type' },
  { path: ['views', '*', 'indexes', '*', 'definition'], kind: 'createIndex' },
  { path: ['tables', '*', 'triggers', '*', 'definition'], kind: 'createTrigger' },
  { path: ['views', '*', 'triggers', '*', 'definition'], kind: 'createTrigger' },
  { path: ['tables', '*', 'policies', '*', 'using'], kind: 'expression' },
  { path: ['tables', '*', 'policies', '*', 'check'], kind: 'expression' },
  { path: ['functions', '*', 'argumentList'], kind: 'functionArguments' },
  { path: ['functions', '*', 'returns'], kind: 'functionReturns' },
  { path: ['functions', '*', 'sqlBody'], kind: 'functionSqlBody' },
  { path: ['functions', '*', 'aggregate'], kind: 'aggregateOptions' },
];

/** Each trigger's definition creates that trigger on its table, as pg_get_triggerdef prints it. */
function triggerProblems(model: SchemaModel): string[] {
  const problems: string[] = [];
  model.tables.forEach((t, i) =>
    t.triggers.forEach((tr, k) => {
      const problem = isTriggerDefinition(tr.definition) ? triggerTargetProblem(tr.definition, tr.name, { schema: t.schema, name: t.name }) : 'must start CREATE [CONSTRAINT] TRIGGER';
      if (problem !== null) problems.push(`schema.tables.${i}.triggers.${k}.definition: ${problem}`);
    }),
  );
  model.views.forEach((v, i) =>
    (v.triggers ?? []).forEach((tr, k) => {
      const problem = isTriggerDefinition(tr.definition) ? triggerTargetProblem(tr.definition, tr.name, { schema: v.schema, name: v.name }) : 'must start CREATE [CONSTRAINT] TRIGGER';
      if (problem !== null) problems.push(`schema.views.${i}.triggers.${k}.definition: ${problem}`);
    }),
  );
  return problems;
}

let validator: ReturnType<ReturnType<typeof createAjv>['compile']> | null = null;

/** The snapshot's model, once the document is proven well-formed; else a UsageError naming every problem. */
export async function checkedSnapshotModel(source: string, doc: unknown): Promise<SchemaModel> {
  validator ??= createAjv().compile(SNAPSHOT_JSON_SCHEMA);
  const problems: string[] = [];
  if (!validator(doc)) {
    for (const e of validator.errors ?? []) {
      if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
      const where = e.instancePath === '' ? '(top)' : e.instancePath.slice(1).replace(/\//g, '.');
      problems.push(`${where}: ${e.message ?? 'invalid'}${e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : ''}`);
    }
  } else {
    const model = (doc as SnapshotDocument).schema;
    const checker = await sqlFragmentChecker();
    const found: { kind: SqlFragmentKind; text: string; at: string[] }[] = [];
    for (const { path, kind } of MODEL_SQL) for (const [at, text] of stringsAt(model, path)) found.push({ kind, text, at });
    checker.checkMany(found).forEach((message, i) => {
      if (message !== null) problems.push(`schema.${found[i]!.at.join('.')}: ${message}`);
    });
    problems.push(...triggerProblems(model));
  }
  if (problems.length === 0) {
    const model = withComments((doc as SnapshotDocument).schema);
    // Snapshots written before event triggers, composite and range types, collations, or privileges were read have none.
    return { ...model, eventTriggers: model.eventTriggers ?? [], types: model.types ?? [], collations: model.collations ?? [], privileges: model.privileges ?? [] };
  }
  const shown = problems.slice(0, 20);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  throw new UsageError(`${source} is not a valid schema-audit snapshot: ${shown.join('; ')}${more}`);
}

/**
 * A snapshot written before extensions had `relocatable` and `comment`, and
 * sequences their `comment`, views their `triggers`: not relocatable (never
 * moved), no comment, no trigger.
 */
function withComments(model: SchemaModel): SchemaModel {
  return {
    ...model,
    extensions: model.extensions.map((e) => ({ ...e, relocatable: e.relocatable ?? false, comment: e.comment ?? null })),
    sequences: model.sequences.map((s) => ({ ...s, comment: s.comment ?? null })),
    views: model.views.map((v) => ({ ...v, triggers: v.triggers ?? [] })),
  };
}
