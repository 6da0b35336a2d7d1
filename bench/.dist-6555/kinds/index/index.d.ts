/** Indexes of tables: compared by their table (see table/compare.ts). */
import type { ObjectKind } from '../kind.js';
import { type IndexFinding } from './findings.js';
export declare const indexKind: ObjectKind<IndexFinding>;
