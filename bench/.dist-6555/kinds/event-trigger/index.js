import { quoteIdent } from '../../model/identifiers.js';
import { EVENT_TRIGGER_CATALOG } from './catalog.js';
import { compareEventTriggers, eventTriggerSchema } from './compare.js';
import { EVENT_TRIGGER_FINDINGS } from './findings.js';
import { EVENT_TRIGGER_PLAN } from './plan.js';
import { EVENT_TRIGGER_WORDS } from './words.js';
function* eventTriggerComments(model) {
    for (const t of model.eventTriggers) {
        yield {
            key: `event_trigger:${t.name}`,
            kind: 'event_trigger',
            object: { schema: eventTriggerSchema(t), eventTrigger: t.name },
            target: `EVENT TRIGGER ${quoteIdent(t.name)}`,
            comment: t.comment,
        };
    }
}
export const eventTriggerKind = {
    name: 'event_trigger',
    noun: { one: 'event trigger', many: 'event triggers' },
    placement: { section: 'eventTriggers' },
    objectField: 'eventTrigger',
    findings: EVENT_TRIGGER_FINDINGS,
    compare: (expected, actual, inScope) => compareEventTriggers(expected.eventTriggers, actual.eventTriggers, inScope),
    listsMissingApart: false,
    ddl: null,
    plan: EVENT_TRIGGER_PLAN,
    words: EVENT_TRIGGER_WORDS,
    spec: null,
    catalog: EVENT_TRIGGER_CATALOG,
    comments: eventTriggerComments,
};
//# sourceMappingURL=index.js.map