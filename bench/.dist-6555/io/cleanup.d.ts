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
/** Remember a temporary file or directory; returns the function that forgets it (once it is renamed or removed). */
export declare function registerTempPath(p: string): () => void;
/** Register an asynchronous cleanup; returns the function that unregisters it. */
export declare function registerCleanup(fn: Cleanup, options?: {
    readonly timeoutMs?: number;
}): () => void;
/** Remove every registered temporary path now (synchronous: safe in an `exit` hook). */
export declare function removeTempPaths(): void;
/** Temporary paths registered now (for tests and diagnostics). */
export declare function pendingTempPaths(): readonly string[];
/** Run everything registered: temporary paths first, then every cleanup at once, each within its timeout. */
export declare function runCleanup(): Promise<void>;
/** The signals that end a run, with their numbers (exit code 128 + number). */
export declare const TERMINATING_SIGNALS: {
    readonly SIGHUP: 1;
    readonly SIGINT: 2;
    readonly SIGTERM: 15;
};
export interface ProcessHandlerOptions {
    /** Where the one line about a signal or an unexpected error goes. */
    readonly stderr: {
        write(chunk: string): unknown;
    };
    /** Print the stack of an unexpected error (--verbose). */
    readonly verbose: boolean;
    /**
     * Exit code after an unexpected error and the words before its message:
     * the CLI gives 3 ("lost the database connection") for a database or
     * network fault no code path caught, 2 ("unexpected error") otherwise.
     */
    readonly classifyError: (err: unknown) => {
        readonly exitCode: number;
        readonly what: string;
    };
    /** Takes passwords out of an unexpected error's text. */
    readonly redact: (text: string) => string;
}
/** Whether the process is ending on a signal or an unexpected error (the run's own messages are then noise). */
export declare function endingUnderway(): boolean;
/**
 * Install, once, the handlers that make every end of the process clean up:
 * SIGINT, SIGTERM and SIGHUP run every cleanup and exit with 128 + signal
 * number (a second signal during cleanup exits at once, temp paths removed);
 * an uncaught exception or unhandled rejection prints one line (the stack
 * with --verbose), cleans up and exits with the code `classifyError` gives; the `exit` hook
 * removes whatever temporary path is still registered.
 */
export declare function installProcessHandlers(options: ProcessHandlerOptions): void;
