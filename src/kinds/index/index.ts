/** Indexes of tables: compared by their table (see table/compare.ts). */
import type { ObjectKind } from '../kind.js';
import { INDEX_CATALOG } from './catalog.js';
import { INDEX_FINDINGS, type IndexFinding } from './findings.js';

export const indexKind: ObjectKind<IndexFinding> = {
  name: 'index',
  noun: { one: 'index', many: 'indexes' },
  placement: { container: 'table', list: 'indexes' },
  objectField: 'index',
  findings: INDEX_FINDINGS,
  compare: null,
  listsMissingApart: true,
  catalog: INDEX_CATALOG,
};
