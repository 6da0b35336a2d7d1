/**
 * The process's stdout may stop accepting output: the reader of a pipe went
 * away (`schema-audit ... | head -1`: EPIPE), the disk is full (`>
 * /dev/full`: ENOSPC), a file system error. Each is reported as one line on
 * stderr (which may still be open) and makes the run exit 2, after the run's
 * own cleanup (never a stack trace, never a crash). stderr errors are
 * swallowed: there is nowhere left to say anything.
 */
export interface StdoutGuard {
    /** Wait until everything written to stdout is flushed or stdout failed; the exit code to use. */
    settle(exitCode: number): Promise<number>;
}
interface Stream {
    on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
    write(chunk: string, callback?: (err?: Error | null) => void): unknown;
    readonly destroyed?: boolean;
}
export declare function describeStdoutError(err: NodeJS.ErrnoException): string;
export declare function guardStdStreams(stdout: Stream, stderr: Stream): StdoutGuard;
export {};
