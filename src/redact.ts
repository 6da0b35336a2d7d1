/**
 * Passwords never reach any output: the one place connection strings are
 * read for display. Redaction is by parsing, never by searching text for a
 * password's value (which would mask, and so reveal, any other text equal to
 * it, such as a database name):
 *
 * - {@link parseConnectionString} reads a URL (`postgres://user:pw@host:port/db?k=v`,
 *   several `host:port` pairs, percent-encoding, `@ : / % #` in the password,
 *   a scheme without `//`, or `user:pw@host/db` without a scheme) or a libpq
 *   `key=value` string (quoted values, `\'` and `\\` escapes), strictly:
 *   whatever is ambiguous (a `#`, an `@` after the host part, a bad `%`
 *   escape, a port that is not a number, an unterminated quote) is null.
 * - {@link redactConnectionString} shows a parsed string with the password
 *   (the userinfo's and any `password=` parameter's) as `***` and the URL's
 *   query left out; an unparseable one as `(unparseable connection string)`.
 * - {@link displayInput} is a user-given value (a path or a connection
 *   string) as messages may show it.
 * - {@link redactSecrets} takes given connection strings out of a text as a
 *   whole (each replaced by its redacted form): for text that may quote a
 *   connection string verbatim. Driver messages are safe to show otherwise
 *   because `validateUrl` (src/db/connect.ts) lets through only URLs the
 *   driver reads exactly as this parser does, so the names a driver or
 *   server message can quote (user, host, database) are parsed parts, never
 *   the password.
 */
import { visible } from './safe-text.js';

export const UNPARSEABLE = '(unparseable connection string)';

export interface ConnectionHost {
  readonly host: string;
  readonly port: number | null;
}

export interface ParsedConnection {
  readonly form: 'url' | 'keyvalue';
  /** `postgres`, `postgresql`, … (URL form); null without a scheme. */
  readonly scheme: string | null;
  /** The slashes after `scheme:` as written (`//` in a proper URL). */
  readonly slashes: string;
  /** Decoded parts (a query's `user`, `host`, `port`, `dbname` override the URL's, as libpq and pg do). */
  readonly user: string | null;
  readonly hasPassword: boolean;
  /** The password (the userinfo's, else a `password` parameter's), decoded: for connecting only, never display it. */
  readonly password: string | null;
  readonly hosts: readonly ConnectionHost[];
  readonly database: string | null;
  /** Parameters (query string or key=value pairs), decoded, password included: never display these raw. */
  readonly params: readonly (readonly [string, string])[];
  /** The shape of a URL as written, password and query left out, for display. */
  readonly display: string;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(\/{0,2})/;
const KEYWORDS = new Set(
  `host hostaddr port dbname user password passfile require_auth channel_binding connect_timeout client_encoding options
application_name fallback_application_name keepalives keepalives_idle keepalives_interval keepalives_count tcp_user_timeout
replication gssencmode sslmode sslnegotiation requiressl sslcompression sslcert sslkey sslpassword sslcertmode sslrootcert sslcrl
sslcrldir sslsni requirepeer ssl_min_protocol_version ssl_max_protocol_version krbsrvname gsslib gssdelegation service
target_session_attrs load_balance_hosts`.split(/\s+/),
);

/** True for a keyword libpq accepts in a connection string. */
export function isConnectionKeyword(key: string): boolean {
  return KEYWORDS.has(key);
}

function decode(s: string): string | null {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return null;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function parseHosts(text: string): ConnectionHost[] | null {
  if (text === '') return [];
  const hosts: ConnectionHost[] = [];
  for (const part of text.split(',')) {
    const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(part);
    if (!m) return null;
    const host = decode(m[1]!.replace(/^\[(.*)\]$/, '$1'));
    if (host === null) return null;
    hosts.push({ host, port: m[2] === undefined ? null : Number(m[2]) });
  }
  return hosts;
}

function parseQuery(query: string): [string, string][] | null {
  if (query === '') return [];
  const out: [string, string][] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    const key = decode(pair.slice(0, eq).replace(/\+/g, ' '));
    const value = decode(pair.slice(eq + 1).replace(/\+/g, ' '));
    if (key === null || value === null) return null;
    out.push([key, value]);
  }
  return out;
}

function param(params: readonly (readonly [string, string])[], key: string): string | undefined {
  return params.find(([k]) => k === key)?.[1];
}

/** A URL, with or without `scheme:` and `//`. */
function parseUrl(text: string, withScheme: boolean): ParsedConnection | null {
  const s = withScheme ? SCHEME.exec(text) : null;
  const scheme = s ? s[1]!.toLowerCase() : null;
  const slashes = s ? s[2]! : '';
  const rest = s ? text.slice(s[0].length) : text;
  if (/[\s#]/.test(rest) || /[\u0000-\u001f\u007f]/.test(rest)) return null;
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  // An `@` after the host part means a password with an unencoded `/` or `?`: ambiguous.
  if (tail.includes('@')) return null;
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? null : authority.slice(0, at);
  const hostText = at < 0 ? authority : authority.slice(at + 1);
  if (!scheme && userinfo === null) return null;
  const colon = userinfo === null ? -1 : userinfo.indexOf(':');
  const rawUser = userinfo === null ? null : colon < 0 ? userinfo : userinfo.slice(0, colon);
  const hosts = parseHosts(hostText);
  if (hosts === null) return null;
  const q = tail.indexOf('?');
  const path = q < 0 ? tail : tail.slice(0, q);
  const params = parseQuery(q < 0 ? '' : tail.slice(q + 1));
  if (params === null) return null;
  const urlUser = rawUser === null || rawUser === '' ? null : decode(rawUser);
  const urlPassword = userinfo === null || colon < 0 ? null : decode(userinfo.slice(colon + 1));
  if (colon >= 0 && urlPassword === null) return null;
  const urlDatabase = path.length > 1 ? decode(path.slice(1)) : null;
  if ((rawUser && urlUser === null) || (path.length > 1 && urlDatabase === null)) return null;
  const queryHost = param(params, 'host');
  const queryPort = param(params, 'port');
  if (queryPort !== undefined && !/^\d{1,5}$/.test(queryPort)) return null;
  const display = `${s ? `${s[1]}:${slashes}` : ''}${userinfo === null ? '' : `${rawUser}${colon < 0 ? '' : ':***'}@`}${hostText}${path}`;
  return {
    form: 'url',
    scheme,
    slashes,
    user: param(params, 'user') ?? urlUser,
    hasPassword: colon >= 0 || param(params, 'password') !== undefined,
    password: param(params, 'password') ?? urlPassword,
    hosts: queryHost !== undefined ? [{ host: queryHost, port: queryPort === undefined ? hosts[0]?.port ?? null : Number(queryPort) }] : hosts.map((h) => (queryPort === undefined ? h : { ...h, port: Number(queryPort) })),
    database: param(params, 'dbname') ?? urlDatabase,
    params,
    display: visible(display),
  };
}

/** libpq `key=value` pairs: `host=db port=5432 password='a b\'c'`. */
function parseKeyValue(text: string): ParsedConnection | null {
  const params: [string, string][] = [];
  let i = 0;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  skip();
  while (i < text.length) {
    const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
    if (!key || !KEYWORDS.has(key)) return null;
    i += key.length;
    skip();
    if (text[i] !== '=') return null;
    i++;
    skip();
    let value = '';
    if (text[i] === "'") {
      i++;
      for (;;) {
        if (i >= text.length) return null;
        const ch = text[i]!;
        if (ch === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (ch === "'") {
          i++;
          break;
        } else {
          value += ch;
          i++;
        }
      }
    } else {
      while (i < text.length && !/\s/.test(text[i]!)) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        else if (text[i] === "'") return null;
        value += text[i];
        i++;
      }
    }
    params.push([key, value]);
    if (i < text.length && !/\s/.test(text[i]!)) return null;
    skip();
  }
  if (params.length === 0) return null;
  const shown = params.map(([k, v]) => `${k}=${k === 'password' ? '***' : /^[^\s'\\]+$/.test(v) ? v : `'${v.replace(/[\\']/g, '\\$&')}'`}`);
  const hostList = (param(params, 'host') ?? param(params, 'hostaddr') ?? '').split(',').filter((h) => h !== '');
  const ports = (param(params, 'port') ?? '').split(',');
  if (ports.some((p) => p !== '' && !/^\d{1,5}$/.test(p))) return null;
  return {
    form: 'keyvalue',
    scheme: null,
    slashes: '',
    user: param(params, 'user') ?? null,
    hasPassword: param(params, 'password') !== undefined,
    password: param(params, 'password') ?? null,
    hosts: hostList.map((host, n) => ({ host, port: (ports[n] ?? ports[0]) ? Number(ports[n] ?? ports[0]) : null })),
    database: param(params, 'dbname') ?? null,
    params,
    display: visible(shown.join(' ')),
  };
}

/** True for what a person passes as a connection string (so it may hold a password), rather than a path. */
export function looksLikeConnectionString(text: string): boolean {
  const t = text.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(t) || /^postgres(?:ql)?:/i.test(t)) return true;
  const key = /^([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(t)?.[1];
  if (key && KEYWORDS.has(key)) return true;
  return /^[^@\s/]*:[^@]*@/.test(t);
}

/** A connection string's parts, or null when it cannot be read unambiguously. */
export function parseConnectionString(text: string): ParsedConnection | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(t) || /^postgres(?:ql)?:/i.test(t)) return parseUrl(t, true);
  const key = /^([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(t)?.[1];
  if (key !== undefined) return parseKeyValue(t);
  return parseUrl(t, false);
}

/** A connection string as a person may see it: the password `***`, a URL's query left out; `(unparseable connection string)` when it cannot be parsed. */
export function redactConnectionString(text: string): string {
  return parseConnectionString(text)?.display ?? UNPARSEABLE;
}

/** The URL as a person may see it (see {@link redactConnectionString}). */
export function redactUrl(url: string): string {
  return redactConnectionString(url);
}

/** A value the user passed (a path, or maybe a connection string), as a one-line message may show it. */
export function displayInput(value: string): string {
  return looksLikeConnectionString(value) ? redactConnectionString(value) : visible(value);
}

/**
 * Text with every connection string of `texts` (words of a text that look
 * like one) replaced as a whole by its redacted form. Parses; never searches
 * for a password's value.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\S+/g, (word) => (looksLikeConnectionString(word) ? redactConnectionString(word) : word));
}

/**
 * Text with each of the given connection strings, wherever it occurs whole
 * (as written, or as a JSON string would quote it), replaced by its
 * redacted form; then any other URL-like word redacted by
 * {@link redactCredentials}. The password's value alone is never searched
 * for: messages must be built from parsed parts (see the module comment).
 */
export function redactSecrets(text: string, connectionStrings: readonly string[]): string {
  let out = text;
  const given = [...new Set(connectionStrings.filter((c) => c.trim() !== '' && looksLikeConnectionString(c)))].sort((a, b) => b.length - a.length);
  for (const c of given) {
    const shown = redactConnectionString(c);
    for (const form of new Set([c, JSON.stringify(c).slice(1, -1), c.trim()])) if (form) out = out.split(form).join(shown);
  }
  return redactCredentials(out);
}
