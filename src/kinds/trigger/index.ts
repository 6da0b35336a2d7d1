/** Triggers of tables: compared by their table (see table/compare.ts), planned in the `triggers` phase. */
import type { CommentedObject, ObjectKind } from '../kind.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { displayName, objectKey, quoteIdent } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { TRIGGER_CATALOG } from './catalog.js';
import { TRIGGER_FINDINGS, type TriggerFinding } from './findings.js';
import { TRIGGER_WORDS } from './words.js';

/** Every trigger of a model, as the comment kind compares their comments. */
function* triggerComments(model: SchemaModel): Iterable<CommentedObject> {
  for (const t of model.tables) {
    for (const tr of t.triggers) {
      yield {
        key: `trigger:${objectKey(t.schema, t.name, tr.name)}`,
        kind: 'trigger',
        object: { schema: t.schema, table: t.name, trigger: tr.name },
        target: `TRIGGER ${quoteIdent(tr.name)} ON ${displayName(t.schema, t.name)}`,
        comment: tr.comment,
      };
    }
  }
}

/** Until the plan writes trigger SQL: a person decides. */
const manual = (f: { readonly id: string }, ctx: PlanContext): void => ctx.manual(f, 'triggers are compared but not yet remediated: change the trigger by hand');

export const triggerKind: ObjectKind<TriggerFinding> = {
  name: 'trigger',
  noun: { one: 'trigger', many: 'triggers' },
  placement: { container: 'table', list: 'triggers' },
  objectField: 'trigger',
  findings: TRIGGER_FINDINGS,
  compare: null,
  listsMissingApart: false,
  ddl: null,
  plan: { findings: { missing_trigger: manual, unexpected_trigger: manual, trigger_mismatch: manual, trigger_enabled_mismatch: manual } },
  words: TRIGGER_WORDS,
  spec: null,
  catalog: TRIGGER_CATALOG,
  comments: triggerComments,
};
