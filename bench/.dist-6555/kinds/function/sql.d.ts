import type { ParallelSafety, RoutineKind, Volatility } from './model.js';
/** What a CREATE statement needs of a routine: the model's fields; cost and rows null to leave them to PostgreSQL. */
export interface RoutineSource {
    readonly schema: string;
    readonly name: string;
    readonly kind: RoutineKind;
    readonly argumentList: string;
    readonly returns: string | null;
    readonly language: string;
    readonly body: string | null;
    readonly sqlBody: string | null;
    readonly library: string | null;
    readonly volatility: Volatility;
    readonly strict: boolean;
    readonly securityDefiner: boolean;
    readonly leakproof: boolean;
    readonly parallel: ParallelSafety;
    readonly cost: number | null;
    readonly rows: number | null;
    readonly config: readonly string[];
    readonly aggregate: string | null;
}
/**
 * `$body$`, or `$body1$`, `$body2$`… : the first tag that neither occurs in
 * the body nor is completed by its end (a body ending in `$body` would close
 * `$body$` one character early), so no body can end the quoting.
 */
export declare function bodyTag(body: string): string;
/** The body between the tags, exactly as given (no newline added: the catalog keeps the text between the tags). */
export declare function dollarQuoteBody(body: string): string;
/**
 * Split a list value as the catalog holds it (`app, "My Schema", pg_temp`)
 * into its elements, double-quoted ones unquoted (`""` is a quote), as
 * pg_dump's SplitGUCList does.
 */
export declare function splitListValue(value: string): string[];
/** One SET option (`search_path=app, pg_temp`) as a clause: `SET search_path TO 'app', 'pg_temp'`. */
export declare function setClause(option: string): string;
/** What follows CREATE [OR REPLACE] FUNCTION or PROCEDURE: the name and arguments. */
export declare function routineSignatureSql(schema: string, name: string, argumentList: string): string;
/**
 * A body as SQL: dollar-quoted (readable, as pg_dump writes it) when the
 * files' escaping (safeSql: no raw control character inside a quote, a
 * dollar-quoted body read as SQL too) would leave it as it is; otherwise a
 * string literal, which that escaping turns into the same value. Either
 * way the server stores exactly `body`.
 */
export declare function quoteBody(body: string): string;
/**
 * CREATE [OR REPLACE] FUNCTION / PROCEDURE / AGGREGATE, every attribute
 * spelled out (so a replacement resets what it does not mention).
 */
export declare function createRoutineSql(r: RoutineSource, orReplace?: boolean): string;
/** `DROP FUNCTION IF EXISTS public.f(integer, text)` (argument types: the signature). */
export declare function dropRoutineSql(kind: RoutineKind, schema: string, name: string, signature: string): string;
/** COMMENT ON FUNCTION public.f(integer) IS '…'. */
export declare function commentOnRoutineSql(kind: RoutineKind, schema: string, name: string, signature: string, comment: string | null): string;
