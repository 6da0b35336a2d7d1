import type { FindingWordsOf } from '../kind.js';
import type { SequenceFinding } from './findings.js';
/** The words of each sequence finding kind. */
export declare const SEQUENCE_WORDS: FindingWordsOf<SequenceFinding>;
