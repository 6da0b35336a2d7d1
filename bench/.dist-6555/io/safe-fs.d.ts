import { type Stats } from 'node:fs';
/** Why a path will not be written: an entry we must neither follow nor replace. */
export declare class RefusedTarget extends Error {
}
/** What is at `p`, the entry itself (a symlink is not followed); null when nothing is. */
export declare function entryAt(p: string): Stats | null;
/** `a symbolic link`, `a directory`, ... for messages. */
export declare function describeEntry(st: Stats): string;
/** Throw {@link RefusedTarget} unless `p` is missing or a regular file; returns what is there. `subject` names it in the message. */
export declare function checkFileTarget(p: string, subject?: string): Stats | null;
/** Throw {@link RefusedTarget} unless `p` is missing or a real directory (not a symlink to one); returns what is there. */
export declare function checkDirTarget(p: string): Stats | null;
/** A fresh name beside `base` in `dir`: `.<base>.<random>.<suffix>`, so a user can tell what left it. */
export declare function tempName(dir: string, base: string, suffix: string): string;
/** The mode a new file gets: 0666 less the umask, as the shell's `>` would. */
export declare function newFileMode(): number;
/** The mode a new directory gets: 0777 less the umask, as `mkdir` would. */
export declare function newDirMode(): number;
/**
 * Write `content` to a new file `p` (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600
 * while written), give it `mode`, and flush it to disk.
 */
export declare function writeNewFile(p: string, content: string, mode: number): void;
/** Flush a directory's entries (the renames in it); a platform that cannot is not an error. */
export declare function syncDir(dir: string): void;
/** Create `dir` and its missing parents; returns the directories created, outermost first (to remove on failure). */
export declare function ensureDir(dir: string): string[];
/** Remove directories {@link ensureDir} created, innermost first, as long as they are empty. */
export declare function removeCreatedDirs(created: readonly string[]): void;
