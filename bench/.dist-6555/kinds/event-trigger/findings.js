import { differingFields } from '../../diff/same-value.js';
import { wholeObject } from '../kind.js';
/** The fields in which two event triggers of the same name differ (the comment is the comment kind's). */
export function eventTriggerAspects(e, a) {
    const shape = (t) => ({ event: t.event, tags: [...t.tags], function: t.function, enabled: t.enabled });
    return differingFields(shape(e), shape(a));
}
export const EVENT_TRIGGER_FINDINGS = {
    // What it guards or records about DDL (an audit log, a ban on DROP) does not happen.
    missing_event_trigger: { severity: 'error', effect: 'missing', noun: { one: 'missing event trigger', many: 'missing event triggers' }, aspects: wholeObject },
    // Code runs on every DDL statement (and may reject migrations).
    unexpected_event_trigger: {
        severity: 'warning',
        effect: 'unexpected',
        noun: { one: 'unexpected event trigger', many: 'unexpected event triggers' },
        aspects: wholeObject,
    },
    // It fires on other events or commands, calls other code, or is disabled.
    event_trigger_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'event trigger difference', many: 'event trigger differences' },
        aspects: eventTriggerAspects,
    },
};
//# sourceMappingURL=findings.js.map