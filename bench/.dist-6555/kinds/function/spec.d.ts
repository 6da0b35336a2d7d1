import { type MapSection } from '../../spec-file/spec-section.js';
import type { ParallelSafety, Routine, Volatility } from './model.js';
/** A function, procedure or aggregate as a spec writes it; absent fields take PostgreSQL's defaults. */
export interface SpecFunction {
    /** Default `function`. */
    readonly kind?: 'function' | 'procedure' | 'aggregate' | 'window';
    /** The full argument list (modes, names, types, defaults); default none. */
    readonly arguments?: string;
    /** Required for functions; procedures return nothing. */
    readonly returns?: string;
    readonly language?: string;
    readonly body?: string;
    readonly sqlBody?: string;
    /** A C function's library (`body` is then its symbol). */
    readonly library?: string;
    readonly volatility?: Volatility;
    readonly strict?: boolean;
    readonly securityDefiner?: boolean;
    readonly leakproof?: boolean;
    readonly parallel?: ParallelSafety;
    readonly cost?: number;
    readonly rows?: number;
    /** SET options: `{ search_path: 'app, pg_temp' }`. */
    readonly set?: Readonly<Record<string, string>>;
    /** An aggregate's options as CREATE AGGREGATE writes them (`SFUNC = int4pl, STYPE = integer`). */
    readonly aggregate?: string;
    readonly description?: string;
}
/** One routine, or a name's overloads. */
export type SpecFunctionEntry = SpecFunction | readonly SpecFunction[];
/** The overloads of an entry as written. */
export declare function overloadsOf(entry: SpecFunctionEntry): readonly SpecFunction[];
/** The cost PostgreSQL gives a routine when none is given: 1 for C and internal functions, 100 for others. */
export declare function defaultCost(language: string): number;
/** Whether a result returns a set (`SETOF t`, `TABLE(…)`): PostgreSQL then estimates 1000 rows unless told. */
export declare function returnsSet(returns: string | null | undefined): boolean;
/** A routine of the model as the spec writes it: defaults left out. */
export declare function routineSpec(r: Routine): SpecFunction;
/** The `functions:` section. */
export declare const FUNCTION_SPEC: MapSection<SpecFunctionEntry>;
