import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectClient } from '../db/connect.js';
import { urlForDatabase } from '../db/conninfo.js';
import { UsageError } from '../errors.js';
import { registerCleanup } from '../io/cleanup.js';
import { quoteIdent, quoteLiteral } from '../model/identifiers.js';
import type { SupportedMajor } from '../server/binaries.js';
import { provisionServer } from '../server/provision.js';

/**
 * A scratch database of ours, to load an expected schema into: on a server we
 * start (embedded, or a container) of the audited server's major, or on a
 * server of ours the caller already runs (the demo's). Never the audited
 * database, never its server.
 *
 * Trust: what is loaded there (a spec's DDL, a user's .sql, a snapshot's
 * structure, a remediation plan) is untrusted text. The superuser connection
 * only prepares: it creates a fresh unprivileged role (NOSUPERUSER,
 * NOCREATEDB, NOCREATEROLE, no predefined role), the database owned by it
 * (and its public schema), and the roles the DDL names (NOLOGIN). Everything
 * the caller runs goes through that role's own connection: it cannot read or
 * write server files, run programs (COPY ... PROGRAM, untrusted languages)
 * or create untrusted extensions. The superuser never connects to the
 * scratch database again once the role has written to it.
 */
export interface ScratchOptions {
  readonly major: SupportedMajor;
  /** Create the scratch database on this server (ours; a superuser URL) instead of starting one. */
  readonly serverUrl?: string;
  /** Roles the DDL names (owners, grantees): created NOLOGIN when missing. */
  readonly roles?: readonly string[];
  /** Extensions the DDL needs: fail early, naming them, when the server lacks them or only a superuser may create them. */
  readonly extensions?: readonly string[];
  /** What is being loaded, for messages. */
  readonly what: string;
}

export interface ScratchDatabase {
  /** The unprivileged loader role's URL of the scratch database. */
  readonly url: string;
  /** The loader role's name. */
  readonly role: string;
  /**
   * Roles the DDL names that the loader may not become (a superuser such as
   * `postgres`, a role with privileges, a predefined `pg_` role): ownership
   * given to them stays with the loader.
   */
  readonly unusableRoles: ReadonlySet<string>;
}

/** Send one statement, never several: the extended protocol refuses a string holding more than one. */
export async function queryOne(client: pg.Client, sql: string): Promise<pg.QueryResult> {
  return client.query({ text: sql, queryMode: 'extended' } as pg.QueryConfig);
}

async function withClient<R>(url: string, work: (c: pg.Client) => Promise<R>): Promise<R> {
  const c = await connectClient(url);
  try {
    return await work(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

function databaseUrl(serverUrl: string, database: string, user?: { name: string; password: string }): string {
  return urlForDatabase(serverUrl, database, user);
}

const PRIVILEGED_ROLE = `(r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
  OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.member = r.oid))`;

/**
 * Create the DDL's roles (NOLOGIN), and let the loader become the harmless
 * ones; returns the others. The harmless ones also become members of
 * `creator`, the role that holds CREATE on the scratch database's schemas
 * (ALTER … OWNER TO needs the new owner to have it), so that no privilege
 * of the source's roles or of PUBLIC is the scratch database's doing.
 */
async function prepareRoles(c: pg.Client, roles: readonly string[], loader: string, creator: string): Promise<Set<string>> {
  const unusable = new Set<string>();
  for (const role of roles) {
    // A predefined role (pg_read_all_data...) is never created, nor handed to the loader.
    if (role === loader || role.startsWith('pg_')) {
      unusable.add(role);
      continue;
    }
    await c.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN CREATE ROLE ${quoteIdent(role)} NOLOGIN; END IF; END $$`,
    );
    const { rows } = await c.query<{ privileged: boolean }>(`SELECT ${PRIVILEGED_ROLE} AS privileged FROM pg_catalog.pg_roles r WHERE r.rolname = $1`, [role]);
    if (rows[0]?.privileged !== false) unusable.add(role);
    else {
      await c.query(`GRANT ${quoteIdent(role)} TO ${quoteIdent(loader)}`);
      await c.query(`GRANT ${quoteIdent(creator)} TO ${quoteIdent(role)}`);
    }
  }
  return unusable;
}

/** Fail early, by name, on extensions the server lacks or only a superuser may create. */
async function checkExtensions(c: pg.Client, options: ScratchOptions): Promise<void> {
  if (!options.extensions?.length) return;
  const { rows } = await c.query<{ name: string; untrusted: boolean }>(
    `SELECT name, bool_and(superuser AND NOT trusted) AS untrusted FROM pg_catalog.pg_available_extension_versions GROUP BY name`,
  );
  const available = new Map(rows.map((r) => [r.name, r.untrusted]));
  const missing = options.extensions.filter((e) => !available.has(e));
  if (missing.length) {
    throw new UsageError(
      `cannot load ${options.what}: the scratch PostgreSQL ${options.major} lacks the extension${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; audit against a reference database URL instead`,
    );
  }
  const untrusted = options.extensions.filter((e) => e !== 'plpgsql' && available.get(e) === true);
  if (untrusted.length) {
    throw new UsageError(
      `cannot load ${options.what}: the extension${untrusted.length > 1 ? 's' : ''} ${untrusted.join(', ')} can only be created by a superuser, and expected sources are loaded as an unprivileged role; audit against a reference database URL instead`,
    );
  }
}

export async function withScratchDatabase<T>(options: ScratchOptions, fn: (url: string, scratch: ScratchDatabase) => Promise<T>): Promise<T> {
  const server = options.serverUrl ? null : await provisionServer({ major: options.major });
  const serverUrl = options.serverUrl ?? server!.url;
  const suffix = randomBytes(5).toString('hex');
  const dbName = `expected_${suffix}`;
  const role = `sa_loader_${suffix}`;
  // Holds USAGE and CREATE on the schemas for the roles objects are handed to (see prepareRoles).
  const creator = `sa_creator_${suffix}`;
  const password = randomBytes(18).toString('base64url');
  let created = false;
  const dropAll = (): Promise<void> =>
    withClient(serverUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${role}`);
      await c.query(`DROP ROLE IF EXISTS ${creator}`);
    });
  // On a server we do not stop (the demo's, maybe the user's), a signal drops
  // the database and the role, once their creation (maybe under way) is over.
  let preparing: Promise<unknown> = Promise.resolve();
  const unregister = server
    ? () => undefined
    : registerCleanup(() => preparing.catch(() => undefined).then(dropAll), { timeoutMs: 10_000 });
  try {
    const prepared = withClient(serverUrl, async (c) => {
      await c.query(
        `CREATE ROLE ${role} LOGIN PASSWORD ${quoteLiteral(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT`,
      );
      created = true;
      await c.query(`CREATE ROLE ${creator} NOLOGIN NOINHERIT`);
      await c.query(`CREATE DATABASE ${dbName} OWNER ${role} TEMPLATE template0 ENCODING 'UTF8'`);
      await checkExtensions(c, options);
      return prepareRoles(c, options.roles ?? [], role, creator);
    });
    preparing = prepared;
    const unusableRoles = await prepared;
    // Before the loader writes anything: the public schema is its own (on 14 the
    // bootstrap superuser owns it), and the schemas it creates let the roles it
    // hands objects to create in them (ALTER ... OWNER TO needs that): through
    // the creator role they are members of, not PUBLIC, so the privileges the
    // source gives PUBLIC and its roles are the source's alone.
    await withClient(databaseUrl(serverUrl, dbName), async (c) => {
      await c.query(`ALTER SCHEMA public OWNER TO ${role}`);
      await c.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${creator}`);
      await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${role} GRANT USAGE, CREATE ON SCHEMAS TO ${creator}`);
    });
    const url = databaseUrl(serverUrl, dbName, { name: role, password });
    return await fn(url, { url, role, unusableRoles });
  } finally {
    if (server) await server.stop();
    else if (created) await dropAll().catch(() => undefined);
    unregister();
  }
}
