import { ExitCode } from './exit-codes.js';
/**
 * The last resort for a fault no code path caught (src/io/cleanup.ts's
 * handlers ask): an `error` event of a connection nobody listens to (a
 * scratch server's client when that server dies), a rejected promise nobody
 * awaits. Node's default would print a stack and exit 1, which means drift.
 * Instead: one line, exit 3 when it is a database or network fault, 2
 * otherwise.
 */
export function classifyUncaught(err) {
    return isDatabaseFault(err)
        ? { exitCode: ExitCode.Database, what: 'lost the database connection' }
        : { exitCode: ExitCode.Usage, what: 'unexpected error' };
}
/** A network error (ECONNRESET, EPIPE...), a PostgreSQL error (a five-character SQLSTATE) or pg's "Connection terminated". */
export function isDatabaseFault(err) {
    const e = (err ?? {});
    const code = typeof e.code === 'string' ? e.code : '';
    return /^E[A-Z]+$/.test(code) || /^[0-9A-Z]{5}$/.test(code) || /Connection terminated|not queryable|socket hang up/i.test(String(e.message ?? ''));
}
//# sourceMappingURL=last-resort.js.map