/**
 * Text that comes from outside (names and comments read from a database or a
 * spec, file paths, driver messages) made safe for the place it is shown:
 * the one home of the characters that can change how text is read rather
 * than what it says. Markdown's own escaping lives in
 * src/render/markdown/syntax.ts and builds on {@link visible}.
 *
 * - {@link visible}: one line of display text; every control character
 *   (C0 incl. tab, CR and LF, DEL, C1 incl. NEL U+0085 and CSI U+009B),
 *   the Unicode line and paragraph separators (U+2028, U+2029) and the bidi
 *   controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are
 *   written as escapes (`\x1b`, `\u2028`), so no ESC sequence reaches a
 *   terminal and no text can start a new line.
 * - {@link sqlCommentLines}: `--` comment lines that no text can end early.
 */
/** Characters never written raw to any output. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** True when the text holds a character {@link visible} would escape. */
export function hasUnsafe(text) {
    UNSAFE.lastIndex = 0;
    return UNSAFE.test(text);
}
function escapeChar(ch) {
    if (ch === '\n')
        return '\\n';
    if (ch === '\t')
        return '\\t';
    if (ch === '\r')
        return '\\r';
    const cp = ch.codePointAt(0);
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}
/** One line of display text: control, line-breaking and bidi characters escaped (`\x1b`, `\u2028`). */
export function visible(text) {
    return text.replace(UNSAFE, escapeChar);
}
/**
 * Display text with its line breaks kept: split on `\n` (and `\r\n`), each
 * line made {@link visible} (a lone `\r`, U+2028 and the like are escaped,
 * not line breaks).
 */
export function visibleLines(text) {
    return text.split(/\r?\n/).map(visible);
}
/**
 * SQL `--` comment lines for any text: each of its lines (split on `\n`)
 * gets the prefix, and every character that PostgreSQL or psql could read
 * as the end of the line (`\n`, `\r`) or that a terminal would act on is
 * escaped by {@link visible}. So every line of the result starts with `--`
 * and ends where the comment ends: no text can end the comment, start a
 * statement or a psql meta-command (`\!`), whatever it holds. The prefix
 * must itself start with `--` (checked).
 */
export function sqlCommentLines(text, prefix = '-- ') {
    if (!prefix.startsWith('--') || hasUnsafe(prefix))
        throw new Error(`not a SQL comment prefix: ${JSON.stringify(prefix)}`);
    return visibleLines(text).map((line) => `${prefix}${line}`.trimEnd());
}
/** One `--` comment line, whatever the text holds: its line breaks too are escaped (`\n`). */
export function sqlCommentLine(text, prefix = '-- ') {
    return sqlCommentLines(visible(text), prefix)[0];
}
const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
function hex4(ch) {
    return ch.codePointAt(0).toString(16).padStart(4, '0');
}
/** The end of a quoted run starting at `start` (the opening quote): index just past the closing quote. `backslash`: `\` escapes the next character (E'' strings). */
function quotedEnd(sql, start, quote, backslash) {
    let i = start + 1;
    while (i < sql.length) {
        const ch = sql[i];
        if (backslash && ch === '\\')
            i += 2;
        else if (ch === quote && sql[i + 1] === quote)
            i += 2;
        else if (ch === quote)
            return i + 1;
        else
            i++;
    }
    return sql.length;
}
/** A quoted identifier or literal with its unsafe characters as escapes of the same value. */
function escapeQuoted(kind, body) {
    UNSAFE.lastIndex = 0;
    if (!UNSAFE.test(body))
        return kind === 'ident' ? `"${body}"` : kind === 'literal' ? `'${body}'` : kind === 'u-ident' ? `U&"${body}"` : `E'${body}'`;
    switch (kind) {
        case 'ident':
            return `U&"${body.replace(/\\/g, '\\\\').replace(UNSAFE, (c) => `\\${hex4(c)}`)}"`;
        case 'u-ident':
            return `U&"${body.replace(UNSAFE, (c) => `\\${hex4(c)}`)}"`;
        case 'literal':
            return `E'${body.replace(/\\/g, '\\\\').replace(UNSAFE, (c) => `\\u${hex4(c)}`)}'`;
        case 'e-literal':
            return `E'${body.replace(UNSAFE, (c) => `\\u${hex4(c)}`)}'`;
    }
}
/**
 * SQL text with no raw control, line-separator or bidi character inside a
 * quoted identifier or string literal: `"a<ESC>b"` becomes `U&"a\001bb"`,
 * `'a<LF>b'` becomes `E'a\u000ab'` — the same name, the same value, as
 * PostgreSQL reads them (whatever `standard_conforming_strings` is). The
 * bodies of dollar-quoted DO blocks are SQL too and are treated the same
 * way. So a statement's every line break is one of the statement's own,
 * no line of it can start with a psql meta-command, and the text is safe to
 * show in a terminal or a markdown code block. For SQL that schema-audit
 * writes (statements of its own making, whose names come from anywhere).
 */
export function safeSql(sql) {
    let out = '';
    let i = 0;
    while (i < sql.length) {
        const ch = sql[i];
        const prev = sql[i - 1] ?? '';
        if (ch === '-' && sql[i + 1] === '-') {
            const end = sql.indexOf('\n', i);
            const stop = end < 0 ? sql.length : end;
            out += visible(sql.slice(i, stop));
            i = stop;
        }
        else if (ch === '/' && sql[i + 1] === '*') {
            const end = sql.indexOf('*/', i + 2);
            const stop = end < 0 ? sql.length : end + 2;
            out += visibleLines(sql.slice(i, stop)).join('\n');
            i = stop;
        }
        else if (ch === '"') {
            const uPrefix = out.endsWith('U&') || out.endsWith('u&');
            const end = quotedEnd(sql, i, '"', false);
            const body = sql.slice(i + 1, end - 1);
            if (uPrefix)
                out = out.slice(0, -2);
            out += escapeQuoted(uPrefix ? 'u-ident' : 'ident', body);
            i = end;
        }
        else if (ch === "'") {
            const ePrefix = /[Ee]/.test(prev) && !IDENT_CHAR.test(sql[i - 2] ?? '');
            const end = quotedEnd(sql, i, "'", ePrefix);
            const body = sql.slice(i + 1, end - 1);
            if (ePrefix)
                out = out.slice(0, -1);
            out += escapeQuoted(ePrefix ? 'e-literal' : 'literal', body);
            i = end;
        }
        else if (ch === '$' && !IDENT_CHAR.test(prev)) {
            const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i))?.[0];
            if (!tag) {
                out += ch;
                i++;
                continue;
            }
            const close = sql.indexOf(tag, i + tag.length);
            const stop = close < 0 ? sql.length : close;
            out += tag + safeSql(sql.slice(i + tag.length, stop)) + (close < 0 ? '' : tag);
            i = close < 0 ? sql.length : close + tag.length;
        }
        else {
            out += ch === '\n' || ch === '\t' ? ch : visible(ch);
            i++;
        }
    }
    return out;
}
/**
 * JSON text (JSON.stringify output) with the characters JSON.stringify
 * leaves raw but {@link visible} escapes written as `\uXXXX`: the same JSON
 * value (they can only occur inside strings), safe on a terminal.
 */
export function jsonAscii(json) {
    // Not C0: JSON.stringify escapes those inside strings, and its own line breaks are structure.
    return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${hex4(c)}`);
}
//# sourceMappingURL=safe-text.js.map