/**
 * The process exit codes, documented in `--help` and the README: the one
 * place that maps what went wrong to a number.
 */
import type { ErrorCode } from '../errors.js';
export declare const ExitCode: {
    /** No finding at or above --fail-on. */
    readonly Clean: 0;
    /** Drift at or above --fail-on. */
    readonly Drift: 1;
    /** Bad usage, bad spec, bad expected source. */
    readonly Usage: 2;
    /** Database unreachable or unreadable. */
    readonly Database: 3;
};
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
/** The exit code for an error of this code. */
export declare function exitCodeFor(code: ErrorCode): ExitCode;
