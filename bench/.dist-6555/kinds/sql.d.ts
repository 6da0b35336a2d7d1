/** `$sa$`, or `$sa1$`, `$sa2$`… when the body contains the tag. */
export declare function dollarQuote(body: string): string;
/** A DO block around PL/pgSQL statements (each ending in `;`). */
export declare function doBlock(lines: readonly string[], declare?: readonly string[]): string;
/** A DO block that runs `statement` (without its `;`) only when `condition` holds. */
export declare function doIf(condition: string, statement: string): string;
/** The relation's OID, or NULL when it does not exist: `to_regclass('public."Leads"')`. */
export declare function regclass(schema: string, name: string): string;
/** The type's OID, or NULL when it does not exist. */
export declare function regtype(schema: string, name: string): string;
/** `COMMENT ON <what> <target> IS '<comment>'`. */
export declare function commentSql(what: string, target: string, comment: string): string;
/**
 * A name the model holds (a collation, an operator class) as SQL: printed
 * as `schema.name` when not on the search path, so qualified when the part
 * before the first dot is a known schema; anything else is one name (a
 * collation such as `en_US.utf8`), quoted as needed (`C` → `"C"`).
 */
export declare function objectNameSql(name: string, knownSchemas: ReadonlySet<string>): string;
/**
 * A collation or operator class name as a spec writes it: with a double
 * quote or a parenthesis (operator class parameters) it is SQL already;
 * otherwise a name, as {@link objectNameSql} reads it.
 */
export declare function writtenNameSql(value: string, knownSchemas: ReadonlySet<string>): string;
