/** Columns of tables: compared by their table (see table/compare.ts). */
import type { ObjectKind } from '../kind.js';
import { type ColumnFinding } from './findings.js';
export declare const columnKind: ObjectKind<ColumnFinding>;
