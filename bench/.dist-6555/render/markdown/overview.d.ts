/** The document's first sections: Overview (the run and its counts) and Current Schema Analysis (the live schema's inventory). */
import type { AuditReport } from '../../audit.js';
import { type Analysis } from './analysis.js';
/** `## Overview`: what was audited against what, and the counts. */
export declare function overview(report: AuditReport, a: Analysis): string[];
/** `## Current Schema Analysis`: the live tables and enums. */
export declare function currentSchema(report: AuditReport, a: Analysis): string[];
