import { type ErrorCode } from '../errors.js';
import { type InputLimits } from './input-limits.js';
import type { LoadedSpec, SpecProblem } from './spec-types.js';
/** What the worker is given. */
export interface WorkerInput {
    readonly sources: readonly {
        readonly file: string;
        readonly name: string;
        readonly bytes: Uint8Array;
    }[];
    readonly limits: InputLimits;
}
/** What the worker answers: the spec without its `locate` (a function), or what was wrong. */
export type WorkerAnswer = {
    readonly kind: 'spec';
    readonly spec: Omit<LoadedSpec, 'locate'>;
} | {
    readonly kind: 'problems';
    readonly problems: readonly SpecProblem[];
} | {
    readonly kind: 'error';
    readonly code: ErrorCode | null;
    readonly message: string;
};
/** Old-generation heap of the worker, in MiB. */
export declare const WORKER_HEAP_MIB = 4096;
/**
 * Load, merge and validate a spec, parsing in a worker thread, then check its
 * SQL fragments (checkSpecFragments, here: the parser is asynchronous).
 * Throws what {@link loadSpecChecked} throws.
 */
export declare function loadSpecAsync(source: string, limits?: InputLimits): Promise<LoadedSpec>;
