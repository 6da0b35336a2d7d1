import type { Comparison, FindingObject } from '../../findings/finding.js';
import type { FunctionFinding } from './findings.js';
import type { Routine } from './model.js';
/** What a finding names: the routine and its overload. */
export declare function routineObject(r: Routine): FindingObject;
/** The key of a routine: overloads (other argument types) are distinct objects; argument names are not part of it. */
export declare function routineKey(r: Routine): string;
/** `function public.total(integer)`, `procedure app.bump(integer, integer)`. */
export declare function routineLabel(r: Routine): string;
/** One aspect's difference in words, the database's side first. */
export declare function aspectText(aspect: string, e: Routine, a: Routine): string;
/** Match routines by (schema, name, signature) and compare the definitions of those on both sides. */
export declare function compareRoutines(expected: readonly Routine[], actual: readonly Routine[]): Comparison<FunctionFinding>;
