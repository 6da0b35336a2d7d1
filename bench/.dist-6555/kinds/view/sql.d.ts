import type { ViewKind } from './model.js';
/** What a CREATE statement needs of a view. */
export interface ViewDdl {
    readonly schema: string;
    readonly name: string;
    readonly kind: ViewKind;
    /** One query (checked as such when it comes from a spec or snapshot), a final `;` allowed. */
    readonly definition: string;
    /** `name=value`, as `reloptions` holds them. */
    readonly options: readonly string[];
    /** A materialized view: filled when created (WITH DATA) or not. */
    readonly withData?: boolean;
}
/** `VIEW`, `MATERIALIZED VIEW`. */
export declare function viewKeyword(kind: ViewKind): string;
/** The query without a final `;` and surrounding blank space. */
export declare function queryBody(definition: string): string;
/**
 * `CREATE [OR REPLACE] VIEW … AS …`, or `CREATE MATERIALIZED VIEW IF NOT
 * EXISTS … AS … WITH [NO] DATA` (a materialized view cannot be replaced).
 */
export declare function createViewSql(v: ViewDdl, options?: {
    readonly orReplace?: boolean;
}): string;
export declare function dropViewSql(schema: string, name: string, kind: ViewKind): string;
export declare function commentOnViewSql(schema: string, name: string, kind: ViewKind, comment: string): string;
/** `REFRESH MATERIALIZED VIEW …` (WITH NO DATA empties it). */
export declare function refreshSql(schema: string, name: string, withData: boolean): string;
/** `ALTER VIEW … SET (…)` / `RESET (…)`: options of a view, or storage parameters of a materialized view. */
export declare function setOptionsSql(schema: string, name: string, kind: ViewKind, set: readonly string[], reset: readonly string[]): string[];
/** `CREATE [UNIQUE] INDEX IF NOT EXISTS …` from `pg_get_indexdef`'s text (or a spec's). */
export declare function createIndexIfMissingSql(definition: string): string;
export declare function dropIndexSql(schema: string, name: string): string;
