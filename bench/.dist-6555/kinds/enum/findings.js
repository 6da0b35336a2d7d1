import { wholeObject } from '../kind.js';
export const ENUM_FINDINGS = {
    // The application's casts and writes of the type fail.
    missing_enum: { severity: 'error', effect: 'missing', noun: { one: 'missing enum', many: 'missing enums' }, aspects: wholeObject },
    // Something extra the application does not use.
    unexpected_enum: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected enum', many: 'unexpected enums' }, aspects: wholeObject },
    // Writes of that label fail.
    enum_value_missing: {
        severity: 'error',
        effect: 'missing',
        noun: { one: 'missing enum value', many: 'missing enum values' },
        aspects: wholeObject,
    },
    // The application cannot read rows that carry it.
    enum_value_unexpected: {
        severity: 'warning',
        effect: 'unexpected',
        noun: { one: 'unexpected enum value', many: 'unexpected enum values' },
        aspects: wholeObject,
    },
    // ORDER BY and comparisons of the type change.
    enum_value_order_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'enum value order difference', many: 'enum value order differences' },
        aspects: () => ['order'],
    },
};
//# sourceMappingURL=findings.js.map