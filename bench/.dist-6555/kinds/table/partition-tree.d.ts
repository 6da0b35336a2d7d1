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
export declare function specTableTree(spec: LoadedSpec): SpecTableTree;
