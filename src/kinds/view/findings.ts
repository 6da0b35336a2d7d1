/**
 * What the diff reports about views and materialized views, with the
 * default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
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
export const VIEW_ASPECTS = ['kind', 'columns', 'options', 'populated', 'indexes'] as const;
export type ViewAspect = (typeof VIEW_ASPECTS)[number];

/** The aspects in which two shapes differ. */
export function viewAspects(e: ViewShape, a: ViewShape): ViewAspect[] {
  return VIEW_ASPECTS.filter((k) => JSON.stringify(e[k]) !== JSON.stringify(a[k]));
}

export type ViewFinding =
  | Finding<'missing_view', Described<View>, null>
  | Finding<'unexpected_view', null, View>
  | Finding<'view_definition_mismatch', ViewDefinition, ViewDefinition>
  | Finding<'view_mismatch', ViewShape, ViewShape>;

export const VIEW_FINDINGS: FindingDefinitions<ViewFinding> = {
  // Queries of the application that read it fail.
  missing_view: { severity: 'error', effect: 'missing', noun: { one: 'missing view', many: 'missing views' }, aspects: wholeObject },
  // Something extra the application does not use.
  unexpected_view: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected view', many: 'unexpected views' }, aspects: wholeObject },
  // Readers get other rows or columns than the application expects.
  view_definition_mismatch: {
    severity: 'error',
    effect: 'mismatch',
    noun: { one: 'view definition difference', many: 'view definition differences' },
    aspects: () => ['definition'],
  },
  // Options change who sees what (security_barrier, security_invoker, check
  // option); an unpopulated materialized view fails every read; a missing
  // index slows its readers.
  view_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'view difference', many: 'view differences' },
    aspects: (e, a) => viewAspects(e, a),
  },
};
