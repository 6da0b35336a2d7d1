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
export function refKey(kind: RefKind, ...parts: readonly string[]): string {
  return `${kind}:${objectKey(...parts)}`;
}

/** The kind of a ref key. */
export function refKind(key: string): RefKind {
  return key.slice(0, key.indexOf(':')) as RefKind;
}

/** The name parts of a ref key. */
export function refParts(key: string): string[] {
  return key.slice(key.indexOf(':') + 1).split('\u0000');
}

/**
 * Decode what the catalog statement returned (depends-sql.ts): a JSON array
 * of arrays, `[kind, part, part...]`, or null for none. Sorted and
 * deduplicated, so the same database gives the same list.
 */
export function decodeDependsOn(json: string | null): string[] {
  if (!json) return [];
  const rows = JSON.parse(json) as unknown;
  if (!Array.isArray(rows)) return [];
  const keys = new Set<string>();
  for (const row of rows) {
    if (!Array.isArray(row) || row.length < 2 || !row.every((p) => typeof p === 'string')) continue;
    const [kind, ...parts] = row as string[];
    keys.add(refKey(kind as RefKind, ...parts));
  }
  return [...keys].sort(compareText);
}

/**
 * True when depending on `dependency` means depending on `changed`: the same
 * key, or a column of the relation `changed` (a dropped or replaced relation
 * takes the columns others read with it).
 */
export function touches(dependency: string, changed: string): boolean {
  if (dependency === changed) return true;
  if (!changed.startsWith('relation:') || !dependency.startsWith('column:')) return false;
  return dependency.startsWith(`column:${changed.slice('relation:'.length)}\u0000`);
}

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
export function dependentsOf(nodes: readonly DependentNode[], changed: Iterable<string>): string[] {
  // Index the nodes by what they depend on (a column also under its relation), so that each lookup is direct.
  const readers = new Map<string, DependentNode[]>();
  const index = (k: string, n: DependentNode): void => {
    const list = readers.get(k);
    if (list) list.push(n);
    else readers.set(k, [n]);
  };
  for (const n of nodes) {
    for (const d of n.dependsOn) {
      index(d, n);
      if (d.startsWith('column:')) index(`relation:${d.slice('column:'.length, d.lastIndexOf('\u0000'))}`, n);
    }
  }
  const found = new Set<string>();
  const queue = [...changed];
  while (queue.length) {
    const k = queue.pop() as string;
    for (const n of readers.get(k) ?? []) {
      if (found.has(n.key)) continue;
      found.add(n.key);
      if (n.ownKey) queue.push(n.ownKey);
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
export function dependencyOrder<T extends DependentNode>(nodes: readonly T[]): T[] {
  const byOwnKey = new Map<string, T>();
  for (const n of nodes) if (n.ownKey) byOwnKey.set(n.ownKey, n);
  const sorted = [...nodes].sort((a, b) => compareText(a.key, b.key));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: T[] = [];
  const visit = (start: T): void => {
    // Iterative depth-first walk (deep view chains must not overflow the stack).
    const stack: { node: T; deps: T[]; i: number }[] = [];
    const enter = (n: T): void => {
      state.set(n.key, 'visiting');
      const deps = new Set<T>();
      for (const d of n.dependsOn) {
        const owner = byOwnKey.get(d) ?? (d.startsWith('column:') ? byOwnKey.get(`relation:${d.slice('column:'.length, d.lastIndexOf('\u0000'))}`) : undefined);
        if (owner && owner !== n) deps.add(owner);
      }
      stack.push({ node: n, deps: [...deps].sort((a, b) => compareText(a.key, b.key)), i: 0 });
    };
    enter(start);
    while (stack.length) {
      const top = stack[stack.length - 1] as { node: T; deps: T[]; i: number };
      if (top.i < top.deps.length) {
        const next = top.deps[top.i++] as T;
        if (!state.has(next.key)) enter(next);
      } else {
        stack.pop();
        state.set(top.node.key, 'done');
        out.push(top.node);
      }
    }
  };
  for (const n of sorted) if (!state.has(n.key)) visit(n);
  return out;
}
