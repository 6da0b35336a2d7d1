/**
 * One-line, human-readable fragments for finding messages, shared by every
 * kind's comparison and by the advice checks. SQL text from the model is
 * shown as the deparser printed it, whitespace runs folded to one space so
 * a message is always a single line.
 */
import { displayName, quoteLiteral } from '../model/identifiers.js';
/** Fold newlines and whitespace runs to single spaces. */
export function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** `public.leads` style display name of a qualified object. */
export function qualified(...parts) {
    return displayName(...parts);
}
export function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** `'new', 'won'`, or `(none)`. */
export function labelList(values) {
    return values.length === 0 ? '(none)' : values.map(quoteLiteral).join(', ');
}
/** The comment of an expected object, passed on as its description (absent when null). */
export function describedBy(comment) {
    return comment === null ? {} : { description: comment };
}
//# sourceMappingURL=words.js.map