import type { Comparison } from '../../findings/finding.js';
import type { ColumnFinding } from '../column/findings.js';
import type { ConstraintFinding } from '../constraint/findings.js';
import type { IndexFinding } from '../index/findings.js';
import type { TriggerFinding } from '../trigger/findings.js';
import type { TableFinding } from './findings.js';
import type { Table } from './model.js';
/** The findings of a table and of its members. */
export type TableFamilyFinding = TableFinding | ColumnFinding | ConstraintFinding | IndexFinding | TriggerFinding;
/** The key tables are matched by. */
export declare function tableKey(t: {
    readonly schema: string;
    readonly name: string;
}): string;
/** A table that exists on both sides: its shape, columns, constraints, indexes and triggers; the table itself is present. */
export declare function compareTable(e: Table, a: Table): Comparison<TableFamilyFinding>;
/**
 * Match tables by (schema, name). A missing (or unexpected) table is one
 * finding; its contents are not reported separately.
 *
 * Partitions are tables like any other, with one exception: when the
 * expected tables include no partition at all of an expected parent, the
 * actual partitions of that parent are not reported (partitions are often
 * created at run time and a spec seldom lists them). Once some partitions
 * of a parent are expected, every other partition of it is unexpected.
 *
 * A column difference of a partition (or an inheritance child) that its
 * parent (compared too) has in the same way is reported once, on the
 * parent: PostgreSQL adds, alters and drops a parent's columns on every
 * partition and child itself, and refuses ADD COLUMN on a partition.
 */
export declare function compareTables(expected: readonly Table[], actual: readonly Table[]): Comparison<TableFamilyFinding>;
