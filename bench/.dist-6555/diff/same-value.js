/** Deep equality of JSON-like values (primitives, arrays, plain objects); key order does not matter. */
export function sameValue(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a))
        return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(b))
        return false;
    const x = a;
    const y = b;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}
/**
 * Names of the fields whose values differ, in the expected projection's key
 * order (then fields only the actual one has): what a mismatch finding
 * names as its aspects.
 */
export function differingFields(expected, actual) {
    const e = expected;
    const a = actual;
    const out = Object.keys(e).filter((key) => !sameValue(e[key], a[key]));
    for (const key of Object.keys(a))
        if (!Object.hasOwn(e, key))
            out.push(key);
    return out;
}
//# sourceMappingURL=same-value.js.map