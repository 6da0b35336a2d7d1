/**
 * The tables of a spec as the checks of meaning read them: by key, with
 * their columns (a partition's include its parent's) and primary keys.
 * Values are as written, shapes checked as they are read (see
 * spec-file/values.ts).
 */
import { type QualifiedName } from '../../spec-file/names.js';
import type { SpecObject } from '../../spec-file/spec-section.js';
/** One table of the spec: its key, schema and name, and its node as written. */
export interface TableInfo {
    readonly key: string;
    readonly q: QualifiedName;
    readonly table: Record<string, unknown>;
}
/** The tables of a spec whose node is a map (others are the structure pass's). */
export declare class SpecTables {
    #private;
    constructor(objects: readonly SpecObject[]);
    get(key: string): TableInfo | undefined;
    has(key: string): boolean;
    values(): IterableIterator<TableInfo>;
    /** The key of a partition's parent, when it names one that reads as a name. */
    parentOf(info: TableInfo): string | undefined;
    /** The keys of an inheritance child's parents, in order (undefined for one that does not read as a name). */
    inheritsOf(info: TableInfo): (string | undefined)[];
    /** Columns of a table, its parents' included (a partition has its parent's columns). */
    columnsOf(key: string, visited?: Set<string>): Set<string>;
    /** A table's primary key columns, when it has one. */
    primaryKeyOf(key: string): string[] | undefined;
}
