/**
 * The remediation plan in the markdown report: the forward migration under
 * Recommendations, the rollback under Rollback Procedures. Both show the
 * exact files `--migration-dir` writes, with the hazards and the steps a
 * person must decide spelled out above them.
 */
import type { AuditReport } from '../../audit.js';
/** The `Apply the Migration` subsection of Recommendations, or null when there is no plan. */
export declare function migrationRecommendation(report: AuditReport): {
    title: string;
    body: string[];
} | null;
/** Rollback Procedures' account of down.sql, or nothing when there is no plan with steps. */
export declare function migrationRollback(report: AuditReport): string[];
