/**
 * What the diff reports about views and materialized views, with the
 * default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { View, ViewColumn, ViewIndex, ViewKind } from './model.js';
/** A view's query, and which kind of view it is (for the words). */
export interface ViewDefinition {
    readonly kind: ViewKind;
    /** As the server deparses it (`pg_get_viewdef`). */
    readonly definition: string;
}
/** What `view_mismatch` compares besides the query. */
export interface ViewShape {
    readonly kind: ViewKind;
    /** Compared only when both queries are the same text (else they follow from the query). */
    readonly columns: readonly ViewColumn[];
    readonly options: readonly string[];
    readonly populated: boolean;
    readonly indexes: readonly ViewIndex[];
}
/** The aspects of {@link ViewShape} in the order messages name them. */
export declare const VIEW_ASPECTS: readonly ["kind", "columns", "options", "populated", "indexes"];
export type ViewAspect = (typeof VIEW_ASPECTS)[number];
/** The aspects in which two shapes differ. */
export declare function viewAspects(e: ViewShape, a: ViewShape): ViewAspect[];
export type ViewFinding = Finding<'missing_view', Described<View>, null> | Finding<'unexpected_view', null, View> | Finding<'view_definition_mismatch', ViewDefinition, ViewDefinition> | Finding<'view_mismatch', ViewShape, ViewShape>;
export declare const VIEW_FINDINGS: FindingDefinitions<ViewFinding>;
