import { renderMigration } from '../plan/index.js';
import { verificationText } from '../plan/verification.js';
import { redactCredentials } from '../redact.js';
/**
 * up.sql and down.sql for a report's remediation plan, exactly as
 * `--migration-dir` writes them and the markdown report shows them. The
 * header names only the report's known, password-free fields.
 */
export function migrationFiles(report) {
    if (!report.remediation)
        throw new Error('the report has no remediation plan');
    return renderMigration(report.remediation, {
        toolVersion: report.tool.version,
        target: redactCredentials(report.target.location),
        serverVersion: report.target.serverVersion,
        expected: redactCredentials(`${report.expected.kind} ${report.expected.source}`),
        generatedAt: report.generatedAt,
        ...(report.remediation.verification ? { verification: redactCredentials(verificationText(report.remediation.verification)) } : {}),
    });
}
//# sourceMappingURL=migration-files.js.map