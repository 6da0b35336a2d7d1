/** Triggers of tables and views: compared by their table or view (see table/compare.ts, view/compare.ts), planned in the `triggers` phase. */
import type { CommentedObject, ObjectKind } from '../kind.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { displayName, objectKey, quoteIdent } from '../../model/identifiers.js';
import { TRIGGER_CATALOG } from './catalog.js';
import { triggerComments, triggerStatements } from './ddl.js';
import { TRIGGER_FINDINGS, type TriggerFinding } from './findings.js';
import { TRIGGER_PLAN } from './plan.js';
import { TRIGGER_WORDS } from './words.js';

/** Every trigger of a model, as the comment kind compares their comments. */
function* triggerCommentObjects(model: SchemaModel): Iterable<CommentedObject> {
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
  for (const v of model.views) {
    for (const tr of v.triggers) {
      yield {
        key: `trigger:${objectKey(v.schema, v.name, tr.name)}`,
        kind: 'trigger',
        object: { schema: v.schema, view: v.name, trigger: tr.name },
        target: `TRIGGER ${quoteIdent(tr.name)} ON ${displayName(v.schema, v.name)}`,
        comment: tr.comment,
      };
    }
  }
}

export const triggerKind: ObjectKind<TriggerFinding> = {
  name: 'trigger',
  noun: { one: 'trigger', many: 'triggers' },
  placement: { container: 'table', list: 'triggers' },
  objectField: 'trigger',
  findings: TRIGGER_FINDINGS,
  compare: null,
  listsMissingApart: false,
  ddl: { triggers: triggerStatements, comments: triggerComments },
  plan: TRIGGER_PLAN,
  words: TRIGGER_WORDS,
  spec: null,
  catalog: TRIGGER_CATALOG,
  comments: triggerCommentObjects,
};
