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
/** True when the text holds a character {@link visible} would escape. */
export declare function hasUnsafe(text: string): boolean;
/** One line of display text: control, line-breaking and bidi characters escaped (`\x1b`, `\u2028`). */
export declare function visible(text: string): string;
/**
 * Display text with its line breaks kept: split on `\n` (and `\r\n`), each
 * line made {@link visible} (a lone `\r`, U+2028 and the like are escaped,
 * not line breaks).
 */
export declare function visibleLines(text: string): string[];
/**
 * SQL `--` comment lines for any text: each of its lines (split on `\n`)
 * gets the prefix, and every character that PostgreSQL or psql could read
 * as the end of the line (`\n`, `\r`) or that a terminal would act on is
 * escaped by {@link visible}. So every line of the result starts with `--`
 * and ends where the comment ends: no text can end the comment, start a
 * statement or a psql meta-command (`\!`), whatever it holds. The prefix
 * must itself start with `--` (checked).
 */
export declare function sqlCommentLines(text: string, prefix?: string): string[];
/** One `--` comment line, whatever the text holds: its line breaks too are escaped (`\n`). */
export declare function sqlCommentLine(text: string, prefix?: string): string;
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
export declare function safeSql(sql: string): string;
/**
 * JSON text (JSON.stringify output) with the characters JSON.stringify
 * leaves raw but {@link visible} escapes written as `\uXXXX`: the same JSON
 * value (they can only occur inside strings), safe on a terminal.
 */
export declare function jsonAscii(json: string): string;
