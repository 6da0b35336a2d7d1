import type { FindingWordsOf } from '../kind.js';
import type { EnumFinding } from './findings.js';
/** The words of each enum finding kind. */
export declare const ENUM_WORDS: FindingWordsOf<EnumFinding>;
