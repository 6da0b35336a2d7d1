/**
 * SQL text on one line: PostgreSQL's pretty printer breaks CASE expressions
 * over several indented lines, which reads badly in a one-line YAML entry.
 * Whitespace that holds a line break is one space (none after `(` or before
 * `)`), outside string literals and quoted identifiers, which are kept as
 * they are; the server parses the result to the same expression.
 */
export declare function oneLine(sql: string): string;
