/**
 * A table's columns in the spec (the `columns:` of a table node, in column
 * order): the column node's type, JSON Schema, checks of meaning and how
 * `snapshot` writes a column. The table's section calls these pieces.
 *
 *   columns:
 *     id: { type: uuid, nullable: false, default: gen_random_uuid() }
 *     score: { type: int, check: score BETWEEN 0 AND 100 }
 */
import { type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import type { QualifiedName } from '../../spec-file/names.js';
import type { CheckContext, Mutable, SqlFragmentPath } from '../../spec-file/spec-section.js';
import { type ReferencedTables, type SpecReference } from '../constraint/spec.js';
import type { Column } from './model.js';
/** A column as a spec writes it. */
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
/** `columnList` (names of columns, for keys and lists) and `column`. */
export declare const COLUMN_DEFINITIONS: JsonSchemaDefinitions;
/** The `columns` key of a table node's schema. */
/** A column's SQL text (below the column), checked by spec-file/expressions.ts. */
export declare const COLUMN_SQL_FRAGMENTS: readonly SqlFragmentPath[];
export declare const COLUMNS_PROPERTY: JsonSchema;
/** The table whose columns are checked. */
export interface CheckedTable {
    readonly q: QualifiedName;
}
/** One column node, written at `path`: its name, identity, type and `references` shorthand. */
export declare function checkColumn(context: CheckContext, tables: ReferencedTables, table: CheckedTable, name: string, column: unknown, path: readonly string[]): void;
/** A column of the model as the spec writes it; `type` as the spec spells it. */
export declare function columnSpec(c: Column, type: string): Mutable<SpecColumn>;
/**
 * A partition's column, or undefined when it is its parent's as it stands:
 * PostgreSQL copies the type, but not a default, NOT NULL or comment
 * of the partition's own.
 */
export declare function partitionColumnSpec(c: Column, parent: Column | undefined, type: string): Mutable<SpecColumn> | undefined;
