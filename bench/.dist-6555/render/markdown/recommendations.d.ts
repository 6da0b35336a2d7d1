/**
 * Recommendations: what to do, numbered, only the subsections that apply
 * (create tables, add columns, create indexes, data migration, resolve other
 * drift, review advice, apply the generated migration).
 */
import type { AuditReport } from '../../audit.js';
import { type Analysis } from './analysis.js';
/** `` `leads.score` ``: a column with its table. */
export declare function qualifiedColumn(schema: string, table: string, column: string): string;
/** `## Recommendations`: the subsections that apply, numbered, the generated migration last. */
export declare function recommendations(report: AuditReport, a: Analysis): string[];
