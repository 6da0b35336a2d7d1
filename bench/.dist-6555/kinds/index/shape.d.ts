import type { Index } from './model.js';
/**
 * What makes two indexes the same: their structure. Not the name (the key),
 * not `definition` (it embeds the index name and the table's schema), not
 * `valid` (a state, not a shape), not the backing constraint's name.
 */
export declare function indexShape(i: Index): Record<string, unknown>;
/** The fields of {@link indexShape} in which two indexes differ. */
export declare function indexAspects(expected: Index, actual: Index): string[];
