import type { FindingWordsOf } from '../kind.js';
import type { EventTriggerFinding } from './findings.js';
export declare const EVENT_TRIGGER_WORDS: FindingWordsOf<EventTriggerFinding>;
