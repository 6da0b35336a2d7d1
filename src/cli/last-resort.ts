import { redactSecrets } from '../redact.js';
import { ExitCode } from './exit-codes.js';

/**
 * The last resort for a fault no code path caught: an `error` event of a
 * connection nobody listens to (a scratch server's client when that server
 * dies), a rejected promise nobody awaits. Node's default would print a
 * stack and exit 1, which means drift. Instead: one line on stderr (passwords
 * redacted; the stack only with --verbose), exit 3 when it is a database or
 * network fault, 2 otherwise. Nothing half-written: files are written
 * atomically, so a run stopped here leaves none.
 */
export function installLastResort(argv: readonly string[], env: NodeJS.ProcessEnv, write: (text: string) => void = (t) => void process.stderr.write(t)): void {
  const urls = [...argv, env.DATABASE_URL ?? ''].flatMap((a) => a.match(/postgres(?:ql)?:\/\/\S+/g) ?? []);
  const verbose = argv.includes('--verbose');
  const handle = (err: unknown): void => {
    const e = (err ?? {}) as { message?: unknown; code?: unknown; stack?: unknown };
    const message = redactSecrets(String(e.message ?? err), urls).split('\n')[0];
    write(`schema-audit: ${isDatabaseFault(err) ? 'lost the database connection' : 'unexpected error'}: ${message}\n`);
    if (verbose && typeof e.stack === 'string') write(`${redactSecrets(e.stack, urls)}\n`);
    process.exit(isDatabaseFault(err) ? ExitCode.Database : ExitCode.Usage);
  };
  process.on('uncaughtException', handle);
  process.on('unhandledRejection', handle);
}

/** A network error (ECONNRESET, EPIPE...), a PostgreSQL error (a five-character SQLSTATE) or pg's "Connection terminated". */
export function isDatabaseFault(err: unknown): boolean {
  const e = (err ?? {}) as { message?: unknown; code?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  return /^E[A-Z]+$/.test(code) || /^[0-9A-Z]{5}$/.test(code) || /Connection terminated|not queryable|socket hang up/i.test(String(e.message ?? ''));
}
