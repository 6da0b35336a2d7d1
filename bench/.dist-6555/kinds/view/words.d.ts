import type { FindingWordsOf } from '../kind.js';
import type { ViewFinding } from './findings.js';
/** The words of each view finding kind. */
export declare const VIEW_WORDS: FindingWordsOf<ViewFinding>;
