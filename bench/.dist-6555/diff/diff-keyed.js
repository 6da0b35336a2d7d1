import { compareText } from '../model/sort.js';
/**
 * Match two lists by key. Input order does not matter; when a key occurs
 * twice in one list (the model forbids it), the first occurrence wins.
 */
export function diffKeyed(expected, actual, keyOf) {
    const byKey = (items) => {
        const map = new Map();
        for (const item of items) {
            const key = keyOf(item);
            if (!map.has(key))
                map.set(key, item);
        }
        return map;
    };
    const exp = byKey(expected);
    const act = byKey(actual);
    const missing = [];
    const unexpected = [];
    const common = [];
    const sorted = (map) => [...map].sort(([x], [y]) => compareText(x, y));
    for (const [key, e] of sorted(exp)) {
        const a = act.get(key);
        if (a === undefined)
            missing.push(e);
        else
            common.push({ key, expected: e, actual: a });
    }
    for (const [key, a] of sorted(act)) {
        if (!exp.has(key))
            unexpected.push(a);
    }
    return { missing, unexpected, common };
}
//# sourceMappingURL=diff-keyed.js.map