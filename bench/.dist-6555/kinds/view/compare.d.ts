import type { Comparison, DraftFinding } from '../../findings/finding.js';
import { type ViewFinding } from './findings.js';
import type { View, ViewKind } from './model.js';
/** `view`, `materialized view`. */
export declare function viewNoun(kind: ViewKind): string;
/** `materialized view public.mv`. */
export declare function viewTitle(v: {
    readonly schema: string;
    readonly name: string;
    readonly kind: ViewKind;
}): string;
/** The findings about a view on both sides: its query, then the rest. */
export declare function compareView(e: View, a: View): DraftFinding<ViewFinding>[];
/** Match views by (schema, name) and compare those on both sides. */
export declare function compareViews(expected: readonly View[], actual: readonly View[]): Comparison<ViewFinding>;
