import { type SupportedMajor } from './binaries.js';
/**
 * A throw-away PostgreSQL server run from the embedded binaries: a fresh
 * cluster in a temporary directory, listening on 127.0.0.1 at a free port,
 * removed again by `stop()`.
 *
 * Lifetime guarantees (no postgres may outlive its owner):
 * - `stop()` does a fast shutdown and deletes the cluster;
 * - a process `exit` handler sends an immediate shutdown to servers still up;
 * - a tiny watchdog shell process, started before initdb, holds a pipe from
 *   the owner; if the owner dies without stopping the server (SIGKILL, a
 *   crashed jest worker, a signal during initdb), the pipe closes and the
 *   watchdog stops initdb or the server and deletes the directory.
 *
 * The directory is private (0700), and initdb and the server run with an
 * environment of their own (serverEnv): nothing of the tool's leaks in.
 */
export interface EmbeddedServer {
    readonly major: SupportedMajor;
    readonly port: number;
    /** Superuser URL of the `postgres` database (contains the random password). */
    readonly url: string;
    readonly pid: number;
    /** Directory holding the cluster; gone after stop(). */
    readonly baseDir: string;
    stop(): Promise<void>;
}
export interface EmbeddedOptions {
    readonly major: SupportedMajor;
    /** Receives the server's log lines (default: dropped). */
    readonly onLog?: (line: string) => void;
    /** Give up waiting for the server after this long (default 60 s). */
    readonly startTimeoutMs?: number;
}
/** Ask the kernel for a free port on loopback. */
export declare function freePort(): Promise<number>;
/**
 * The environment of initdb, the server and the watchdog: nothing of the
 * tool's (no DATABASE_URL, no PG* variables, no credentials of any kind),
 * only a search path, the C locale, the time zone, and the server's own
 * private directory as home.
 */
export declare function serverEnv(baseDir: string): NodeJS.ProcessEnv;
export declare function startEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer>;
