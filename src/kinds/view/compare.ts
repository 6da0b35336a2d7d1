/** Compare views and materialized views: presence, then the query, then options, columns, population and indexes. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, DraftFinding, FindingObject } from '../../findings/finding.js';
import { describedBy, oneLine, qualified } from '../../findings/words.js';
import { objectKey } from '../../model/identifiers.js';
import { compareTriggers } from '../trigger/compare.js';
import type { TriggerFinding } from '../trigger/findings.js';
import { viewAspects, type ViewFinding, type ViewShape } from './findings.js';
import type { View, ViewKind } from './model.js';

function viewObject(v: View): FindingObject {
  return { schema: v.schema, view: v.name };
}

/** `view`, `materialized view`. */
export function viewNoun(kind: ViewKind): string {
  return kind === 'materialized_view' ? 'materialized view' : 'view';
}

/** `materialized view public.mv`. */
export function viewTitle(v: { readonly schema: string; readonly name: string; readonly kind: ViewKind }): string {
  return `${viewNoun(v.kind)} ${qualified(v.schema, v.name)}`;
}

function shape(v: View, columns: boolean): ViewShape {
  return { kind: v.kind, columns: columns ? v.columns : [], options: v.options, populated: v.populated, indexes: v.indexes };
}

/** The findings about a view on both sides: its query, then the rest. */
export function compareView(e: View, a: View): DraftFinding<ViewFinding>[] {
  const out: DraftFinding<ViewFinding>[] = [];
  const title = viewTitle(e);
  const sameQuery = e.definition === a.definition;
  if (!sameQuery) {
    out.push({
      kind: 'view_definition_mismatch',
      object: viewObject(e),
      expected: { kind: e.kind, definition: e.definition },
      actual: { kind: a.kind, definition: a.definition },
      message: `${title} has another query: ${oneLine(a.definition)}; expected ${oneLine(e.definition)}`,
    });
  }
  // Columns follow from the query: compared on their own only when the query text is the same.
  const expected = shape(e, sameQuery);
  const actual = shape(a, sameQuery);
  const aspects = viewAspects(expected, actual);
  if (aspects.length > 0) {
    const what = aspects.map((k) => (k === 'kind' ? `is a ${viewNoun(a.kind)}` : k)).join(', ');
    out.push({ kind: 'view_mismatch', object: viewObject(e), expected, actual, message: `${title} differs: ${what}` });
  }
  return out;
}

/** Match views by (schema, name) and compare those on both sides, with their triggers. */
export function compareViews(expected: readonly View[], actual: readonly View[]): Comparison<ViewFinding | TriggerFinding> {
  const out: Comparison<ViewFinding | TriggerFinding> = { findings: [], present: [] };
  const diff = diffKeyed(expected, actual, (v) => objectKey(v.schema, v.name));
  for (const e of diff.missing) {
    out.findings.push({
      kind: 'missing_view',
      object: viewObject(e),
      expected: { ...e, description: e.comment },
      actual: null,
      message: `${viewTitle(e)} is missing`,
    });
  }
  for (const a of diff.unexpected) {
    out.findings.push({ kind: 'unexpected_view', object: viewObject(a), expected: null, actual: a, message: `${viewTitle(a)} is not in the expected schema` });
  }
  for (const pair of diff.common) {
    const findings = compareView(pair.expected, pair.actual);
    const triggers = compareTriggers(pair.expected, pair.actual, 'view');
    out.findings.push(...findings, ...triggers.findings);
    out.present.push(...triggers.present);
    out.present.push({ kind: 'view', object: viewObject(pair.expected), ...describedBy(pair.expected.comment), identical: findings.length === 0 && triggers.findings.length === 0 });
  }
  return out;
}
