import { wholeObject } from '../kind.js';
import { indexAspects } from './shape.js';
export const INDEX_FINDINGS = {
    // It may back ON CONFLICT, or be the difference between an index scan and
    // a full scan of a large table.
    missing_index: { severity: 'error', effect: 'missing', noun: { one: 'missing index', many: 'missing indexes' }, aspects: wholeObject },
    // Something extra the application does not use (the advice checks say more).
    unexpected_index: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected index', many: 'unexpected indexes' }, aspects: wholeObject },
    // It exists with another structure: queries may not use it.
    index_mismatch: { severity: 'warning', effect: 'mismatch', noun: { one: 'index difference', many: 'index differences' }, aspects: indexAspects },
};
//# sourceMappingURL=findings.js.map