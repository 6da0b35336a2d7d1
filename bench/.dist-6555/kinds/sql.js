/**
 * SQL building blocks the kinds' emitters share (`src/kinds/<kind>/sql.ts`):
 * PL/pgSQL blocks for what PostgreSQL has no IF [NOT] EXISTS for, and
 * catalog lookups by name. Every identifier goes through quoteIdent, every
 * literal through quoteLiteral.
 */
import { qualifiedName, quoteIdent, quoteLiteral } from '../model/identifiers.js';
/** `$sa$`, or `$sa1$`, `$sa2$`… when the body contains the tag. */
export function dollarQuote(body) {
    let tag = '$sa$';
    for (let i = 1; body.includes(tag); i++)
        tag = `$sa${i}$`;
    return `${tag}\n${body}\n${tag}`;
}
/** A DO block around PL/pgSQL statements (each ending in `;`). */
export function doBlock(lines, declare = []) {
    const body = [...(declare.length ? ['DECLARE', ...declare.map((d) => `  ${d}`)] : []), 'BEGIN', ...lines.map((l) => `  ${l}`), 'END'].join('\n');
    return `DO ${dollarQuote(body)}`;
}
/** A DO block that runs `statement` (without its `;`) only when `condition` holds. */
export function doIf(condition, statement) {
    return doBlock([`IF ${condition} THEN`, `  ${statement};`, 'END IF;']);
}
/** The relation's OID, or NULL when it does not exist: `to_regclass('public."Leads"')`. */
export function regclass(schema, name) {
    return `pg_catalog.to_regclass(${quoteLiteral(qualifiedName(schema, name))})`;
}
/** The type's OID, or NULL when it does not exist. */
export function regtype(schema, name) {
    return `pg_catalog.to_regtype(${quoteLiteral(qualifiedName(schema, name))})`;
}
/** `COMMENT ON <what> <target> IS '<comment>'`. */
export function commentSql(what, target, comment) {
    return `COMMENT ON ${what} ${target} IS ${quoteLiteral(comment)}`;
}
/**
 * A name the model holds (a collation, an operator class) as SQL: printed
 * as `schema.name` when not on the search path, so qualified when the part
 * before the first dot is a known schema; anything else is one name (a
 * collation such as `en_US.utf8`), quoted as needed (`C` → `"C"`).
 */
export function objectNameSql(name, knownSchemas) {
    const dot = name.indexOf('.');
    if (dot > 0 && knownSchemas.has(name.slice(0, dot)))
        return qualifiedName(name.slice(0, dot), name.slice(dot + 1));
    return quoteIdent(name);
}
/**
 * A collation or operator class name as a spec writes it: with a double
 * quote or a parenthesis (operator class parameters) it is SQL already;
 * otherwise a name, as {@link objectNameSql} reads it.
 */
export function writtenNameSql(value, knownSchemas) {
    return /["(]/.test(value) ? value : objectNameSql(value, knownSchemas);
}
//# sourceMappingURL=sql.js.map