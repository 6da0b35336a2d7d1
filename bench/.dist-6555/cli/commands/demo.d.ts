import type { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { DemoOptions } from '../options.js';
export declare function demoCommand(options: DemoOptions, io: CliIo): Promise<ExitCode>;
