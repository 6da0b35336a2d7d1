import { ExitCode } from './exit-codes.js';

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

const REASONS: Readonly<Record<string, string>> = {
  EPIPE: 'the reader closed the pipe',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EBADF: 'stdout is closed',
  EFBIG: 'file too large',
  ECONNRESET: 'the reader closed the connection',
};

export function describeStdoutError(err: NodeJS.ErrnoException): string {
  const code = err.code ?? err.message;
  const reason = REASONS[code];
  return `schema-audit: cannot write to stdout: ${code}${reason ? ` (${reason})` : ''}`;
}

export function guardStdStreams(stdout: Stream, stderr: Stream): StdoutGuard {
  let failed = false;
  stderr.on('error', () => undefined);
  stdout.on('error', (err) => {
    if (failed) return;
    failed = true;
    try {
      stderr.write(`${describeStdoutError(err)}\n`);
    } catch {
      /* stderr is gone too */
    }
  });
  return {
    async settle(exitCode) {
      if (!failed && !stdout.destroyed) {
        await new Promise<void>((resolve) => {
          try {
            stdout.write('', () => resolve());
          } catch {
            resolve();
          }
        });
        // A failed write reports to its callback first, then emits 'error' on a later tick.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return failed ? ExitCode.Usage : exitCode;
    },
  };
}
