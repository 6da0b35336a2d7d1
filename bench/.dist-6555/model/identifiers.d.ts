/**
 * Identity and quoting: the only place identifiers and literals are quoted,
 * and where quoted identifiers are read back.
 */
/**
 * Quote an identifier only when PostgreSQL needs it: anything but a lower-case
 * name of letters, digits, `_` and `$` that does not start with a digit or `$`,
 * and every reserved keyword. Embedded double quotes are doubled.
 */
export declare function quoteIdent(name: string): string;
/**
 * An identifier as SQL text writes it, for building regular expressions:
 * double-quoted (`""` inside is a quote), or a plain word of letters (any
 * non-ASCII character included, as PostgreSQL allows), digits, `_` and `$`.
 * No capturing group.
 */
export declare const IDENTIFIER_PATTERN: string;
/**
 * An identifier as PostgreSQL reads it in SQL text: a quoted one is its
 * content; an unquoted one has its ASCII letters folded to lower case (and
 * only those: PostgreSQL leaves other characters as they are in UTF-8).
 */
export declare function unquoteIdent(word: string): string;
/** A name part as a spec writes it: a quoted one is its content, an unquoted one is exact (spec names are not folded). */
export declare function unquoteExact(word: string): string;
/** `schema.name`, each part quoted as needed. */
export declare function qualifiedName(schema: string, name: string): string;
/** A SQL string literal; uses E'' form only when backslashes are present. */
export declare function quoteLiteral(value: string): string;
/**
 * The stable identity of a schema object, used as a map key and in finding
 * ids. The NUL separator cannot occur in a PostgreSQL identifier, so keys of
 * different objects can never collide.
 */
export declare function objectKey(...parts: readonly string[]): string;
/** A readable form of an object key: parts quoted as needed, joined by dots. */
export declare function displayName(...parts: readonly string[]): string;
/**
 * Read a double-quoted run starting at `text[start]` (which must be `"`):
 * `""` inside it is one quote character. Returns the literal and the index
 * just after the closing quote, or null when the quote is never closed.
 * The one reader of quoted names, for spec names and ignore patterns.
 */
export declare function readQuoted(text: string, start: number): {
    literal: string;
    end: number;
} | null;
