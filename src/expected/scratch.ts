import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectClient, explainDbError } from '../db/connect.js';
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
 * structure, a remediation plan) is untrusted text. The server's user (a
 * superuser, or a CREATEROLE + CREATEDB role as managed services give) only
 * prepares: it creates a fresh unprivileged role (NOSUPERUSER,
 * NOCREATEDB, NOCREATEROLE, no predefined role), the database owned by it
 * (and its public schema), and the roles the DDL names (NOLOGIN). Everything
 * the caller runs goes through that role's own connection: it cannot read or
 * write server files, run programs (COPY ... PROGRAM, untrusted languages)
 * or create untrusted extensions. The server's user never connects to the
 * scratch database again once the role has written to it. Everything made
 * (database, loader and creator roles, the source's roles that did not exist)
 * is dropped at the end, and on a signal.
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
  // A scratch server the user names (--scratch-url, demo --db) may refuse: one line naming it, without its password.
  const c = await connectClient(url).catch((err: unknown) => {
    throw explainDbError(err, url, 'connect');
  });
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

/** A PostgreSQL error code, when the error is one. */
function sqlState(err: unknown): string | undefined {
  return (err as { code?: unknown })?.code as string | undefined;
}

/**
 * Create the DDL's roles (NOLOGIN) that do not exist yet (recorded in
 * `created`, to drop at the end), and let the loader become the harmless
 * ones; returns the others. The harmless ones also become members of
 * `creator`, the role that holds CREATE on the scratch database's schemas
 * (ALTER … OWNER TO needs the new owner to have it), so that no privilege
 * of the source's roles or of PUBLIC is the scratch database's doing. A role
 * the scratch server's user may not grant (a pre-existing role, for a
 * CREATEROLE user on 16+) is treated like a privileged one.
 */
async function prepareRoles(c: pg.Client, roles: readonly string[], loader: string, creator: string, created: string[]): Promise<Set<string>> {
  const unusable = new Set<string>();
  for (const role of roles) {
    // A predefined role (pg_read_all_data...) is never created, nor handed to the loader.
    if (role === loader || role.startsWith('pg_')) {
      unusable.add(role);
      continue;
    }
    // Twice at most: another run on the same server may drop a role it made between our check and our grant.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await c.query(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
        created.push(role);
      } catch (err) {
        if (sqlState(err) !== '42710') throw err; // duplicate_object: it exists already
      }
      const { rows } = await c.query<{ privileged: boolean }>(`SELECT ${PRIVILEGED_ROLE} AS privileged FROM pg_catalog.pg_roles r WHERE r.rolname = $1`, [role]);
      if (rows.length === 0 && attempt === 0) continue; // dropped meanwhile: create it again
      if (rows[0]?.privileged !== false) {
        unusable.add(role);
        break;
      }
      try {
        await c.query(`GRANT ${quoteIdent(role)} TO ${quoteIdent(loader)}`);
        await c.query(`GRANT ${quoteIdent(creator)} TO ${quoteIdent(role)}`);
        break;
      } catch (err) {
        if (sqlState(err) === '42501') {
          unusable.add(role); // insufficient_privilege: not ours to grant
          break;
        }
        if (sqlState(err) !== '42704' || attempt > 0) throw err; // undefined_object: dropped meanwhile
      }
    }
  }
  return unusable;
}

/** The advisory lock (in the server URL's database) that runs loading on one server share; see withScratchDatabase. */
const ROLES_LOCK = '1935762787, 1';

/**
 * Drop a role we created unless another run on the server uses it meanwhile
 * (it is then a member or has members, or owns or holds something).
 */
function dropRoleIfUnused(role: string): string {
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid IN (m.roleid, m.member)
                 WHERE r.rolname = ${quoteLiteral(role)} AND m.member <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)) THEN
    DROP ROLE IF EXISTS ${quoteIdent(role)};
  END IF;
EXCEPTION WHEN dependent_objects_still_exist THEN NULL;
END $$`;
}

/**
 * What the scratch server's user may do. A superuser prepares everything; a
 * CREATEROLE + CREATEDB user (the most a managed service such as RDS, Cloud
 * SQL or Supabase gives) grants itself the loader role first, since
 * CREATE DATABASE … OWNER and ALTER DEFAULT PRIVILEGES FOR ROLE need it.
 */
async function checkScratchUser(c: pg.Client): Promise<{ superuser: boolean; serverMajor: number }> {
  const { rows } = await c.query<{ super: boolean; createrole: boolean; createdb: boolean; user: string; num: string }>(
    `SELECT rolsuper AS super, rolcreaterole AS createrole, rolcreatedb AS createdb, current_user AS user,
            current_setting('server_version_num') AS num FROM pg_catalog.pg_roles WHERE rolname = current_user`,
  );
  const me = rows[0]!;
  if (!me.super && !(me.createrole && me.createdb)) {
    const lacks = [me.createdb ? '' : 'CREATEDB', me.createrole ? '' : 'CREATEROLE'].filter(Boolean).join(' and ');
    throw new UsageError(
      `the scratch server's role ${quoteIdent(me.user)} lacks ${lacks}: it needs CREATEDB and CREATEROLE (or superuser) to make the scratch database, its loader role and the roles the source names`,
    );
  }
  return { superuser: me.super, serverMajor: Math.floor(Number(me.num) / 10000) };
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
  // The roles the source names that this run created: dropped at the end when no other run is loading on the server.
  const createdRoles: string[] = [];
  // On a server we do not stop, every run holds a shared advisory lock while it
  // loads; roles are dropped only under the exclusive one, so never while
  // another run may be about to hand objects to them.
  const guard = server ? null : await connectClient(serverUrl).catch((err: unknown) => Promise.reject(explainDbError(err, serverUrl, 'connect')));
  await guard?.query(`SELECT pg_advisory_lock_shared(${ROLES_LOCK})`);
  const dropAll = async (): Promise<void> => {
    await guard?.end().catch(() => undefined);
    await withClient(serverUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${role}`);
      await c.query(`DROP ROLE IF EXISTS ${creator}`);
      if (!createdRoles.length) return;
      const { rows } = await c.query<{ mine: boolean }>(`SELECT pg_try_advisory_lock(${ROLES_LOCK}) AS mine`);
      if (!rows[0]?.mine) return;
      for (const r of createdRoles) await c.query(dropRoleIfUnused(r)).catch(() => undefined);
      await c.query(`SELECT pg_advisory_unlock(${ROLES_LOCK})`);
    });
  };
  // On a server we do not stop (the demo's, maybe the user's), a signal drops
  // the database and the roles, once their creation (maybe under way) is over.
  let preparing: Promise<unknown> = Promise.resolve();
  const unregister = server
    ? () => undefined
    : registerCleanup(() => preparing.catch(() => undefined).then(dropAll), { timeoutMs: 10_000 });
  try {
    const prepared = withClient(serverUrl, async (c) => {
      const me = await checkScratchUser(c);
      if (me.serverMajor !== options.major) {
        throw new UsageError(
          `cannot load ${options.what}: the scratch server runs PostgreSQL ${me.serverMajor}, the audited server ${options.major}; give --scratch-url a server of the same major (or --pg-major to compile)`,
        );
      }
      await c.query(
        `CREATE ROLE ${role} LOGIN PASSWORD ${quoteLiteral(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT`,
      );
      created = true;
      // Not a superuser: become able to act as the loader (owner of the database, of its public schema, of default privileges).
      if (!me.superuser) await c.query(`GRANT ${role} TO CURRENT_USER${me.serverMajor >= 16 ? ' WITH INHERIT TRUE, SET TRUE' : ''}`);
      await c.query(`CREATE ROLE ${creator} NOLOGIN NOINHERIT`);
      await c.query(`CREATE DATABASE ${dbName} OWNER ${role} TEMPLATE template0 ENCODING 'UTF8'`);
      await checkExtensions(c, options);
      return prepareRoles(c, options.roles ?? [], role, creator, createdRoles);
    });
    preparing = prepared;
    const unusableRoles = await prepared;
    // Before the loader writes anything: the public schema is its own (on 14 the
    // bootstrap superuser owns it), and the schemas it creates let the roles it
    // hands objects to create in them (ALTER ... OWNER TO needs that): through
    // the creator role they are members of, not PUBLIC, so the privileges the
    // source gives PUBLIC and its roles are the source's alone.
    await withClient(databaseUrl(serverUrl, dbName), async (c) => {
      try {
        await c.query(`ALTER SCHEMA public OWNER TO ${role}`);
        await c.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${creator}`);
      } catch (err) {
        // On 14 a user that is not a superuser may not take the bootstrap superuser's public schema; PUBLIC may create there.
        if (sqlState(err) !== '42501') throw err;
      }
      await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${role} GRANT USAGE, CREATE ON SCHEMAS TO ${creator}`);
    });
    const url = databaseUrl(serverUrl, dbName, { name: role, password });
    return await fn(url, { url, role, unusableRoles });
  } finally {
    if (server) await server.stop();
    else if (created) await dropAll().catch(() => undefined);
    else await guard?.end().catch(() => undefined);
    unregister();
  }
}
