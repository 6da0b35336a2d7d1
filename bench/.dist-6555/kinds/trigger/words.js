/** Triggers in the words of the reports: the Other Drift cell of each trigger finding kind. */
import { code, differsIn } from '../../render/markdown/syntax.js';
import { enabledText } from './compare.js';
const TRIGGER = { one: 'trigger', many: 'triggers' };
/** The words of each trigger finding kind. */
export const TRIGGER_WORDS = {
    missing_trigger: {
        subject: TRIGGER,
        otherDriftCell: (f) => `Trigger is missing; expected ${code(f.expected.definition)}${f.expected.enabled === 'origin' ? '' : `, ${enabledText(f.expected.enabled)}`}`,
    },
    unexpected_trigger: {
        subject: TRIGGER,
        otherDriftCell: (f) => `Trigger not in the expected schema: ${code(f.actual.definition)}${f.actual.enabled === 'origin' ? '' : `, ${enabledText(f.actual.enabled)}`}`,
    },
    trigger_mismatch: {
        subject: TRIGGER,
        otherDriftCell: (f, aspects) => `Trigger differs${differsIn(aspects)}: is ${code(f.actual.definition)}${f.actual.enabled === f.expected.enabled ? '' : `, ${enabledText(f.actual.enabled)}`}; ` +
            `expected ${code(f.expected.definition)}${f.actual.enabled === f.expected.enabled ? '' : `, ${enabledText(f.expected.enabled)}`}`,
    },
    trigger_enabled_mismatch: {
        subject: TRIGGER,
        otherDriftCell: (f) => `Trigger is ${enabledText(f.actual)}; expected ${enabledText(f.expected)}`,
    },
};
//# sourceMappingURL=words.js.map