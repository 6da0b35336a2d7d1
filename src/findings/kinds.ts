/**
 * The drift finding kinds, derived from the registry (each kind's folder
 * defines its own, with severity, effect and words): the list, the default
 * severities, and lookups by finding kind. The identifiers are a stable
 * contract for JSON consumers and ignore rules: a finding kind is never
 * renamed, only added.
 */
import type { FindingDefinition } from '../kinds/kind.js';
import type { ObjectKind } from '../kinds/kind.js';
import { KINDS, type DriftFinding, type FindingKind } from '../kinds/registry.js';
import type { Severity } from './finding.js';

export type { DriftFinding, FindingKind };

/**
 * The finding kinds of the first release, in the order reports, JSON
 * Schemas and error messages have listed them since. Report order is
 * append-only: these keep their places, and every kind added later follows
 * them in registry order, so no consumer sees known kinds reordered.
 */
const FIRST_RELEASE_ORDER = [
  'missing_table',
  'unexpected_table',
  'missing_column',
  'unexpected_column',
  'column_type_mismatch',
  'column_nullability_mismatch',
  'column_default_mismatch',
  'column_identity_mismatch',
  'column_generated_mismatch',
  'missing_index',
  'unexpected_index',
  'index_mismatch',
  'missing_enum',
  'unexpected_enum',
  'enum_value_missing',
  'enum_value_unexpected',
  'enum_value_order_mismatch',
  'missing_constraint',
  'unexpected_constraint',
  'constraint_mismatch',
  'table_mismatch',
] as const satisfies readonly FindingKind[];

interface Entry {
  readonly kind: ObjectKind;
  readonly definition: FindingDefinition;
}

const BY_FINDING_KIND: ReadonlyMap<string, Entry> = new Map(
  KINDS.flatMap((kind: ObjectKind) =>
    Object.entries(kind.findings as Readonly<Record<string, FindingDefinition>>).map(([name, definition]) => [name, { kind, definition }] as const),
  ),
);

/** Every kind of drift, in report order (see FIRST_RELEASE_ORDER). */
export const FINDING_KINDS: readonly FindingKind[] = [
  ...FIRST_RELEASE_ORDER,
  ...([...BY_FINDING_KIND.keys()] as FindingKind[]).filter((k) => !(FIRST_RELEASE_ORDER as readonly string[]).includes(k)),
];

/** True when `value` is a known finding kind (for validating configuration). */
export function isFindingKind(value: string): value is FindingKind {
  return BY_FINDING_KIND.has(value);
}

/** The definition of a finding kind: severity, effect, noun, aspects. */
export function findingDefinition<K extends FindingKind>(kind: K): FindingDefinition<Extract<DriftFinding, { kind: K }>> {
  const entry = BY_FINDING_KIND.get(kind);
  if (entry === undefined) throw new RangeError(`unknown finding kind ${JSON.stringify(kind)}`);
  return entry.definition as FindingDefinition<Extract<DriftFinding, { kind: K }>>;
}

/** The kind of object a finding kind belongs to (`missing_column` → the column kind). */
export function objectKindOf(kind: FindingKind): ObjectKind {
  const entry = BY_FINDING_KIND.get(kind);
  if (entry === undefined) throw new RangeError(`unknown finding kind ${JSON.stringify(kind)}`);
  return entry.kind;
}

/** Default severities, one per finding kind, from the kinds' definitions. */
export const DEFAULT_SEVERITY: Readonly<Record<FindingKind, Severity>> = Object.fromEntries(
  FINDING_KINDS.map((k) => [k, findingDefinition(k).severity]),
) as Record<FindingKind, Severity>;

/** The severity of `kind`: the override when given, else the default. */
export function severityOf(kind: FindingKind, overrides?: Partial<Record<FindingKind, Severity>>): Severity {
  return overrides?.[kind] ?? DEFAULT_SEVERITY[kind];
}

/** The aspects a finding names as differing (empty for missing and unexpected objects). */
export function findingAspects(finding: DriftFinding): readonly string[] {
  const definition = findingDefinition(finding.kind) as FindingDefinition;
  return definition.aspects(finding.expected, finding.actual);
}

/** Position of a finding kind in report order. */
export const FINDING_KIND_RANK: ReadonlyMap<string, number> = new Map(FINDING_KINDS.map((k, i) => [k, i]));
