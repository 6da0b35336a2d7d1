/** A composite type's attribute. */
export interface TypeAttribute {
  readonly name: string;
  /** As `format_type` prints it. */
  readonly type: string;
  /** Collation name when it differs from the attribute type's default collation. */
  readonly collation: string | null;
}

/** What defines a range type (`CREATE TYPE … AS RANGE`). */
export interface RangeDefinition {
  /** As `format_type` prints it. */
  readonly subtype: string;
  /** Collation name when it differs from the subtype's default collation. */
  readonly collation: string | null;
  /** The canonical function (`pg_range.rngcanonical` as regproc), or null. */
  readonly canonical: string | null;
  /** The subtype difference function (`pg_range.rngsubdiff` as regproc), or null. */
  readonly subtypeDiff: string | null;
}

/**
 * A composite (`CREATE TYPE … AS (…)`) or range (`CREATE TYPE … AS RANGE`)
 * type. Not a table's row type, not an extension's type.
 */
export interface UserType {
  readonly schema: string;
  readonly name: string;
  readonly kind: 'composite' | 'range';
  /** A composite type's attributes in order; empty for a range type. */
  readonly attributes: readonly TypeAttribute[];
  /** A range type's definition; null for a composite type. */
  readonly range: RangeDefinition | null;
  readonly comment: string | null;
}
