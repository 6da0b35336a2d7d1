import { wholeObject } from '../kind.js';
import { triggerAspects } from './shape.js';
/** The aspects of a trigger_mismatch: those of the definitions, and `enabled` when that differs too. */
export function triggerMismatchAspects(expected, actual) {
    const out = expected.definition === actual.definition ? [] : triggerAspects(expected, actual);
    if (expected.enabled !== actual.enabled)
        out.push('enabled');
    return out;
}
export const TRIGGER_FINDINGS = {
    // What the trigger enforces or records (an audit row, a derived column, a
    // check across tables) silently stops happening.
    missing_trigger: { severity: 'error', effect: 'missing', noun: { one: 'missing trigger', many: 'missing triggers' }, aspects: wholeObject },
    // Code the application does not know of runs on its writes (and may reject them).
    unexpected_trigger: { severity: 'warning', effect: 'unexpected', noun: { one: 'unexpected trigger', many: 'unexpected triggers' }, aspects: wholeObject },
    // It fires at other times, on other events, or calls other code.
    trigger_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'trigger difference', many: 'trigger differences' },
        aspects: triggerMismatchAspects,
    },
    // A disabled trigger does nothing; replica and always triggers fire under
    // other session_replication_role settings (logical replication, pg_restore).
    trigger_enabled_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'trigger enabled state difference', many: 'trigger enabled state differences' },
        aspects: () => ['enabled'],
    },
};
//# sourceMappingURL=findings.js.map