import { wholeObject } from '../kind.js';
import { tableAspects } from './shape.js';
export const TABLE_FINDINGS = {
    // Every query of the table fails. One finding: its columns, indexes and
    // constraints are part of it.
    missing_table: { severity: 'error', effect: 'missing', noun: { one: 'missing table', many: 'missing tables' }, aspects: wholeObject },
    // Something extra the application does not use.
    unexpected_table: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected table', many: 'unexpected tables' }, aspects: wholeObject },
    // Partitioned vs plain, another partition key or bound (rows outside a
    // narrower bound are rejected), UNLOGGED (emptied after a crash).
    table_mismatch: {
        severity: 'error',
        effect: 'mismatch',
        noun: { one: 'table structure difference', many: 'table structure differences' },
        aspects: tableAspects,
    },
};
//# sourceMappingURL=findings.js.map