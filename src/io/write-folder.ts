import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { registerTempPath } from './cleanup.js';
import { describeEntry, ensureDir, entryAt, newDirMode, newFileMode, removeCreatedDirs, syncDir, tempName, writeErrorWords, writeNewFile } from './safe-fs.js';
import { OutputError } from './write-file.js';

/**
 * A folder of files written all or nothing (`snapshot --out DIR/`):
 *
 * - the new folder is written whole under a temporary name beside DIR
 *   (`.DIR.<random>.tmp`, every file and directory flushed), then renamed
 *   into place: a reader sees the old folder, the new one, or (for the
 *   instant between two renames, or after a crash there) no folder at all —
 *   never a half-written one. An earlier snapshot in DIR is renamed aside
 *   first and removed after, so its stale files go with it;
 * - a user's files are never deleted: DIR is replaced only when it is
 *   missing, empty, or holds exactly what an earlier run wrote, as listed
 *   in its marker file {@link MARKER}. Anything else there (another file, a
 *   symbolic link, a folder without a marker) is refused with exit 2;
 * - every relative path is checked: `/`-separated segments of lower-case
 *   letters, digits, `_`, `-` and one extension dot, no `.` or `..`; so
 *   nothing is written outside DIR. Two files with one path are refused.
 */
export const MARKER = '.schema-audit-snapshot';

interface Marker {
  readonly tool: 'schema-audit';
  readonly formatVersion: 1;
  readonly files: readonly string[];
}

const SEGMENT = /^[a-z0-9_][a-z0-9_-]*(\.[a-z]+)?$/;

/** Throws unless `name` is a relative path of safe segments (see the module comment). */
export function checkRelativeName(name: string): void {
  const segments = name.split('/');
  if (name.length > 1000 || segments.some((s) => !SEGMENT.test(s))) throw new OutputError(`internal error: unsafe file name ${JSON.stringify(name)}`);
}

/** Every entry below `dir`, relative (`/`-separated), directories marked with a trailing `/`; symlinks and other entries as they are (not followed). */
function listTree(dir: string): { name: string; what: string }[] {
  const found: { name: string; what: string }[] = [];
  const walk = (abs: string, prefix: string): void => {
    for (const entry of readdirSync(abs).sort()) {
      const full = path.join(abs, entry);
      const rel = prefix + entry;
      const st = entryAt(full);
      if (st === null) continue;
      if (st.isDirectory()) {
        found.push({ name: `${rel}/`, what: 'a directory' });
        walk(full, `${rel}/`);
      } else found.push({ name: rel, what: describeEntry(st) });
    }
  };
  walk(dir, '');
  return found;
}

function readMarker(dir: string): Marker | null {
  const st = entryAt(path.join(dir, MARKER));
  if (st === null || !st.isFile() || st.size > 64 * 1024 * 1024) return null;
  try {
    const data = JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8')) as Partial<Marker>;
    if (data.tool !== 'schema-audit' || !Array.isArray(data.files) || !data.files.every((f) => typeof f === 'string')) return null;
    return data as Marker;
  } catch {
    return null;
  }
}

/**
 * Why DIR may not be replaced, or null when it may: it is missing, empty, or
 * holds only what its marker lists (and the directories those are in).
 */
function refusal(dir: string): string | null {
  const st = entryAt(dir);
  if (st === null) return null;
  if (!st.isDirectory()) return `it is ${describeEntry(st)}, not a directory; refusing to follow or replace it`;
  const entries = listTree(dir);
  if (entries.length === 0) return null;
  const marker = readMarker(dir);
  if (marker === null) {
    return `it is not empty and was not written by schema-audit snapshot (no ${MARKER}); refusing to replace it (use a new or empty folder)`;
  }
  const allowed = new Set<string>([MARKER]);
  for (const file of marker.files) {
    allowed.add(file);
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) allowed.add(file.slice(0, i + 1));
  }
  for (const { name, what } of entries) {
    const isDir = name.endsWith('/');
    const listed = allowed.has(name) && (isDir || what === 'a regular file');
    if (!listed) {
      return `${JSON.stringify(name)} (${what}) was not written by schema-audit snapshot; refusing to replace the folder (move it away, or use a new folder)`;
    }
  }
  return null;
}

/** Write `files` as the folder `dir` (see the module comment). Throws {@link OutputError}. */
export function writeFolder(dir: string, files: readonly { readonly name: string; readonly content: string }[], label: string = dir): void {
  const abs = path.resolve(dir);
  const parent = path.dirname(abs);
  if (parent === abs) throw new OutputError(`cannot write ${label}: refusing to replace a file system root`);
  const seen = new Set<string>();
  const folders = new Set<string>();
  for (const f of files) {
    checkRelativeName(f.name);
    if (f.name === MARKER || seen.has(f.name)) throw new OutputError(`cannot write ${label}: two files named ${JSON.stringify(f.name)}`);
    seen.add(f.name);
    for (let i = f.name.indexOf('/'); i !== -1; i = f.name.indexOf('/', i + 1)) folders.add(f.name.slice(0, i));
  }
  for (const name of folders) {
    if (seen.has(name)) throw new OutputError(`cannot write ${label}: ${JSON.stringify(name)} is a file and a folder`);
  }
  const refused = refusal(abs);
  if (refused !== null) throw new OutputError(`cannot write ${label}: ${refused}`);

  let created: string[];
  try {
    created = ensureDir(parent);
  } catch (err) {
    throw new OutputError(`cannot write ${label}: ${writeErrorWords(err)}`, { cause: err });
  }
  const tmp = tempName(parent, path.basename(abs), 'tmp');
  const forgetTmp = registerTempPath(tmp);
  const drop = (): void => {
    rmSync(tmp, { recursive: true, force: true });
    forgetTmp();
    removeCreatedDirs(created);
  };
  try {
    mkdirSync(tmp, { mode: 0o700 });
    const dirs = new Set<string>();
    for (const f of files) {
      const sub = path.posix.dirname(f.name);
      if (sub !== '.' && !dirs.has(sub)) {
        mkdirSync(path.join(tmp, ...sub.split('/')), { recursive: true, mode: newDirMode() });
        dirs.add(sub);
      }
      writeNewFile(path.join(tmp, ...f.name.split('/')), f.content, newFileMode());
    }
    const marker: Marker = { tool: 'schema-audit', formatVersion: 1, files: files.map((f) => f.name).sort() };
    // The marker last: a folder that has it is complete.
    writeNewFile(path.join(tmp, MARKER), `${JSON.stringify(marker, null, 2)}\n`, newFileMode());
    for (const sub of [...dirs].sort().reverse()) syncDir(path.join(tmp, ...sub.split('/')));
    chmodSync(tmp, newDirMode());
    syncDir(tmp);
  } catch (err) {
    drop();
    throw new OutputError(`cannot write ${label}: ${writeErrorWords(err)}`, { cause: err });
  }

  // In place: checked again (something may have appeared meanwhile), the old folder renamed aside, the new one in.
  const again = refusal(abs);
  if (again !== null) {
    drop();
    throw new OutputError(`cannot write ${label}: ${again}`);
  }
  let old: string | undefined;
  let forgetOld = (): void => undefined;
  try {
    if (entryAt(abs) !== null) {
      if (listTree(abs).length === 0) rmdirSync(abs);
      else {
        old = tempName(parent, path.basename(abs), 'old.tmp');
        forgetOld = registerTempPath(old);
        renameSync(abs, old);
      }
    }
    try {
      renameSync(tmp, abs);
    } catch (err) {
      if (old !== undefined) {
        const aside = old;
        // The earlier snapshot is the only copy now: never removed by the cleanup.
        forgetOld();
        old = undefined;
        try {
          renameSync(aside, abs);
        } catch {
          throw new OutputError(`cannot write ${label}: ${writeErrorWords(err)}; the earlier snapshot is kept as ${aside}`, { cause: err });
        }
      }
      throw err;
    }
  } catch (err) {
    drop();
    if (err instanceof OutputError) throw err;
    throw new OutputError(`cannot write ${label}: ${writeErrorWords(err)}`, { cause: err });
  }
  forgetTmp();
  syncDir(parent);
  if (old !== undefined) rmSync(old, { recursive: true, force: true });
  forgetOld();
}
