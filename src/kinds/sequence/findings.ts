/**
 * What the diff reports about sequences (free-standing and serial ones; an
 * identity column's sequence is compared through its column), with the
 * default severity of each finding kind and why.
 */
import type { Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Sequence } from './model.js';

/** What a sequence is compared by: its options and its owner. Never its current value, which is data. */
export type SequenceSettings = Pick<Sequence, 'dataType' | 'start' | 'increment' | 'min' | 'max' | 'cache' | 'cycle' | 'ownedBy'>;

/** The compared fields, each with the aspect name findings give it, in CREATE SEQUENCE's order. */
export const SEQUENCE_ASPECTS = [
  ['dataType', 'type'],
  ['increment', 'increment'],
  ['min', 'min'],
  ['max', 'max'],
  ['start', 'start'],
  ['cache', 'cache'],
  ['cycle', 'cycle'],
  ['ownedBy', 'ownedBy'],
] as const satisfies readonly (readonly [keyof SequenceSettings, string])[];

export type SequenceAspect = (typeof SEQUENCE_ASPECTS)[number][1];

/** `schema.table.column`, or null. */
export function ownerText(o: SequenceSettings['ownedBy']): string | null {
  return o === null ? null : `${o.schema}\u0000${o.table}\u0000${o.column}`;
}

/** The aspects in which two sequences differ. */
export function sequenceAspects(e: SequenceSettings, a: SequenceSettings): SequenceAspect[] {
  return SEQUENCE_ASPECTS.filter(([field]) => (field === 'ownedBy' ? ownerText(e.ownedBy) !== ownerText(a.ownedBy) : e[field] !== a[field])).map(
    ([, aspect]) => aspect,
  );
}

export type SequenceFinding =
  | Finding<'missing_sequence', Sequence, null>
  | Finding<'unexpected_sequence', null, Sequence>
  /** The settings of each side (both whole, so a report read back gives the aspects). */
  | Finding<'sequence_mismatch', SequenceSettings, SequenceSettings>;

export const SEQUENCE_FINDINGS: FindingDefinitions<SequenceFinding> = {
  // The defaults and the application's nextval() calls that use it fail.
  missing_sequence: { severity: 'error', effect: 'missing', noun: { one: 'missing sequence', many: 'missing sequences' }, aspects: wholeObject },
  // Something extra the application does not use.
  unexpected_sequence: {
    severity: 'info',
    effect: 'unexpected',
    noun: { one: 'unexpected sequence', many: 'unexpected sequences' },
    aspects: wholeObject,
  },
  // Numbers drawn differ (step, range, wrap-around), or the sequence is not dropped with its column.
  sequence_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'sequence difference', many: 'sequence differences' },
    aspects: (e, a) => sequenceAspects(e, a),
  },
};
