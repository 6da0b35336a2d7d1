import { type KindPlan } from '../../plan/kind-plan.js';
import type { ViewFinding } from './findings.js';
import type { View } from './model.js';
/** True when `CREATE OR REPLACE VIEW` turns `live` into `expected`: views both, live's columns kept in order, names and types, new ones appended. */
export declare function replaceable(live: View, expected: View): boolean;
export declare const VIEW_PLAN: KindPlan<ViewFinding>;
