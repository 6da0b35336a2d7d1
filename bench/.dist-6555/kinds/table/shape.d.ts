import type { Table, TableRef } from './model.js';
/** What a table is, beyond its columns: partitioning, inheritance and persistence. */
export interface TableShape {
    readonly kind: Table['kind'];
    readonly partitionKey: string | null;
    readonly partitionOf: Table['partitionOf'];
    readonly unlogged: boolean;
    /** The tables it inherits from, in order (empty: none). Absent in reports written before it was compared. */
    readonly inherits?: readonly TableRef[];
}
export declare function tableShape(t: Table): TableShape;
/** The fields of {@link TableShape} in which two tables differ. */
export declare function tableAspects(expected: TableShape, actual: TableShape): string[];
/** `a table`, `an UNLOGGED table`, `a table partitioned by RANGE (day)`, `a partition of public.events FOR VALUES ...`. */
export declare function describeShape(s: TableShape): string;
