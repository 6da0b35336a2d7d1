/** Collations in the words of the reports: the Other Drift cell of each finding kind. */
import { code } from '../../render/markdown/syntax.js';
import type { FindingWordsOf, Noun } from '../kind.js';
import { collationText } from './compare.js';
import type { CollationFinding } from './findings.js';

const COLLATION: Noun = { one: 'collation', many: 'collations' };

/** The words of each collation finding kind. */
export const COLLATION_WORDS: FindingWordsOf<CollationFinding> = {
  missing_collation: { subject: COLLATION, otherDriftCell: (f) => `Collation is missing; expected ${code(collationText(f.expected))}` },
  unexpected_collation: { subject: COLLATION, otherDriftCell: (f) => `Collation not in the expected schema; ${code(collationText(f.actual))}` },
  collation_mismatch: {
    subject: COLLATION,
    otherDriftCell: (f) => `Collation is ${code(collationText(f.actual))}; expected ${code(collationText(f.expected))}`,
  },
};
