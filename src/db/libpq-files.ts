import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The two files libpq reads besides the connection string, read as libpq
 * reads them (PostgreSQL's "The Password File" and "The Connection Service
 * File"): `.pgpass` lines `host:port:database:user:password` (`*` matches
 * anything, `\` escapes `:` and `\`), and `pg_service.conf` sections
 * `[name]` of `key=value` lines. Both are untrusted input: bounded in size,
 * never executed, their contents never printed.
 */

/** Larger files are not read (a password or service file is a few lines). */
const MAX_FILE_BYTES = 1024 * 1024;

/** A file's text, or null when it does not exist, is not a file, or is too large to be one of these. */
function readSmallFile(file: string): string | null {
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The user's home directory as libpq finds it ($HOME, else the password database). */
export function homeDirectory(env: NodeJS.ProcessEnv): string {
  return env.HOME || os.homedir();
}

/** The password file libpq would use: `passfile=`, else $PGPASSFILE, else ~/.pgpass. */
export function passwordFilePath(passfile: string | undefined, env: NodeJS.ProcessEnv): string {
  return passfile || env.PGPASSFILE || path.join(homeDirectory(env), '.pgpass');
}

/** What a password-file lookup found. */
export type PasswordLookup =
  | { readonly kind: 'found'; readonly password: string }
  | { readonly kind: 'none' }
  /** The file exists but libpq would ignore it: group or others may read it. */
  | { readonly kind: 'ignored'; readonly file: string };

/** One `.pgpass` line's five fields, `\` escapes undone; null when it has fewer. */
function passwordLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      field += line[++i];
    } else if (ch === ':' && fields.length < 4) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields.length === 5 ? fields : null;
}

/**
 * The password `.pgpass` holds for this host, port, database and user (the
 * first matching line). As libpq: a socket directory (or no host) matches
 * `localhost` lines; the file is ignored when group or others may read it
 * (on systems with such permissions); lines starting with `#` are comments.
 */
export function lookupPassword(
  file: string,
  target: { readonly host: string; readonly port: number; readonly database: string; readonly user: string },
): PasswordLookup {
  let mode: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { kind: 'none' };
    mode = st.mode;
  } catch {
    return { kind: 'none' };
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) return { kind: 'ignored', file };
  const text = readSmallFile(file);
  if (text === null) return { kind: 'none' };
  const host = target.host === '' || target.host.startsWith('/') ? 'localhost' : target.host;
  const wanted = [host, String(target.port), target.database, target.user];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const fields = passwordLine(raw);
    if (!fields) continue;
    if (wanted.every((value, i) => fields[i] === '*' || fields[i] === value)) return { kind: 'found', password: fields[4]! };
  }
  return { kind: 'none' };
}

/** The service files libpq consults, in order: $PGSERVICEFILE or ~/.pg_service.conf, then $PGSYSCONFDIR/pg_service.conf. */
export function serviceFilePaths(env: NodeJS.ProcessEnv): string[] {
  const user = env.PGSERVICEFILE || path.join(homeDirectory(env), '.pg_service.conf');
  // Debian's and most distributions' libpq look in /etc/postgresql-common; a source build in /usr/local/pgsql/etc.
  const system = env.PGSYSCONFDIR ? [path.join(env.PGSYSCONFDIR, 'pg_service.conf')] : ['/etc/postgresql-common/pg_service.conf', '/etc/pg_service.conf'];
  return [user, ...system];
}

/**
 * The `key=value` settings of service `name`: from the first file that
 * defines it, as libpq does; null when no file does. Keys are checked by the
 * caller (only connection keywords are used).
 */
export function readService(name: string, files: readonly string[]): { readonly file: string; readonly settings: readonly (readonly [string, string])[] } | null {
  for (const file of files) {
    const text = readSmallFile(file);
    if (text === null) continue;
    let inSection = false;
    let found = false;
    const settings: [string, string][] = [];
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const section = /^\[(.*)\]$/.exec(line);
      if (section) {
        if (found) break;
        inSection = section[1] === name;
        found ||= inSection;
        continue;
      }
      if (!inSection) continue;
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      settings.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
    }
    if (found) return { file, settings };
  }
  return null;
}
