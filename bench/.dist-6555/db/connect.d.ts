import { Kysely, type LogEvent } from 'kysely';
import pg from 'pg';
import { ConnectionError, IntrospectionError } from '../errors.js';
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
export declare function describeTarget(url: string): string;
/** Host, port and user of a URL, for reports (parsed, never the password). */
export declare function targetInfo(url: string): {
    host: string;
    port: number;
    user: string | null;
    location: string;
};
/**
 * Reject what is not an unambiguous postgres:// URL before any connection
 * attempt (exit 2): unparseable strings, libpq key=value strings, other
 * schemes, several hosts, and any URL the driver would read otherwise than
 * src/redact.ts does — so the user, host and database a driver or server
 * message may quote are the parsed ones, never part of the password.
 * Messages show the string redacted by parsing.
 */
export declare function validateUrl(url: string): void;
/** Open a one-connection kysely instance; the caller must `destroy()` it. */
export declare function openDb(url: string, options?: ConnectOptions): Kysely<unknown>;
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
export declare const STALL_MARGIN_MS = 10000;
/**
 * How long the server may stay silent while a query of ours is running
 * before we give up on it: the statement timeout plus a margin. The server
 * itself cancels a statement at `statement_timeout` and says so; a server
 * that says nothing for longer is frozen, stopped or cut off.
 */
export declare function stallTimeoutMs(options: ConnectOptions): number;
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
export declare function openDbWithClient(url: string, options?: ConnectOptions): DbWithClient;
/** Run `fn` with an open connection; always closes it. */
export declare function withDb<T>(url: string, options: ConnectOptions, fn: (db: Kysely<unknown>) => Promise<T>): Promise<T>;
/**
 * One clear line for a failure to connect or read, naming the target with the
 * password redacted. Connection failures become ConnectionError, failures
 * after connecting (timeouts, permissions) IntrospectionError.
 */
export declare function explainDbError(err: unknown, url: string, stage: 'connect' | 'read'): ConnectionError | IntrospectionError;
