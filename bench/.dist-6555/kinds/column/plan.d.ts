/** The plan's part for columns: see plan-add.ts (whole columns) and plan-alter.ts (changes of a column). */
import { type KindPlan } from '../../plan/kind-plan.js';
import type { ColumnFinding } from './findings.js';
export declare const COLUMN_PLAN: KindPlan<ColumnFinding>;
