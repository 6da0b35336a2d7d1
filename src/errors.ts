/**
 * Errors that reach the user. Each carries a stable `code` (for `--format
 * json`), the process exit code it maps to, and JSON-safe `meta`. Messages are
 * one line and never contain a password: build them from `redactUrl()` output.
 */
export type ErrorCode = 'usage' | 'spec' | 'connection' | 'introspection' | 'output' | 'server';

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

export class AuditError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  readonly meta: Readonly<Record<string, string | number | boolean | null>>;

  constructor(
    code: ErrorCode,
    exitCode: ExitCode,
    message: string,
    options: { cause?: unknown; meta?: Record<string, string | number | boolean | null> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.meta = options.meta ?? {};
  }
}

/** Bad flags, bad values, a file that cannot be read or written. */
export class UsageError extends AuditError {
  constructor(message: string, options: { cause?: unknown; meta?: Record<string, string | number | boolean | null> } = {}) {
    super('usage', ExitCode.Usage, message, options);
  }
}

/** The database cannot be reached, or refused us. */
export class ConnectionError extends AuditError {
  constructor(message: string, options: { cause?: unknown; meta?: Record<string, string | number | boolean | null> } = {}) {
    super('connection', ExitCode.Database, message, options);
  }
}

/** Connected, but the catalog could not be read (timeout, permission, ...). */
export class IntrospectionError extends AuditError {
  constructor(message: string, options: { cause?: unknown; meta?: Record<string, string | number | boolean | null> } = {}) {
    super('introspection', ExitCode.Database, message, options);
  }
}

/** An embedded scratch server could not be started. */
export class ServerError extends AuditError {
  constructor(message: string, options: { cause?: unknown; meta?: Record<string, string | number | boolean | null> } = {}) {
    super('server', ExitCode.Database, message, options);
  }
}
