/**
 * A spec that cannot be used: every problem found, each with its file, line
 * and path. The message is one line (`spec has 3 errors`); callers print the
 * problems themselves with {@link formatProblems}.
 */
import { AuditError } from '../errors.js';
import type { SpecProblem } from './spec-types.js';
/** Problems sorted by file (code-unit order), then line; ties keep their order. */
export declare function sortProblems(problems: readonly SpecProblem[]): SpecProblem[];
/** One problem per line: `file:line: path: message` (`file:line: message` when the path is empty). */
export declare function formatProblems(problems: readonly SpecProblem[]): string;
/** The error `loadSpec` throws, with every problem found. */
export declare class SpecError extends AuditError {
    /** Sorted by file, then line. */
    readonly problems: readonly SpecProblem[];
    constructor(problems: readonly SpecProblem[], options?: {
        cause?: unknown;
    });
}
