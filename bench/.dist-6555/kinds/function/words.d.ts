import type { FindingWordsOf } from '../kind.js';
import type { FunctionFinding } from './findings.js';
/** The words of each function finding kind. */
export declare const FUNCTION_WORDS: FindingWordsOf<FunctionFinding>;
