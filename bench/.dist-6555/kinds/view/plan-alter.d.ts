import type { PlanContext } from '../../plan/context.js';
import type { View } from './model.js';
export declare function planReplace(expected: View, live: View, findingIds: readonly string[], ctx: PlanContext): void;
/** Options, population and indexes of a view whose query is the same. */
export declare function planAlter(expected: View, live: View, findingIds: readonly string[], ctx: PlanContext): void;
