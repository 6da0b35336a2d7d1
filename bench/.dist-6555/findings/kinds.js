import { KINDS } from '../kinds/registry.js';
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
];
const BY_FINDING_KIND = new Map(KINDS.flatMap((kind) => Object.entries(kind.findings).map(([name, definition]) => [name, { kind, definition }])));
/** Every kind of drift, in report order (see FIRST_RELEASE_ORDER). */
export const FINDING_KINDS = [
    ...FIRST_RELEASE_ORDER,
    ...[...BY_FINDING_KIND.keys()].filter((k) => !FIRST_RELEASE_ORDER.includes(k)),
];
/** True when `value` is a known finding kind (for validating configuration). */
export function isFindingKind(value) {
    return BY_FINDING_KIND.has(value);
}
/** The definition of a finding kind: severity, effect, noun, aspects. */
export function findingDefinition(kind) {
    const entry = BY_FINDING_KIND.get(kind);
    if (entry === undefined)
        throw new RangeError(`unknown finding kind ${JSON.stringify(kind)}`);
    return entry.definition;
}
/** The kind of object a finding kind belongs to (`missing_column` → the column kind). */
export function objectKindOf(kind) {
    const entry = BY_FINDING_KIND.get(kind);
    if (entry === undefined)
        throw new RangeError(`unknown finding kind ${JSON.stringify(kind)}`);
    return entry.kind;
}
/** Default severities, one per finding kind, from the kinds' definitions. */
export const DEFAULT_SEVERITY = Object.fromEntries(FINDING_KINDS.map((k) => [k, findingDefinition(k).severity]));
/** The severity of `kind`: the override when given, else the default. */
export function severityOf(kind, overrides) {
    return overrides?.[kind] ?? DEFAULT_SEVERITY[kind];
}
/** The aspects a finding names as differing (empty for missing and unexpected objects). */
export function findingAspects(finding) {
    const definition = findingDefinition(finding.kind);
    return definition.aspects(finding.expected, finding.actual);
}
/** Position of a finding kind in report order. */
export const FINDING_KIND_RANK = new Map(FINDING_KINDS.map((k, i) => [k, i]));
//# sourceMappingURL=kinds.js.map