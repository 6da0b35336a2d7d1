import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Write a file atomically: the content goes to a temporary file next to the
 * target, which is then renamed over it. A failed or interrupted run never
 * leaves half a file behind.
 */
export function writeFileAtomic(target: string, content: string): void {
  const dir = path.dirname(path.resolve(target));
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { mode: 0o644 });
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
