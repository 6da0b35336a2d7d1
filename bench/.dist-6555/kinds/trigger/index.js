import { displayName, objectKey, quoteIdent } from '../../model/identifiers.js';
import { TRIGGER_CATALOG } from './catalog.js';
import { triggerComments, triggerStatements } from './ddl.js';
import { TRIGGER_FINDINGS } from './findings.js';
import { TRIGGER_PLAN } from './plan.js';
import { TRIGGER_WORDS } from './words.js';
/** Every trigger of a model, as the comment kind compares their comments. */
function* triggerCommentObjects(model) {
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
export const triggerKind = {
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
//# sourceMappingURL=index.js.map