/** Deep equality of JSON-like values (primitives, arrays, plain objects); key order does not matter. */
export declare function sameValue(a: unknown, b: unknown): boolean;
/**
 * Names of the fields whose values differ, in the expected projection's key
 * order (then fields only the actual one has): what a mismatch finding
 * names as its aspects.
 */
export declare function differingFields(expected: object, actual: object): string[];
