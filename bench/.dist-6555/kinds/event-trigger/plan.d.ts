import { type KindPlan } from '../../plan/kind-plan.js';
import type { EventTriggerFinding } from './findings.js';
export declare const EVENT_TRIGGER_PLAN: KindPlan<EventTriggerFinding>;
