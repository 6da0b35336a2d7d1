/** Sequences from the catalog: `pg_sequence`, with the column that owns each one. */
import { type RawBuilder } from 'kysely';
import { type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import type { Sequence } from './model.js';
/** A row of {@link sequencesQuery}. The int8 settings come as text (pg returns int8 as strings anyway). */
export interface RawSequenceRow {
    schema: string;
    name: string;
    data_type: string;
    start: string;
    increment: string;
    min: string;
    max: string;
    cache: string;
    cycle: boolean;
    owner_schema: string | null;
    owner_table: string | null;
    owner_column: string | null;
    /** 'i' for an identity column's sequence, 'a' for serial / OWNED BY. */
    dep_type: string | null;
    comment: string | null;
}
/**
 * Sequences with their owning column: `pg_depend` holds an 'a' (auto) entry
 * for serial columns and `OWNED BY`, and an 'i' (internal) entry for the
 * sequence behind an identity column.
 */
export declare function sequencesQuery({ schemas, only }: CatalogScope): RawBuilder<RawSequenceRow>;
/** The model's sequences, sorted by schema and name (code-unit order). */
export declare function decodeSequences(rows: readonly RawSequenceRow[]): Sequence[];
/** How sequences are read: see kind-catalog.ts. */
export declare const SEQUENCE_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
