import type { Comparison } from '../../findings/finding.js';
import type { ConstraintOutcome } from '../constraint/compare.js';
import type { Table } from '../table/model.js';
import type { IndexFinding } from './findings.js';
/**
 * The indexes of tables `e` (expected) and `a` (actual). Indexes that
 * implement a constraint (primary key, unique, exclusion) are reported
 * through the constraint when the constraint itself is missing, unexpected
 * or different (`constraints`): one finding, and remediation that adds the
 * constraint does not also create its index.
 */
export declare function compareIndexes(e: Table, a: Table, constraints: ConstraintOutcome): Comparison<IndexFinding>;
