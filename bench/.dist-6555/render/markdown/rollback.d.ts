/** Rollback Procedures: back up, reverse, test, and what a rollback loses; then the generated down.sql. */
import type { AuditReport } from '../../audit.js';
import { type Analysis } from './analysis.js';
/** `## Rollback Procedures`. */
export declare function rollback(report: AuditReport, a: Analysis): string[];
