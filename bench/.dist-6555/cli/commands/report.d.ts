import { type AuditInput } from '../../audit.js';
import { ExitCode } from '../exit-codes.js';
import type { IndexUsageStats } from '../../introspect/introspector.js';
import type { CliIo } from '../io.js';
import type { GlobalOptions, OutputOptions } from '../options.js';
export interface ReportContext {
    /** Index usage counters for the `unused_index` advice. */
    readonly stats?: IndexUsageStats;
    /** Why there are none (the role may not read them), for the report. */
    readonly statsUnavailable?: string;
    /** A server of ours for --verify's scratch database (the demo's); default: start one. */
    readonly scratchServerUrl?: string;
}
/** Shared by `audit` and `demo`: diff, plan, verify, render, write, and the exit code. */
export declare function reportAudit(input: Omit<AuditInput, 'toolVersion' | 'generatedAt' | 'advice' | 'remediation'> & {
    readonly expected: AuditInput['expected'] & {
        readonly backfills?: ReadonlyMap<string, string>;
    };
}, options: OutputOptions & GlobalOptions, io: CliIo, context?: ReportContext): Promise<ExitCode>;
