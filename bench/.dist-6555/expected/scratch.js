import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { UsageError } from '../errors.js';
import { registerCleanup } from '../io/cleanup.js';
import { quoteIdent, quoteLiteral } from '../model/identifiers.js';
import { provisionServer } from '../server/provision.js';
/** Send one statement, never several: the extended protocol refuses a string holding more than one. */
export async function queryOne(client, sql) {
    return client.query({ text: sql, queryMode: 'extended' });
}
async function withClient(url, work) {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined);
    await c.connect();
    try {
        return await work(c);
    }
    finally {
        await c.end().catch(() => undefined);
    }
}
function databaseUrl(serverUrl, database, user) {
    const u = new URL(serverUrl);
    u.pathname = `/${database}`;
    if (user) {
        u.username = encodeURIComponent(user.name);
        u.password = encodeURIComponent(user.password);
    }
    return u.toString();
}
const PRIVILEGED_ROLE = `(r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
  OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.member = r.oid))`;
/** Create the DDL's roles (NOLOGIN), and let the loader become the harmless ones; returns the others. */
async function prepareRoles(c, roles, loader) {
    const unusable = new Set();
    for (const role of roles) {
        if (role === loader) {
            unusable.add(role);
            continue;
        }
        await c.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN CREATE ROLE ${quoteIdent(role)} NOLOGIN; END IF; END $$`);
        const { rows } = await c.query(`SELECT ${PRIVILEGED_ROLE} AS privileged FROM pg_catalog.pg_roles r WHERE r.rolname = $1`, [role]);
        if (rows[0]?.privileged !== false)
            unusable.add(role);
        else
            await c.query(`GRANT ${quoteIdent(role)} TO ${quoteIdent(loader)}`);
    }
    return unusable;
}
/** Fail early, by name, on extensions the server lacks or only a superuser may create. */
async function checkExtensions(c, options) {
    if (!options.extensions?.length)
        return;
    const { rows } = await c.query(`SELECT name, bool_and(superuser AND NOT trusted) AS untrusted FROM pg_catalog.pg_available_extension_versions GROUP BY name`);
    const available = new Map(rows.map((r) => [r.name, r.untrusted]));
    const missing = options.extensions.filter((e) => !available.has(e));
    if (missing.length) {
        throw new UsageError(`cannot load ${options.what}: the scratch PostgreSQL ${options.major} lacks the extension${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; audit against a reference database URL instead`);
    }
    const untrusted = options.extensions.filter((e) => e !== 'plpgsql' && available.get(e) === true);
    if (untrusted.length) {
        throw new UsageError(`cannot load ${options.what}: the extension${untrusted.length > 1 ? 's' : ''} ${untrusted.join(', ')} can only be created by a superuser, and expected sources are loaded as an unprivileged role; audit against a reference database URL instead`);
    }
}
export async function withScratchDatabase(options, fn) {
    const server = options.serverUrl ? null : await provisionServer({ major: options.major });
    const serverUrl = options.serverUrl ?? server.url;
    const suffix = randomBytes(5).toString('hex');
    const dbName = `expected_${suffix}`;
    const role = `sa_loader_${suffix}`;
    const password = randomBytes(18).toString('base64url');
    let created = false;
    const dropAll = () => withClient(serverUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${role}`);
    });
    // On a server we do not stop (the demo's, maybe the user's), a signal drops
    // the database and the role, once their creation (maybe under way) is over.
    let preparing = Promise.resolve();
    const unregister = server
        ? () => undefined
        : registerCleanup(() => preparing.catch(() => undefined).then(dropAll), { timeoutMs: 10_000 });
    try {
        const prepared = withClient(serverUrl, async (c) => {
            await c.query(`CREATE ROLE ${role} LOGIN PASSWORD ${quoteLiteral(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT`);
            created = true;
            await c.query(`CREATE DATABASE ${dbName} OWNER ${role} TEMPLATE template0 ENCODING 'UTF8'`);
            await checkExtensions(c, options);
            return prepareRoles(c, options.roles ?? [], role);
        });
        preparing = prepared;
        const unusableRoles = await prepared;
        // Before the loader writes anything: the public schema is its own (on 14 the
        // bootstrap superuser owns it), and the schemas it creates let the roles it
        // hands objects to create in them (ALTER ... OWNER TO needs that).
        await withClient(databaseUrl(serverUrl, dbName), async (c) => {
            await c.query(`ALTER SCHEMA public OWNER TO ${role}`);
            await c.query('GRANT USAGE, CREATE ON SCHEMA public TO PUBLIC');
            await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${role} GRANT USAGE, CREATE ON SCHEMAS TO PUBLIC`);
        });
        const url = databaseUrl(serverUrl, dbName, { name: role, password });
        return await fn(url, { url, role, unusableRoles });
    }
    finally {
        if (server)
            await server.stop();
        else if (created)
            await dropAll().catch(() => undefined);
        unregister();
    }
}
//# sourceMappingURL=scratch.js.map