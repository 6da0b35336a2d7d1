/**
 * Default severities: the one table that decides how much each kind of drift
 * matters. Callers override per kind with `DiffOptions.severity`.
 *
 * The reasoning, kind by kind:
 * - error: the application's queries or guarantees break. A missing table,
 *   column, enum, enum value or constraint; a column of another type; a
 *   nullability difference (NOT NULL where the app writes NULL rejects
 *   writes, nullable where the app relies on NOT NULL lets bad data in); a
 *   constraint that exists but enforces something else. A missing index is an
 *   error too: it may back ON CONFLICT or be the difference between an index
 *   scan and a full scan of a large table.
 * - warning: the schema behaves differently but usually works. An index with
 *   another structure; a different default, identity or generation (writes
 *   that supply the value still work); enum labels in another order (ORDER BY
 *   and comparisons change); an unexpected enum label (the app cannot read
 *   rows that carry it); an unexpected constraint (it restricts writes the
 *   application expects to succeed).
 * - info: something extra that the application does not use: tables,
 *   columns, indexes and enums nobody expected. An unexpected column only
 *   breaks INSERTs without a column list, or every INSERT when it is NOT NULL
 *   without a default; its message says so in that case.
 */
import type { FindingKind, Severity } from './findings.js';

export const DEFAULT_SEVERITY: Readonly<Record<FindingKind, Severity>> = {
  missing_table: 'error',
  unexpected_table: 'info',
  missing_column: 'error',
  unexpected_column: 'info',
  column_type_mismatch: 'error',
  column_nullability_mismatch: 'error',
  column_default_mismatch: 'warning',
  column_identity_mismatch: 'warning',
  column_generated_mismatch: 'warning',
  missing_index: 'error',
  unexpected_index: 'info',
  index_mismatch: 'warning',
  missing_enum: 'error',
  unexpected_enum: 'info',
  enum_value_missing: 'error',
  enum_value_unexpected: 'warning',
  enum_value_order_mismatch: 'warning',
  missing_constraint: 'error',
  unexpected_constraint: 'warning',
  constraint_mismatch: 'error',
  // Partitioned vs plain, another partition key or bound (rows outside a
  // narrower bound are rejected), UNLOGGED (emptied after a crash).
  table_mismatch: 'error',
};

/** The severity of `kind`: the override when given, else the default. */
export function severityOf(kind: FindingKind, overrides?: Partial<Record<FindingKind, Severity>>): Severity {
  return overrides?.[kind] ?? DEFAULT_SEVERITY[kind];
}
