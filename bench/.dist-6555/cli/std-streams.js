import { ExitCode } from './exit-codes.js';
const REASONS = {
    EPIPE: 'the reader closed the pipe',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
    EBADF: 'stdout is closed',
    EFBIG: 'file too large',
    ECONNRESET: 'the reader closed the connection',
};
export function describeStdoutError(err) {
    const code = err.code ?? err.message;
    const reason = REASONS[code];
    return `schema-audit: cannot write to stdout: ${code}${reason ? ` (${reason})` : ''}`;
}
export function guardStdStreams(stdout, stderr) {
    let failed = false;
    stderr.on('error', () => undefined);
    stdout.on('error', (err) => {
        if (failed)
            return;
        failed = true;
        try {
            stderr.write(`${describeStdoutError(err)}\n`);
        }
        catch {
            /* stderr is gone too */
        }
    });
    return {
        async settle(exitCode) {
            if (!failed && !stdout.destroyed) {
                await new Promise((resolve) => {
                    try {
                        stdout.write('', () => resolve());
                    }
                    catch {
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
//# sourceMappingURL=std-streams.js.map