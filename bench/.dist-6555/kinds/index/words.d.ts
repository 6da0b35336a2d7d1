import type { FindingWordsOf } from '../kind.js';
import type { IndexFinding } from './findings.js';
import type { IndexKeyPart } from './model.js';
/**
 * One key of an index as SQL writes it in `CREATE INDEX`: `"client_id"`,
 * `lower(email)`, `created_at DESC`, `name COLLATE "C" text_pattern_ops`
 * (the default order and nulls placement left out).
 */
export declare function indexKeyText(k: IndexKeyPart): string;
/** The columns among an index's keys (expression keys left out). */
export declare function keyColumns(keys: readonly IndexKeyPart[]): string[];
/** The words of each index finding kind. */
export declare const INDEX_WORDS: FindingWordsOf<IndexFinding>;
