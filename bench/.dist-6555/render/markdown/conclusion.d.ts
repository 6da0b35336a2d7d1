/**
 * Conclusion: the verdict in a paragraph, counts, what is missing, what
 * differs, and the errors to fix first, each finding kind named by the noun
 * its definition gives.
 */
import type { AuditReport } from '../../audit.js';
import { type DriftFinding } from '../../findings/kinds.js';
import { type Analysis } from './analysis.js';
/** `1 missing table, 3 column type differences and 1 constraint difference`: the errors by kind, what is missing first, then what differs, each in kind order. */
export declare function errorSummary(drift: readonly DriftFinding[]): string;
/** `## Conclusion`: one paragraph. */
export declare function conclusion(report: AuditReport, a: Analysis): string[];
