import { wholeObject } from '../kind.js';
export const COLUMN_FINDINGS = {
    // The application's queries and writes of the column fail.
    missing_column: { severity: 'error', effect: 'missing', noun: { one: 'missing column', many: 'missing columns' }, aspects: wholeObject },
    // Breaks only INSERTs without a column list, or every INSERT when it is NOT
    // NULL without a default (its message says so then).
    unexpected_column: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected column', many: 'unexpected columns' }, aspects: wholeObject },
    // Values the application writes may not fit, or compare differently.
    column_type_mismatch: {
        severity: 'error',
        effect: 'mismatch',
        noun: { one: 'column type difference', many: 'column type differences' },
        aspects: (e, a) => [...(e.type !== a.type ? ['type'] : []), ...(e.collation !== a.collation ? ['collation'] : [])],
    },
    // NOT NULL where the app writes NULL rejects writes; nullable where the
    // app relies on NOT NULL lets bad data in.
    column_nullability_mismatch: {
        severity: 'error',
        effect: 'mismatch',
        noun: { one: 'nullability difference', many: 'nullability differences' },
        aspects: () => ['nullable'],
    },
    // Writes that supply the value still work.
    column_default_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'default difference', many: 'default differences' },
        aspects: () => ['default'],
    },
    column_identity_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'identity difference', many: 'identity differences' },
        aspects: () => ['identity'],
    },
    column_generated_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'generated-column difference', many: 'generated-column differences' },
        aspects: () => ['generated'],
    },
};
//# sourceMappingURL=findings.js.map