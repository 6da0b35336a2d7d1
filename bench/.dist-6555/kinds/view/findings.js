import { wholeObject } from '../kind.js';
/** The aspects of {@link ViewShape} in the order messages name them. */
export const VIEW_ASPECTS = ['kind', 'columns', 'options', 'populated', 'indexes'];
/** The aspects in which two shapes differ. */
export function viewAspects(e, a) {
    return VIEW_ASPECTS.filter((k) => JSON.stringify(e[k]) !== JSON.stringify(a[k]));
}
export const VIEW_FINDINGS = {
    // Queries of the application that read it fail.
    missing_view: { severity: 'error', effect: 'missing', noun: { one: 'missing view', many: 'missing views' }, aspects: wholeObject },
    // Something extra the application does not use.
    unexpected_view: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected view', many: 'unexpected views' }, aspects: wholeObject },
    // Readers get other rows or columns than the application expects.
    view_definition_mismatch: {
        severity: 'error',
        effect: 'mismatch',
        noun: { one: 'view definition difference', many: 'view definition differences' },
        aspects: () => ['definition'],
    },
    // Options change who sees what (security_barrier, security_invoker, check
    // option); an unpopulated materialized view fails every read; a missing
    // index slows its readers.
    view_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'view difference', many: 'view differences' },
        aspects: (e, a) => viewAspects(e, a),
    },
};
//# sourceMappingURL=findings.js.map