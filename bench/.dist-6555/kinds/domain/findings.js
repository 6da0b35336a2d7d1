import { wholeObject } from '../kind.js';
/** The compared fields, each with the aspect name findings give it. */
export const DOMAIN_ASPECTS = [
    ['baseType', 'type'],
    ['default', 'default'],
    ['notNull', 'notNull'],
    ['collation', 'collation'],
];
/** The aspects in which two domains differ. */
export function domainAspects(e, a) {
    return DOMAIN_ASPECTS.filter(([field]) => e[field] !== a[field]).map(([, aspect]) => aspect);
}
export const DOMAIN_FINDINGS = {
    // Columns of the type cannot be created; casts to it fail.
    missing_domain: { severity: 'error', effect: 'missing', noun: { one: 'missing domain', many: 'missing domains' }, aspects: wholeObject },
    // Something extra the application does not use.
    unexpected_domain: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected domain', many: 'unexpected domains' }, aspects: wholeObject },
    // Values accepted, defaulted or sorted differently in every column of the type.
    domain_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'domain difference', many: 'domain differences' },
        aspects: (e, a) => domainAspects(e, a),
    },
    // Values the expected schema rejects get in.
    domain_check_missing: {
        severity: 'warning',
        effect: 'missing',
        noun: { one: 'missing domain check', many: 'missing domain checks' },
        aspects: wholeObject,
    },
    // Writes the application expects to succeed may fail.
    domain_check_unexpected: {
        severity: 'warning',
        effect: 'unexpected',
        noun: { one: 'unexpected domain check', many: 'unexpected domain checks' },
        aspects: wholeObject,
    },
    domain_check_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'domain check difference', many: 'domain check differences' },
        aspects: () => ['definition'],
    },
};
//# sourceMappingURL=findings.js.map