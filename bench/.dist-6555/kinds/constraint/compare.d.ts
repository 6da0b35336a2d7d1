import type { Comparison } from '../../findings/finding.js';
import type { Table } from '../table/model.js';
import type { ConstraintFinding } from './findings.js';
import type { Constraint } from './model.js';
/** A constraint in a message: its definition on one line. */
export declare function constraintText(c: Constraint): string;
/** Names of the constraints reported missing, unexpected and mismatched (to fold index findings into them). */
export interface ConstraintOutcome {
    readonly missing: ReadonlySet<string>;
    readonly unexpected: ReadonlySet<string>;
    readonly mismatched: ReadonlySet<string>;
}
/**
 * The constraints of tables `e` (expected) and `a` (actual). A missing
 * constraint over a missing column is reported with the column
 * (`missingColumns`), not on its own.
 */
export declare function compareConstraints(e: Table, a: Table, missingColumns: ReadonlySet<string>): {
    comparison: Comparison<ConstraintFinding>;
    outcome: ConstraintOutcome;
};
