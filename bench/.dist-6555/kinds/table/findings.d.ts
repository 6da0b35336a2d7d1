/**
 * What the diff reports about tables as a whole, with the default severity
 * of each finding kind and why. Their members' findings are their kinds'
 * (columns, indexes, constraints).
 */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Table } from './model.js';
import { type TableShape } from './shape.js';
/**
 * A table as findings show it: the model's table without the row estimate (a
 * statistic, not schema), its lists in the model's canonical order (columns
 * by position, the rest by name).
 */
export type TableValue = Omit<Table, 'rowEstimate'>;
export type TableFinding = Finding<'missing_table', Described<TableValue>, null> | Finding<'unexpected_table', null, TableValue> | Finding<'table_mismatch', TableShape, TableShape>;
export declare const TABLE_FINDINGS: FindingDefinitions<TableFinding>;
