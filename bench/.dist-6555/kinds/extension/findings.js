import { wholeObject } from '../kind.js';
/** `schema` and `version`, as they differ (a version of null expects any). */
export function extensionAspects(expected, actual) {
    const out = [];
    if (expected.schema !== actual.schema)
        out.push('schema');
    if (expected.version !== null && expected.version !== actual.version)
        out.push('version');
    return out;
}
export const EXTENSION_FINDINGS = {
    // The types, functions and operators it provides are absent: columns, defaults and queries that use them fail.
    missing_extension: { severity: 'error', effect: 'missing', noun: { one: 'missing extension', many: 'missing extensions' }, aspects: wholeObject },
    // Something extra the application does not use (its own objects are the extension's, never drift).
    unexpected_extension: {
        severity: 'info',
        effect: 'unexpected',
        noun: { one: 'unexpected extension', many: 'unexpected extensions' },
        aspects: wholeObject,
    },
    // Another version may change its functions' behaviour; another schema changes how its objects are named.
    extension_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'extension difference', many: 'extension differences' },
        aspects: extensionAspects,
    },
};
//# sourceMappingURL=findings.js.map