import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, rmdirSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * The file-system steps of writing outputs safely (src/io/write-file.ts puts
 * them together): look at a path without following a symlink, refuse
 * anything but a regular file, create temporary files that cannot follow or
 * reuse an existing entry, flush them and their directory.
 */

/** Not on every platform (Windows): there, 0 and the lstat checks stand alone. */
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
/** A new file only: fails if anything, a dangling symlink included, has the name. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW;

/** Why a path will not be written: an entry we must neither follow nor replace. */
export class RefusedTarget extends Error {}

/** What is at `p`, the entry itself (a symlink is not followed); null when nothing is. */
export function entryAt(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw new RefusedTarget(notADirectory(p) ?? 'a part of the path is a file, not a directory');
    throw err;
  }
}

/** `/x/a-file is a regular file, not a directory`: the nearest ancestor of `p` that exists and is no directory, in words. */
function notADirectory(p: string): string | undefined {
  for (let d = path.dirname(p); path.dirname(d) !== d; d = path.dirname(d)) {
    let st: Stats;
    try {
      st = statSync(d);
    } catch {
      continue;
    }
    if (!st.isDirectory()) return `${d} is ${describeEntry(st)}, not a directory`;
  }
  return undefined;
}

/** `a symbolic link`, `a directory`, ... for messages. */
export function describeEntry(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isFile()) return 'a regular file';
  return 'not a regular file';
}

/** Throw {@link RefusedTarget} unless `p` is missing or a regular file; returns what is there. `subject` names it in the message. */
export function checkFileTarget(p: string, subject = 'it'): Stats | null {
  const st = entryAt(p);
  if (st && !st.isFile()) throw new RefusedTarget(`${subject} is ${describeEntry(st)}; refusing to follow or replace it`);
  return st;
}

/** Throw {@link RefusedTarget} unless `p` is missing or a real directory (not a symlink to one); returns what is there. */
export function checkDirTarget(p: string): Stats | null {
  const st = entryAt(p);
  if (st && !st.isDirectory()) throw new RefusedTarget(`it is ${describeEntry(st)}, not a directory; refusing to follow or replace it`);
  return st;
}

/** A fresh name beside `base` in `dir`: `.<base>.<random>.<suffix>`, so a user can tell what left it. */
export function tempName(dir: string, base: string, suffix: string): string {
  return path.join(dir, `.${base}.${randomBytes(6).toString('hex')}.${suffix}`);
}

/** The mode a new file gets: 0666 less the umask, as the shell's `>` would. */
export function newFileMode(): number {
  return 0o666 & ~process.umask();
}

/** The mode a new directory gets: 0777 less the umask, as `mkdir` would. */
export function newDirMode(): number {
  return 0o777 & ~process.umask();
}

/**
 * Write `content` to a new file `p` (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600
 * while written), give it `mode`, and flush it to disk.
 */
export function writeNewFile(p: string, content: string, mode: number): void {
  const fd = openSync(p, CREATE_NEW, 0o600);
  try {
    const buf = Buffer.from(content, 'utf8');
    let offset = 0;
    while (offset < buf.length) offset += writeSync(fd, buf, offset, buf.length - offset);
    fchmodSync(fd, mode);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flush a directory's entries (the renames in it); a platform that cannot is not an error. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    fsyncSync(fd);
  } catch {
    /* not supported here (Windows, some network file systems) */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Create `dir` and its missing parents; returns the directories created, outermost first (to remove on failure). */
export function ensureDir(dir: string): string[] {
  // mkdir -p says EEXIST or ENOTDIR when a part of the path is a file: say which part, in words.
  for (let d = dir; ; d = path.dirname(d)) {
    const st = entryAt(d);
    if (st !== null) {
      if (!st.isDirectory() && !(st.isSymbolicLink() && d !== dir)) throw new RefusedTarget(`${d} is ${describeEntry(st)}, not a directory`);
      break;
    }
    if (path.dirname(d) === d) break;
  }
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined) return [];
  const created: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    created.unshift(d);
    if (d === first || path.dirname(d) === d) break;
  }
  return created;
}

/** Remove directories {@link ensureDir} created, innermost first, as long as they are empty. */
export function removeCreatedDirs(created: readonly string[]): void {
  for (const d of [...created].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (someone else's now) or gone
    }
  }
}

/** What went wrong, in words, for the errors writing a file meets; the code itself for the rare others. */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
  EEXIST: 'something is already there that is not what this output needs (a file where a directory should be, or the reverse)',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'it is a symbolic link (or too many of them); refusing to follow it',
  ENOENT: 'a directory of the path does not exist',
  EXDEV: 'the temporary file and the target are on different file systems',
  EMFILE: 'too many open files',
  EBUSY: 'it is busy',
};

/** `err` as the end of a `cannot write X: …` message. */
export function writeErrorWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== undefined && ERRNO_WORDS[code] !== undefined) return `${ERRNO_WORDS[code]} (${code})`;
  return code ?? (err as Error).message;
}
