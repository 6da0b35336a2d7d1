// The run's own temp dir, for jest's global setup and teardown (plain
// JavaScript: jest loads those outside its ESM module graph, where
// TypeScript files cannot be imported; types in run-tmpdir.d.mts).
//
// Each jest run gets its own temp dir: TMPDIR (which `os.tmpdir()` reads on
// every call, and which test workers, the CLI under test, embedded servers
// and psql inherit) points at a fresh `sa-run-XXXXXX` in the OS temp dir.
// Teardown, after the server has stopped, fails the run if anything is left
// in it (a test that did not remove its temporary directory, a server not
// stopped), then removes it. A shared machine's other runs write elsewhere,
// so the check sees this run's files only. Both projects use it (jest runs
// every global setup in one process before any test, every teardown after
// all tests): the first opens it, the last closes it; the state is on
// globalThis.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const KEY = '__schemaAuditRunTmpdir';

export function openRunTmpdir() {
  const open = globalThis[KEY];
  if (open) {
    open.users++;
    return;
  }
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sa-run-'));
  // Run as root, embedded servers run as the `postgres` OS user, which must be
  // able to reach its own directory in here (mkdtemp makes it 0700).
  chmodSync(dir, 0o711);
  process.env.TMPDIR = dir;
  globalThis[KEY] = { dir, previous, users: 1 };
}

export function closeRunTmpdir() {
  const run = globalThis[KEY];
  if (!run || --run.users > 0) return;
  delete globalThis[KEY];
  if (run.previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = run.previous;
  const left = readdirSync(run.dir).sort();
  rmSync(run.dir, { recursive: true, force: true });
  if (left.length) {
    throw new Error(
      `the tests left ${left.length} temporary file(s) behind (now removed): ${left.join(', ')}; every test must remove what it makes, on failure too`,
    );
  }
}
