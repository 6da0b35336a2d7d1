import type { FindingWordsOf } from '../kind.js';
import type { CommentFinding } from './findings.js';
export declare const COMMENT_WORDS: FindingWordsOf<CommentFinding>;
