import type { PlanContext } from '../../plan/context.js';
/** CREATE SCHEMA for a new object in a schema the database lacks, once (in the step of the first finding that needs it). */
export declare function ensureSchema(ctx: PlanContext, schema: string, findingId: string): void;
