/** Row-level security in the words of the reports: the Other Drift cell of each finding kind. */
import { code, differsIn } from '../../render/markdown/syntax.js';
import type { FindingWordsOf, Noun } from '../kind.js';
import { policyText } from './compare.js';
import type { PolicyFinding } from './findings.js';

const POLICY: Noun = { one: 'policy', many: 'policies' };
const TABLE: Noun = { one: 'table', many: 'tables' };

/** The words of each row-level security finding kind. */
export const POLICY_WORDS: FindingWordsOf<PolicyFinding> = {
  rls_enabled_mismatch: {
    subject: TABLE,
    otherDriftCell: (f) =>
      f.actual
        ? 'Row-level security is enabled; expected disabled (roles without a policy see no row)'
        : 'Row-level security is disabled; expected enabled (the policies do not apply: every role with privileges reaches every row)',
  },
  rls_forced_mismatch: {
    subject: TABLE,
    otherDriftCell: (f) =>
      f.actual
        ? 'Row-level security is forced (the owner is subject to the policies); expected not forced'
        : 'Row-level security is not forced (the owner bypasses the policies); expected forced',
  },
  missing_policy: { subject: POLICY, otherDriftCell: (f) => `Policy is missing; expected ${code(policyText(f.expected))}` },
  unexpected_policy: { subject: POLICY, otherDriftCell: (f) => `Policy not in the expected schema: ${code(policyText(f.actual))}` },
  policy_mismatch: {
    subject: POLICY,
    otherDriftCell: (f, aspects) => `Policy differs${differsIn(aspects)}: is ${code(policyText(f.actual))}; expected ${code(policyText(f.expected))}`,
  },
};
