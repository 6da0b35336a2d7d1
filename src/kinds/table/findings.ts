/**
 * What the diff reports about tables as a whole, with the default severity
 * of each finding kind and why. Their members' findings are their kinds'
 * (columns, indexes, constraints).
 */
import type { Described, Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Table } from './model.js';
import { tableAspects, type TableShape } from './shape.js';

/**
 * A table as findings show it: the model's table without the row estimate (a
 * statistic, not schema), its lists in the model's canonical order (columns
 * by position, the rest by name).
 */
export type TableValue = Omit<Table, 'rowEstimate'>;

export type TableFinding =
  | Finding<'missing_table', Described<TableValue>, null>
  | Finding<'unexpected_table', null, TableValue>
  | Finding<'table_mismatch', TableShape, TableShape>;

export const TABLE_FINDINGS: FindingDefinitions<TableFinding> = {
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
