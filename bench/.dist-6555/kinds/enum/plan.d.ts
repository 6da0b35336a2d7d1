import { type KindPlan } from '../../plan/kind-plan.js';
import type { EnumFinding } from './findings.js';
export declare const ENUM_PLAN: KindPlan<EnumFinding>;
