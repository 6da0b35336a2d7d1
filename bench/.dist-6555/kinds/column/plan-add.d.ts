import type { PlanContext } from '../../plan/context.js';
import type { ColumnFinding } from './findings.js';
type Of<K extends ColumnFinding['kind']> = Extract<ColumnFinding, {
    kind: K;
}>;
/** A missing column of an existing table. */
export declare function planMissingColumn(f: Of<'missing_column'>, ctx: PlanContext): void;
/**
 * Unexpected columns dropped, generated ones first (PostgreSQL will not
 * drop a column one is computed from); down adds each back, empty, with the
 * sequence of a serial column (dropped with it: OWNED BY).
 */
export declare function planColumnDrops(findings: readonly ColumnFinding[], ctx: PlanContext): void;
export {};
