import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
/**
 * Run one command line and return its exit code. Writes only to `io`; never
 * exits the process. Errors become one line on stderr (stack with --verbose),
 * with every connection password redacted.
 */
export declare function run(argv: readonly string[], io: CliIo): Promise<ExitCode>;
