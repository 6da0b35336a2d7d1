import type { FindingWordsOf } from '../kind.js';
import type { TriggerFinding } from './findings.js';
/** The words of each trigger finding kind. */
export declare const TRIGGER_WORDS: FindingWordsOf<TriggerFinding>;
