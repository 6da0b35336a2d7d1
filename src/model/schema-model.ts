/**
 * The neutral schema model: plain, readonly data that every stage after
 * introspection exchanges. Nothing here knows about pg, kysely or rendering.
 *
 * Conventions
 * - Names are stored unquoted, exactly as the catalog holds them (`"Lead Notes"`
 *   is stored as `Lead Notes`); quoting happens only in `identifiers.ts`.
 * - Every list is sorted deterministically (see `sortModel`), so the same
 *   database always serialises to the same bytes.
 * - SQL text (types, defaults, expressions, definitions) is exactly what the
 *   server's own deparsers print (`format_type`, `pg_get_expr`,
 *   `pg_get_indexdef`, `pg_get_constraintdef`), introspected with
 *   `search_path = pg_catalog, public`: objects in `public` and `pg_catalog`
 *   print unqualified, objects in any other schema print schema-qualified.
 */

/** A whole database's worth of schema objects, limited to the schemas read. */
export interface SchemaModel {
  readonly schemas: readonly SchemaInfo[];
  readonly extensions: readonly Extension[];
  readonly enums: readonly EnumType[];
  readonly domains: readonly Domain[];
  readonly sequences: readonly Sequence[];
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  readonly functions: readonly Routine[];
}

export interface SchemaInfo {
  readonly name: string;
  readonly comment: string | null;
}

export interface Extension {
  readonly name: string;
  /** Schema the extension's objects were installed into. */
  readonly schema: string;
  readonly version: string;
}

export interface EnumType {
  readonly schema: string;
  readonly name: string;
  /** Labels in their sort order (`pg_enum.enumsortorder`), not creation order. */
  readonly values: readonly string[];
  readonly comment: string | null;
}

export interface Domain {
  readonly schema: string;
  readonly name: string;
  /** Base type as `format_type` prints it. */
  readonly baseType: string;
  readonly notNull: boolean;
  readonly default: string | null;
  /** CHECK constraints, by name, as `pg_get_constraintdef` prints them. */
  readonly checks: readonly { readonly name: string; readonly definition: string }[];
  readonly collation: string | null;
  readonly comment: string | null;
}

export interface Sequence {
  readonly schema: string;
  readonly name: string;
  /** `smallint`, `integer` or `bigint`. */
  readonly dataType: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  /**
   * The column that owns the sequence (`OWNED BY`, including serial and
   * identity columns), or null for a free-standing sequence.
   */
  readonly ownedBy: { readonly schema: string; readonly table: string; readonly column: string } | null;
  /** True for the implicit sequence behind an identity column. */
  readonly identity: boolean;
}

export type TableKind = 'table' | 'partitioned_table';

export interface Table {
  readonly schema: string;
  readonly name: string;
  /** `partitioned_table` for a declarative-partitioning parent. */
  readonly kind: TableKind;
  readonly comment: string | null;
  /**
   * The planner's row estimate (`pg_class.reltuples`), or null when the table
   * was never vacuumed or analysed. A statistic, not schema: snapshots omit it.
   */
  readonly rowEstimate: number | null;
  /** For a partitioned parent: `RANGE (created_at)` as `pg_get_partkeydef` prints it. */
  readonly partitionKey: string | null;
  /** For a partition: its parent and bound (`FOR VALUES FROM (...) TO (...)`). */
  readonly partitionOf: PartitionOf | null;
  /** Unlogged tables skip WAL; worth knowing in an audit. */
  readonly unlogged: boolean;
  readonly columns: readonly Column[];
  readonly indexes: readonly Index[];
  readonly constraints: readonly Constraint[];
  readonly triggers: readonly Trigger[];
}

export interface PartitionOf {
  readonly schema: string;
  readonly table: string;
  readonly bound: string;
}

export type IdentityKind = 'always' | 'by_default';

export interface GeneratedColumn {
  readonly expression: string;
  readonly kind: 'stored' | 'virtual';
}

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
}

export type SortOrder = 'asc' | 'desc';
export type NullsOrder = 'first' | 'last';

export interface IndexKeyPart {
  /** Column name, or null when the key part is an expression. */
  readonly column: string | null;
  /** Expression text for an expression key part (`lower(email)`), else null. */
  readonly expression: string | null;
  readonly order: SortOrder;
  readonly nulls: NullsOrder;
  /** Non-default operator class (`text_pattern_ops`), else null. */
  readonly opclass: string | null;
  /** Non-default collation, else null. */
  readonly collation: string | null;
}

export interface Index {
  readonly name: string;
  /** Access method: btree, hash, gin, gist, brin, spgist, or an extension's. */
  readonly method: string;
  readonly unique: boolean;
  readonly primary: boolean;
  /** The key columns or expressions, in order. */
  readonly keys: readonly IndexKeyPart[];
  /** `INCLUDE (...)` columns, in order. */
  readonly include: readonly string[];
  /** Partial index predicate as `pg_get_expr` prints it. */
  readonly where: string | null;
  /** UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+). */
  readonly nullsNotDistinct: boolean;
  /** False after a failed `CREATE INDEX CONCURRENTLY` (`pg_index.indisvalid`). */
  readonly valid: boolean;
  /** Name of the constraint this index implements (primary key, unique, exclusion). */
  readonly constraint: string | null;
  /** `CREATE [UNIQUE] INDEX ...` exactly as `pg_get_indexdef` prints it. */
  readonly definition: string;
  /** `COMMENT ON INDEX`: in a spec, the query the index serves. */
  readonly comment: string | null;
}

export type ConstraintKind = 'primary_key' | 'unique' | 'foreign_key' | 'check' | 'exclusion';

/** ON DELETE / ON UPDATE actions, spelled as SQL spells them. */
export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

interface ConstraintBase {
  readonly name: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  /** False for a constraint added `NOT VALID` and not yet validated. */
  readonly validated: boolean;
  /** As `pg_get_constraintdef` prints it: `FOREIGN KEY (a) REFERENCES t(id) ON DELETE CASCADE`. */
  readonly definition: string;
  readonly comment: string | null;
}

export interface PrimaryKeyConstraint extends ConstraintBase {
  readonly kind: 'primary_key';
  readonly columns: readonly string[];
}

export interface UniqueConstraint extends ConstraintBase {
  readonly kind: 'unique';
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
}

export interface ForeignKeyConstraint extends ConstraintBase {
  readonly kind: 'foreign_key';
  readonly columns: readonly string[];
  readonly references: {
    readonly schema: string;
    readonly table: string;
    readonly columns: readonly string[];
  };
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly match: 'SIMPLE' | 'FULL' | 'PARTIAL';
}

export interface CheckConstraint extends ConstraintBase {
  readonly kind: 'check';
  /** The boolean expression alone, without `CHECK (...)`. */
  readonly expression: string;
  /** Columns the expression mentions, in table order. */
  readonly columns: readonly string[];
  readonly noInherit: boolean;
}

export interface ExclusionConstraint extends ConstraintBase {
  readonly kind: 'exclusion';
  readonly columns: readonly string[];
}

export type Constraint =
  | PrimaryKeyConstraint
  | UniqueConstraint
  | ForeignKeyConstraint
  | CheckConstraint
  | ExclusionConstraint;

export interface Trigger {
  readonly name: string;
  readonly enabled: boolean;
  /** `CREATE TRIGGER ...` exactly as `pg_get_triggerdef` prints it. */
  readonly definition: string;
}

export type ViewKind = 'view' | 'materialized_view';

export interface View {
  readonly schema: string;
  readonly name: string;
  readonly kind: ViewKind;
  readonly comment: string | null;
}

export type RoutineKind = 'function' | 'procedure' | 'aggregate' | 'window';

export interface Routine {
  readonly schema: string;
  readonly name: string;
  readonly kind: RoutineKind;
  /** Argument list as `pg_get_function_identity_arguments` prints it (overloads differ here). */
  readonly arguments: string;
  /** Result as `pg_get_function_result` prints it; null for procedures. */
  readonly returns: string | null;
  readonly language: string;
}
