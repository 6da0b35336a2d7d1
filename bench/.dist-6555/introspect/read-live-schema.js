import { describeTarget, openDbWithClient, explainDbError } from '../db/connect.js';
import { AuditError, IntrospectionError } from '../errors.js';
import { introspectPostgres } from './postgres/postgres-introspector.js';
/**
 * Connect, introspect, disconnect. Failures become one-line ConnectionError
 * (could not get in: exit 3) or IntrospectionError (got in, could not read:
 * exit 3), with the password redacted. A connection lost, a session
 * terminated or a server gone silent mid-read is such a failure too, never a
 * crash or a hang (src/db/connect.ts).
 */
export async function readLiveSchema(url, options = {}) {
    const { db, client } = openDbWithClient(url, options);
    let connected = false;
    try {
        return await db.connection().execute(async (conn) => {
            connected = true;
            // The pg client under `conn`: the big catalog queries use it directly.
            return introspectPostgres(conn, client(), options);
        });
    }
    catch (err) {
        if (err instanceof IntrospectionError) {
            throw new IntrospectionError(`cannot read the schema of ${describeTarget(url)}: ${err.message}`, { cause: err.cause ?? err, meta: { target: describeTarget(url), ...err.meta } });
        }
        if (err instanceof AuditError)
            throw err;
        throw explainDbError(err, url, connected ? 'read' : 'connect');
    }
    finally {
        await db.destroy().catch(() => undefined);
    }
}
//# sourceMappingURL=read-live-schema.js.map