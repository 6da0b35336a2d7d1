/**
 * A `discover:` entry of the targets file: the databases of one server whose
 * names match a LIKE pattern (`tenant\_%`), each a target. The pattern is
 * the only thing the file supplies, as a bind parameter of one fixed query:
 * no SQL from the file is ever run. The query runs in a read-only
 * transaction with the audit's statement timeout; databases that refuse
 * connections (`datallowconn`) and templates are left out.
 */
import { connectClient, explainDbError } from '../db/connect.js';
import { urlForDatabase } from '../db/conninfo.js';

/** The fixed query: the pattern is its one parameter. */
export const DISCOVER_SQL =
  'SELECT datname FROM pg_catalog.pg_database WHERE datallowconn AND NOT datistemplate AND datname LIKE $1 ORDER BY datname COLLATE "C"';

/** Database names on `server` matching `like`. Throws ConnectionError / IntrospectionError (exit 3). */
export async function discoverDatabases(server: string, like: string, statementTimeoutMs: number): Promise<string[]> {
  let client;
  try {
    client = await connectClient(server);
  } catch (err) {
    throw explainDbError(err, server, 'connect');
  }
  try {
    await client.query('BEGIN TRANSACTION READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.trunc(statementTimeoutMs)}`);
    const rows = (await client.query<{ datname: string }>(DISCOVER_SQL, [like])).rows;
    await client.query('COMMIT');
    return rows.map((r) => r.datname);
  } catch (err) {
    throw explainDbError(err, server, 'read');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The connection string of one discovered database: the server's, another database. */
export function discoveredUrl(server: string, database: string): string {
  return urlForDatabase(server, database);
}
