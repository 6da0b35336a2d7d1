import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerInfo } from '../introspect/introspector.js';
import { writeFileAtomic } from '../io/write-file.js';
import type { SchemaModel } from '../model/schema-model.js';
import { jsonAscii } from '../safe-text.js';
import { buildSnapshot, type SnapshotDocument } from '../snapshot/snapshot.js';
import { checkedSnapshotModel } from '../snapshot/snapshot-check.js';
import { readInputFile, type InputLimits } from '../spec-file/input-limits.js';
import { RECONCILE_KINDS, verdictKey, type ReconcileVerdict } from './reconcile.js';

/**
 * The expected-model cache: the model a spec, a .sql file or a folder of
 * migrations normalises to on a scratch server, kept so that the next audit
 * against the same source needs no scratch server (issue 14).
 *
 * Key: sha256 over the cache format, the source's kind, the sha256 of its
 * content (every file read, names and bytes, in load order), the schema
 * scope (`--schema`, `--exclude-schema`), the PostgreSQL major it was
 * normalised on and the tool's version. What else the model depends on is in
 * the content (a spec's `roles:`, which roles a .sql names).
 *
 * An entry is one JSON file `<key>.json` in the cache directory: the key's
 * parts again, the model as a snapshot document (snapshot.ts), and the
 * reconciliation verdicts the scratch server gave (reconcile.ts), so that an
 * expression the live database spells differently is reconciled the same
 * way without the server. An entry is untrusted input: read within the
 * input limits, its model checked as an `--expected` snapshot is
 * (snapshot-check.ts), its verdicts checked for shape; one that fails any
 * check, or whose parts do not match its name, is ignored (and rewritten).
 * Entries are written atomically (io/write-file.ts): a reader sees a whole
 * entry or none. Failing to read or write the cache never fails the audit.
 */
export const CACHE_FORMAT = 1;

/**
 * An entry may be this many times the input limit (`--max-input-mib`): the
 * model of a source is larger than the source (about 5× a `snapshot`
 * spec's YAML, 10× its SQL), and an entry over the plain limit was ignored,
 * so every audit of a spec or SQL file of more than ~2,000 tables loaded it
 * on a scratch server again.
 */
export const ENTRY_SIZE_FACTOR = 16;

export type CachedKind = 'spec' | 'sql' | 'migrations';

export interface CacheKeyParts {
  readonly kind: CachedKind;
  /** sha256 of the source's content. */
  readonly contentSha256: string;
  readonly major: number;
  readonly toolVersion: string;
  readonly schemas?: readonly string[] | undefined;
  readonly excludeSchemas?: readonly string[] | undefined;
}

/** A scope as a set: order and repeats do not change what is read. */
function scope(names: readonly string[] | undefined): string[] | null {
  return names && names.length ? [...new Set(names)].sort() : null;
}

/** The entry's key (64 hex digits). */
export function cacheKey(p: CacheKeyParts): string {
  const parts = {
    format: CACHE_FORMAT,
    kind: p.kind,
    content: p.contentSha256,
    major: p.major,
    tool: p.toolVersion,
    schemas: scope(p.schemas),
    excludeSchemas: scope(p.excludeSchemas),
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * The user's cache directory for schema-audit: $XDG_CACHE_HOME/schema-audit
 * (else ~/.cache/schema-audit) on Linux and the other Unixes,
 * ~/Library/Caches/schema-audit on macOS, %LOCALAPPDATA%\schema-audit\Cache
 * on Windows. Undefined when no home directory is known.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = safeHome()): string | undefined {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || (home ? path.win32.join(home, 'AppData', 'Local') : '');
    return local ? path.win32.join(local, 'schema-audit', 'Cache') : undefined;
  }
  if (platform === 'darwin') return home ? path.posix.join(home, 'Library', 'Caches', 'schema-audit') : undefined;
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative $XDG_CACHE_HOME is invalid and ignored.
  if (xdg && path.posix.isAbsolute(xdg)) return path.posix.join(xdg, 'schema-audit');
  return home ? path.posix.join(home, '.cache', 'schema-audit') : undefined;
}

function safeHome(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

export interface CacheEntry {
  /** The model as the scratch server gave it (before a spec's own adjustments). */
  readonly model: SchemaModel;
  readonly verdicts: readonly ReconcileVerdict[];
}

interface EntryFile {
  readonly schemaAuditCache: number;
  readonly key: string;
  readonly kind: CachedKind;
  readonly contentSha256: string;
  readonly pgMajor: number;
  readonly toolVersion: string;
  readonly snapshot: SnapshotDocument;
  readonly verdicts: readonly ReconcileVerdict[];
}

export function entryPath(dir: string, key: string): string {
  return path.join(dir, `${key}.json`);
}

/** Why an entry read back is not usable, or null when it is. */
function mismatch(doc: Partial<EntryFile>, key: string, parts: CacheKeyParts): string | null {
  if (doc.schemaAuditCache !== CACHE_FORMAT) return 'another cache format';
  if (doc.key !== key || doc.kind !== parts.kind || doc.contentSha256 !== parts.contentSha256) return 'it is for another source';
  if (doc.pgMajor !== parts.major) return 'it is for another PostgreSQL major';
  if (doc.toolVersion !== parts.toolVersion) return 'it is for another schema-audit version';
  if (!Array.isArray(doc.verdicts) || !doc.verdicts.every(isVerdict)) return 'its reconciliation verdicts are malformed';
  return null;
}

function isVerdict(v: unknown): v is ReconcileVerdict {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    Object.keys(o).length === 7 &&
    ['schema', 'table', 'name', 'expected', 'live'].every((k) => typeof o[k] === 'string') &&
    typeof o.same === 'boolean' &&
    RECONCILE_KINDS.includes(o.kind as ReconcileVerdict['kind'])
  );
}

/**
 * The entry for `parts`, or null: absent, or unusable (then `say` tells why;
 * the caller loads the source and writes the entry again).
 */
export async function readCacheEntry(dir: string, parts: CacheKeyParts, limits: InputLimits, say: (message: string) => void): Promise<CacheEntry | null> {
  const key = cacheKey(parts);
  const file = entryPath(dir, key);
  return readEntry(file, limits, say, `cache: no entry for this source (${file})`, async (doc: Partial<EntryFile>) => {
    const why = mismatch(doc, key, parts);
    if (why !== null) throw new Error(why);
    const model = await checkedSnapshotModel(file, doc.snapshot);
    return { model, verdicts: doc.verdicts! };
  });
}

/**
 * An entry file read and handed to `use` as a JSON object, or null: absent
 * (`say(absent)`), not a regular file, over the entries' limit, not JSON, or
 * refused by `use` (which throws why; `say` tells every reason but absence).
 */
export async function readEntry<D, T>(file: string, limits: InputLimits, say: (message: string) => void, absent: string, use: (doc: Partial<D>) => T | Promise<T>): Promise<T | null> {
  try {
    // A symbolic link, a FIFO or a device is nothing this cache wrote.
    if (!lstatSync(file).isFile()) {
      say(`cache: ignoring ${file}: not a regular file`);
      return null;
    }
  } catch {
    say(absent);
    return null;
  }
  try {
    const doc = JSON.parse(readInputFile(file, { ...limits, maxBytes: limits.maxBytes * ENTRY_SIZE_FACTOR }).toString('utf8')) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not a JSON object');
    return await use(doc as Partial<D>);
  } catch (err) {
    say(`cache: ignoring ${file}: ${(err as Error).message}`);
    return null;
  }
}

/** Write the entry for `parts` (atomically); a failure is only said, never thrown. */
export function writeCacheEntry(
  dir: string,
  parts: CacheKeyParts,
  entry: { readonly model: SchemaModel; readonly server: ServerInfo; readonly verdicts: readonly ReconcileVerdict[] },
  say: (message: string) => void,
): void {
  const key = cacheKey(parts);
  const file = entryPath(dir, key);
  const verdicts = [...new Map(entry.verdicts.map((v) => [verdictKey(v), v])).values()];
  const doc: EntryFile = {
    schemaAuditCache: CACHE_FORMAT,
    key,
    kind: parts.kind,
    contentSha256: parts.contentSha256,
    pgMajor: parts.major,
    toolVersion: parts.toolVersion,
    // The scratch database's name is random: not kept, so the same source writes the same entry.
    snapshot: buildSnapshot(entry.model, { ...entry.server, database: 'scratch' }, parts.schemas),
    verdicts,
  };
  // Not indented (read by this tool only: half the bytes), with serializeSnapshot's escaping.
  const text = `${jsonAscii(JSON.stringify(doc))}\n`;
  try {
    writeFileAtomic(file, text);
    say(`cache: wrote ${file}`);
  } catch (err) {
    say(`cache: could not write ${file}: ${(err as Error).message}`);
  }
}
