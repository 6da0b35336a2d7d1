import { spawn } from 'node:child_process';
import { redactText, redactUrl } from '../../src/db/connect.js';

/**
 * Run SQL files with the real `psql` client, as a person applying a
 * migration would: `psql -X -q -v ON_ERROR_STOP=1 -f FILE URL`.
 *
 * The password never appears anywhere: it goes to psql through
 * `PGPASSWORD` (so not even the process list shows it), the URL psql is
 * given has none, and psql's output is scrubbed of it all the same.
 * `PGCLIENTENCODING=UTF8` makes non-ASCII names load the same whatever the
 * caller's locale. `PSQL` overrides the client's path (default /usr/bin/psql).
 */

/** psql's exit code and output (password-free). */
export interface PsqlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const PSQL = process.env.PSQL ?? '/usr/bin/psql';

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The URL without its password, and the password (decoded) for PGPASSWORD. */
function splitPassword(url: string): { url: string; password: string | null } {
  try {
    const u = new URL(url);
    if (!u.password) return { url, password: null };
    const password = safeDecode(u.password);
    u.password = '';
    return { url: u.toString(), password };
  } catch {
    return { url, password: null };
  }
}

/**
 * Run `file` against the database at `url` with psql, stopping at the first
 * error. Resolves with psql's exit code (0 success, 3 a failed statement, 1–2
 * connection or file trouble; -1 when psql was killed by a signal or could
 * not be started, the reason then being in `stderr`).
 */
export function runPsqlFile(url: string, file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const target = splitPassword(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGCLIENTENCODING: 'UTF8' };
  if (target.password !== null) env.PGPASSWORD = target.password;
  return new Promise((resolve) => {
    const child = spawn(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file, target.url], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = (code: number, extra = ''): void =>
      resolve({ code, stdout: redactText(stdout, url), stderr: redactText(stderr + extra, url) });
    child.on('error', (err) => done(-1, `cannot run ${PSQL}: ${err.message}\n`));
    child.on('close', (code, signal) => (code === null ? done(-1, `psql was killed by ${signal ?? 'a signal'}\n`) : done(code)));
  });
}

/** Run `file` with psql; throw an Error carrying psql's stderr when it fails. */
export async function applySqlFile(url: string, file: string): Promise<void> {
  const result = await runPsqlFile(url, file);
  if (result.code !== 0) {
    throw new Error(`psql -f ${file} on ${redactUrl(url)} exited ${result.code}:\n${result.stderr.trimEnd()}`);
  }
}
