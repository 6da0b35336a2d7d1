import { rmSync } from 'node:fs';
const tempPaths = new Set();
const cleanups = new Set();
/** Remember a temporary file or directory; returns the function that forgets it (once it is renamed or removed). */
export function registerTempPath(p) {
    tempPaths.add(p);
    return () => void tempPaths.delete(p);
}
/** Register an asynchronous cleanup; returns the function that unregisters it. */
export function registerCleanup(fn, options = {}) {
    const entry = { fn, timeoutMs: options.timeoutMs };
    cleanups.add(entry);
    return () => void cleanups.delete(entry);
}
/** Remove every registered temporary path now (synchronous: safe in an `exit` hook). */
export function removeTempPaths() {
    for (const p of tempPaths) {
        try {
            rmSync(p, { recursive: true, force: true });
        }
        catch {
            /* best effort: nothing more can be done at exit */
        }
        tempPaths.delete(p);
    }
}
/** Temporary paths registered now (for tests and diagnostics). */
export function pendingTempPaths() {
    return [...tempPaths];
}
/** Run everything registered: temporary paths first, then every cleanup at once, each within its timeout. */
export async function runCleanup() {
    removeTempPaths();
    const entries = [...cleanups];
    cleanups.clear();
    await Promise.allSettled(entries.map((e) => bounded(e)));
    removeTempPaths();
}
async function bounded(entry) {
    const work = Promise.resolve().then(entry.fn);
    if (entry.timeoutMs === undefined)
        return work;
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(resolve, entry.timeoutMs);
    });
    try {
        await Promise.race([work, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** The signals that end a run, with their numbers (exit code 128 + number). */
export const TERMINATING_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
let installed = false;
let ending = false;
/** Whether the process is ending on a signal or an unexpected error (the run's own messages are then noise). */
export function endingUnderway() {
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
export function installProcessHandlers(options) {
    if (installed)
        return;
    installed = true;
    process.on('exit', removeTempPaths);
    for (const [signal, number] of Object.entries(TERMINATING_SIGNALS)) {
        process.on(signal, () => void end(128 + number, `\nschema-audit: ${signal}, cleaning up\n`));
    }
    const onError = (err) => {
        // While cleaning up, what the cleanup breaks (a connection it terminates) is expected: let it finish.
        if (ending)
            return;
        const text = options.verbose && err instanceof Error ? (err.stack ?? err.message) : err instanceof Error ? err.message : String(err);
        const shown = options.redact(options.verbose ? text : (text.split('\n')[0] ?? ''));
        const { exitCode, what } = options.classifyError(err);
        void end(exitCode, `schema-audit: ${what}: ${shown}\n`);
    };
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    async function end(code, line) {
        if (ending) {
            removeTempPaths();
            process.exit(code);
        }
        ending = true;
        try {
            options.stderr.write(line);
        }
        catch {
            /* stderr gone: clean up anyway */
        }
        await runCleanup();
        process.exit(code);
    }
}
//# sourceMappingURL=cleanup.js.map