/**
 * The process exit codes, documented in `--help` and the README: the one
 * place that maps what went wrong to a number.
 */
import type { ErrorCode } from '../errors.js';

export const ExitCode = {
  /** No finding at or above --fail-on. */
  Clean: 0,
  /** Drift at or above --fail-on. */
  Drift: 1,
  /** Bad usage, bad spec, bad expected source. */
  Usage: 2,
  /** Database unreachable or unreadable. */
  Database: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const BY_ERROR_CODE: Readonly<Record<ErrorCode, ExitCode>> = {
  usage: ExitCode.Usage,
  spec: ExitCode.Usage,
  output: ExitCode.Usage,
  connection: ExitCode.Database,
  introspection: ExitCode.Database,
  server: ExitCode.Database,
};

/** The exit code for an error of this code. */
export function exitCodeFor(code: ErrorCode): ExitCode {
  return BY_ERROR_CODE[code];
}
