/**
 * Compare sequences: presence, then options and owner. An identity column's
 * sequence is never missing or unexpected (its column is); its options are
 * compared with the expected identity sequence of the same column, whatever
 * the names. The current value is data, never drift.
 */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { qualified } from '../../findings/words.js';
import { displayName, objectKey } from '../../model/identifiers.js';
import { SEQUENCE_ASPECTS, sequenceAspects, type SequenceFinding, type SequenceSettings } from './findings.js';
import type { Sequence } from './model.js';

function sequenceObject(s: Sequence): FindingObject {
  return { schema: s.schema, sequence: s.name };
}

/** What a sequence is compared by. */
export function sequenceSettings(s: Sequence): SequenceSettings {
  return { dataType: s.dataType, start: s.start, increment: s.increment, min: s.min, max: s.max, cache: s.cache, cycle: s.cycle, ownedBy: s.ownedBy };
}

/** One setting as a message prints it. */
function settingText(s: SequenceSettings, field: keyof SequenceSettings): string {
  if (field === 'ownedBy') return s.ownedBy === null ? 'no owner' : `owned by ${displayName(s.ownedBy.schema, s.ownedBy.table, s.ownedBy.column)}`;
  if (field === 'cycle') return s.cycle ? 'cycle' : 'no cycle';
  return `${field === 'dataType' ? 'type' : field} ${s[field]}`;
}

/** `increment 3 (expected 1), no owner (expected owned by app.t.id)`. */
export function sequenceDifferences(e: SequenceSettings, a: SequenceSettings): string {
  const differing = new Set<string>(sequenceAspects(e, a));
  return SEQUENCE_ASPECTS.filter(([, aspect]) => differing.has(aspect))
    .map(([field]) => `${settingText(a, field)} (expected ${settingText(e, field)})`)
    .join(', ');
}

/**
 * Match sequences by (schema, name) and compare those on both sides. An
 * identity column's sequence is its column's: never missing, unexpected or
 * compared here, nor is a sequence whose name the other side gives to an
 * identity column's (a serial column turned into an identity column, or
 * back, is its column's finding).
 */
export function compareSequences(expected: readonly Sequence[], actual: readonly Sequence[]): Comparison<SequenceFinding> {
  const out: Comparison<SequenceFinding> = { findings: [], present: [] };
  const diff = diffKeyed(expected, actual, (s) => objectKey(s.schema, s.name));
  for (const e of diff.missing.filter((s) => !s.identity)) {
    out.findings.push({
      kind: 'missing_sequence',
      object: sequenceObject(e),
      expected: e,
      actual: null,
      message: `sequence ${qualified(e.schema, e.name)} is missing`,
    });
  }
  for (const a of diff.unexpected.filter((s) => !s.identity)) {
    out.findings.push({
      kind: 'unexpected_sequence',
      object: sequenceObject(a),
      expected: null,
      actual: a,
      message: `sequence ${qualified(a.schema, a.name)} is not in the expected schema`,
    });
  }
  for (const { expected: e, actual: a } of diff.common) {
    if (e.identity || a.identity) continue;
    const [es, as] = [sequenceSettings(e), sequenceSettings(a)];
    const differs = sequenceAspects(es, as).length > 0;
    if (differs) {
      out.findings.push({
        kind: 'sequence_mismatch',
        object: sequenceObject(e),
        expected: es,
        actual: as,
        message: `sequence ${qualified(e.schema, e.name)} has ${sequenceDifferences(es, as)}`,
      });
    }
    out.present.push({ kind: 'sequence', object: sequenceObject(e), identical: !differs });
  }
  out.findings.push(...compareIdentityOptions(expected, actual));
  return out;
}

/**
 * The options of the sequences of identity columns on both sides, paired by
 * column (their names may differ): start, increment, cache, cycle, and
 * min/max when the column's type is the same (the type follows the column's).
 * Reported on the database's sequence, which the plan alters.
 */
function compareIdentityOptions(expected: readonly Sequence[], actual: readonly Sequence[]): Comparison<SequenceFinding>['findings'] {
  const byColumn = (s: Sequence): string => (s.ownedBy === null ? '' : objectKey(s.ownedBy.schema, s.ownedBy.table, s.ownedBy.column));
  const live = new Map(actual.filter((s) => s.identity && s.ownedBy !== null).map((s) => [byColumn(s), s]));
  const out: Comparison<SequenceFinding>['findings'][number][] = [];
  for (const e of expected) {
    const a = e.identity && e.ownedBy !== null ? live.get(byColumn(e)) : undefined;
    if (!a) continue;
    const sameType = e.dataType === a.dataType;
    const as = sequenceSettings(a);
    const es: SequenceSettings = { ...sequenceSettings(e), dataType: a.dataType, ownedBy: a.ownedBy, ...(sameType ? {} : { min: a.min, max: a.max }) };
    if (sequenceAspects(es, as).length === 0) continue;
    const o = a.ownedBy!;
    out.push({
      kind: 'sequence_mismatch',
      object: sequenceObject(a),
      expected: es,
      actual: as,
      message: `sequence ${qualified(a.schema, a.name)} (identity of ${qualified(o.schema, o.table, o.column)}) has ${sequenceDifferences(es, as)}`,
    });
  }
  return out;
}
