import type { Comparison } from '../../findings/finding.js';
import { type SequenceFinding, type SequenceSettings } from './findings.js';
import type { Sequence } from './model.js';
/** What a sequence is compared by. */
export declare function sequenceSettings(s: Sequence): SequenceSettings;
/** `increment 3 (expected 1), no owner (expected owned by app.t.id)`. */
export declare function sequenceDifferences(e: SequenceSettings, a: SequenceSettings): string;
/**
 * Match sequences by (schema, name) and compare those on both sides. An
 * identity column's sequence is its column's: never missing, unexpected or
 * compared here, nor is a sequence whose name the other side gives to an
 * identity column's (a serial column turned into an identity column, or
 * back, is its column's finding).
 */
export declare function compareSequences(expected: readonly Sequence[], actual: readonly Sequence[]): Comparison<SequenceFinding>;
