/** Columns of tables: compared by their table (see table/compare.ts). */
import type { ObjectKind } from '../kind.js';
import { COLUMN_CATALOG } from './catalog.js';
import { COLUMN_FINDINGS, type ColumnFinding } from './findings.js';

export const columnKind: ObjectKind<ColumnFinding> = {
  name: 'column',
  noun: { one: 'column', many: 'columns' },
  placement: { container: 'table', list: 'columns' },
  objectField: 'column',
  findings: COLUMN_FINDINGS,
  compare: null,
  listsMissingApart: true,
  catalog: COLUMN_CATALOG,
};
