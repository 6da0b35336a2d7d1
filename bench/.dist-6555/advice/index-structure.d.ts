import type { Index, IndexKeyPart, Table } from '../model/schema-model.js';
/** A key part's identity: column or expression, order, nulls order, opclass, collation. */
export declare function keyPartKey(k: IndexKeyPart): string;
/**
 * An index's structure, everything but its name: method, key parts (with
 * order, nulls order, operator class, collation, expression), INCLUDE
 * columns (as a set: their order changes nothing), predicate, uniqueness and
 * NULLS NOT DISTINCT. Whether it is a primary key or backs a constraint is
 * not structure.
 */
export declare function structureKey(i: Index): string;
export declare function keyPartText(k: IndexKeyPart): string;
/** `(client_id, created_at DESC)`. */
export declare function keysText(i: Index): string;
/**
 * An index supports a foreign key when the server can use it to find the
 * referencing rows of one referenced row (what ON DELETE / ON UPDATE checks
 * do): a valid btree index on the same table, not partial, whose leading key
 * parts are plain columns that are exactly the foreign key's columns, in any
 * order. An expression key, a hash or GIN index, or the columns in a later
 * position do not count.
 */
export declare function supportsForeignKey(i: Index, columns: readonly string[]): boolean;
/** A foreign key's column set, order-free. */
export declare function columnSetKey(columns: readonly string[]): string;
/** The index kept of a group of duplicates: the primary key, else one backing a constraint, else the first by name. */
export declare function keeperRank(i: Index): number;
export declare function dropFix(table: Table, i: Index): string;
/**
 * True when `covering` answers every query `candidate` answers: both btree
 * with the same predicate, `candidate`'s key parts (column or expression,
 * order, nulls order, operator class, collation) a strict leading prefix of
 * `covering`'s, or the same key parts when `covering` is unique (a plain
 * index beside a unique one on the same keys is redundant too), and every
 * INCLUDE column of `candidate` a key or INCLUDE column of `covering` (else
 * `candidate` serves index-only scans `covering` cannot).
 */
export declare function covers(covering: Index, candidate: Index): boolean;
