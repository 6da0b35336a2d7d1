/**
 * The diff engine's vocabulary: finding kinds, severities, findings, the
 * result document and the options. Everything here is plain, JSON-safe data;
 * the kind identifiers are a stable contract for JSON consumers.
 */
import type { AdviceKind } from '../advice/kinds.js';
import { displayName } from '../model/identifiers.js';

/**
 * Every kind of drift the engine reports, in their report order. These
 * identifiers are stable: JSON consumers and ignore rules rely on them, so a
 * kind is never renamed, only added.
 *
 * What `expected` / `actual` hold, per kind (`null` on the absent side):
 *
 * | kind                                  | expected / actual                                      |
 * | ------------------------------------- | ------------------------------------------------------ |
 * | `missing_table` / `unexpected_table`  | the table (model `Table` without `rowEstimate`)        |
 * | `missing_column`                      | the column (model `Column`) + `constraints`: the expected constraints on it (see below) |
 * | `unexpected_column`                   | the column (model `Column`)                            |
 * | `column_type_mismatch`                | `{ type, collation }`                                  |
 * | `column_nullability_mismatch`         | `{ nullable }`                                         |
 * | `column_default_mismatch`             | `{ default }`                                          |
 * | `column_identity_mismatch`            | `{ identity, default }`                                |
 * | `column_generated_mismatch`           | `{ generated }` (`{ expression, kind }` or null)       |
 * | `missing_index` / `unexpected_index` / `index_mismatch` | the index (model `Index`)            |
 * | `missing_enum` / `unexpected_enum`    | the enum (model `EnumType`)                            |
 * | `enum_value_missing` / `enum_value_unexpected` | the label (string)                            |
 * | `enum_value_order_mismatch`           | all labels, in order (string[])                        |
 * | `missing_constraint` / `unexpected_constraint` / `constraint_mismatch` | the constraint        |
 * | `table_mismatch`                      | `{ kind, partitionKey, partitionOf, unlogged }`        |
 *
 * A missing column's constraints (its foreign key, its check, a unique or
 * primary key over it) are part of the column, as a missing table's columns
 * are part of the table: they are listed in its finding's
 * `expected.constraints` rather than reported as `missing_constraint` each
 * (a constraint over several missing columns goes with the first of them).
 *
 * Expected objects of `missing_*` findings also carry `description` (the
 * object's comment, or null).
 */
export const FINDING_KINDS = [
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
] as const;

/** One of {@link FINDING_KINDS}. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** How much a finding matters; see `DEFAULT_SEVERITY` in rules.ts. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * `drift`: the live schema differs from the expected one (the diff engine).
 * `advice`: a DBA's review of the live schema (src/advice), never drift.
 */
export type FindingCategory = 'drift' | 'advice';

const KIND_SET: ReadonlySet<string> = new Set(FINDING_KINDS);

/** True when `value` is a known finding kind (for validating configuration). */
export function isFindingKind(value: string): value is FindingKind {
  return KIND_SET.has(value);
}

/** True when `value` is a known severity (for validating configuration). */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/**
 * The object a finding is about. Names are stored unquoted, as in the model.
 * Exactly one "member" field (`column`, `index`, `constraint`) may accompany
 * `table`; `value` (an enum label) accompanies only `enum`.
 */
export interface FindingObject {
  readonly schema: string;
  readonly table?: string;
  readonly column?: string;
  readonly index?: string;
  readonly constraint?: string;
  readonly enum?: string;
  /** An enum label, for `enum_value_*` findings. */
  readonly value?: string;
}

/**
 * One difference between the expected and the actual schema (category
 * `drift`), or one piece of DBA advice on the live schema (category
 * `advice`, kinds in src/advice). `K` may narrow the kind: advice findings
 * are `Finding<AdviceKind>`; the diff engine only ever produces drift kinds.
 */
export interface Finding<K extends FindingKind | AdviceKind = FindingKind | AdviceKind> {
  /**
   * Stable, unique within a result: `<kind>:<display name of the object>`,
   * e.g. `missing_column:public.leads.score` (names quoted as PostgreSQL
   * needs, so the id is unambiguous).
   */
  readonly id: string;
  /** A {@link FindingKind} for drift, an `AdviceKind` (src/advice) for advice. */
  readonly kind: K;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly object: FindingObject;
  /** The expected value or object (JSON-safe); null when the object should not exist. */
  readonly expected: unknown;
  /** The actual value or object (JSON-safe); null when the object does not exist. */
  readonly actual: unknown;
  /** One line, e.g. `column public.leads.score is missing (expected integer, nullable)`. */
  readonly message: string;
}

/** The kinds of object reported in {@link DiffResult.present}. */
export type PresentKind = 'table' | 'column' | 'index' | 'constraint' | 'enum';

/**
 * An expected object that exists in the actual schema, whether or not all
 * its attributes match ("first_name and last_name already exist").
 */
export interface PresentObject {
  readonly kind: PresentKind;
  readonly object: FindingObject;
  /** The expected object's description (today: its comment), when it has one. */
  readonly description?: string;
  /**
   * True when no drift was found on the object itself (for a table: on the
   * table or anything in it; for an enum: on its values). Computed before
   * ignore rules apply, so it describes the database, not the policy.
   */
  readonly identical: boolean;
}

/** Suppresses matching findings; they are counted in {@link DiffResult.ignored}. */
export interface IgnoreRule {
  /**
   * A glob over display names, matched part by part against the stored
   * (unquoted, case-sensitive) names: `public.spatial_ref_sys`, `audit.*`,
   * `*.tmp_*`, `public.leads.legacy_*`. `*` matches within one name part,
   * `**` (a whole part) matches any number of parts. Double-quote a part to
   * match a dot or `*` literally (`public."my.table"`). A rule that matches an
   * object also matches everything inside it (a table's columns, indexes and
   * constraints; an enum's values; a schema's objects).
   */
  readonly pattern: string;
  /** Restrict the rule to these kinds; default all kinds. */
  readonly kinds?: readonly FindingKind[];
  /** Why the drift is accepted; shown in reports. Required so ignores stay explained. */
  readonly reason: string;
}

/** A finding an ignore rule suppressed. */
export interface IgnoredFinding {
  /** The first rule (in the given order) that matched. */
  readonly rule: IgnoreRule;
  readonly findingId: string;
}

/** Counts of the returned (not ignored) findings. */
export interface DiffSummary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly total: number;
}

/** The result of `diffSchemas`. All lists are deterministically ordered. */
export interface DiffResult {
  /** Sorted by schema, table (or enum), object, kind. */
  readonly findings: readonly Finding[];
  /** Expected objects that exist in the actual schema, in the same order. */
  readonly present: readonly PresentObject[];
  /** Suppressed findings, in the order they would have been reported. */
  readonly ignored: readonly IgnoredFinding[];
  readonly summary: DiffSummary;
}

/** Options for `diffSchemas`. */
export interface DiffOptions {
  /** Per-kind severity overrides of `DEFAULT_SEVERITY`. */
  readonly severity?: Partial<Record<FindingKind, Severity>>;
  /** Findings to suppress (first matching rule wins). */
  readonly ignore?: readonly IgnoreRule[];
  /**
   * Compare only objects in these schemas (both sides). Default: the schemas
   * of the expected model (its `schemas` list plus the schemas its tables and
   * enums live in).
   */
  readonly schemas?: readonly string[];
}

/** A finding before severity and id are attached (internal to the engine). */
export interface DraftFinding {
  readonly kind: FindingKind;
  readonly object: FindingObject;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: string;
}

/** What one comparison step yields (internal to the engine). */
export interface Comparison {
  readonly findings: DraftFinding[];
  readonly present: PresentObject[];
}

/** The object's name parts, outermost first: `[schema, table, column]`, `[schema, enum, value]`. */
export function objectPath(object: FindingObject): string[] {
  const parts = [object.schema];
  const container = object.table ?? object.enum;
  if (container !== undefined) parts.push(container);
  const member = object.column ?? object.index ?? object.constraint ?? object.value;
  if (member !== undefined) parts.push(member);
  return parts;
}

/** `<kind>:<display name>`, e.g. `missing_column:public.leads.score`. */
export function findingId(kind: FindingKind, object: FindingObject): string {
  return `${kind}:${displayName(...objectPath(object))}`;
}
