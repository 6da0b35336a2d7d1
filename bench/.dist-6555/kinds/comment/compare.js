import { displayName, quoteLiteral } from '../../model/identifiers.js';
import { objectPath } from '../../findings/finding.js';
import { oneLine } from '../../findings/words.js';
import { commentedObjects, commentFindingObject } from './commented.js';
/** Longest comment text a message or a report cell quotes, before `…`. */
export const SHOWN_COMMENT_LENGTH = 80;
/** A comment as one line, cut at {@link SHOWN_COMMENT_LENGTH} characters. */
export function shortComment(comment) {
    const line = oneLine(comment);
    return line.length > SHOWN_COMMENT_LENGTH ? `${line.slice(0, SHOWN_COMMENT_LENGTH)}…` : line;
}
/** `has no comment, expected '…'`, `has comment '…', expected none`, `has comment '…', expected '…'`. */
function differenceText(have, want) {
    const quoted = (c) => quoteLiteral(shortComment(c));
    if (have === null)
        return `has no comment, expected ${quoted(want ?? '')}`;
    return `has comment ${quoted(have)}, expected ${want === null ? 'none' : quoted(want)}`;
}
/** null for no comment, and for an empty one. */
function normalised(comment) {
    return comment === null || comment === '' ? null : comment;
}
export function compareComments(kinds, expected, actual, inScope) {
    const out = { findings: [], present: [] };
    const live = commentedObjects(kinds, actual);
    for (const [key, e] of commentedObjects(kinds, expected)) {
        const a = live.get(key);
        if (a === undefined || !inScope(e.object.schema))
            continue;
        const want = normalised(e.comment);
        const have = normalised(a.comment);
        if (want === have)
            continue;
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
//# sourceMappingURL=compare.js.map