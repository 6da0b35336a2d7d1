/**
 * What the diff reports about sequences (free-standing and serial ones; an
 * identity column's sequence is compared through its column), with the
 * default severity of each finding kind and why.
 */
import type { Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Sequence } from './model.js';
/** What a sequence is compared by: its options and its owner. Never its current value, which is data. */
export type SequenceSettings = Pick<Sequence, 'dataType' | 'start' | 'increment' | 'min' | 'max' | 'cache' | 'cycle' | 'ownedBy'>;
/** The compared fields, each with the aspect name findings give it, in CREATE SEQUENCE's order. */
export declare const SEQUENCE_ASPECTS: readonly [readonly ["dataType", "type"], readonly ["increment", "increment"], readonly ["min", "min"], readonly ["max", "max"], readonly ["start", "start"], readonly ["cache", "cache"], readonly ["cycle", "cycle"], readonly ["ownedBy", "ownedBy"]];
export type SequenceAspect = (typeof SEQUENCE_ASPECTS)[number][1];
/** `schema.table.column`, or null. */
export declare function ownerText(o: SequenceSettings['ownedBy']): string | null;
/** The aspects in which two sequences differ. */
export declare function sequenceAspects(e: SequenceSettings, a: SequenceSettings): SequenceAspect[];
export type SequenceFinding = Finding<'missing_sequence', Sequence, null> | Finding<'unexpected_sequence', null, Sequence>
/** The settings of each side (both whole, so a report read back gives the aspects). */
 | Finding<'sequence_mismatch', SequenceSettings, SequenceSettings>;
export declare const SEQUENCE_FINDINGS: FindingDefinitions<SequenceFinding>;
