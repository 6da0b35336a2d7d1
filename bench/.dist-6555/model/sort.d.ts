/**
 * Deterministic ordering independent of the database's collation and the
 * process locale: plain UTF-16 code-unit comparison.
 */
export declare function compareText(a: string, b: string): number;
/** Sort a copy by one or more string keys. */
export declare function sortBy<T>(items: readonly T[], ...keys: ((item: T) => string)[]): T[];
