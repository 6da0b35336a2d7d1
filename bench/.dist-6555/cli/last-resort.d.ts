/**
 * The last resort for a fault no code path caught (src/io/cleanup.ts's
 * handlers ask): an `error` event of a connection nobody listens to (a
 * scratch server's client when that server dies), a rejected promise nobody
 * awaits. Node's default would print a stack and exit 1, which means drift.
 * Instead: one line, exit 3 when it is a database or network fault, 2
 * otherwise.
 */
export declare function classifyUncaught(err: unknown): {
    readonly exitCode: number;
    readonly what: string;
};
/** A network error (ECONNRESET, EPIPE...), a PostgreSQL error (a five-character SQLSTATE) or pg's "Connection terminated". */
export declare function isDatabaseFault(err: unknown): boolean;
