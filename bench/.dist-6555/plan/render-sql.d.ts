import type { RemediationPlan } from './types.js';
export interface MigrationHeader {
    readonly toolVersion: string;
    /** `host:port/database`, never a password. */
    readonly target: string;
    readonly serverVersion: string;
    /** The expected schema's source, as the report names it. */
    readonly expected: string;
    readonly generatedAt: string;
    /** The `--verify` outcome in one line, when it ran. */
    readonly verification?: string;
}
export interface MigrationFiles {
    readonly up: string;
    readonly down: string;
}
export declare function renderMigration(plan: RemediationPlan, header: MigrationHeader): MigrationFiles;
