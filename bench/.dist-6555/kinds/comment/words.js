/** Comments in the words of the reports: the Other Drift cell of a comment difference. */
import { code } from '../../render/markdown/syntax.js';
import { shortComment } from './compare.js';
/** The comment as inline code, one line, cut short; or `(none)`. */
function commentWords(comment) {
    return comment === null ? '(none)' : code(shortComment(comment));
}
export const COMMENT_WORDS = {
    comment_mismatch: {
        subject: { one: 'comment', many: 'comments' },
        otherDriftCell: (f) => `Comment is ${commentWords(f.actual)}; expected ${commentWords(f.expected)}`,
    },
};
//# sourceMappingURL=words.js.map