/**
 * `schema-audit ack`'s edit of an acknowledgements file, text in, text out:
 * the entry for the finding id is added at the end, or, when the id is
 * there already, updated in place (one entry per finding). The entry
 * becomes what the command says: reason and owner replaced, `expires` and
 * `ticket` set when given and removed when not. The rest of a YAML file —
 * comments, key order, quoting, other entries — is kept as the yaml
 * library keeps it; a JSON file is written back as JSON (two-space indent).
 * The input is validated first (ack-file.ts: file:line problems), and so is
 * the output.
 */
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { parseAckFile } from './ack-file.js';
import type { Acknowledgement } from './types.js';

/** A new file's first lines. */
const HEADER = `Drift accepted on purpose: each entry names one finding (the report's findings[].id).
An acknowledged finding does not fail \`schema-audit audit --ack-file FILE\` until it expires
(expires: the last day it holds, yyyy-mm-dd); then it fails again. Written by \`schema-audit ack\`;
review changes to this file like code.`;

export interface AckEdit {
  /** The new file's text. */
  readonly text: string;
  /** Whether an entry for the id was there (and is updated) or is added. */
  readonly action: 'added' | 'updated';
  /** The entry's line in the new text. */
  readonly line: number;
}

type Entry = Omit<Acknowledgement, 'line'>;

function plain(entry: Entry): Record<string, string> {
  return {
    id: entry.id,
    reason: entry.reason,
    owner: entry.owner,
    ...(entry.expires !== undefined ? { expires: entry.expires } : {}),
    ...(entry.ticket !== undefined ? { ticket: entry.ticket } : {}),
  };
}

/** The JSON file, edited: its data re-serialised. */
function editJson(text: string | undefined, entry: Entry): { text: string; action: AckEdit['action'] } {
  const data = text === undefined || text.trim() === '' ? {} : (JSON.parse(text) as { acknowledgements?: Record<string, unknown>[] });
  const list = data.acknowledgements ?? [];
  const at = list.findIndex((e) => e.id === entry.id);
  const action = at < 0 ? 'added' : 'updated';
  const next = at < 0 ? [...list, plain(entry)] : list.map((e, i) => (i === at ? plain(entry) : e));
  return { text: `${JSON.stringify({ ...data, acknowledgements: next }, null, 2)}\n`, action };
}

/** The YAML file, edited in its document (comments and order kept). */
function editYaml(text: string | undefined, entry: Entry): { text: string; action: AckEdit['action'] } {
  const doc = parseDocument(text ?? '', { uniqueKeys: false });
  if (text === undefined || doc.contents === null) {
    doc.contents = doc.createNode({ acknowledgements: [] }) as typeof doc.contents;
    if (text === undefined) doc.commentBefore = HEADER.split('\n').map((l) => ` ${l}`).join('\n');
  }
  const root = doc.contents as YAMLMap;
  let list = root.get('acknowledgements', true);
  if (!isSeq(list)) {
    root.set('acknowledgements', doc.createNode([]));
    list = root.get('acknowledgements', true);
  }
  if (!isSeq(list)) throw new Error('acknowledgements is not a list');
  const existing = list.items.find((item) => isMap(item) && item.get('id') === entry.id) as YAMLMap | undefined;
  const fields = plain(entry);
  if (existing === undefined) {
    list.add(doc.createNode(fields));
    return { text: doc.toString({ lineWidth: 0 }), action: 'added' };
  }
  for (const key of ['reason', 'owner', 'expires', 'ticket'] as const) {
    const value = fields[key];
    if (value === undefined) existing.delete(key);
    else existing.set(key, value);
  }
  return { text: doc.toString({ lineWidth: 0 }), action: 'updated' };
}

/**
 * Add or update the entry for `entry.id` in a file's text (`undefined`: the
 * file does not exist yet). `file`: the path as shown in problems. Throws an
 * `AckFileError` when the file as it is cannot be used.
 */
export function editAckFile(file: string, text: string | undefined, entry: Entry): AckEdit {
  if (text !== undefined) parseAckFile(file, Buffer.from(text, 'utf8'));
  const json = /\.json$/i.test(file);
  const edited = json ? editJson(text, entry) : editYaml(text, entry);
  const check = parseAckFile(file, Buffer.from(edited.text, 'utf8'));
  const line = check.entries.find((e) => e.id === entry.id)?.line ?? 1;
  return { ...edited, line };
}
