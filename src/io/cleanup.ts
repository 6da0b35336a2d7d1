import { rmSync } from 'node:fs';

/**
 * The process-wide cleanup registry: what a run must undo however it ends.
 *
 * - Temporary paths (staged output files, their directories, backups) are
 *   removed synchronously: on normal exit, on an error, on a signal, and by
 *   the process `exit` hook (so also after an uncaught exception).
 * - Asynchronous cleanups (dropping the demo's database on a server the user
 *   gave, stopping an embedded server) run on a signal or an uncaught error,
 *   each bounded by its own timeout when it has one.
 *
 * Library code only registers and unregisters; the CLI entry installs the
 * process handlers once ({@link installProcessHandlers}). Without them (the
 * programmatic API, tests) registering is harmless: nothing runs it.
 */
export type Cleanup = () => void | Promise<void>;

interface Entry {
  readonly fn: Cleanup;
  readonly timeoutMs: number | undefined;
}

const tempPaths = new Set<string>();
const cleanups = new Set<Entry>();

/** Remember a temporary file or directory; returns the function that forgets it (once it is renamed or removed). */
export function registerTempPath(p: string): () => void {
  tempPaths.add(p);
  return () => void tempPaths.delete(p);
}

/** Register an asynchronous cleanup; returns the function that unregisters it. */
export function registerCleanup(fn: Cleanup, options: { readonly timeoutMs?: number } = {}): () => void {
  const entry: Entry = { fn, timeoutMs: options.timeoutMs };
  cleanups.add(entry);
  return () => void cleanups.delete(entry);
}

/** Remove every registered temporary path now (synchronous: safe in an `exit` hook). */
export function removeTempPaths(): void {
  for (const p of tempPaths) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      /* best effort: nothing more can be done at exit */
    }
    tempPaths.delete(p);
  }
}

/** Temporary paths registered now (for tests and diagnostics). */
export function pendingTempPaths(): readonly string[] {
  return [...tempPaths];
}

/** Run everything registered: temporary paths first, then every cleanup at once, each within its timeout. */
export async function runCleanup(): Promise<void> {
  removeTempPaths();
  const entries = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(entries.map((e) => bounded(e)));
  removeTempPaths();
}

async function bounded(entry: Entry): Promise<void> {
  const work = Promise.resolve().then(entry.fn);
  if (entry.timeoutMs === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, entry.timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The signals that end a run, with their numbers (exit code 128 + number). */
export const TERMINATING_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

export interface ProcessHandlerOptions {
  /** Where the one line about a signal or an unexpected error goes. */
  readonly stderr: { write(chunk: string): unknown };
  /** Print the stack of an unexpected error (--verbose). */
  readonly verbose: boolean;
  /**
   * Exit code after an unexpected error and the words before its message:
   * the CLI gives 3 ("lost the database connection") for a database or
   * network fault no code path caught, 2 ("unexpected error") otherwise.
   */
  readonly classifyError: (err: unknown) => { readonly exitCode: number; readonly what: string };
  /** Takes passwords out of an unexpected error's text. */
  readonly redact: (text: string) => string;
}

let installed = false;
let ending = false;

/** Whether the process is ending on a signal or an unexpected error (the run's own messages are then noise). */
export function endingUnderway(): boolean {
  return ending;
}

/**
 * Install, once, the handlers that make every end of the process clean up:
 * SIGINT, SIGTERM and SIGHUP run every cleanup and exit with 128 + signal
 * number (a second signal during cleanup exits at once, temp paths removed);
 * an uncaught exception or unhandled rejection prints one line (the stack
 * with --verbose), cleans up and exits with the code `classifyError` gives; the `exit` hook
 * removes whatever temporary path is still registered.
 */
export function installProcessHandlers(options: ProcessHandlerOptions): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeTempPaths);
  for (const [signal, number] of Object.entries(TERMINATING_SIGNALS)) {
    process.on(signal, () => void end(128 + number, `\nschema-audit: ${signal}, cleaning up\n`));
  }
  const onError = (err: unknown): void => {
    // While cleaning up, what the cleanup breaks (a connection it terminates) is expected: let it finish.
    if (ending) return;
    const text = options.verbose && err instanceof Error ? (err.stack ?? err.message) : err instanceof Error ? err.message : String(err);
    const shown = options.redact(options.verbose ? text : (text.split('\n')[0] ?? ''));
    const { exitCode, what } = options.classifyError(err);
    void end(exitCode, `schema-audit: ${what}: ${shown}\n`);
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);

  async function end(code: number, line: string): Promise<void> {
    if (ending) {
      removeTempPaths();
      process.exit(code);
    }
    ending = true;
    try {
      options.stderr.write(line);
    } catch {
      /* stderr gone: clean up anyway */
    }
    await runCleanup();
    process.exit(code);
  }
}
