/**
 * The spec's tables as a partition tree: each table's parent (when it is a
 * partition), its depth, the order to create them in (parents first) and
 * the order to attach constraints and indexes in (deepest partitions first:
 * a parent's constraint or index then adopts the partition's own instead of
 * making another).
 */
import { ownValue } from '../../model/own.js';
import { qualifiedKey, splitQualified } from '../../spec-file/names.js';
/** The key of the spec table `t` (key `key`) is a partition of, or null. */
function parentKeyOf(key, t) {
    if (!t.partitionOf)
        return null;
    const own = splitQualified(key, 'public');
    const p = splitQualified(t.partitionOf.table, own.schema);
    return qualifiedKey(p.schema, p.name);
}
export function specTableTree(spec) {
    const depthOf = (key, seen = new Set()) => {
        const t = spec.tables.get(key);
        if (!t || seen.has(key))
            return 0;
        seen.add(key);
        const parent = parentKeyOf(key, t);
        return parent === null ? 0 : 1 + depthOf(parent, seen);
    };
    const entries = new Map();
    for (const [key, t] of spec.tables) {
        const { schema, name } = splitQualified(key, 'public');
        entries.set(key, { key, schema, name, spec: t, path: ['tables', schema, name], parentKey: parentKeyOf(key, t), depth: depthOf(key) });
    }
    const creationOrder = [];
    const placed = new Set();
    const place = (entry, visiting) => {
        if (placed.has(entry.key) || visiting.has(entry.key))
            return;
        visiting.add(entry.key);
        const parent = entry.parentKey === null ? undefined : entries.get(entry.parentKey);
        if (parent)
            place(parent, visiting);
        for (const ref of entry.spec.inherits ?? []) {
            const q = splitQualified(ref, entry.schema);
            const inherited = entries.get(qualifiedKey(q.schema, q.name));
            if (inherited)
                place(inherited, visiting);
        }
        placed.add(entry.key);
        creationOrder.push(entry);
    };
    for (const entry of entries.values())
        place(entry, new Set());
    const parentOf = (e) => (e.parentKey === null ? undefined : entries.get(e.parentKey));
    return {
        entries,
        creationOrder,
        // A stable sort: spec order within a depth.
        leavesFirst: [...entries.values()].sort((a, b) => b.depth - a.depth),
        rootColumns(entry) {
            let e = entry;
            const seen = new Set();
            while (e && e.parentKey !== null && !seen.has(e.key)) {
                seen.add(e.key);
                const parent = parentOf(e);
                if (!parent)
                    break;
                e = parent;
            }
            return (e ?? entry).spec.columns;
        },
        effectiveDefault(entry, column) {
            let e = entry;
            const seen = new Set();
            while (e && !seen.has(e.key)) {
                seen.add(e.key);
                const c = ownValue(e.spec.columns, column);
                if (c)
                    return c.default;
                e = parentOf(e);
            }
            return undefined;
        },
    };
}
//# sourceMappingURL=partition-tree.js.map