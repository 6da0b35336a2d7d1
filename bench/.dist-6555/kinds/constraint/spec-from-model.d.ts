import type { Mutable } from '../../spec-file/spec-section.js';
import type { Table } from '../table/model.js';
import type { Constraint } from './model.js';
import type { SpecReference, SpecTableConstraints } from './spec.js';
/** The shorthands a column node holds for one-column constraints. */
export interface ShorthandColumn {
    references?: SpecReference;
    unique?: boolean | string;
    check?: string;
}
/** What writing a table's constraints needs to know about the rest of the model. */
export interface ConstraintNaming {
    /**
     * True when PostgreSQL would give exactly `name` to the object created
     * unnamed: it is `expected`, and nothing else in the schema holds it.
     * `relation`: the object is (backed by) an index, so other relations count too.
     */
    isDefaultName(schema: string, name: string, expected: string, relation: boolean): boolean;
    findTable(schema: string, name: string): Table | undefined;
}
/** What a constraint of the table is written from. */
export interface ConstrainedModelTable {
    readonly table: Table;
    /** Its constraints that are its own (not a partition's copies of its parent's). */
    readonly own: readonly Constraint[];
    /** The column nodes written so far, by name: shorthands go there. */
    readonly columns: Readonly<Record<string, ShorthandColumn>>;
    /** A partition: its columns are not written in full, so no shorthands. */
    readonly isPartition: boolean;
}
/** The index column names of the index backing a constraint (its columns when not found), as default names use them. */
export declare function indexColumnNamesOf(t: Table, indexName: string, fallback: readonly string[]): string[];
/** A table's own constraints as its node's keys, in the order `snapshot` writes them; shorthands are set on `from.columns`. */
export declare function constraintsSpec(naming: ConstraintNaming, from: ConstrainedModelTable): Mutable<SpecTableConstraints>;
