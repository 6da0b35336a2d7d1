/**
 * Identity and quoting: the only place identifiers and literals are quoted,
 * and where quoted identifiers are read back.
 */
/** Words that always need quoting as identifiers (PostgreSQL's reserved keywords). */
const RESERVED = new Set(`all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate
collation column concurrently constraint create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user default deferrable desc distinct do else end
except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into
is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on
only or order outer overlaps placing primary references returning right select session_user similar some
symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when
where window with`.split(/\s+/));
/**
 * Quote an identifier only when PostgreSQL needs it: anything but a lower-case
 * name of letters, digits, `_` and `$` that does not start with a digit or `$`,
 * and every reserved keyword. Embedded double quotes are doubled.
 */
export function quoteIdent(name) {
    if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name))
        return name;
    return `"${name.replace(/"/g, '""')}"`;
}
/**
 * An identifier as SQL text writes it, for building regular expressions:
 * double-quoted (`""` inside is a quote), or a plain word of letters (any
 * non-ASCII character included, as PostgreSQL allows), digits, `_` and `$`.
 * No capturing group.
 */
export const IDENTIFIER_PATTERN = String.raw `(?:"(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)`;
/**
 * An identifier as PostgreSQL reads it in SQL text: a quoted one is its
 * content; an unquoted one has its ASCII letters folded to lower case (and
 * only those: PostgreSQL leaves other characters as they are in UTF-8).
 */
export function unquoteIdent(word) {
    return word.startsWith('"') ? word.slice(1, -1).replace(/""/g, '"') : word.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
/** A name part as a spec writes it: a quoted one is its content, an unquoted one is exact (spec names are not folded). */
export function unquoteExact(word) {
    return word.startsWith('"') ? word.slice(1, -1).replace(/""/g, '"') : word;
}
/** `schema.name`, each part quoted as needed. */
export function qualifiedName(schema, name) {
    return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}
/** A SQL string literal; uses E'' form only when backslashes are present. */
export function quoteLiteral(value) {
    const body = value.replace(/'/g, "''");
    return value.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}
/**
 * The stable identity of a schema object, used as a map key and in finding
 * ids. The NUL separator cannot occur in a PostgreSQL identifier, so keys of
 * different objects can never collide.
 */
export function objectKey(...parts) {
    return parts.join('\u0000');
}
/** A readable form of an object key: parts quoted as needed, joined by dots. */
export function displayName(...parts) {
    return parts.map(quoteIdent).join('.');
}
/**
 * Read a double-quoted run starting at `text[start]` (which must be `"`):
 * `""` inside it is one quote character. Returns the literal and the index
 * just after the closing quote, or null when the quote is never closed.
 * The one reader of quoted names, for spec names and ignore patterns.
 */
export function readQuoted(text, start) {
    let literal = '';
    let i = start + 1;
    while (i < text.length) {
        const ch = text[i];
        if (ch === '"') {
            if (text[i + 1] !== '"')
                return { literal, end: i + 1 };
            literal += '"';
            i += 2;
        }
        else {
            literal += ch;
            i++;
        }
    }
    return null;
}
//# sourceMappingURL=identifiers.js.map