import type { Sequence } from './model.js';
/** CREATE SEQUENCE options, as SQL numbers; an absent one takes PostgreSQL's default. */
export interface SequenceOptions {
    readonly type?: string;
    readonly increment?: string;
    readonly min?: string;
    readonly max?: string;
    readonly start?: string;
    readonly cache?: string;
    readonly cycle?: boolean;
}
/** The options clauses in CREATE SEQUENCE's order; `AS type` only `withType` (an identity column's sequence takes its column's). */
export declare function sequenceOptionsSql(o: SequenceOptions, withType: boolean): string[];
/** Every option of a sequence of the model, spelled out. */
export declare function modelSequenceOptions(s: Sequence): SequenceOptions;
export declare function createSequenceSql(schema: string, name: string, options: SequenceOptions, o: {
    readonly ifNotExists: boolean;
}): string;
/** `ALTER SEQUENCE … OWNED BY table.column`, or `OWNED BY NONE`; `IF EXISTS` for the plan's re-runnable form. */
export declare function sequenceOwnedBySql(schema: string, name: string, owner: {
    readonly schema: string;
    readonly table: string;
    readonly column: string;
} | null, o?: {
    readonly ifExists?: boolean;
}): string;
/**
 * `ALTER SEQUENCE IF EXISTS … AS … INCREMENT BY …`: the options given, in
 * CREATE SEQUENCE's order (`cycle: false` as NO CYCLE). Never RESTART: the
 * current value is data. Re-runnable: setting an option twice is harmless.
 */
export declare function alterSequenceSql(schema: string, name: string, options: SequenceOptions): string;
export declare function dropSequenceSql(schema: string, name: string): string;
