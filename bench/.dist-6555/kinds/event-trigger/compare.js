/** Compare event triggers: matched by name, those whose function is in an audited schema. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { describedBy } from '../../findings/words.js';
import { quoteIdent } from '../../model/identifiers.js';
import { refParts } from '../../model/dependencies.js';
import { enabledText } from '../trigger/compare.js';
import { eventTriggerAspects } from './findings.js';
import { eventTriggerStatementText } from './sql.js';
/** The schema an event trigger is audited with: its function's. */
export function eventTriggerSchema(t) {
    return refParts(t.function)[0] ?? '';
}
function eventTriggerObject(t) {
    return { schema: eventTriggerSchema(t), eventTrigger: t.name };
}
/** `CREATE EVENT TRIGGER … (disabled)`: what an event trigger is, in one line. */
export function eventTriggerText(t) {
    return `${eventTriggerStatementText(t)}${t.enabled === 'origin' ? '' : ` (${enabledText(t.enabled)})`}`;
}
export function compareEventTriggers(expected, actual, inScope) {
    const out = { findings: [], present: [] };
    const within = (list) => list.filter((t) => inScope(eventTriggerSchema(t)));
    const diff = diffKeyed(within(expected), within(actual), (t) => t.name);
    for (const t of diff.missing) {
        out.findings.push({
            kind: 'missing_event_trigger',
            object: eventTriggerObject(t),
            expected: { ...t, description: t.comment },
            actual: null,
            message: `event trigger ${quoteIdent(t.name)} is missing (expected ${eventTriggerText(t)})`,
        });
    }
    for (const t of diff.unexpected) {
        out.findings.push({
            kind: 'unexpected_event_trigger',
            object: eventTriggerObject(t),
            expected: null,
            actual: t,
            message: `event trigger ${quoteIdent(t.name)} is not in the expected schema (${eventTriggerText(t)})`,
        });
    }
    for (const { expected: e, actual: a } of diff.common) {
        const aspects = eventTriggerAspects(e, a);
        if (aspects.length) {
            out.findings.push({
                kind: 'event_trigger_mismatch',
                object: eventTriggerObject(e),
                expected: e,
                actual: a,
                message: `event trigger ${quoteIdent(e.name)} differs in ${aspects.join(', ')} (expected ${eventTriggerText(e)}, actual ${eventTriggerText(a)})`,
            });
        }
        out.present.push({ kind: 'event_trigger', object: eventTriggerObject(e), ...describedBy(e.comment), identical: aspects.length === 0 });
    }
    return out;
}
//# sourceMappingURL=compare.js.map