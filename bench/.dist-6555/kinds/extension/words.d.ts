import type { FindingWordsOf } from '../kind.js';
import type { ExtensionFinding } from './findings.js';
/** The words of each extension finding kind. */
export declare const EXTENSION_WORDS: FindingWordsOf<ExtensionFinding>;
