/** The plan's part for columns: see plan-add.ts (whole columns) and plan-alter.ts (changes of a column). */
import { IN_DROP_PASS } from '../../plan/kind-plan.js';
import { planColumnDrops, planMissingColumn } from './plan-add.js';
import { COLUMN_ALTER_PLANNERS } from './plan-alter.js';
export const COLUMN_PLAN = {
    findings: {
        missing_column: planMissingColumn,
        unexpected_column: IN_DROP_PASS,
        ...COLUMN_ALTER_PLANNERS,
    },
    drop: planColumnDrops,
};
//# sourceMappingURL=plan.js.map