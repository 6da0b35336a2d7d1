/** Identifier-like words of prose: any word containing `_`, and backticked words. */
export declare function proseIdentifiers(text: string): Set<string>;
/** Identifiers an SQL expression mentions (string literals skipped; "quoted" ones unquoted). */
export declare function expressionIdentifiers(expression: string): Set<string>;
/** True when a description has something to say (not null, not blank). */
export declare function hasText(description: string | null | undefined): description is string;
/**
 * A description as Markdown: escaped, with `backticked` spans kept as code and
 * the given identifiers (words containing `_`) turned into code.
 */
export declare function prose(text: string, identifiers?: ReadonlySet<string>): string;
