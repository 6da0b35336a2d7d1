/** Everything a command may touch of the outside world; tests pass fakes. */
export interface CliIo {
    readonly stdout: {
        write(chunk: string): unknown;
        readonly isTTY?: boolean;
    };
    readonly stderr: {
        write(chunk: string): unknown;
        readonly isTTY?: boolean;
    };
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
    /**
     * Register cleanup for SIGINT / SIGTERM / SIGHUP and unexpected errors
     * (stopping a server we started, dropping a database we made); returns the
     * function that unregisters it. The CLI runs them through src/io/cleanup.ts.
     */
    onInterrupt(cleanup: () => Promise<void>): () => void;
    /**
     * A server of ours (a superuser URL) on which to make the scratch databases
     * an audit loads its expected schema and `--verify`'s copy into, instead
     * of starting an embedded server per run: the test suite's server, when
     * tests run the CLI in-process. The executable never sets it.
     */
    readonly scratchServerUrl?: string;
}
