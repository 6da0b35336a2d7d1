import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file.js';
import type { CliIo } from './io.js';

/** Send a rendered document to --out (atomically) or stdout. */
export function emit(io: CliIo, content: string, out: string | undefined): void {
  if (out === undefined) {
    io.stdout.write(content);
    return;
  }
  const target = path.resolve(io.cwd, out);
  try {
    writeFileAtomic(target, content);
  } catch (err) {
    throw new UsageError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}

/** Progress on stderr, only for people (a TTY) or with --verbose. */
export function progress(io: CliIo, verbose: boolean): (message: string) => void {
  const on = verbose || io.stderr.isTTY === true;
  return (message) => {
    if (on) io.stderr.write(`schema-audit: ${message}\n`);
  };
}
