/**
 * A table's constraints in the spec: `primaryKey`, `unique`, `foreignKeys`,
 * `checks` and `exclusions` of a table node, and the shorthands a column
 * writes for a one-column constraint (`references`, `unique`, `check`).
 * Their node types, JSON Schema and checks of meaning; the table's section
 * calls these pieces (from-model: spec-from-model.ts).
 *
 *   primaryKey: [id]
 *   unique:
 *     - { columns: [client_id, email] }
 *   foreignKeys:
 *     - { columns: [tenant_id, client_id], references: { table: clients, columns: [tenant_id, id] } }
 */
import { type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import { type QualifiedName } from '../../spec-file/names.js';
import type { CheckContext, SqlFragmentPath } from '../../spec-file/spec-section.js';
/** A referential action as a spec writes it. */
export type ReferentialActionSpec = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
/** The target of a foreign key: a column's `references`, or a foreign key's. */
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
/** A primary key with its name: `{ name, columns }`. */
export interface SpecNamedColumns {
    readonly name?: string;
    readonly columns: readonly string[];
}
/** A unique constraint. */
export interface SpecUnique extends SpecNamedColumns {
    readonly nullsNotDistinct?: boolean;
    readonly deferrable?: boolean;
    readonly initiallyDeferred?: boolean;
}
/** A foreign key of one or more columns. */
export interface SpecForeignKey extends SpecNamedColumns {
    readonly references: SpecReference;
}
/** A CHECK constraint. */
export interface SpecCheck {
    readonly name?: string;
    readonly expression: string;
    readonly noInherit?: boolean;
}
/** The constraints of a table node, as its keys (see the table's SpecTable). */
export interface SpecTableConstraints {
    /** Column list, or `{ name, columns }`. */
    readonly primaryKey?: readonly string[] | SpecNamedColumns;
    readonly unique?: readonly SpecUnique[];
    readonly foreignKeys?: readonly SpecForeignKey[];
    readonly checks?: readonly SpecCheck[];
    /** Exclusion constraints, as `EXCLUDE ...` clauses keyed by name. */
    readonly exclusions?: Readonly<Record<string, string>>;
}
/** The definitions constraint nodes refer to (`columnList` is the column kind's). */
export declare const CONSTRAINT_DEFINITIONS: JsonSchemaDefinitions;
/** The constraint keys of a table node's schema, in the node's key order. */
/** A table's constraints' SQL text (below the table), checked by spec-file/expressions.ts. */
export declare const CONSTRAINT_SQL_FRAGMENTS: readonly SqlFragmentPath[];
export declare const CONSTRAINT_PROPERTIES: {
    readonly [key in keyof SpecTableConstraints]-?: JsonSchema;
};
/** What the checks of references read of the spec's tables (the table kind supplies it). */
export interface ReferencedTables {
    has(key: string): boolean;
    /** Its columns, its parents' included. */
    columnsOf(key: string): ReadonlySet<string>;
    primaryKeyOf(key: string): readonly string[] | undefined;
}
/** The table whose constraints are checked. */
export interface ConstrainedTable {
    readonly key: string;
    readonly q: QualifiedName;
    readonly table: Record<string, unknown>;
}
/** Names in `list` that are not columns of the table (`columns`: its own and its parents'). */
export declare function checkColumnNames(context: CheckContext, table: {
    readonly q: QualifiedName;
}, columns: ReadonlySet<string>, list: unknown, path: readonly string[]): void;
/**
 * A reference from `localCount` columns of `from`, written at `path`: the
 * table exists (or is in a schema the spec does not own: external), its
 * columns exist, and as many as reference them. `shorthand`: a column's
 * `references`, which references one column.
 */
export declare function checkReference(context: CheckContext, tables: ReferencedTables, from: {
    readonly q: QualifiedName;
}, reference: unknown, localCount: number, path: readonly string[], shorthand: boolean): void;
/** The column lists of a table's primary key, unique constraints and foreign keys, and its foreign keys' references. */
export declare function checkConstraints(context: CheckContext, tables: ReferencedTables, info: ConstrainedTable, columns: ReadonlySet<string>): void;
