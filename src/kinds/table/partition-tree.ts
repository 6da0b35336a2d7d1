/**
 * The spec's tables as a partition tree: each table's parent (when it is a
 * partition), its depth, the order to create them in (parents first) and
 * the order to attach constraints and indexes in (deepest partitions first:
 * a parent's constraint or index then adopts the partition's own instead of
 * making another).
 */
import { ownValue } from '../../model/own.js';
import { qualifiedKey, splitQualified } from '../../spec-file/names.js';
import type { LoadedSpec, SpecColumn, SpecTable } from '../../spec-file/spec-types.js';

/** One table of the spec, placed in its partition tree. */
export interface SpecTableEntry {
  /** The table's key in the spec (`public.leads`). */
  readonly key: string;
  readonly schema: string;
  readonly name: string;
  readonly spec: SpecTable;
  /** Logical path of its node: `['tables', schema, name]`. */
  readonly path: readonly string[];
  /** Key of the partition parent, when the table is a partition in the spec. */
  readonly parentKey: string | null;
  readonly depth: number;
}

export interface SpecTableTree {
  readonly entries: ReadonlyMap<string, SpecTableEntry>;
  /** Parents before their partitions and inheritance children, otherwise spec order. */
  readonly creationOrder: readonly SpecTableEntry[];
  /** Deepest partitions first, otherwise spec order. */
  readonly leavesFirst: readonly SpecTableEntry[];
  /** The columns of the root of the entry's tree: a partition's columns are its root's. */
  rootColumns(entry: SpecTableEntry): Readonly<Record<string, SpecColumn>>;
  /** A column's effective default in a partition tree: the nearest table that lists the column. */
  effectiveDefault(entry: SpecTableEntry, column: string): string | undefined;
}

/** The key of the spec table `t` (key `key`) is a partition of, or null. */
function parentKeyOf(key: string, t: SpecTable): string | null {
  if (!t.partitionOf) return null;
  const own = splitQualified(key, 'public');
  const p = splitQualified(t.partitionOf.table, own.schema);
  return qualifiedKey(p.schema, p.name);
}

export function specTableTree(spec: LoadedSpec): SpecTableTree {
  const depthOf = (key: string, seen: Set<string> = new Set()): number => {
    const t = spec.tables.get(key);
    if (!t || seen.has(key)) return 0;
    seen.add(key);
    const parent = parentKeyOf(key, t);
    return parent === null ? 0 : 1 + depthOf(parent, seen);
  };
  const entries = new Map<string, SpecTableEntry>();
  for (const [key, t] of spec.tables) {
    const { schema, name } = splitQualified(key, 'public');
    entries.set(key, { key, schema, name, spec: t, path: ['tables', schema, name], parentKey: parentKeyOf(key, t), depth: depthOf(key) });
  }
  const creationOrder: SpecTableEntry[] = [];
  const placed = new Set<string>();
  const place = (entry: SpecTableEntry, visiting: Set<string>): void => {
    if (placed.has(entry.key) || visiting.has(entry.key)) return;
    visiting.add(entry.key);
    const parent = entry.parentKey === null ? undefined : entries.get(entry.parentKey);
    if (parent) place(parent, visiting);
    for (const ref of entry.spec.inherits ?? []) {
      const q = splitQualified(ref, entry.schema);
      const inherited = entries.get(qualifiedKey(q.schema, q.name));
      if (inherited) place(inherited, visiting);
    }
    placed.add(entry.key);
    creationOrder.push(entry);
  };
  for (const entry of entries.values()) place(entry, new Set());

  const parentOf = (e: SpecTableEntry): SpecTableEntry | undefined => (e.parentKey === null ? undefined : entries.get(e.parentKey));
  return {
    entries,
    creationOrder,
    // A stable sort: spec order within a depth.
    leavesFirst: [...entries.values()].sort((a, b) => b.depth - a.depth),
    rootColumns(entry) {
      let e: SpecTableEntry | undefined = entry;
      const seen = new Set<string>();
      while (e && e.parentKey !== null && !seen.has(e.key)) {
        seen.add(e.key);
        const parent = parentOf(e);
        if (!parent) break;
        e = parent;
      }
      return (e ?? entry).spec.columns;
    },
    effectiveDefault(entry, column) {
      let e: SpecTableEntry | undefined = entry;
      const seen = new Set<string>();
      while (e && !seen.has(e.key)) {
        seen.add(e.key);
        const c = ownValue(e.spec.columns, column);
        if (c) return c.default;
        e = parentOf(e);
      }
      return undefined;
    },
  };
}
