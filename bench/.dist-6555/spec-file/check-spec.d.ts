import type { SpecProblem } from './spec-section.js';
import type { LoadedSpec } from './spec-types.js';
/** Problems of meaning in a merged spec (structure is checked per file, by `validateStructure`). */
export declare function checkSpec(spec: LoadedSpec): SpecProblem[];
