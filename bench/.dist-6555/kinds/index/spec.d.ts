import { type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import { type QualifiedName } from '../../spec-file/names.js';
import type { CheckContext, NamespaceEntry, SqlFragmentPath } from '../../spec-file/spec-section.js';
import type { Table } from '../table/model.js';
import type { Index } from './model.js';
/** One key of an index: a column or an expression, with options. */
export interface SpecIndexKey {
    readonly column?: string;
    readonly expression?: string;
    readonly order?: 'asc' | 'desc';
    readonly nulls?: 'first' | 'last';
    readonly opclass?: string;
    readonly collation?: string;
}
/** An index as a spec writes it (or, in the table node, its `CREATE INDEX` statement as a string). */
export interface SpecIndex {
    /** Key columns / expressions: a name, `lower(email)`, or a key object. */
    readonly columns?: readonly (string | SpecIndexKey)[];
    readonly unique?: boolean;
    /** Access method (default btree). */
    readonly method?: string;
    readonly where?: string;
    readonly include?: readonly string[];
    readonly nullsNotDistinct?: boolean;
    /** Alternatively the whole `CREATE INDEX` statement. */
    readonly sql?: string;
    /** The query this index serves. */
    readonly description?: string;
}
/** `indexKey`, `indexObject` (structural) and `index` (an object or a statement). */
export declare const INDEX_DEFINITIONS: JsonSchemaDefinitions;
/** The `indexes` key of a table node's schema. */
/** An index's SQL text (below the index: a string is a CREATE INDEX statement), checked by spec-file/expressions.ts. */
export declare const INDEX_SQL_FRAGMENTS: readonly SqlFragmentPath[];
export declare const INDEXES_PROPERTY: JsonSchema;
/** The table whose indexes are checked. */
export interface IndexedTable {
    readonly q: QualifiedName;
    readonly table: Record<string, unknown>;
}
/** The indexes of a table node: names, statements, key and INCLUDE columns (`columns`: the table's, its parents' included). */
export declare function checkIndexes(context: CheckContext, info: IndexedTable, columns: ReadonlySet<string>): void;
/** An index is a relation: its name is taken in its table's schema. */
export declare function indexNames(info: IndexedTable): NamespaceEntry[];
/** Two indexes alike but for their names (a partition's copy of its parent's index). */
export declare function sameIndexStructure(a: Index, b: Index): boolean;
/** An index in the spec's structural form, or its definition when the structure cannot say it all. */
export declare function indexSpec(t: Table, index: Index): SpecIndex;
