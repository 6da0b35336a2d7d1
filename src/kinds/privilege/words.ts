/** Privileges and owners in the words of the reports: the Other Drift cell, role names as code. */
import { code } from '../../render/markdown/syntax.js';
import type { FindingWordsOf } from '../kind.js';
import { grantWords } from './compare.js';
import type { PrivilegeFinding } from './findings.js';
import type { Grant } from './model.js';

function grantsWords(grants: readonly Grant[]): string {
  return grants.length === 0 ? '(none)' : grants.map((g) => code(grantWords(g))).join(', ');
}

export const PRIVILEGE_WORDS: FindingWordsOf<PrivilegeFinding> = {
  privilege_missing: {
    subject: { one: 'missing privilege', many: 'missing privileges' },
    otherDriftCell: (f) => `Lacks ${grantsWords(f.expected)}`,
  },
  privilege_unexpected: {
    subject: { one: 'unexpected privilege', many: 'unexpected privileges' },
    otherDriftCell: (f) => `Also grants ${grantsWords(f.actual)}`,
  },
  owner_mismatch: {
    subject: { one: 'owner', many: 'owners' },
    otherDriftCell: (f) => `Owner is ${code(f.actual)}; expected ${code(f.expected)}`,
  },
};
