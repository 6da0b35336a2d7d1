import { type KindPlan } from '../../plan/kind-plan.js';
import type { TableFinding } from './findings.js';
export declare const TABLE_PLAN: KindPlan<TableFinding>;
