import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { type SpecFunction } from './spec.js';
import { type RoutineSource } from './sql.js';
/** A spec routine as the emitter takes it: PostgreSQL's defaults where the spec says nothing. */
export declare function specRoutineSource(schema: string, name: string, f: SpecFunction): RoutineSource;
/** Routines that name no table: with the other objects, before the tables. */
export declare function functionObjects(ctx: DdlContext): DdlStatement[];
/**
 * Routines whose signature may name a table's row type, SQL-standard bodies
 * and aggregates (their support functions may be of either group): after
 * the tables and indexes, before the views.
 */
export declare function lateFunctionObjects(ctx: DdlContext): DdlStatement[];
export declare function functionComments(ctx: DdlContext): DdlStatement[];
/** One argument of a list: its mode, name and type as written, and whether a DEFAULT follows. */
export interface ArgumentPart {
    readonly head: string;
    readonly hasDefault: boolean;
}
/**
 * The arguments of a list, each at a top-level comma, cut at its first
 * top-level `DEFAULT` or `=`. Quotes (`'…'`, `"…"`, `$tag$…$tag$`) and
 * brackets are skipped whole; the list was parsed as one argument list
 * before (a spec's fragments are checked; a model's comes from a server),
 * so they are balanced.
 */
export declare function splitArguments(argumentList: string): ArgumentPart[];
/** An argument list without its DEFAULT clauses (COMMENT ON and DROP take none). */
export declare function argumentTypesOnly(argumentList: string): string;
