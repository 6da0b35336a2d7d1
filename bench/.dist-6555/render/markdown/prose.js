/**
 * Descriptions from the expected schema as Markdown prose: escaped, with the
 * column names they mention as inline code; and the identifiers a
 * description or an SQL expression mentions (for the "already exist" note).
 */
import { oneLine } from '../../findings/words.js';
import { columnCode, code, escapeMarkdown } from './syntax.js';
/** Identifier-like words of prose: any word containing `_`, and backticked words. */
export function proseIdentifiers(text) {
    const found = new Set();
    const parts = oneLine(text).split('`');
    parts.forEach((part, i) => {
        if (i % 2 === 1 && i < parts.length - 1)
            found.add(part.trim());
        else
            for (const w of part.match(/[\p{L}_][\p{L}\p{N}_$]*/gu) ?? [])
                if (w.includes('_'))
                    found.add(w);
    });
    return found;
}
/** Identifiers an SQL expression mentions (string literals skipped; "quoted" ones unquoted). */
export function expressionIdentifiers(expression) {
    const found = new Set();
    const re = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|([\p{L}_][\p{L}\p{N}_$]*)/gu;
    for (const m of expression.matchAll(re)) {
        if (m[1] !== undefined)
            found.add(m[1].replace(/""/g, '"'));
        else if (m[2] !== undefined)
            found.add(m[2]);
    }
    return found;
}
/** True when a description has something to say (not null, not blank). */
export function hasText(description) {
    return description !== null && description !== undefined && oneLine(description) !== '';
}
/**
 * A description as Markdown: escaped, with `backticked` spans kept as code and
 * the given identifiers (words containing `_`) turned into code.
 */
export function prose(text, identifiers = new Set()) {
    const parts = oneLine(text).split('`');
    // An odd number of parts means balanced backticks.
    const balanced = parts.length % 2 === 1;
    if (!balanced)
        return words(oneLine(text), identifiers);
    return parts.map((part, i) => (i % 2 === 1 ? code(part) : words(part, identifiers))).join('');
}
function words(text, identifiers) {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(/[\p{L}_][\p{L}\p{N}_$]*/gu)) {
        const w = m[0];
        if (!w.includes('_') || !identifiers.has(w))
            continue;
        const start = m.index ?? 0;
        out += preserveSpace(text.slice(last, start)) + columnCode(w);
        last = start + w.length;
    }
    return out + preserveSpace(text.slice(last));
}
/** Escape a fragment but keep its leading and trailing space (escapeMarkdown trims). */
function preserveSpace(fragment) {
    if (fragment === '')
        return '';
    const lead = /^\s/.test(fragment) ? ' ' : '';
    const trail = /\s$/.test(fragment) && fragment.trim() !== '' ? ' ' : '';
    const body = escapeMarkdown(fragment);
    return body === '' ? ' ' : `${lead}${body}${trail}`;
}
//# sourceMappingURL=prose.js.map