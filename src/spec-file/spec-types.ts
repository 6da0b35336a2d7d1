/**
 * The expected-schema spec: what people write and review in pull requests.
 * YAML or JSON, one file or a directory of files whose top-level sections
 * are merged. This file is the TypeScript mirror of `spec.schema.json` (the
 * JSON Schema shipped for editors); keep the two in step.
 *
 * Example (YAML):
 *
 *   version: 1
 *   enums:
 *     lead_status:
 *       values: [new, contacted, qualified]
 *   tables:
 *     leads:
 *       description: Core business entity for lead management
 *       columns:
 *         id: { type: uuid, nullable: false, default: gen_random_uuid() }
 *         client_id: { type: uuid, nullable: false, references: { table: clients, onDelete: cascade } }
 *         score: { type: int, check: score BETWEEN 0 AND 100 }
 *       primaryKey: [id]
 *       indexes:
 *         idx_leads_score: { columns: [score], description: filter by score }
 *
 * Names: a key `leads` is in the default schema (`public`, or the file's
 * `schema:`); `billing.invoices` names the schema explicitly. Names are
 * stored exactly as written (no case folding): write `Lead Notes` for a
 * table created as "Lead Notes".
 */

export const SPEC_VERSION = 1;

export type Severity = 'error' | 'warning' | 'info';

/** One file's content, as written. Every section is optional. */
export interface SpecFile {
  /** Spec format version; 1. */
  readonly version?: number;
  /** Default schema for unqualified names in this file (default `public`). */
  readonly schema?: string;
  /** Schemas the spec owns (default: the schemas its objects live in). */
  readonly schemas?: readonly string[];
  readonly extensions?: readonly string[];
  readonly enums?: Readonly<Record<string, SpecEnum>>;
  readonly domains?: Readonly<Record<string, SpecDomain>>;
  readonly sequences?: Readonly<Record<string, SpecSequence>>;
  readonly tables?: Readonly<Record<string, SpecTable>>;
  readonly ignore?: readonly SpecIgnoreRule[];
  /** Per finding kind severity overrides, e.g. `unexpected_column: warning`. */
  readonly severity?: Readonly<Record<string, Severity>>;
}

export interface SpecEnum {
  readonly values: readonly string[];
  readonly description?: string;
}

export interface SpecDomain {
  readonly type: string;
  readonly nullable?: boolean;
  readonly default?: string;
  readonly collation?: string;
  /** Named CHECK expressions over VALUE: `{ year_check: VALUE >= 1901 }`. */
  readonly checks?: Readonly<Record<string, string>>;
  readonly description?: string;
}

export interface SpecSequence {
  /** smallint, integer or bigint (default bigint). */
  readonly type?: string;
  readonly start?: number | string;
  readonly increment?: number | string;
  readonly min?: number | string;
  readonly max?: number | string;
  readonly cache?: number | string;
  readonly cycle?: boolean;
  /** `table.column` or `schema.table.column` that owns the sequence. */
  readonly ownedBy?: string;
}

export type ReferentialActionSpec = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export interface SpecReference {
  /** Referenced table (`clients` or `billing.clients`). */
  readonly table: string;
  /** Referenced column(s); default the referenced table's primary key. */
  readonly column?: string;
  readonly columns?: readonly string[];
  readonly onDelete?: ReferentialActionSpec;
  readonly onUpdate?: ReferentialActionSpec;
  readonly match?: 'simple' | 'full';
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  /** Constraint name (default: PostgreSQL's, `<table>_<column>_fkey`). */
  readonly name?: string;
}

export interface SpecColumn {
  /** Any spelling PostgreSQL accepts: int, int4, integer, varchar(255), text[], an enum's name. */
  readonly type: string;
  /** Default true. A primary-key column is NOT NULL whatever this says. */
  readonly nullable?: boolean;
  /** Default expression, as SQL: `now()`, `'new'`, `0`. */
  readonly default?: string;
  readonly identity?: 'always' | 'by default';
  /** `GENERATED ALWAYS AS (expression) STORED`. */
  readonly generated?: string;
  readonly collation?: string;
  /** Shorthand for a single-column foreign key. */
  readonly references?: SpecReference;
  /** Shorthand for a single-column unique constraint (`true`, or its name). */
  readonly unique?: boolean | string;
  /** Shorthand for a CHECK constraint over this column (named `<table>_<column>_check`). */
  readonly check?: string;
  readonly description?: string;
  /** Data migration for existing rows when the column is added (used by remediation). */
  readonly backfill?: string;
}

export interface SpecIndexKey {
  readonly column?: string;
  readonly expression?: string;
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
  readonly opclass?: string;
  readonly collation?: string;
}

export interface SpecIndex {
  /** Key columns / expressions: a name, `lower(email)`, or a key object. */
  readonly columns?: readonly (string | SpecIndexKey)[];
  readonly unique?: boolean;
  /** Access method (default btree). */
  readonly method?: string;
  readonly where?: string;
  readonly include?: readonly string[];
  readonly nullsNotDistinct?: boolean;
  /** Alternatively the whole `CREATE INDEX` statement. */
  readonly sql?: string;
  /** The query this index serves. */
  readonly description?: string;
}

export interface SpecNamedColumns {
  readonly name?: string;
  readonly columns: readonly string[];
}

export interface SpecUnique extends SpecNamedColumns {
  readonly nullsNotDistinct?: boolean;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

export interface SpecForeignKey extends SpecNamedColumns {
  readonly references: SpecReference;
}

export interface SpecCheck {
  readonly name?: string;
  readonly expression: string;
  readonly noInherit?: boolean;
}

export interface SpecTable {
  readonly description?: string;
  /** Ordered: the key order is the column order. */
  readonly columns: Readonly<Record<string, SpecColumn>>;
  /** Column list, or `{ name, columns }`. */
  readonly primaryKey?: readonly string[] | SpecNamedColumns;
  readonly unique?: readonly SpecUnique[];
  readonly foreignKeys?: readonly SpecForeignKey[];
  readonly checks?: readonly SpecCheck[];
  /** Exclusion constraints, as `EXCLUDE ...` clauses keyed by name. */
  readonly exclusions?: Readonly<Record<string, string>>;
  readonly indexes?: Readonly<Record<string, SpecIndex | string>>;
  /** Partitioned table: `RANGE (created_at)`, `LIST (region)`, `HASH (id)`. */
  readonly partitionBy?: string;
  /** A partition: parent table and bound (`FOR VALUES FROM (...) TO (...)`, `DEFAULT`). */
  readonly partitionOf?: { readonly table: string; readonly bound: string };
  readonly unlogged?: boolean;
}

export interface SpecIgnoreRule {
  /** Glob over object names: `public.spatial_ref_sys`, `audit.*`, `public.leads.legacy_*`. */
  readonly pattern: string;
  /** Finding kinds it applies to (default all). */
  readonly kinds?: readonly string[];
  /** Why the spec does not own these objects. Required. */
  readonly reason: string;
}

/** Where a node was written: for error messages. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  /** The node's path as written in the file: `tables.leads.columns.score.type`. */
  readonly path: string;
}

/** A spec as loaded: files merged, every node's location kept. */
export interface LoadedSpec {
  readonly files: readonly string[];
  /** sha256 over the files' names and bytes, in load order. */
  readonly sha256: string;
  readonly extensions: readonly string[];
  readonly schemas: readonly string[];
  /** Keys are schema-qualified (`public.leads`); values as written. */
  readonly enums: ReadonlyMap<string, SpecEnum>;
  readonly domains: ReadonlyMap<string, SpecDomain>;
  readonly sequences: ReadonlyMap<string, SpecSequence>;
  readonly tables: ReadonlyMap<string, SpecTable>;
  readonly ignore: readonly SpecIgnoreRule[];
  readonly severity: Readonly<Record<string, Severity>>;
  /**
   * Where a node was written, by its logical path: the section, the schema
   * and name of the object (qualified, whatever the file wrote), then the
   * keys below it. E.g. `['tables', 'public', 'leads', 'columns', 'score']`,
   * `['tables', 'public', 'leads', 'indexes', 'idx_leads_score']`,
   * `['enums', 'public', 'lead_status']`, `['tables', 'public', 'leads', 'checks', '0']`.
   * A path deeper than what was written resolves to its nearest written ancestor.
   */
  locate(path: readonly string[]): SourceLocation | undefined;
}

/** One validation problem, with where it is. */
export interface SpecProblem extends SourceLocation {
  readonly message: string;
}
