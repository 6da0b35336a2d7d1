/**
 * Errors that reach the user. Each carries a stable `code` (for `--format
 * json` and for the CLI, which maps codes to exit codes: src/cli/exit-codes.ts),
 * a one-line message and JSON-safe `meta`. Messages never contain a
 * password: name a database with `describeTarget()` (src/db/connect.ts) and
 * show a value the user gave with `displayInput()` (src/redact.ts), which
 * parse it; never mask a password inside text. The CLI escapes control
 * characters when it prints a message (src/safe-text.ts). Library code throws these;
 * only the CLI knows about processes and exit codes.
 */
export type ErrorCode = 'usage' | 'spec' | 'connection' | 'introspection' | 'output' | 'server';
export type ErrorMeta = Readonly<Record<string, string | number | boolean | null>>;
export interface AuditErrorOptions {
    readonly cause?: unknown;
    readonly meta?: ErrorMeta;
}
export declare class AuditError extends Error {
    readonly code: ErrorCode;
    readonly meta: ErrorMeta;
    constructor(code: ErrorCode, message: string, options?: AuditErrorOptions);
}
/** Bad flags, bad values, a file that cannot be read or written. */
export declare class UsageError extends AuditError {
    constructor(message: string, options?: AuditErrorOptions);
}
/** A spec, ignore rule or severity override that cannot be used. */
export declare class InvalidSpecError extends AuditError {
    constructor(message: string, options?: AuditErrorOptions);
}
/** The database cannot be reached, or refused us. */
export declare class ConnectionError extends AuditError {
    constructor(message: string, options?: AuditErrorOptions);
}
/** Connected, but the catalog could not be read (timeout, permission, ...). */
export declare class IntrospectionError extends AuditError {
    constructor(message: string, options?: AuditErrorOptions);
}
/** An embedded scratch server could not be started. */
export declare class ServerError extends AuditError {
    constructor(message: string, options?: AuditErrorOptions);
}
