import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Write a file atomically: the content goes to a temporary file next to the
 * target, which is then renamed over it. A failed or interrupted run never
 * leaves half a file behind.
 */
export function writeFileAtomic(target: string, content: string): void {
  writeFilesAtomic([{ path: target, content }]);
}

/**
 * Write several files so that a failure leaves none of them changed: every
 * content goes to a temporary file first, and only when all are written are
 * they renamed into place.
 */
export function writeFilesAtomic(files: readonly { readonly path: string; readonly content: string }[]): void {
  const staged: { tmp: string; target: string }[] = [];
  try {
    for (const f of files) {
      const dir = path.dirname(path.resolve(f.path));
      mkdirSync(dir, { recursive: true });
      const tmp = path.join(dir, `.${path.basename(f.path)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ tmp, target: f.path });
      writeFileSync(tmp, f.content, { mode: 0o644 });
    }
    for (const s of staged) renameSync(s.tmp, s.target);
  } catch (err) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw err;
  }
}
