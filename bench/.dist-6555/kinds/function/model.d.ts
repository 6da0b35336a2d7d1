export type RoutineKind = 'function' | 'procedure' | 'aggregate' | 'window';
export type Volatility = 'immutable' | 'stable' | 'volatile';
export type ParallelSafety = 'safe' | 'restricted' | 'unsafe';
/**
 * A function, procedure, aggregate or window function. Overloads are
 * distinct routines: a routine is named by its schema, name and signature
 * (argument types). Every text is what the server prints, so both sides of a
 * comparison (each read from a server) print the same routine alike.
 */
export interface Routine {
    readonly schema: string;
    readonly name: string;
    readonly kind: RoutineKind;
    /**
     * The call signature: the argument types (`integer, text`, from
     * `proargtypes`: input arguments, and a procedure's OUT arguments), which
     * is what tells overloads apart (argument names do not) and what DROP and
     * COMMENT ON name.
     */
    readonly signature: string;
    /** Argument list as `pg_get_function_identity_arguments` prints it (names too): what ref keys use (src/model/dependencies.ts). */
    readonly arguments: string;
    /** The full argument list, with modes, names and defaults, as `pg_get_function_arguments` prints it. */
    readonly argumentList: string;
    /** Result as `pg_get_function_result` prints it (`SETOF t`, `TABLE(a integer)`); null for procedures. */
    readonly returns: string | null;
    readonly language: string;
    /** The body as written (`prosrc`); null for a SQL-standard body (see `sqlBody`). */
    readonly body: string | null;
    /** A SQL-standard body (`BEGIN ATOMIC … END`, `RETURN …`) as `pg_get_function_sqlbody` prints it; else null. */
    readonly sqlBody: string | null;
    /** The library of a C function (`probin`); else null. */
    readonly library: string | null;
    readonly volatility: Volatility;
    readonly strict: boolean;
    readonly securityDefiner: boolean;
    readonly leakproof: boolean;
    readonly parallel: ParallelSafety;
    /** Estimated execution cost (`procost`). */
    readonly cost: number;
    /** Estimated rows of a set-returning function (`prorows`); 0 for others. */
    readonly rows: number;
    /** `SET` options, as the catalog holds them (`search_path=app, pg_temp`), sorted. */
    readonly config: readonly string[];
    /**
     * For aggregates: the aggregate's definition from `pg_aggregate`
     * (transition function and type, final function, initial value...), as a
     * comparable text; null for other kinds.
     */
    readonly aggregate: string | null;
    readonly comment: string | null;
    /** What the routine depends on (argument and result types, tables a SQL-standard body reads), as ref keys (src/model/dependencies.ts). */
    readonly dependsOn: readonly string[];
}
