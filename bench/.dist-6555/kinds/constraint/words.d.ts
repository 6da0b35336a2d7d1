import type { FindingWordsOf } from '../kind.js';
import type { ConstraintFinding } from './findings.js';
import type { Constraint } from './model.js';
/** What a constraint enforces, in Markdown: `` references `users(id)` on delete set null ``, `` check `(score >= 0)` ``, `unique`. */
export declare function constraintFacts(c: Constraint): string;
/** `` foreign key `x_fkey` to `users` `` / `` check `x_check` ``: a constraint by its name and what it is. */
export declare function namedConstraint(c: Constraint): string;
/** The words of each constraint finding kind. */
export declare const CONSTRAINT_WORDS: FindingWordsOf<ConstraintFinding>;
