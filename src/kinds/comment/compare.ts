/**
 * Compare the comments of the objects both sides have, kind by kind (each
 * kind lists its commented objects through its `comments` hook). An empty
 * comment is no comment, as COMMENT ON … IS '' makes it.
 */
import type { Comparison } from '../../findings/finding.js';
import { displayName, quoteLiteral } from '../../model/identifiers.js';
import { objectPath } from '../../findings/finding.js';
import { oneLine } from '../../findings/words.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { InScope, ObjectKind } from '../kind.js';
import { commentedObjects, commentFindingObject } from './commented.js';
import type { CommentFinding } from './findings.js';

/** Longest comment text a message or a report cell quotes, before `…`. */
export const SHOWN_COMMENT_LENGTH = 80;

/** A comment as one line, cut at {@link SHOWN_COMMENT_LENGTH} characters. */
export function shortComment(comment: string): string {
  const line = oneLine(comment);
  return line.length > SHOWN_COMMENT_LENGTH ? `${line.slice(0, SHOWN_COMMENT_LENGTH)}…` : line;
}

/** `has no comment, expected '…'`, `has comment '…', expected none`, `has comment '…', expected '…'`. */
function differenceText(have: string | null, want: string | null): string {
  const quoted = (c: string): string => quoteLiteral(shortComment(c));
  if (have === null) return `has no comment, expected ${quoted(want ?? '')}`;
  return `has comment ${quoted(have)}, expected ${want === null ? 'none' : quoted(want)}`;
}

/** null for no comment, and for an empty one. */
function normalised(comment: string | null): string | null {
  return comment === null || comment === '' ? null : comment;
}

export function compareComments(kinds: readonly ObjectKind[], expected: SchemaModel, actual: SchemaModel, inScope: InScope): Comparison<CommentFinding> {
  const out: Comparison<CommentFinding> = { findings: [], present: [] };
  const live = commentedObjects(kinds, actual);
  for (const [key, e] of commentedObjects(kinds, expected)) {
    const a = live.get(key);
    if (a === undefined || !inScope(e.object.schema)) continue;
    const want = normalised(e.comment);
    const have = normalised(a.comment);
    if (want === have) continue;
    const object = commentFindingObject(e);
    out.findings.push({
      kind: 'comment_mismatch',
      object,
      expected: want,
      actual: have,
      message: `${e.kind} ${displayName(...objectPath(object))} ${differenceText(have, want)}`,
    });
  }
  return out;
}
