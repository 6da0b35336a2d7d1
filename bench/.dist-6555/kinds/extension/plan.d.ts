import type { PlanContext } from '../../plan/context.js';
import { type KindPlan } from '../../plan/kind-plan.js';
import type { ExtensionFinding } from './findings.js';
/**
 * The expected schema's extensions the database lacks, created before the
 * first new table or column (one of them may use a type or a default an
 * extension provides; the diff does not know which): those a
 * missing_extension finding did not create already (an ignored one).
 */
export declare function ensureExtensions(ctx: PlanContext, findingId: string): void;
export declare const EXTENSION_PLAN: KindPlan<ExtensionFinding>;
