import { copyFileSync, chmodSync, constants, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AuditError } from '../errors.js';
import { registerTempPath } from './cleanup.js';
import {
  RefusedTarget,
  checkDirTarget,
  checkFileTarget,
  ensureDir,
  newDirMode,
  newFileMode,
  removeCreatedDirs,
  syncDir,
  tempName,
  writeErrorWords,
  writeNewFile,
} from './safe-fs.js';

/**
 * Every file a run writes (`--out`, `--migration-dir`'s up.sql and
 * down.sql) goes through {@link writeOutputs}, which guarantees:
 *
 * - atomic: each file is written to a new temporary file in the target's
 *   directory (O_CREAT|O_EXCL|O_NOFOLLOW, 0600 while written, fsynced),
 *   then renamed over the target; a reader sees the old file or the new one;
 * - no symlink or special file is followed or replaced: a target that is a
 *   symbolic link (dangling or not), a directory, a device, a FIFO or a
 *   socket is refused, and nothing is written;
 * - all or nothing: every output of the run is staged first; only when all
 *   are staged are they renamed into place, and if one rename fails, those
 *   already done are rolled back (a replaced file is kept aside as a hard
 *   link until all are in place). A migration directory that does not exist
 *   yet is staged whole as a temporary directory and renamed into place;
 * - nothing left behind: temporary files are registered with the process's
 *   cleanup (src/io/cleanup.ts), removed on failure, on exit and on a signal.
 */
export type Output =
  /** One file; `label` names it in messages (the path as the user gave it). */
  | { readonly kind: 'file'; readonly label: string; readonly path: string; readonly content: string }
  /** Files of one directory, written both-or-neither. */
  | {
      readonly kind: 'dir';
      readonly label: string;
      readonly dir: string;
      readonly files: readonly { readonly name: string; readonly content: string }[];
    };

/** An output that cannot be written: exit 2, one line. */
export class OutputError extends AuditError {
  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super('output', message, options);
  }
}

/** One staged change: put in place, undone after it was put in place, finished, or dropped. */
interface Staged {
  readonly label: string;
  commit(): void;
  rollback(): void;
  finish(): void;
  abort(): void;
}

/** Write one file atomically (see {@link writeOutputs}). */
export function writeFileAtomic(target: string, content: string, label: string = target): void {
  writeOutputs([{ kind: 'file', label, path: target, content }]);
}

/** Write every output, or none: see the module comment. Throws {@link OutputError}. */
export function writeOutputs(outputs: readonly Output[]): void {
  stageOutputs(outputs).commit();
}

/** Outputs written to temporary files, not yet in place: `commit()` puts all in place (or none), `abort()` drops them. */
export interface StagedOutputs {
  commit(): void;
  abort(): void;
}

/**
 * Stage every output (checks, temporary files written and flushed); throws
 * {@link OutputError} with nothing left behind when one cannot be staged.
 * A directory output that holds another output's path is staged after it.
 */
export function stageOutputs(outputs: readonly Output[]): StagedOutputs {
  checkDistinct(outputs);
  const ordered = [...outputs].sort((a, b) => Number(holdsAnother(a, outputs)) - Number(holdsAnother(b, outputs)));
  const staged: Staged[] = [];
  try {
    for (const o of ordered) staged.push(...withLabel(o.label, () => stage(o)));
  } catch (err) {
    for (const s of [...staged].reverse()) s.abort();
    throw err;
  }
  let done = false;
  return {
    commit() {
      if (done) throw new Error('outputs already committed or aborted');
      done = true;
      commitAll(staged);
    },
    abort() {
      if (done) return;
      done = true;
      for (const s of [...staged].reverse()) s.abort();
    },
  };
}

function commitAll(staged: readonly Staged[]): void {
  let committed = 0;
  try {
    for (const s of staged) {
      withLabel(s.label, () => s.commit());
      committed++;
    }
  } catch (err) {
    for (const s of staged.slice(0, committed).reverse()) {
      try {
        s.rollback();
      } catch {
        /* keep rolling back the others; a backup stays registered for removal */
      }
    }
    for (const s of [...staged].reverse()) s.abort();
    throw err;
  }
  for (const s of staged) s.finish();
}

function holdsAnother(o: Output, all: readonly Output[]): boolean {
  if (o.kind !== 'dir') return false;
  const dir = path.resolve(o.dir) + path.sep;
  return all.some((x) => x !== o && (x.kind === 'file' ? path.resolve(x.path) : path.resolve(x.dir)).startsWith(dir));
}

function withLabel<T>(label: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof OutputError) throw err;
    const reason = err instanceof RefusedTarget ? err.message : writeErrorWords(err);
    throw new OutputError(`cannot write ${label}: ${reason}`, { cause: err });
  }
}

/** Two outputs naming the same path would overwrite each other. */
function checkDistinct(outputs: readonly Output[]): void {
  const seen = new Map<string, string>();
  for (const o of outputs) {
    const paths = o.kind === 'file' ? [o.path] : [o.dir, ...o.files.map((f) => path.join(o.dir, f.name))];
    for (const p of paths.map((x) => path.resolve(x))) {
      const other = seen.get(p);
      if (other !== undefined) throw new OutputError(`cannot write ${o.label}: ${p} is also the target of ${other}`);
      seen.set(p, o.label);
    }
  }
}

function stage(o: Output): Staged[] {
  if (o.kind === 'file') return [stageFile(o.path, o.content, o.label)];
  const dir = path.resolve(o.dir);
  if (checkDirTarget(dir) === null) return [stageNewDir(dir, o.files, o.label)];
  const staged: Staged[] = [];
  try {
    for (const f of o.files) staged.push(stageFile(path.join(dir, f.name), f.content, o.label, f.name));
  } catch (err) {
    for (const s of [...staged].reverse()) s.abort();
    throw err;
  }
  return staged;
}

/** A file replacing (or creating) `target`; an existing file keeps its mode. */
function stageFile(target: string, content: string, label: string, subject = 'it'): Staged {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const base = path.basename(abs);
  const before = checkFileTarget(abs, subject);
  const created = ensureDir(dir);
  const tmp = tempName(dir, base, 'tmp');
  const forgetTmp = registerTempPath(tmp);
  let backup: string | undefined;
  let forgetBackup = (): void => undefined;
  let inPlace = false;
  try {
    writeNewFile(tmp, content, before ? before.mode & 0o777 : newFileMode());
  } catch (err) {
    rmSync(tmp, { force: true });
    forgetTmp();
    removeCreatedDirs(created);
    throw err;
  }
  return {
    label,
    commit() {
      if (checkFileTarget(abs, subject)) {
        backup = tempName(dir, base, 'old.tmp');
        forgetBackup = registerTempPath(backup);
        keepAside(abs, backup);
      }
      renameSync(tmp, abs);
      forgetTmp();
      inPlace = true;
    },
    rollback() {
      if (!inPlace) return;
      if (backup) renameSync(backup, abs);
      else rmSync(abs, { force: true });
      backup = undefined;
      forgetBackup();
      inPlace = false;
    },
    finish() {
      if (backup) rmSync(backup, { force: true });
      forgetBackup();
      syncDir(dir);
    },
    abort() {
      rmSync(tmp, { force: true });
      forgetTmp();
      // After a failed rollback the backup is the only copy of the old file: it stays.
      if (backup && !inPlace) rmSync(backup, { force: true });
      forgetBackup();
      removeCreatedDirs(created);
    },
  };
}

/** The old file, kept under `backup` while the new one goes in: a hard link, or a copy where links are not supported. */
function keepAside(file: string, backup: string): void {
  try {
    linkSync(file, backup);
  } catch {
    copyFileSync(file, backup, constants.COPYFILE_EXCL);
  }
}

/** A directory that does not exist yet: written whole under a temporary name beside it, then renamed into place. */
function stageNewDir(dir: string, files: readonly { readonly name: string; readonly content: string }[], label: string): Staged {
  const parent = path.dirname(dir);
  const created = ensureDir(parent);
  const tmp = tempName(parent, path.basename(dir), 'tmp');
  const forgetTmp = registerTempPath(tmp);
  let forget = forgetTmp;
  const drop = (): void => {
    rmSync(tmp, { recursive: true, force: true });
    forget();
    removeCreatedDirs(created);
  };
  try {
    mkdirSync(tmp, { mode: 0o700 });
    for (const f of files) writeNewFile(path.join(tmp, f.name), f.content, newFileMode());
    chmodSync(tmp, newDirMode());
    syncDir(tmp);
  } catch (err) {
    drop();
    throw err;
  }
  let inPlace = false;
  return {
    label,
    commit() {
      // Fails when something appeared at `dir` meanwhile (only an empty directory may be replaced).
      if (checkDirTarget(dir)) throw new RefusedTarget('it appeared while the migration was written; not replaced');
      renameSync(tmp, dir);
      forget();
      inPlace = true;
    },
    rollback() {
      if (!inPlace) return;
      renameSync(dir, tmp);
      forget = registerTempPath(tmp);
      inPlace = false;
    },
    finish() {
      syncDir(parent);
    },
    abort() {
      if (!inPlace) drop();
    },
  };
}
