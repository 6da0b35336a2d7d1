/**
 * The `--history DIR` folder: one JSON record per run, named
 * `<database key>-<run time>.json` (the key: a hash of the database's
 * identity, so several databases may share a folder), written atomically;
 * the newest `keep` records of a database are kept, older ones removed.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../io/write-file.js';
import { jsonAscii } from '../safe-text.js';
import { identityKey, isHistoryRecord, type HistoryRecord } from './record.js';

/** Records kept per database unless `--history-keep` says otherwise. */
export const DEFAULT_HISTORY_KEEP = 30;

/** A record larger than this is not read (a history record of a large schema is a few MiB). */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

function recordsOf(dir: string, key: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  // Run times sort as text (ISO 8601, UTC); a second record of the same time gets a `~N` suffix, which sorts after.
  return names.filter((n) => n.startsWith(`${key}-`) && n.endsWith('.json')).sort();
}

/**
 * The newest record of the database, or null (none yet). A record that
 * cannot be read or is not a record is skipped with `warn`.
 */
export function readPrevious(dir: string, record: Pick<HistoryRecord, 'database'>, warn: (line: string) => void): { record: HistoryRecord; file: string } | null {
  const names = recordsOf(dir, identityKey(record.database));
  for (const name of names.reverse()) {
    const file = path.join(dir, name);
    try {
      if (!statSync(file).isFile() || statSync(file).size > MAX_RECORD_BYTES) throw new Error('not a file of a sensible size');
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isHistoryRecord(value)) return { record: value, file };
      throw new Error('not a history record of this version');
    } catch (err) {
      warn(`history record ${name} skipped: ${(err as Error).message}`);
    }
  }
  return null;
}

/** Write the run's record (atomically), then remove the database's records beyond the newest `keep`. */
export function writeRecord(dir: string, record: HistoryRecord, keep: number): string {
  const key = identityKey(record.database);
  const stamp = record.generatedAt.replace(/[:.]/g, '-');
  const existing = new Set(recordsOf(dir, key));
  let name = `${key}-${stamp}.json`;
  for (let n = 1; existing.has(name); n++) name = `${key}-${stamp}~${n}.json`;
  const file = path.join(dir, name);
  writeFileAtomic(file, `${jsonAscii(JSON.stringify(record))}\n`, `the history record ${file}`);
  const all = recordsOf(dir, key);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(path.join(dir, old), { force: true });
  return file;
}
