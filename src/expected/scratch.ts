import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { UsageError } from '../errors.js';
import { registerCleanup } from '../io/cleanup.js';
import { quoteIdent } from '../model/identifiers.js';
import type { SupportedMajor } from '../server/binaries.js';
import { provisionServer } from '../server/provision.js';

/**
 * A scratch database of ours, to load an expected schema into: on a server we
 * start (embedded, or a container) of the audited server's major, or on a
 * server of ours the caller already runs (the demo's). Never the audited
 * database, never its server.
 */
export interface ScratchOptions {
  readonly major: SupportedMajor;
  /** Create the scratch database on this server (ours) instead of starting one. */
  readonly serverUrl?: string;
  /** Roles the DDL names (owners, grantees): created NOLOGIN when missing. */
  readonly roles?: readonly string[];
  /** Extensions the DDL needs: fail early, naming them, when the server lacks them. */
  readonly extensions?: readonly string[];
  /** What is being loaded, for messages. */
  readonly what: string;
}

export async function withScratchDatabase<T>(options: ScratchOptions, fn: (url: string) => Promise<T>): Promise<T> {
  const server = options.serverUrl ? null : await provisionServer({ major: options.major });
  const serverUrl = options.serverUrl ?? server!.url;
  const dbName = `expected_${randomBytes(5).toString('hex')}`;
  const admin = async <R>(work: (c: pg.Client) => Promise<R>): Promise<R> => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };
  // On a server we do not stop (the demo's, maybe the user's): a signal drops the database, from before it is created.
  let creating: Promise<unknown> = Promise.resolve();
  const dropOnSignal = server
    ? () => undefined
    : registerCleanup(() => creating.catch(() => undefined).then(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`))).then(() => undefined), { timeoutMs: 10_000 });
  try {
    await admin(async (c) => {
      creating = c.query(`CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8'`);
      await creating;
      for (const role of options.roles ?? []) {
        await c.query(
          `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${pg.escapeLiteral(role)}) THEN CREATE ROLE ${quoteIdent(role)} NOLOGIN; END IF; END $$`,
        );
      }
      if (options.extensions?.length) {
        const { rows } = await c.query<{ name: string }>('SELECT name FROM pg_available_extensions');
        const available = new Set(rows.map((r) => r.name));
        const missing = options.extensions.filter((e) => !available.has(e));
        if (missing.length) {
          throw new UsageError(
            `cannot load ${options.what}: the scratch PostgreSQL ${options.major} lacks the extension${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; audit against a reference database URL instead`,
          );
        }
      }
    });
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    return await fn(u.toString());
  } finally {
    if (server) await server.stop();
    else await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => undefined);
    dropOnSignal();
  }
}
