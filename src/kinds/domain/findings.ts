/**
 * What the diff reports about domains, with the default severity of each
 * finding kind and why. Checks are compared by name, each as
 * `pg_get_constraintdef` prints it (NOT VALID left out: a check not yet
 * validated still holds for every new value).
 */
import type { Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Domain } from './model.js';

/** What a domain is compared by besides its checks (and its comment, which the comment kind compares). */
export type DomainSettings = Pick<Domain, 'baseType' | 'default' | 'notNull' | 'collation'>;

/** The compared fields, each with the aspect name findings give it. */
export const DOMAIN_ASPECTS = [
  ['baseType', 'type'],
  ['default', 'default'],
  ['notNull', 'notNull'],
  ['collation', 'collation'],
] as const satisfies readonly (readonly [keyof DomainSettings, string])[];

/** The aspects in which two domains differ. */
export function domainAspects(e: DomainSettings, a: DomainSettings): string[] {
  return DOMAIN_ASPECTS.filter(([field]) => e[field] !== a[field]).map(([, aspect]) => aspect);
}

/** A domain check: its name and definition (`CHECK ((VALUE > 0))`). */
export interface DomainCheck {
  readonly name: string;
  readonly definition: string;
}

export type DomainFinding =
  | Finding<'missing_domain', Domain, null>
  | Finding<'unexpected_domain', null, Domain>
  | Finding<'domain_mismatch', DomainSettings, DomainSettings>
  | Finding<'domain_check_missing', DomainCheck, null>
  | Finding<'domain_check_unexpected', null, DomainCheck>
  | Finding<'domain_check_mismatch', DomainCheck, DomainCheck>;

export const DOMAIN_FINDINGS: FindingDefinitions<DomainFinding> = {
  // Columns of the type cannot be created; casts to it fail.
  missing_domain: { severity: 'error', effect: 'missing', noun: { one: 'missing domain', many: 'missing domains' }, aspects: wholeObject },
  // Something extra the application does not use.
  unexpected_domain: { severity: 'info', effect: 'unexpected', noun: { one: 'unexpected domain', many: 'unexpected domains' }, aspects: wholeObject },
  // Values accepted, defaulted or sorted differently in every column of the type.
  domain_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'domain difference', many: 'domain differences' },
    aspects: (e, a) => domainAspects(e, a),
  },
  // Values the expected schema rejects get in.
  domain_check_missing: {
    severity: 'warning',
    effect: 'missing',
    noun: { one: 'missing domain check', many: 'missing domain checks' },
    aspects: wholeObject,
  },
  // Writes the application expects to succeed may fail.
  domain_check_unexpected: {
    severity: 'warning',
    effect: 'unexpected',
    noun: { one: 'unexpected domain check', many: 'unexpected domain checks' },
    aspects: wholeObject,
  },
  domain_check_mismatch: {
    severity: 'warning',
    effect: 'mismatch',
    noun: { one: 'domain check difference', many: 'domain check differences' },
    aspects: () => ['definition'],
  },
};
