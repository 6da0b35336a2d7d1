import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { isConnectionKeyword, parseConnectionString, UNPARSEABLE, type ParsedConnection } from '../redact.js';
import { visible } from '../safe-text.js';
import { homeDirectory, passwordFilePath, readService, serviceFilePaths } from './libpq-files.js';

/**
 * Where a command connects, worked out as psql (libpq) does: from a
 * `postgres://` URL or a `key=value` string, then the service named by
 * `service=` or $PGSERVICE (pg_service.conf), then the PG* environment
 * variables, then libpq's defaults (the local socket directory when one
 * exists, port 5432, the operating-system user, a database named after the
 * user, sslmode `prefer`). The result is one canonical URL
 * (`postgresql://user@host:port/db?…`, parameters in its query), the only
 * form the rest of schema-audit handles: src/db/connect.ts turns it into
 * the driver's settings itself, so no library reads the environment or
 * interprets sslmode on its own. A password from `.pgpass` is not copied
 * into it: the URL names the password file, read when connecting.
 */

export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** libpq keywords schema-audit acts on; any other valid keyword is accepted and ignored, as it changes nothing we read. */
const USED = ['host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'sslmode', 'requiressl', 'sslrootcert', 'sslcert', 'sslkey', 'sslpassword', 'application_name', 'fallback_application_name', 'options', 'connect_timeout', 'service'] as const;
type Keyword = (typeof USED)[number];

/** The environment variable libpq reads for each keyword. */
const ENVIRONMENT: Partial<Record<Keyword, string>> = {
  host: 'PGHOST',
  hostaddr: 'PGHOSTADDR',
  port: 'PGPORT',
  dbname: 'PGDATABASE',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  passfile: 'PGPASSFILE',
  sslmode: 'PGSSLMODE',
  requiressl: 'PGREQUIRESSL',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  application_name: 'PGAPPNAME',
  options: 'PGOPTIONS',
  connect_timeout: 'PGCONNECT_TIMEOUT',
};

/** The variables that say where to connect: any of them set makes `--db` optional. */
export const LOCATION_VARIABLES = ['PGHOST', 'PGHOSTADDR', 'PGPORT', 'PGDATABASE', 'PGUSER', 'PGSERVICE'] as const;

/** True when the environment names a server without a URL (psql would connect using it). */
export function environmentNamesServer(env: NodeJS.ProcessEnv): boolean {
  return LOCATION_VARIABLES.some((v) => (env[v] ?? '') !== '');
}

const EXPECT = '(expected a URL such as postgres://user@db.example:5432/app or key=value pairs such as "host=db.example dbname=app")';

/**
 * Reject what is not an unambiguous connection string before any connection
 * attempt (exit 2): unparseable text, a URL of another scheme, several hosts.
 * Messages show the string redacted by parsing.
 */
export function parseGiven(text: string): ParsedConnection {
  const p = parseConnectionString(text);
  if (!p) throw new UsageError(`not a connection string: ${UNPARSEABLE} ${EXPECT}`);
  if (p.form === 'url') {
    if (p.scheme !== 'postgres' && p.scheme !== 'postgresql') {
      throw new UsageError(`not a PostgreSQL URL (scheme ${p.scheme === null ? 'missing' : `${visible(p.scheme)}:`}): ${p.display}`);
    }
    if (p.slashes !== '//') throw new UsageError(`not a connection URL (${p.scheme}: must be followed by //): ${p.display} ${EXPECT}`);
  }
  if (p.hosts.length > 1) throw new UsageError(`several hosts in one connection string are not supported: ${p.display}`);
  return p;
}

/** The settings a parsed string gives, by keyword (the URL's parts as the keywords they stand for). */
function givenSettings(p: ParsedConnection): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of p.params) out.set(k, v);
  if (p.form === 'url') {
    // The query overrides the URL's own parts (libpq); the parser has applied that to these.
    const h = p.hosts[0];
    if (h?.host) out.set('host', h.host);
    else out.delete('host');
    if (h?.port !== null && h?.port !== undefined) out.set('port', String(h.port));
    if (p.user !== null) out.set('user', p.user);
    if (p.password !== null) out.set('password', p.password);
    if (p.database !== null) out.set('dbname', p.database);
  }
  return out;
}

/** The first socket directory holding this port's socket, as libpq's compiled-in default would be (Debian's, then the upstream one). */
function defaultSocketDirectory(port: string): string | null {
  for (const dir of ['/var/run/postgresql', '/run/postgresql', '/tmp']) {
    if (existsSync(path.join(dir, `.s.PGSQL.${port}`))) return dir;
  }
  return null;
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'postgres';
  }
}

export interface ResolveOptions {
  /** `--connect-timeout`, in seconds: overrides connect_timeout and $PGCONNECT_TIMEOUT. */
  readonly connectTimeoutS?: number;
}

/**
 * The canonical URL for a connection string (or none: the environment
 * alone), resolved as libpq would. Throws UsageError (exit 2) for what libpq
 * would refuse before connecting: an unknown service, a bad sslmode, port or
 * timeout, a missing root certificate for verify-ca/verify-full.
 */
export function resolveConnection(given: string | undefined, env: NodeJS.ProcessEnv, options: ResolveOptions = {}): string {
  const parsed = given === undefined ? null : parseGiven(given);
  const settings = parsed ? givenSettings(parsed) : new Map<string, string>();
  const where = parsed ? parsed.display : 'the PG* environment variables';

  const service = settings.get('service') ?? env.PGSERVICE;
  if (service) {
    const files = serviceFilePaths(env);
    const found = readService(service, files);
    if (!found) throw new UsageError(`definition of service "${visible(service)}" not found (looked in ${files.map((f) => visible(f)).join(', ')})`);
    for (const [k, v] of found.settings) {
      if (k === 'service') continue;
      if (!isConnectionKeyword(k)) {
        throw new UsageError(`service file ${visible(found.file)}: unknown keyword "${visible(k)}" in service "${visible(service)}"`);
      }
      if (!settings.has(k)) settings.set(k, v);
    }
  }
  for (const [keyword, variable] of Object.entries(ENVIRONMENT)) {
    const value = env[variable];
    if (!settings.has(keyword) && value !== undefined && value !== '') settings.set(keyword, value);
  }
  if (options.connectTimeoutS !== undefined) settings.set('connect_timeout', String(options.connectTimeoutS));

  const port = settings.get('port') ?? '5432';
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new UsageError(`invalid port "${visible(port)}" in ${where}`);
  // With hostaddr alone, the address stands for the host too (names it in messages, matches .pgpass).
  const host = settings.get('host') ?? settings.get('hostaddr') ?? defaultSocketDirectory(port) ?? 'localhost';
  if (settings.get('hostaddr') === host) settings.delete('hostaddr');
  if (host.includes(',') || (settings.get('hostaddr') ?? '').includes(',')) throw new UsageError(`several hosts in one connection string are not supported: ${where}`);
  const user = settings.get('user') ?? osUser();
  const dbname = settings.get('dbname') ?? user;

  const requiressl = settings.get('requiressl');
  const sslmode = settings.get('sslmode') ?? (requiressl === '1' ? 'require' : 'prefer');
  if (!(SSL_MODES as readonly string[]).includes(sslmode)) {
    throw new UsageError(`invalid sslmode "${visible(sslmode)}" in ${where} (one of ${SSL_MODES.join(', ')})`);
  }
  const timeout = settings.get('connect_timeout');
  if (timeout !== undefined && !/^\s*\d+\s*$/.test(timeout)) throw new UsageError(`invalid connect_timeout "${visible(timeout)}" in ${where} (whole seconds)`);

  const home = homeDirectory(env);
  const socket = host.startsWith('/');
  if (!socket && (sslmode === 'verify-ca' || sslmode === 'verify-full')) {
    const root = settings.get('sslrootcert') ?? path.join(home, '.postgresql', 'root.crt');
    if (root !== 'system' && !existsSync(root)) {
      throw new UsageError(
        `root certificate file "${visible(root)}" does not exist: provide it with sslrootcert=FILE, use the system's trusted roots with sslrootcert=system, or choose an sslmode that does not verify the server`,
      );
    }
    settings.set('sslrootcert', root);
  } else if (!socket && sslmode === 'require' && !settings.has('sslrootcert') && existsSync(path.join(home, '.postgresql', 'root.crt'))) {
    // libpq: with a root certificate present, require verifies the CA as verify-ca does.
    settings.set('sslrootcert', path.join(home, '.postgresql', 'root.crt'));
  }
  for (const [key, file] of [['sslcert', 'postgresql.crt'], ['sslkey', 'postgresql.key']] as const) {
    const value = settings.get(key);
    if (value !== undefined && value !== '' && !existsSync(value)) throw new UsageError(`${key} file "${visible(value)}" does not exist`);
    if (value === undefined && !socket && sslmode !== 'disable' && existsSync(path.join(home, '.postgresql', file))) settings.set(key, path.join(home, '.postgresql', file));
  }
  if (!settings.has('password')) {
    const passfile = passwordFilePath(settings.get('passfile'), env);
    if (existsSync(passfile)) settings.set('passfile', passfile);
    else settings.delete('passfile');
  } else {
    settings.delete('passfile');
  }
  if (!settings.has('application_name')) settings.set('application_name', settings.get('fallback_application_name') ?? 'schema-audit');

  const query = new URLSearchParams();
  if (socket) {
    query.set('host', host);
    query.set('port', port);
  }
  query.set('sslmode', sslmode);
  for (const k of ['hostaddr', 'password', 'passfile', 'sslrootcert', 'sslcert', 'sslkey', 'sslpassword', 'application_name', 'options', 'connect_timeout'] as const) {
    const v = settings.get(k);
    if (v !== undefined && v !== '') query.set(k, v.trim());
  }
  const enc = (s: string): string => encodeURIComponent(s);
  // A socket directory goes in the query (overriding the authority's host, as libpq reads it); the authority keeps the URL valid.
  const authority = socket ? `localhost:${port}` : `${host.includes(':') ? `[${host}]` : enc(host)}:${port}`;
  return `postgresql://${enc(user)}@${authority}/${enc(dbname)}?${query.toString().replace(/\+/g, '%20')}`;
}

/**
 * The same connection to another database of the server (and, given a
 * user, as that user with that password: the string's own password and
 * password file then no longer apply). For the databases schema-audit makes
 * on a server: scratch and demo databases.
 */
export function urlForDatabase(serverUrl: string, database: string, user?: { readonly name: string; readonly password: string }): string {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  u.searchParams.delete('dbname');
  if (user) {
    u.username = encodeURIComponent(user.name);
    u.password = encodeURIComponent(user.password);
    for (const k of ['user', 'password', 'passfile']) u.searchParams.delete(k);
  }
  return u.toString();
}
