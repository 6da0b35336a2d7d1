import type { CheckContext, SpecObject } from '../../spec-file/spec-section.js';
/** The checks of meaning of the `tables:` section. */
export declare function checkTables(context: CheckContext, objects: readonly SpecObject[]): void;
