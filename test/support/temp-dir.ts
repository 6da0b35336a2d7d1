import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary directories of the tests. Each is made in the OS temp dir (during
 * a jest run, the run's own directory: test/support/run-tmpdir.ts, which
 * fails the run if anything is left in it) and removed by the test that made
 * it, on failure too.
 */

/** A new empty directory `sa-<name>-XXXXXX` in the OS temp dir. */
export function makeTempDir(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `sa-${name}-`));
}

/** Remove a directory made by {@link makeTempDir}; nothing when it was never made. */
export function removeTempDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Run `fn` with a fresh temporary directory, removed afterwards whatever `fn` does. */
export async function withTempDir<T>(name: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir(name);
  try {
    return await fn(dir);
  } finally {
    removeTempDir(dir);
  }
}
