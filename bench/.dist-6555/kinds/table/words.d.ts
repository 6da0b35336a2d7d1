import type { FindingWordsOf } from '../kind.js';
import type { TableFinding } from './findings.js';
/** The words of each table finding kind. */
export declare const TABLE_WORDS: FindingWordsOf<TableFinding>;
