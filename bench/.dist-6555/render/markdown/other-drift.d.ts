/**
 * Other Drift (every difference without a section of its own, in its kind's
 * words, and the ignored findings) and Advice (the DBA checks' findings that
 * are not about indexes).
 */
import type { AuditReport } from '../../audit.js';
import { type DriftFinding } from '../../findings/kinds.js';
import type { Analysis } from './analysis.js';
/** Findings about objects (or enum values) the database has and the expected schema does not define. */
export declare function unexpectedCount(findings: readonly DriftFinding[]): number;
/** `### Other Drift`: a table of the differences without a section of their own, then the ignored findings. */
export declare function otherDrift(report: AuditReport, a: Analysis): string[];
/** `### Advice`: the advice not about indexes; nothing when there is none. */
export declare function adviceSection(a: Analysis): string[];
