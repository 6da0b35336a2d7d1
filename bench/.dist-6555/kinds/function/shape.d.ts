import type { Routine } from './model.js';
/**
 * What makes two routines of the same schema, name and identity arguments
 * the same, by aspect (the names findings and reports use). Not the comment
 * (the comment kind compares comments), not what it depends on (that
 * follows from the rest).
 */
export declare function routineShape(r: Routine): Record<string, unknown>;
/** The aspects of {@link routineShape} in which two routines differ (`body`, `volatility`...). */
export declare function routineAspects(expected: Routine, actual: Routine): string[];
