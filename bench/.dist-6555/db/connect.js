import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConnectionError, IntrospectionError, UsageError } from '../errors.js';
import { parseConnectionString, redactSecrets, UNPARSEABLE } from '../redact.js';
import { visible } from '../safe-text.js';
/** `host:port/database` of a URL, for messages (parsed, never the password; `(unparseable connection string)` when it cannot be read). */
export function describeTarget(url) {
    const p = parseConnectionString(url);
    if (!p)
        return UNPARSEABLE;
    const h = p.hosts[0];
    return visible(`${h?.host || 'localhost'}:${h?.port ?? 5432}/${p.database || '(default)'}`);
}
/** Host, port and user of a URL, for reports (parsed, never the password). */
export function targetInfo(url) {
    const p = parseConnectionString(url);
    const h = p?.hosts[0];
    return {
        host: h?.host || 'localhost',
        port: h?.port ?? 5432,
        user: p?.user ?? null,
        location: describeTarget(url),
    };
}
/** What the pg driver (pg-connection-string, WHATWG URL) makes of a URL: user, host, port, database; null when it cannot read it. */
function driverView(url) {
    try {
        const text = / |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(url) ? encodeURI(url).replace(/%25(\d\d)/g, '%$1') : url;
        const u = new URL(text);
        const q = (k) => u.searchParams.get(k);
        return {
            user: q('user') || decodeURIComponent(u.username),
            host: q('host') || decodeURIComponent(u.hostname.replace(/^\[(.+)\]$/, '$1')),
            port: q('port') || u.port,
            database: u.pathname.slice(1) ? decodeURI(u.pathname.slice(1)) : null,
        };
    }
    catch {
        return null;
    }
}
/**
 * Reject what is not an unambiguous postgres:// URL before any connection
 * attempt (exit 2): unparseable strings, libpq key=value strings, other
 * schemes, several hosts, and any URL the driver would read otherwise than
 * src/redact.ts does — so the user, host and database a driver or server
 * message may quote are the parsed ones, never part of the password.
 * Messages show the string redacted by parsing.
 */
export function validateUrl(url) {
    const expect = '(expected a URL such as postgres://user@db.example:5432/app, the password percent-encoded)';
    const p = parseConnectionString(url);
    if (!p)
        throw new UsageError(`not a connection URL: ${UNPARSEABLE} ${expect}`);
    if (p.form === 'keyvalue')
        throw new UsageError(`key=value connection strings are not supported: ${p.display} ${expect}`);
    if (p.scheme !== 'postgres' && p.scheme !== 'postgresql') {
        throw new UsageError(`not a PostgreSQL URL (scheme ${p.scheme === null ? 'missing' : `${visible(p.scheme)}:`}): ${p.display}`);
    }
    if (p.slashes !== '//')
        throw new UsageError(`not a connection URL (${p.scheme}: must be followed by //): ${p.display} ${expect}`);
    if (p.hosts.length > 1)
        throw new UsageError(`several hosts in one URL are not supported: ${p.display}`);
    const d = driverView(url);
    const h = p.hosts[0];
    const same = d !== null &&
        d.user === (p.user ?? '') &&
        d.host === (h?.host ?? '') &&
        (d.port || null) === (h?.port === null || h?.port === undefined ? null : String(h.port)) &&
        (d.database ?? null) === (p.database ?? null);
    if (!same)
        throw new UsageError(`ambiguous connection URL (percent-encode special characters in the password): ${p.display} ${expect}`);
}
/** Open a one-connection kysely instance; the caller must `destroy()` it. */
export function openDb(url, options = {}) {
    return openDbWithClient(url, options).db;
}
/** Added to the statement timeout: how much longer a silent server is given before the connection is closed. */
export const STALL_MARGIN_MS = 10_000;
/**
 * How long the server may stay silent while a query of ours is running
 * before we give up on it: the statement timeout plus a margin. The server
 * itself cancels a statement at `statement_timeout` and says so; a server
 * that says nothing for longer is frozen, stopped or cut off.
 */
export function stallTimeoutMs(options) {
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
export function openDbWithClient(url, options = {}) {
    const pool = new pg.Pool({
        connectionString: url,
        max: 1,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
        statement_timeout: options.statementTimeoutMs ?? 30_000,
        lock_timeout: options.lockTimeoutMs ?? 5_000,
        application_name: 'schema-audit',
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
    });
    // An idle client's socket error must not crash the process.
    pool.on('error', () => undefined);
    const stallMs = stallTimeoutMs(options);
    let current;
    const tracking = {
        connect: async () => {
            const client = await pool.connect();
            if (client !== current)
                guardClient(client, stallMs);
            return (current = client);
        },
        end: () => pool.end(),
    };
    const db = new Kysely({
        dialect: new PostgresDialect({ pool: tracking }),
        ...(options.onQuery ? { log: options.onQuery } : {}),
    });
    return { db, client: () => current };
}
const guarded = new WeakSet();
/** The error listener and the silence limit of a checked-out client (see openDbWithClient). */
function guardClient(client, stallMs) {
    if (guarded.has(client))
        return;
    guarded.add(client);
    // The running query receives the error itself; this listener only keeps
    // the event from being unhandled.
    client.on('error', () => undefined);
    const internals = client;
    const socket = internals.connection?.stream;
    if (!socket || typeof socket.setTimeout !== 'function')
        return;
    socket.setTimeout(stallMs, () => {
        const busy = internals.activeQuery != null || (internals.queryQueue?.length ?? 0) > 0;
        if (!busy)
            return; // idle between our queries: nothing is owed
        const err = Object.assign(new Error(`the server sent nothing for ${Math.round(stallMs / 1000)} s (statement timeout + ${STALL_MARGIN_MS / 1000} s); connection closed`), {
            code: 'SA_STALLED',
        });
        socket.destroy(err);
    });
}
/** Run `fn` with an open connection; always closes it. */
export async function withDb(url, options, fn) {
    const db = openDb(url, options);
    try {
        return await fn(db);
    }
    finally {
        await db.destroy().catch(() => undefined);
    }
}
/** SQLSTATEs that mean "we could not get in" rather than "we got in but failed". */
const CONNECT_SQLSTATES = {
    '28P01': 'password authentication failed',
    '28000': 'authentication rejected',
    '3D000': 'database does not exist',
    '57P03': 'server is starting up or shutting down',
    '53300': 'too many connections',
};
/** SQLSTATEs that mean the server ended our session while we read. */
const LOST_SQLSTATES = {
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
export function explainDbError(err, url, stage) {
    const e = (err ?? {});
    const target = describeTarget(url);
    const user = (() => {
        try {
            return decodeURIComponent(new URL(url).username) || null;
        }
        catch {
            return null;
        }
    })();
    const raw = redactSecrets(String(e.message ?? err), [url]).split('\n')[0];
    let reason;
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
            reason = raw;
            break;
        default:
            if (e.code && LOST_SQLSTATES[e.code]) {
                reason = `${LOST_SQLSTATES[e.code]}: ${raw}`;
            }
            else if (e.code && CONNECT_SQLSTATES[e.code]) {
                reason = `${CONNECT_SQLSTATES[e.code]}: ${raw}`;
            }
            else if (/timeout expired|timeout exceeded when trying to connect/i.test(raw)) {
                reason = 'no answer in time (is that port a PostgreSQL server?)';
            }
            else if (/Connection terminated/i.test(raw) && stage === 'connect') {
                reason = 'the server closed the connection during start-up (is that port a PostgreSQL server?)';
            }
            else if (/unexpected|protocol|Received/i.test(raw) && stage === 'connect') {
                reason = `the server did not speak the PostgreSQL protocol (${raw})`;
            }
            else if (/Connection terminated|not queryable|ECONNRESET|socket hang up/i.test(raw)) {
                reason = `the connection was lost while reading (${raw})`;
            }
            else {
                reason = raw;
            }
    }
    const meta = { target, user, sqlstate: e.code ?? null };
    const connectFailure = stage === 'connect' || (e.code !== undefined && e.code in CONNECT_SQLSTATES);
    return connectFailure
        ? new ConnectionError(`cannot connect to ${target}${user ? ` as ${user}` : ''}: ${reason}`, { cause: err, meta })
        : new IntrospectionError(`cannot read the schema of ${target}: ${reason}`, { cause: err, meta });
}
//# sourceMappingURL=connect.js.map