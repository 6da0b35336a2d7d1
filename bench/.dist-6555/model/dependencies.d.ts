/** What a ref key names: a relation (table, view, materialized view, sequence, foreign table), one of its columns, a routine, a type, a constraint. */
export type RefKind = 'relation' | 'column' | 'function' | 'type' | 'constraint';
/**
 * The key of an object others may depend on:
 * - `relation`: schema, name;
 * - `column`: schema, relation, column;
 * - `function`: schema, name, identity arguments (`pg_get_function_identity_arguments`);
 * - `type`: schema, name (enums, domains, composite and range types);
 * - `constraint`: schema, table, constraint name.
 */
export declare function refKey(kind: RefKind, ...parts: readonly string[]): string;
/** The kind of a ref key. */
export declare function refKind(key: string): RefKind;
/** The name parts of a ref key. */
export declare function refParts(key: string): string[];
/**
 * Decode what the catalog statement returned (depends-sql.ts): a JSON array
 * of arrays, `[kind, part, part...]`, or null for none. Sorted and
 * deduplicated, so the same database gives the same list.
 */
export declare function decodeDependsOn(json: string | null): string[];
/**
 * True when depending on `dependency` means depending on `changed`: the same
 * key, or a column of the relation `changed` (a dropped or replaced relation
 * takes the columns others read with it).
 */
export declare function touches(dependency: string, changed: string): boolean;
/** An object that may depend on others: its own ref key (null when nothing can depend on it, a trigger) and what it depends on. */
export interface DependentNode {
    readonly key: string;
    readonly ownKey: string | null;
    readonly dependsOn: readonly string[];
}
/**
 * Every node that depends on one of `changed`, directly or through other
 * nodes (a view over a view over a changed column), as their `key`s, sorted.
 * Linear in nodes and edges: each node is reached once.
 */
export declare function dependentsOf(nodes: readonly DependentNode[], changed: Iterable<string>): string[];
/**
 * The nodes in dependency order: each after every node of the list it
 * depends on (ties by key, so the order is deterministic). A cycle (which
 * PostgreSQL itself does not allow between views, but function bodies may
 * form) is broken at the node with the smallest key. Drop in the reverse.
 */
export declare function dependencyOrder<T extends DependentNode>(nodes: readonly T[]): T[];
