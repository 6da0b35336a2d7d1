/**
 * Sequences, free-standing and owned (serial, OWNED BY): compared by their
 * options and owner, never their current value. An identity column's
 * sequence is the column's (left out here).
 */
import type { ObjectKind } from '../kind.js';
import { type SequenceFinding } from './findings.js';
export declare const sequenceKind: ObjectKind<SequenceFinding>;
