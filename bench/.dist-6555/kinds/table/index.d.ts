/** Tables (ordinary and partitioned), compared with their members: columns, constraints, indexes. */
import type { ObjectKind } from '../kind.js';
import { type TableFamilyFinding } from './compare.js';
import { type TableFinding } from './findings.js';
export declare const tableKind: ObjectKind<TableFinding, TableFamilyFinding>;
