/** Composite and range types in the words of the reports: the Other Drift cell of each finding kind. */
import { code } from '../../render/markdown/syntax.js';
import type { FindingWordsOf, Noun } from '../kind.js';
import { typeText } from './compare.js';
import type { TypeFinding } from './findings.js';

const TYPE: Noun = { one: 'type', many: 'types' };

/** The words of each type finding kind. */
export const TYPE_WORDS: FindingWordsOf<TypeFinding> = {
  missing_type: { subject: TYPE, otherDriftCell: (f) => `Type is missing; expected ${f.expected.kind} ${code(typeText(f.expected))}` },
  unexpected_type: { subject: TYPE, otherDriftCell: (f) => `Type not in the expected schema; ${f.actual.kind} ${code(typeText(f.actual))}` },
  type_mismatch: {
    subject: TYPE,
    otherDriftCell: (f) => `Type is ${f.actual.kind} ${code(typeText(f.actual))}; expected ${f.expected.kind} ${code(typeText(f.expected))}`,
  },
};
