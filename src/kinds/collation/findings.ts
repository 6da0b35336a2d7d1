/**
 * What the diff reports about collations, with the default severity of each
 * finding kind and why. The version is never compared (see model.ts).
 */
import type { Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Collation } from './model.js';

/** A collation's definition without its name and comment (the comment kind compares comments). */
export type CollationShape = Pick<Collation, 'provider' | 'locale' | 'lcCollate' | 'lcCtype' | 'rules' | 'deterministic'>;

export const COLLATION_ASPECTS = ['provider', 'locale', 'lcCollate', 'lcCtype', 'rules', 'deterministic'] as const;

/** The aspects in which two collations differ. */
export function collationAspects(e: CollationShape, a: CollationShape): string[] {
  return COLLATION_ASPECTS.filter((k) => e[k] !== a[k]);
}

export type CollationFinding =
  | Finding<'missing_collation', Collation, null>
  | Finding<'unexpected_collation', null, Collation>
  | Finding<'collation_mismatch', CollationShape, CollationShape>;

export const COLLATION_FINDINGS: FindingDefinitions<CollationFinding> = {
  // Columns, domains, types and indexes that name it fail to be created.
  missing_collation: { severity: 'error', effect: 'missing', noun: { one: 'missing collation', many: 'missing collations' }, aspects: wholeObject },
  // Something extra the application does not use.
  unexpected_collation: {
    severity: 'info',
    effect: 'unexpected',
    noun: { one: 'unexpected collation', many: 'unexpected collations' },
    aspects: wholeObject,
  },
  // Text sorts and compares differently than the application expects (ORDER BY, unique keys of a nondeterministic collation).
  collation_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'collation difference', many: 'collation differences' },
    aspects: collationAspects,
  },
};
