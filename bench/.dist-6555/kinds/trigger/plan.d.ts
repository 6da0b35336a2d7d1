import { type KindPlan } from '../../plan/kind-plan.js';
import type { TriggerFinding } from './findings.js';
export declare const TRIGGER_PLAN: KindPlan<TriggerFinding>;
