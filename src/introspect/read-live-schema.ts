import { openDbWithClient, explainDbError, type ConnectOptions } from '../db/connect.js';
import type { IntrospectOptions, IntrospectionResult } from './introspector.js';
import { introspectPostgres } from './postgres/postgres-introspector.js';

export interface ReadLiveOptions extends IntrospectOptions, ConnectOptions {}

/**
 * Connect, introspect, disconnect. Failures become one-line ConnectionError
 * (could not get in: exit 3) or IntrospectionError (got in, could not read:
 * exit 3), with the password redacted.
 */
export async function readLiveSchema(url: string, options: ReadLiveOptions = {}): Promise<IntrospectionResult> {
  const { db, client } = openDbWithClient(url, options);
  let connected = false;
  try {
    return await db.connection().execute(async (conn) => {
      connected = true;
      // The pg client under `conn`: the big catalog queries use it directly.
      return introspectPostgres(conn, client()!, options);
    });
  } catch (err) {
    throw explainDbError(err, url, connected ? 'read' : 'connect');
  } finally {
    await db.destroy().catch(() => undefined);
  }
}
