import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { ConnectionError, IntrospectionError, UsageError } from '../errors.js';
import { redactSecrets, redactUrl } from '../redact.js';

/**
 * Connection handling: build a pg pool from a URL, redact passwords, and
 * turn driver errors into one clear line naming the target.
 */

export interface ConnectOptions {
  /** Per-statement timeout for every query we run (default 30 s). */
  readonly statementTimeoutMs?: number;
  /** How long we wait for a lock on a catalog (default 5 s). */
  readonly lockTimeoutMs?: number;
  /** Give up connecting after this long (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Called for every query kysely runs (counts queries for the benchmark). */
  readonly onQuery?: (event: LogEvent) => void;
}

/** `host:port/database` of a URL, for messages. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || u.searchParams.get('host') || 'localhost';
    return `${host}:${u.port || '5432'}/${decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default)'}`;
  } catch {
    return redactUrl(url);
  }
}

/** Host, port and user of a URL, for reports (never the password). */
export function targetInfo(url: string): { host: string; port: number; user: string | null; location: string } {
  const u = new URL(url);
  return {
    host: u.hostname || u.searchParams.get('host') || 'localhost',
    port: Number(u.port || 5432),
    user: u.username ? decodeURIComponent(u.username) : null,
    location: describeTarget(url),
  };
}

/** Reject what is not a postgres:// URL before any connection attempt (exit 2). */
export function validateUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`not a connection URL: ${redactUrl(url)} (expected postgres://user:password@host:port/database)`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new UsageError(`not a PostgreSQL URL (scheme ${u.protocol}): ${redactUrl(url)}`);
  }
}

/** Open a one-connection kysely instance; the caller must `destroy()` it. */
export function openDb(url: string, options: ConnectOptions = {}): Kysely<unknown> {
  return openDbWithClient(url, options).db;
}

/** A one-connection kysely instance and the pg client under it. */
export interface DbWithClient {
  readonly db: Kysely<unknown>;
  /**
   * The pg client kysely holds while a connection is reserved (inside
   * `db.connection().execute(...)`), for what kysely's `sql` tag cannot ask
   * for, such as array row mode; queries sent through it run in that
   * connection's transaction. Undefined before the first connection.
   */
  readonly client: () => pg.PoolClient | undefined;
}

/** Like openDb, and keep hold of the pg client (the pool has just one). */
export function openDbWithClient(url: string, options: ConnectOptions = {}): DbWithClient {
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    lock_timeout: options.lockTimeoutMs ?? 5_000,
    application_name: 'schema-audit',
  } as pg.PoolConfig);
  // An idle client's socket error must not crash the process.
  pool.on('error', () => undefined);
  let current: pg.PoolClient | undefined;
  const tracking = {
    connect: async () => (current = await pool.connect()),
    end: () => pool.end(),
  };
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: tracking }),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  return { db, client: () => current };
}

/** Run `fn` with an open connection; always closes it. */
export async function withDb<T>(url: string, options: ConnectOptions, fn: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = openDb(url, options);
  try {
    return await fn(db);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
  routine?: string;
}

/** SQLSTATEs that mean "we could not get in" rather than "we got in but failed". */
const CONNECT_SQLSTATES: Record<string, string> = {
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected',
  '3D000': 'database does not exist',
  '57P03': 'server is starting up or shutting down',
  '53300': 'too many connections',
};

/**
 * One clear line for a failure to connect or read, naming the target with the
 * password redacted. Connection failures become ConnectionError, failures
 * after connecting (timeouts, permissions) IntrospectionError.
 */
export function explainDbError(err: unknown, url: string, stage: 'connect' | 'read'): ConnectionError | IntrospectionError {
  const e = (err ?? {}) as PgLikeError;
  const target = describeTarget(url);
  const user = (() => {
    try {
      return decodeURIComponent(new URL(url).username) || null;
    } catch {
      return null;
    }
  })();
  const raw = redactSecrets(String(e.message ?? err), [url]).split('\n')[0]!;
  let reason: string;
  switch (e.code) {
    case 'ECONNREFUSED':
      reason = 'connection refused (is PostgreSQL running there?)';
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      reason = 'host not found';
      break;
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EPIPE':
      reason = `${raw}`;
      break;
    default:
      if (e.code && CONNECT_SQLSTATES[e.code]) {
        reason = `${CONNECT_SQLSTATES[e.code]}: ${raw}`;
      } else if (/timeout expired|timeout exceeded when trying to connect/i.test(raw)) {
        reason = 'no answer in time (is that port a PostgreSQL server?)';
      } else if (/Connection terminated/i.test(raw) && stage === 'connect') {
        reason = 'the server closed the connection during start-up (is that port a PostgreSQL server?)';
      } else if (/unexpected|protocol|Received/i.test(raw) && stage === 'connect') {
        reason = `the server did not speak the PostgreSQL protocol (${raw})`;
      } else {
        reason = raw;
      }
  }
  const meta = { target, user, sqlstate: e.code ?? null };
  const connectFailure = stage === 'connect' || (e.code !== undefined && (e.code in CONNECT_SQLSTATES || /^E[A-Z]+$/.test(e.code)));
  return connectFailure
    ? new ConnectionError(`cannot connect to ${target}${user ? ` as ${user}` : ''}: ${reason}`, { cause: err, meta })
    : new IntrospectionError(`cannot read the schema of ${target}: ${reason}`, { cause: err, meta });
}
