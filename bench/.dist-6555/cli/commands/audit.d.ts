import type { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { AuditOptions } from '../options.js';
export declare function auditCommand(options: AuditOptions, io: CliIo): Promise<ExitCode>;
