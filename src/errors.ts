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

export class AuditError extends Error {
  readonly code: ErrorCode;
  readonly meta: ErrorMeta;

  constructor(code: ErrorCode, message: string, options: AuditErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.meta = options.meta ?? {};
  }
}

/** Bad flags, bad values, a file that cannot be read or written. */
export class UsageError extends AuditError {
  constructor(message: string, options: AuditErrorOptions = {}) {
    super('usage', message, options);
  }
}

/** A spec, ignore rule or severity override that cannot be used. */
export class InvalidSpecError extends AuditError {
  constructor(message: string, options: AuditErrorOptions = {}) {
    super('spec', message, options);
  }
}

/** The database cannot be reached, or refused us. */
export class ConnectionError extends AuditError {
  constructor(message: string, options: AuditErrorOptions = {}) {
    super('connection', message, options);
  }
}

/** Connected, but the catalog could not be read (timeout, permission, ...). */
export class IntrospectionError extends AuditError {
  constructor(message: string, options: AuditErrorOptions = {}) {
    super('introspection', message, options);
  }
}

/** An embedded scratch server could not be started. */
export class ServerError extends AuditError {
  constructor(message: string, options: AuditErrorOptions = {}) {
    super('server', message, options);
  }
}
