/** Event triggers in the words of the reports: the Other Drift cell of each finding kind. */
import { code, differsIn } from '../../render/markdown/syntax.js';
import { eventTriggerText } from './compare.js';
const EVENT_TRIGGER = { one: 'event trigger', many: 'event triggers' };
export const EVENT_TRIGGER_WORDS = {
    missing_event_trigger: { subject: EVENT_TRIGGER, otherDriftCell: (f) => `Event trigger is missing; expected ${code(eventTriggerText(f.expected))}` },
    unexpected_event_trigger: { subject: EVENT_TRIGGER, otherDriftCell: (f) => `Event trigger not in the expected schema: ${code(eventTriggerText(f.actual))}` },
    event_trigger_mismatch: {
        subject: EVENT_TRIGGER,
        otherDriftCell: (f, aspects) => `Event trigger differs${differsIn(aspects)}: is ${code(eventTriggerText(f.actual))}; expected ${code(eventTriggerText(f.expected))}`,
    },
};
//# sourceMappingURL=words.js.map