import type { AuditReport } from '../audit.js';
import { type MigrationFiles } from '../plan/index.js';
/**
 * up.sql and down.sql for a report's remediation plan, exactly as
 * `--migration-dir` writes them and the markdown report shows them. The
 * header names only the report's known, password-free fields.
 */
export declare function migrationFiles(report: AuditReport): MigrationFiles;
