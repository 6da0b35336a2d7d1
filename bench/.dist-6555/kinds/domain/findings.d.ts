/**
 * What the diff reports about domains, with the default severity of each
 * finding kind and why. Checks are compared by name, each as
 * `pg_get_constraintdef` prints it (NOT VALID left out: a check not yet
 * validated still holds for every new value).
 */
import type { Finding } from '../../findings/finding.js';
import { type FindingDefinitions } from '../kind.js';
import type { Domain } from './model.js';
/** What a domain is compared by besides its checks (and its comment, which the comment kind compares). */
export type DomainSettings = Pick<Domain, 'baseType' | 'default' | 'notNull' | 'collation'>;
/** The compared fields, each with the aspect name findings give it. */
export declare const DOMAIN_ASPECTS: readonly [readonly ["baseType", "type"], readonly ["default", "default"], readonly ["notNull", "notNull"], readonly ["collation", "collation"]];
/** The aspects in which two domains differ. */
export declare function domainAspects(e: DomainSettings, a: DomainSettings): string[];
/** A domain check: its name and definition (`CHECK ((VALUE > 0))`). */
export interface DomainCheck {
    readonly name: string;
    readonly definition: string;
}
export type DomainFinding = Finding<'missing_domain', Domain, null> | Finding<'unexpected_domain', null, Domain> | Finding<'domain_mismatch', DomainSettings, DomainSettings> | Finding<'domain_check_missing', DomainCheck, null> | Finding<'domain_check_unexpected', null, DomainCheck> | Finding<'domain_check_mismatch', DomainCheck, DomainCheck>;
export declare const DOMAIN_FINDINGS: FindingDefinitions<DomainFinding>;
