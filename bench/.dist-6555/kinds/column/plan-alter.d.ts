import type { PlanContext } from '../../plan/context.js';
import type { ColumnFinding } from './findings.js';
type Of<K extends ColumnFinding['kind']> = Extract<ColumnFinding, {
    kind: K;
}>;
/**
 * Type changes PostgreSQL makes without rewriting the table or touching a
 * value: a longer (or unlimited) varchar, varchar to text, a numeric with
 * more precision and the same scale (or unconstrained).
 */
export declare function isSafeWidening(from: string, to: string): boolean;
declare function planTypeChange(f: Of<'column_type_mismatch'>, ctx: PlanContext): void;
/**
 * DROP NOT NULL; or SET NOT NULL through a validated CHECK, after the NULLs
 * are filled: with the spec's `backfill:` value, else with the column's
 * expected default (a plain default: not identity or generated), in batches.
 */
declare function planNullability(f: Of<'column_nullability_mismatch'>, ctx: PlanContext): void;
declare function planDefault(f: Of<'column_default_mismatch'>, ctx: PlanContext): void;
/** Identity kind changed, identity added to a plain column or dropped from one; anything else (a serial column): manual. */
declare function planIdentity(f: Of<'column_identity_mismatch'>, ctx: PlanContext): void;
/** A generated column computed differently (or generated on one side only): manual, with SQL to start from. */
declare function planGenerated(f: Of<'column_generated_mismatch'>, ctx: PlanContext): void;
/** The planners of the findings about a column present on both sides. */
export declare const COLUMN_ALTER_PLANNERS: {
    readonly column_type_mismatch: typeof planTypeChange;
    readonly column_nullability_mismatch: typeof planNullability;
    readonly column_default_mismatch: typeof planDefault;
    readonly column_identity_mismatch: typeof planIdentity;
    readonly column_generated_mismatch: typeof planGenerated;
};
export {};
