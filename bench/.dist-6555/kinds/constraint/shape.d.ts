import type { Constraint } from './model.js';
/**
 * What makes two constraints the same: the kind-specific fields. Not the
 * name (the key), not `validated` (NOT VALID is advice, not drift), not the
 * comment, and not the definition text, except for exclusion constraints,
 * whose elements and operators exist only there.
 */
export declare function constraintShape(c: Constraint): Record<string, unknown>;
/** The fields of {@link constraintShape} in which two constraints differ. */
export declare function constraintAspects(expected: Constraint, actual: Constraint): string[];
