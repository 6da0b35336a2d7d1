/**
 * The drift finding kinds, derived from the registry (each kind's folder
 * defines its own, with severity, effect and words): the list, the default
 * severities, and lookups by finding kind. The identifiers are a stable
 * contract for JSON consumers and ignore rules: a finding kind is never
 * renamed, only added.
 */
import type { FindingDefinition } from '../kinds/kind.js';
import type { ObjectKind } from '../kinds/kind.js';
import { type DriftFinding, type FindingKind } from '../kinds/registry.js';
import type { Severity } from './finding.js';
export type { DriftFinding, FindingKind };
/** Every kind of drift, in report order (see FIRST_RELEASE_ORDER). */
export declare const FINDING_KINDS: readonly FindingKind[];
/** True when `value` is a known finding kind (for validating configuration). */
export declare function isFindingKind(value: string): value is FindingKind;
/** The definition of a finding kind: severity, effect, noun, aspects. */
export declare function findingDefinition<K extends FindingKind>(kind: K): FindingDefinition<Extract<DriftFinding, {
    kind: K;
}>>;
/** The kind of object a finding kind belongs to (`missing_column` → the column kind). */
export declare function objectKindOf(kind: FindingKind): ObjectKind;
/** Default severities, one per finding kind, from the kinds' definitions. */
export declare const DEFAULT_SEVERITY: Readonly<Record<FindingKind, Severity>>;
/** The severity of `kind`: the override when given, else the default. */
export declare function severityOf(kind: FindingKind, overrides?: Partial<Record<FindingKind, Severity>>): Severity;
/** The aspects a finding names as differing (empty for missing and unexpected objects). */
export declare function findingAspects(finding: DriftFinding): readonly string[];
/** Position of a finding kind in report order. */
export declare const FINDING_KIND_RANK: ReadonlyMap<string, number>;
