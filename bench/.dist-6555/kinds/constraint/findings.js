import { wholeObject } from '../kind.js';
import { constraintAspects } from './shape.js';
export const CONSTRAINT_FINDINGS = {
    // A guarantee the application relies on is not enforced.
    missing_constraint: {
        severity: 'error',
        effect: 'missing',
        noun: { one: 'missing constraint', many: 'missing constraints' },
        aspects: wholeObject,
    },
    // It restricts writes the application expects to succeed.
    unexpected_constraint: {
        severity: 'warning',
        effect: 'unexpected',
        noun: { one: 'unexpected constraint', many: 'unexpected constraints' },
        aspects: wholeObject,
    },
    // It exists but enforces something else.
    constraint_mismatch: {
        severity: 'error',
        effect: 'mismatch',
        noun: { one: 'constraint difference', many: 'constraint differences' },
        aspects: constraintAspects,
    },
};
//# sourceMappingURL=findings.js.map