import type { Comparison, DraftFinding } from '../../findings/finding.js';
import { type DomainFinding, type DomainSettings } from './findings.js';
import type { Domain } from './model.js';
/** A check's definition without ` NOT VALID`: a check not yet validated still holds for every new value. */
export declare function checkDefinition(definition: string): string;
export declare function domainSettings(d: Domain): DomainSettings;
/** `default 0 (expected no default), NOT NULL (expected no NOT NULL)`. */
export declare function domainDifferences(e: DomainSettings, a: DomainSettings): string;
/** The checks of a domain on both sides, by name. */
export declare function compareDomainChecks(e: Domain, a: Domain): DraftFinding<DomainFinding>[];
/** Match domains by (schema, name) and compare those on both sides. */
export declare function compareDomains(expected: readonly Domain[], actual: readonly Domain[]): Comparison<DomainFinding>;
