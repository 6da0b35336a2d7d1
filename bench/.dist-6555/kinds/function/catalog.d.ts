/** Functions, procedures, aggregates and window functions from the catalog: `pg_proc` (and `pg_aggregate`). */
import { type RawBuilder } from 'kysely';
import { type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import type { Routine } from './model.js';
/** A row of {@link routinesQuery}. */
export interface RawRoutineRow {
    schema: string;
    name: string;
    /** `prokind`: f function, p procedure, a aggregate, w window. */
    kind: string;
    signature: string;
    arguments: string;
    argument_list: string;
    returns: string | null;
    language: string;
    body: string | null;
    sql_body: string | null;
    library: string | null;
    /** `provolatile`: i, s, v. */
    volatility: string;
    strict: boolean;
    security_definer: boolean;
    leakproof: boolean;
    /** `proparallel`: s, r, u. */
    parallel: string;
    cost: number | string;
    rows: number | string;
    config: string[] | null;
    aggregate: string | null;
    comment: string | null;
    depends_on: string | null;
}
/**
 * The routines in scope; overloads differ by their signature (column 4). SQL-standard bodies (`prosqlbody`, PostgreSQL 14 and later,
 * the oldest major supported) are printed by the server, as views are.
 */
export declare function routinesQuery({ schemas }: CatalogScope): RawBuilder<RawRoutineRow>;
/** The model's routines, sorted by schema, name and signature (code-unit order). */
export declare function decodeRoutines(rows: readonly RawRoutineRow[]): Routine[];
/** How routines are read: see kind-catalog.ts. */
export declare const FUNCTION_CATALOG: import("../../introspect/postgres/kind-catalog.js").SectionCatalog;
