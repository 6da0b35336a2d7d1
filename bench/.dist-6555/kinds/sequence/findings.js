import { wholeObject } from '../kind.js';
/** The compared fields, each with the aspect name findings give it, in CREATE SEQUENCE's order. */
export const SEQUENCE_ASPECTS = [
    ['dataType', 'type'],
    ['increment', 'increment'],
    ['min', 'min'],
    ['max', 'max'],
    ['start', 'start'],
    ['cache', 'cache'],
    ['cycle', 'cycle'],
    ['ownedBy', 'ownedBy'],
];
/** `schema.table.column`, or null. */
export function ownerText(o) {
    return o === null ? null : `${o.schema}\u0000${o.table}\u0000${o.column}`;
}
/** The aspects in which two sequences differ. */
export function sequenceAspects(e, a) {
    return SEQUENCE_ASPECTS.filter(([field]) => (field === 'ownedBy' ? ownerText(e.ownedBy) !== ownerText(a.ownedBy) : e[field] !== a[field])).map(([, aspect]) => aspect);
}
export const SEQUENCE_FINDINGS = {
    // The defaults and the application's nextval() calls that use it fail.
    missing_sequence: { severity: 'error', effect: 'missing', noun: { one: 'missing sequence', many: 'missing sequences' }, aspects: wholeObject },
    // Something extra the application does not use.
    unexpected_sequence: {
        severity: 'info',
        effect: 'unexpected',
        noun: { one: 'unexpected sequence', many: 'unexpected sequences' },
        aspects: wholeObject,
    },
    // Numbers drawn differ (step, range, wrap-around), or the sequence is not dropped with its column.
    sequence_mismatch: {
        severity: 'warning',
        effect: 'mismatch',
        noun: { one: 'sequence difference', many: 'sequence differences' },
        aspects: (e, a) => sequenceAspects(e, a),
    },
};
//# sourceMappingURL=findings.js.map