/** Matched pair of a keyed diff. */
export interface KeyedPair<T> {
    readonly key: string;
    readonly expected: T;
    readonly actual: T;
}
/** Result of {@link diffKeyed}; every list is sorted by key (code-unit order). */
export interface KeyedDiff<T> {
    /** In expected, not in actual. */
    readonly missing: T[];
    /** In actual, not in expected. */
    readonly unexpected: T[];
    /** In both. */
    readonly common: KeyedPair<T>[];
}
/**
 * Match two lists by key. Input order does not matter; when a key occurs
 * twice in one list (the model forbids it), the first occurrence wins.
 */
export declare function diffKeyed<T>(expected: readonly T[], actual: readonly T[], keyOf: (item: T) => string): KeyedDiff<T>;
