/**
 * A spec that cannot be used: every problem found, each with its file, line
 * and path. The message is one line (`spec has 3 errors`); callers print the
 * problems themselves with {@link formatProblems}.
 */
import { AuditError } from '../errors.js';
/** Problems sorted by file (code-unit order), then line; ties keep their order. */
export function sortProblems(problems) {
    return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
/** One problem per line: `file:line: path: message` (`file:line: message` when the path is empty). */
export function formatProblems(problems) {
    return problems.map((p) => `${p.file}:${p.line}: ${p.path === '' ? '' : `${p.path}: `}${p.message}`).join('\n');
}
/** The error `loadSpec` throws, with every problem found. */
export class SpecError extends AuditError {
    /** Sorted by file, then line. */
    problems;
    constructor(problems, options = {}) {
        const sorted = sortProblems(problems);
        super('spec', `spec has ${sorted.length} ${sorted.length === 1 ? 'error' : 'errors'}`, {
            ...options,
            meta: { problems: sorted.length },
        });
        this.problems = sorted;
    }
}
//# sourceMappingURL=spec-error.js.map