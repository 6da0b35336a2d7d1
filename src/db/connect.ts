import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { ConnectionError, IntrospectionError, UsageError } from '../errors.js';

/** How long connecting may take unless connect_timeout or --connect-timeout says otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseConnectionString, redactSecrets, UNPARSEABLE } from '../redact.js';
import { visible } from '../safe-text.js';
import { parseGiven, type SslMode } from './conninfo.js';
import { lookupPassword } from './libpq-files.js';

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

/** `host:port/database` of a URL, for messages (parsed, never the password; `(unparseable connection string)` when it cannot be read). */
export function describeTarget(url: string): string {
  const p = parseConnectionString(url);
  if (!p) return UNPARSEABLE;
  const h = p.hosts[0];
  return visible(`${h?.host || 'localhost'}:${h?.port ?? 5432}/${p.database || '(default)'}`);
}

/** Host, port and user of a URL, for reports (parsed, never the password). */
export function targetInfo(url: string): { host: string; port: number; user: string | null; location: string } {
  const p = parseConnectionString(url);
  const h = p?.hosts[0];
  return {
    host: h?.host || 'localhost',
    port: h?.port ?? 5432,
    user: p?.user ?? null,
    location: describeTarget(url),
  };
}

/**
 * Reject what is not an unambiguous connection string before any connection
 * attempt (exit 2): see {@link parseGiven}. The driver is never given the
 * string itself (see {@link driverSettings}), so what a driver or server
 * message quotes (user, host, database) are parts parsed here, never part
 * of a password.
 */
export function validateUrl(url: string): void {
  parseGiven(url);
}

/** What connecting needs besides the driver's settings. */
interface DriverSettings {
  readonly config: pg.PoolConfig;
  readonly sslmode: SslMode;
}

/**
 * The pg driver's settings for a connection string (normally the canonical
 * URL of src/db/conninfo.ts), built here: the driver is not handed the
 * string, so it reads no environment variable, prints no warning about
 * sslmode, and gives sslmode libpq's meaning: `disable` and `allow` plain
 * (allow falls back to TLS), `prefer` TLS without verification falling back
 * to plain, `require` TLS without verification (verifying the CA when a root
 * certificate is given), `verify-ca` the CA, `verify-full` the CA and the
 * host name. A socket directory never uses TLS. Without a password, a
 * `passfile` is looked up; a server that then asks for one gets an error
 * saying where none was found.
 */
export function driverSettings(url: string, options: ConnectOptions = {}): DriverSettings {
  const p = parseGiven(url);
  const param = (k: string): string | undefined => p.params.find(([key]) => key === k)?.[1];
  const host = p.hosts[0]?.host || 'localhost';
  const port = p.hosts[0]?.port ?? 5432;
  const user = p.user ?? 'postgres';
  const database = p.database ?? user;
  const socket = host.startsWith('/');
  const sslmode = ((param('sslmode') ?? (param('requiressl') === '1' ? 'require' : 'disable')) as SslMode);
  const timeoutS = Number(param('connect_timeout') ?? 0);
  const config: pg.PoolConfig = {
    host: param('hostaddr') ?? host,
    port,
    user,
    database,
    max: 1,
    // libpq: zero or absent is our default; less than 2 s is 2 s.
    connectionTimeoutMillis: timeoutS > 0 ? Math.max(2, timeoutS) * 1000 : options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    lock_timeout: options.lockTimeoutMs ?? 5_000,
    application_name: param('application_name') ?? 'schema-audit',
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ssl: socket ? false : tlsSettings(sslmode, host, param),
    ...(param('options') ? { options: param('options') } : {}),
  } as pg.PoolConfig;
  const passfile = param('passfile');
  if (p.password !== null) config.password = p.password;
  else if (passfile !== undefined) config.password = passwordFromFile(passfile, { host, port, database, user });
  // The driver must not look for one itself (it would read this process's environment and ~/.pgpass).
  else config.password = noPassword('none in the connection string or $PGPASSWORD, and no password file');
  return { config, sslmode: socket ? 'disable' : sslmode };
}

/**
 * A connected pg client for a connection string, with the settings of
 * {@link driverSettings} (sslmode as libpq, the prefer/allow fallback
 * applied): for the scratch, demo and verify databases schema-audit makes
 * on a server. An `error` event of the client never crashes the process.
 */
export async function connectClient(url: string, extra: pg.ClientConfig = {}): Promise<pg.Client> {
  const { config, sslmode } = driverSettings(url);
  // Not the audit's limits: a scratch load may run long statements.
  const { max: _max, statement_timeout: _st, lock_timeout: _lt, ...clientConfig } = config as pg.PoolConfig & { statement_timeout?: number; lock_timeout?: number };
  const attempt = async (ssl: pg.ClientConfig['ssl']): Promise<pg.Client> => {
    const client = new pg.Client({ ...clientConfig, ...extra, ssl });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return client;
  };
  try {
    return await attempt(config.ssl);
  } catch (err) {
    const fallback = sslFallback(sslmode, err);
    if (fallback === undefined) throw err;
    return attempt(fallback);
  }
}

/** The password .pgpass holds for this connection, or a function failing with the reason when the server asks for one. */
function passwordFromFile(file: string, target: { host: string; port: number; database: string; user: string }): string | (() => string) {
  const found = lookupPassword(file, target);
  if (found.kind === 'found') return found.password;
  const why =
    found.kind === 'ignored'
      ? `the password file ${visible(file)} was ignored: group or others may read it (chmod 600 it)`
      : `none in the connection string, $PGPASSWORD or ${visible(file)} for ${visible(target.host)}:${target.port}:${visible(target.database)}:${visible(target.user)}`;
  return noPassword(why);
}

/** A password callback for the driver that fails, saying why there is none (called only if the server asks). */
function noPassword(why: string): () => string {
  return () => {
    throw Object.assign(new Error(`the server asks for a password and none was given (${why})`), { code: 'SA_NO_PASSWORD' });
  };
}

/** The TLS settings of an sslmode (false: plain). */
function tlsSettings(sslmode: SslMode, host: string, param: (k: string) => string | undefined): pg.PoolConfig['ssl'] {
  if (sslmode === 'disable' || sslmode === 'allow') return false;
  const file = (k: string): Buffer | undefined => {
    const f = param(k);
    if (f === undefined || f === '' || (k === 'sslrootcert' && f === 'system')) return undefined;
    try {
      return readFileSync(f);
    } catch (err) {
      throw new UsageError(`cannot read the ${k} file ${visible(f)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  };
  const ca = file('sslrootcert');
  const cert = file('sslcert');
  const key = file('sslkey');
  const client = { ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(param('sslpassword') ? { passphrase: param('sslpassword') } : {}) };
  const verify = sslmode === 'verify-full' || sslmode === 'verify-ca' || (sslmode === 'require' && ca !== undefined);
  if (!verify) return { rejectUnauthorized: false, ...client };
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca } : {}),
    ...client,
    ...(param('hostaddr') && !isIP(host) ? { servername: host } : {}),
    // verify-ca (and require with a root certificate): the chain, not the name.
    ...(sslmode === 'verify-full' ? {} : { checkServerIdentity: () => undefined }),
  };
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

/** Added to the statement timeout: how much longer a silent server is given before the connection is closed. */
export const STALL_MARGIN_MS = 10_000;

/**
 * How long the server may stay silent while a query of ours is running
 * before we give up on it: the statement timeout plus a margin. The server
 * itself cancels a statement at `statement_timeout` and says so; a server
 * that says nothing for longer is frozen, stopped or cut off.
 */
export function stallTimeoutMs(options: ConnectOptions): number {
  return (options.statementTimeoutMs ?? 30_000) + STALL_MARGIN_MS;
}

/**
 * Like openDb, and keep hold of the pg client (the pool has just one).
 *
 * Faults of the connection never crash the process and never hang it:
 * - the client keeps an `error` listener while it is checked out (pg emits
 *   `error` on the client when the socket dies mid-query, and an unhandled
 *   `error` event would kill the process with exit 1, which means drift);
 *   the query running then fails with the error, and so does every later one;
 * - TCP keepalive is on, and a query that gets no byte from the server for
 *   `stallTimeoutMs` (statement timeout + 10 s) fails: the socket is closed
 *   with an error saying so. Connecting has its own limit (10 s).
 */
export function openDbWithClient(url: string, options: ConnectOptions = {}): DbWithClient {
  const { config, sslmode } = driverSettings(url, options);
  const makePool = (ssl: pg.PoolConfig['ssl']): pg.Pool => {
    const made = new pg.Pool({ ...config, ssl });
    // An idle client's socket error must not crash the process.
    made.on('error', () => undefined);
    return made;
  };
  let pool = makePool(config.ssl);
  const stallMs = stallTimeoutMs(options);
  let current: pg.PoolClient | undefined;
  const tracking = {
    connect: async () => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        // libpq's fallbacks: prefer tries TLS first, allow tries plain first.
        const fallback = sslFallback(sslmode, err);
        if (fallback === undefined) throw err;
        await pool.end().catch(() => undefined);
        pool = makePool(fallback);
        client = await pool.connect();
      }
      if (client !== current) guardClient(client, stallMs);
      return (current = client);
    },
    end: () => pool.end(),
  };
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: tracking }),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  return { db, client: () => current };
}

/**
 * The TLS setting to try again with after a failed first attempt, as libpq
 * does: `prefer` plain when the server does not do TLS, `allow` TLS
 * (unverified) when the server refuses an unencrypted connection (pg_hba
 * `hostssl`); undefined: no second attempt.
 */
function sslFallback(sslmode: SslMode, err: unknown): pg.PoolConfig['ssl'] | undefined {
  const e = (err ?? {}) as PgLikeError;
  if (sslmode === 'prefer' && /does not support SSL/i.test(String(e.message))) return false;
  if (sslmode === 'allow' && e.code === '28000' && /no encryption|SSL off/i.test(String(e.message))) return { rejectUnauthorized: false };
  return undefined;
}

/** pg's client internals the stall guard looks at (pg 8). */
interface ClientInternals {
  readonly activeQuery?: unknown;
  readonly queryQueue?: readonly unknown[];
  readonly connection?: { readonly stream?: import('node:net').Socket };
}

const guarded = new WeakSet<object>();

/** The error listener and the silence limit of a checked-out client (see openDbWithClient). */
function guardClient(client: pg.PoolClient, stallMs: number): void {
  if (guarded.has(client)) return;
  guarded.add(client);
  // The running query receives the error itself; this listener only keeps
  // the event from being unhandled.
  client.on('error', () => undefined);
  const internals = client as unknown as ClientInternals;
  const socket = internals.connection?.stream;
  if (!socket || typeof socket.setTimeout !== 'function') return;
  socket.setTimeout(stallMs, () => {
    const busy = internals.activeQuery != null || (internals.queryQueue?.length ?? 0) > 0;
    if (!busy) return; // idle between our queries: nothing is owed
    const err = Object.assign(new Error(`the server sent nothing for ${Math.round(stallMs / 1000)} s (statement timeout + ${STALL_MARGIN_MS / 1000} s); connection closed`), {
      code: 'SA_STALLED',
    });
    socket.destroy(err);
  });
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

/** The sslmode a canonical URL carries (disable when none). */
function sslmodeOf(url: string): string {
  return parseConnectionString(url)?.params.find(([k]) => k === 'sslmode')?.[1] ?? 'disable';
}

/** The connect timeout, in ms, a URL sets (the default otherwise). */
function driverSettingsOrDefault(url: string): number {
  try {
    return driverSettings(url).config.connectionTimeoutMillis ?? DEFAULT_CONNECT_TIMEOUT_MS;
  } catch {
    return DEFAULT_CONNECT_TIMEOUT_MS;
  }
}

/** SQLSTATEs that mean "we could not get in" rather than "we got in but failed". */
const CONNECT_SQLSTATES: Record<string, string> = {
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected',
  '3D000': 'database does not exist',
  '57P03': 'server is starting up or shutting down',
  '53300': 'too many connections',
};

/** SQLSTATEs that mean the server ended our session while we read. */
const LOST_SQLSTATES: Record<string, string> = {
  '57P01': 'the server terminated our session (pg_terminate_backend or a shutdown)',
  '57P02': 'the server crashed and ended our session',
  '57P05': 'the server ended our idle session',
  '08006': 'the connection failed',
  '08003': 'the connection does not exist',
};

/**
 * One clear line for a failure to connect or read, naming the target with the
 * password redacted. Connection failures become ConnectionError, failures
 * after connecting (timeouts, permissions) IntrospectionError.
 */
export function explainDbError(err: unknown, url: string, stage: 'connect' | 'read'): ConnectionError | IntrospectionError {
  const e = (err ?? {}) as PgLikeError;
  const target = describeTarget(url);
  const user = parseConnectionString(url)?.user ?? null;
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
      reason = stage === 'read' ? `the connection was lost while reading (${raw})` : raw;
      break;
    case 'SA_STALLED':
    case 'SA_NO_PASSWORD':
      reason = raw;
      break;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      reason = `the server's certificate was not accepted (${raw}; sslmode ${sslmodeOf(url)})`;
      break;
    default:
      if (e.code && LOST_SQLSTATES[e.code]) {
        reason = `${LOST_SQLSTATES[e.code]}: ${raw}`;
      } else if (e.code && CONNECT_SQLSTATES[e.code]) {
        reason = `${CONNECT_SQLSTATES[e.code]}: ${raw}`;
      } else if (/timeout expired|timeout exceeded when trying to connect|due to connection timeout/i.test(raw)) {
        reason = `no answer within ${Math.round(driverSettingsOrDefault(url) / 1000)} s, the connect timeout (is that port a PostgreSQL server? --connect-timeout SECONDS waits longer)`;
      } else if (/does not support SSL/i.test(raw)) {
        reason = `the server does not accept TLS connections, and sslmode ${sslmodeOf(url)} requires one`;
      } else if (/error establishing an SSL connection/i.test(raw) && stage === 'connect') {
        reason = 'the server did not speak the PostgreSQL protocol: it did not answer the TLS request (is that port a PostgreSQL server?)';
      } else if (/Connection terminated/i.test(raw) && stage === 'connect') {
        reason = 'the server closed the connection during start-up (is that port a PostgreSQL server?)';
      } else if (/unexpected|protocol|Received/i.test(raw) && stage === 'connect') {
        reason = `the server did not speak the PostgreSQL protocol (${raw})`;
      } else if (/Connection terminated|not queryable|ECONNRESET|socket hang up/i.test(raw)) {
        reason = `the connection was lost while reading (${raw})`;
      } else {
        reason = raw;
      }
  }
  const meta = { target, user, sqlstate: e.code ?? null };
  const connectFailure = stage === 'connect' || (e.code !== undefined && e.code in CONNECT_SQLSTATES);
  return connectFailure
    ? new ConnectionError(`cannot connect to ${target}${user ? ` as ${user}` : ''}: ${reason}`, { cause: err, meta })
    : new IntrospectionError(`cannot read the schema of ${target}: ${reason}`, { cause: err, meta });
}
