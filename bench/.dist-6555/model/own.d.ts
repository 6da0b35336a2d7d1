/**
 * Objects keyed by names from a database or a spec. A table, column, index,
 * enum or schema may be called `__proto__`, `constructor` or `toString`:
 * `obj[name] = value` with `__proto__` sets the object's prototype instead of
 * adding a key, and `obj[name]` with `toString` finds `Object.prototype`'s
 * method. Name-keyed objects are built and read through these, which only
 * ever see the object's own properties (and keep `__proto__` an ordinary key,
 * as JSON.parse and the YAML reader do).
 */
/** The own property `key` of `record`, or undefined (never an inherited one). */
export declare function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined;
/** Set `key` on `record` as an own, enumerable property, whatever the name. */
export declare function setOwn<T>(record: Record<string, T>, key: string, value: T): void;
/** A plain object of these entries, each an own property (`Object.fromEntries`, spelt out). */
export declare function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T>;
