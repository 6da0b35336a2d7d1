import type { FindingWordsOf } from '../kind.js';
import type { DomainFinding } from './findings.js';
/** The words of each domain finding kind. */
export declare const DOMAIN_WORDS: FindingWordsOf<DomainFinding>;
