import { type AdviceKind } from '../advice/index.js';
import type { LockWait } from '../introspect/introspector.js';
import { type SupportedMajor } from '../server/binaries.js';
import { type InputLimits } from '../spec-file/input-limits.js';
import { ExitCode } from './exit-codes.js';
/**
 * The command line: a yargs table turned into typed, validated options.
 * Parsing never runs a command and never exits the process.
 */
export interface GlobalOptions {
    readonly verbose: boolean;
    /** true / false when given, undefined = decide from TTY and NO_COLOR. */
    readonly color: boolean | undefined;
}
export type SnapshotFormat = 'yaml' | 'json' | 'model' | 'sql';
export interface SnapshotOptions extends GlobalOptions {
    readonly command: 'snapshot';
    readonly format: SnapshotFormat;
    readonly db: string;
    readonly schemas: readonly string[];
    readonly out: string | undefined;
    readonly statementTimeoutMs: number;
    /** A table locked by another session: wait (then fail) or skip it (--lock-wait). */
    readonly lockWait: LockWait;
}
/**
 * `auto` (the default) and `text` are the same report today: the text report,
 * coloured when `useColor` says so (by default: when stdout is a TTY) and
 * wrapped to the terminal's width on a TTY; plain (no ANSI) otherwise.
 * `json` and `markdown` are never coloured.
 */
export type ReportFormat = 'auto' | 'text' | 'json' | 'markdown';
export type FailOnOption = 'error' | 'warning' | 'info' | 'never';
export interface OutputOptions {
    readonly format: ReportFormat;
    readonly failOn: FailOnOption;
    readonly out: string | undefined;
    /** Pinned report time (ISO 8601), for reproducible reports; default now. */
    readonly now: string | undefined;
    /** Run the DBA advice checks (--no-advice turns them off). */
    readonly advice: boolean;
    /** Advice kinds turned off (--disable-advice KIND). */
    readonly disabledAdvice: readonly AdviceKind[];
    /** Let advice findings count for --fail-on (--fail-on-advice). */
    readonly failOnAdvice: boolean;
    /** Write the remediation SQL to DIR/up.sql and DIR/down.sql (--migration-dir). */
    readonly migrationDir: string | undefined;
    /** Let the remediation drop unexpected objects (--drop-unexpected). */
    readonly dropUnexpected: boolean;
    /** Prove up.sql and down.sql on a scratch copy of the structure before showing them (--verify). */
    readonly verify: boolean;
}
export interface AuditOptions extends GlobalOptions, OutputOptions {
    readonly command: 'audit';
    readonly db: string;
    readonly expected: string;
    readonly schemas: readonly string[];
    readonly statementTimeoutMs: number;
    /** A table locked by another session: wait (then fail) or skip it (--lock-wait). */
    readonly lockWait: LockWait;
    /** Limits on the expected source's files (--max-input-mib, --max-spec-nodes). */
    readonly limits: InputLimits;
}
export interface DemoOptions extends GlobalOptions, OutputOptions {
    readonly command: 'demo';
    /** Server to create the demo database on; undefined = embedded/container. */
    readonly db: string | undefined;
    readonly pgMajor: SupportedMajor;
}
export type CommandOptions = SnapshotOptions | AuditOptions | DemoOptions;
export type ParseResult = {
    readonly kind: 'run';
    readonly options: CommandOptions;
}
/** Help, version or a usage error: print `output` and exit with `exitCode`. */
 | {
    readonly kind: 'exit';
    readonly exitCode: ExitCode;
    readonly stdout: string;
    readonly stderr: string;
};
export declare function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, version: string): Promise<ParseResult>;
