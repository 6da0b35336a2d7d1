/**
 * What depends on what, between objects of different kinds: a view reads
 * tables, columns and functions; a function's SQL-standard body (BEGIN
 * ATOMIC) reads tables; a trigger calls a function. Introspection reads each
 * dependent object's references from `pg_depend` (src/introspect/postgres/
 * depends-sql.ts) into its model's `dependsOn`, as the ref keys below; the
 * plan uses them to drop dependents before what they depend on changes, and
 * to create in dependency order. The expected model comes from a database
 * too (a scratch server for spec and SQL files), so both sides have them.
 *
 * Pure: keys are strings built from names, never OIDs, so a spec and a live
 * database give the same keys for the same objects.
 */
import { objectKey } from './identifiers.js';
import { compareText } from './sort.js';
/**
 * The key of an object others may depend on:
 * - `relation`: schema, name;
 * - `column`: schema, relation, column;
 * - `function`: schema, name, identity arguments (`pg_get_function_identity_arguments`);
 * - `type`: schema, name (enums, domains, composite and range types);
 * - `constraint`: schema, table, constraint name.
 */
export function refKey(kind, ...parts) {
    return `${kind}:${objectKey(...parts)}`;
}
/** The kind of a ref key. */
export function refKind(key) {
    return key.slice(0, key.indexOf(':'));
}
/** The name parts of a ref key. */
export function refParts(key) {
    return key.slice(key.indexOf(':') + 1).split('\u0000');
}
/**
 * Decode what the catalog statement returned (depends-sql.ts): a JSON array
 * of arrays, `[kind, part, part...]`, or null for none. Sorted and
 * deduplicated, so the same database gives the same list.
 */
export function decodeDependsOn(json) {
    if (!json)
        return [];
    const rows = JSON.parse(json);
    if (!Array.isArray(rows))
        return [];
    const keys = new Set();
    for (const row of rows) {
        if (!Array.isArray(row) || row.length < 2 || !row.every((p) => typeof p === 'string'))
            continue;
        const [kind, ...parts] = row;
        keys.add(refKey(kind, ...parts));
    }
    return [...keys].sort(compareText);
}
/**
 * True when depending on `dependency` means depending on `changed`: the same
 * key, or a column of the relation `changed` (a dropped or replaced relation
 * takes the columns others read with it).
 */
export function touches(dependency, changed) {
    if (dependency === changed)
        return true;
    if (!changed.startsWith('relation:') || !dependency.startsWith('column:'))
        return false;
    return dependency.startsWith(`column:${changed.slice('relation:'.length)}\u0000`);
}
/**
 * Every node that depends on one of `changed`, directly or through other
 * nodes (a view over a view over a changed column), as their `key`s, sorted.
 * Linear in nodes and edges: each node is reached once.
 */
export function dependentsOf(nodes, changed) {
    // Index the nodes by what they depend on (a column also under its relation), so that each lookup is direct.
    const readers = new Map();
    const index = (k, n) => {
        const list = readers.get(k);
        if (list)
            list.push(n);
        else
            readers.set(k, [n]);
    };
    for (const n of nodes) {
        for (const d of n.dependsOn) {
            index(d, n);
            if (d.startsWith('column:'))
                index(`relation:${d.slice('column:'.length, d.lastIndexOf('\u0000'))}`, n);
        }
    }
    const found = new Set();
    const queue = [...changed];
    while (queue.length) {
        const k = queue.pop();
        for (const n of readers.get(k) ?? []) {
            if (found.has(n.key))
                continue;
            found.add(n.key);
            if (n.ownKey)
                queue.push(n.ownKey);
        }
    }
    return [...found].sort(compareText);
}
/**
 * The nodes in dependency order: each after every node of the list it
 * depends on (ties by key, so the order is deterministic). A cycle (which
 * PostgreSQL itself does not allow between views, but function bodies may
 * form) is broken at the node with the smallest key. Drop in the reverse.
 */
export function dependencyOrder(nodes) {
    const byOwnKey = new Map();
    for (const n of nodes)
        if (n.ownKey)
            byOwnKey.set(n.ownKey, n);
    const sorted = [...nodes].sort((a, b) => compareText(a.key, b.key));
    const state = new Map();
    const out = [];
    const visit = (start) => {
        // Iterative depth-first walk (deep view chains must not overflow the stack).
        const stack = [];
        const enter = (n) => {
            state.set(n.key, 'visiting');
            const deps = new Set();
            for (const d of n.dependsOn) {
                const owner = byOwnKey.get(d) ?? (d.startsWith('column:') ? byOwnKey.get(`relation:${d.slice('column:'.length, d.lastIndexOf('\u0000'))}`) : undefined);
                if (owner && owner !== n)
                    deps.add(owner);
            }
            stack.push({ node: n, deps: [...deps].sort((a, b) => compareText(a.key, b.key)), i: 0 });
        };
        enter(start);
        while (stack.length) {
            const top = stack[stack.length - 1];
            if (top.i < top.deps.length) {
                const next = top.deps[top.i++];
                if (!state.has(next.key))
                    enter(next);
            }
            else {
                stack.pop();
                state.set(top.node.key, 'done');
                out.push(top.node);
            }
        }
    };
    for (const n of sorted)
        if (!state.has(n.key))
            visit(n);
    return out;
}
//# sourceMappingURL=dependencies.js.map