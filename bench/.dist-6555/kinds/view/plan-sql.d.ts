import type { PlanContext } from '../../plan/context.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import type { View } from './model.js';
/** `view public.v`, `materialized view public.mv`. */
export declare function title(v: View): string;
/**
 * CREATE (OR REPLACE for a view, IF NOT EXISTS for a materialized view: both
 * re-runnable), then a materialized view's indexes, then the comment.
 */
export declare function createStatements(v: View): PlanStatement[];
/**
 * DROP [MATERIALIZED] VIEW, only when a relation of that name and kind
 * exists: `DROP VIEW IF EXISTS` fails on a materialized view of the name
 * (and the reverse), which a re-run meets when the kind changes.
 */
export declare function dropStatement(v: View): PlanStatement;
/** The live tables a view reads, with their size estimates: `public.orders (about 5,000 rows)`. */
export declare function tablesRead(v: View, ctx: PlanContext): string[];
/** What filling a materialized view costs: its query runs once, reading the tables it reads. */
export declare function fillHazard(v: View, ctx: PlanContext, verb: string): Hazard;
/** What dropping and recreating a view costs. */
export declare function recreateHazard(v: View, dependents: readonly View[]): Hazard;
