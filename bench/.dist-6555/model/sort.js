/**
 * Deterministic ordering independent of the database's collation and the
 * process locale: plain UTF-16 code-unit comparison.
 */
export function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Sort a copy by one or more string keys. */
export function sortBy(items, ...keys) {
    return [...items].sort((x, y) => {
        for (const key of keys) {
            const c = compareText(key(x), key(y));
            if (c !== 0)
                return c;
        }
        return 0;
    });
}
//# sourceMappingURL=sort.js.map