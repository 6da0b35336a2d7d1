export type IdentityKind = 'always' | 'by_default';

export interface GeneratedColumn {
  readonly expression: string;
  readonly kind: 'stored' | 'virtual';
}

/** A column of a table. */
export interface Column {
  readonly name: string;
  /** 1-based position among the table's live columns (dropped columns leave no gap). */
  readonly position: number;
  /** As `format_type` prints it: `character varying(255)`, `numeric(10,2)`, `lead_status[]`. */
  readonly type: string;
  readonly nullable: boolean;
  /** Default expression as `pg_get_expr` prints it; null for identity and generated columns. */
  readonly default: string | null;
  readonly identity: IdentityKind | null;
  /** A `GENERATED ALWAYS AS (expression) STORED` (or, on 18+, `VIRTUAL`) column. */
  readonly generated: GeneratedColumn | null;
  /** Collation name when it differs from the type's default collation. */
  readonly collation: string | null;
  readonly comment: string | null;
  /**
   * A column of an inheritance child (or partition) that a parent also has
   * (attinhcount > 0): `only` when the table does not define it itself
   * (dropped with the parent's column, left out of the child's CREATE
   * TABLE … INHERITS), `also_local` when it does (attislocal: it stays when
   * the parent's goes). Absent for a column of the table's own.
   */
  readonly inherited?: 'only' | 'also_local';
}
