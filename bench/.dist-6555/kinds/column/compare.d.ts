import type { Comparison, DraftFinding } from '../../findings/finding.js';
import type { Constraint } from '../constraint/model.js';
import type { Table } from '../table/model.js';
import type { ColumnFinding } from './findings.js';
import type { Column } from './model.js';
/** One finding per differing aspect of a column present on both sides. */
export declare function compareColumn(t: Table, e: Column, a: Column): DraftFinding<ColumnFinding>[];
/**
 * The columns of tables `e` (expected) and `a` (actual): missing ones (each
 * carrying the expected constraints `carried` gives it), unexpected ones,
 * and the aspects of those on both sides. Returns the comparison and the
 * names of the missing columns.
 */
export declare function compareColumns(e: Table, a: Table, carried: (missing: ReadonlySet<string>) => ReadonlyMap<string, readonly Constraint[]>): {
    comparison: Comparison<ColumnFinding>;
    missing: ReadonlySet<string>;
};
