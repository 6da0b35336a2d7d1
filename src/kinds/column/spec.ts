/**
 * A table's columns in the spec (the `columns:` of a table node, in column
 * order): the column node's type, JSON Schema, checks of meaning and how
 * `snapshot` writes a column. The table's section calls these pieces.
 *
 *   columns:
 *     id: { type: uuid, nullable: false, default: gen_random_uuid() }
 *     score: { type: int, check: score BETWEEN 0 AND 100 }
 */
import { exclusive, flag, objectsByName, ref, text, type JsonSchema, type JsonSchemaDefinitions } from '../../spec-file/json-schema.js';
import type { QualifiedName } from '../../spec-file/names.js';
import { oneLine } from '../../spec-file/one-line.js';
import type { CheckContext, Mutable, SqlFragmentPath } from '../../spec-file/spec-section.js';
import { isRecord, str } from '../../spec-file/values.js';
import { checkReference, type ReferencedTables, type SpecReference } from '../constraint/spec.js';
import type { Column } from './model.js';
import { COLUMN_GRANTS_PROPERTY, type SpecPrivileges } from '../privilege/spec-json.js';

/** A column as a spec writes it. */
export interface SpecColumn extends Omit<SpecPrivileges, 'owner'> {
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
export const COLUMN_DEFINITIONS: JsonSchemaDefinitions = {
  columnList: {
    description: 'Column names, in order.',
    type: 'array',
    items: text('A column name.'),
    minItems: 1,
    uniqueItems: true,
  },
  column: {
    description: 'A column. The order of the keys of `columns` is the column order.',
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: text("The type, any spelling PostgreSQL accepts: int, int4, integer, varchar(255), text[], an enum's name.", [
        'uuid',
        'varchar(255)',
        'timestamptz',
        'lead_status',
        'billing.currency',
      ]),
      nullable: flag('Default true. A primary-key column is NOT NULL whatever this says.'),
      default: {
        description: "Default expression, as SQL: `now()`, `'new'`, `0` (numbers and booleans are taken as written). Not with identity or generated.",
        type: ['string', 'number', 'boolean'],
        examples: ['now()', "'new'", 0],
      },
      identity: {
        description: 'GENERATED ALWAYS / BY DEFAULT AS IDENTITY; integer types only. Not with default or generated.',
        enum: ['always', 'by default'],
      },
      generated: text('GENERATED ALWAYS AS (expression) STORED: the expression. Not with default or identity.', ["first_name || ' ' || last_name"]),
      collation: text("Collation, when not the type's default."),
      references: ref('reference', 'Shorthand for a single-column foreign key.'),
      unique: {
        description: "Shorthand for a single-column unique constraint: true, or the constraint's name.",
        type: ['boolean', 'string'],
        minLength: 1,
      },
      check: text('Shorthand for a CHECK constraint over this column (named `<table>_<column>_check`).', ['score BETWEEN 0 AND 100']),
      description: text('What the column holds (its COMMENT).'),
      ...COLUMN_GRANTS_PROPERTY,
      backfill: text('Data migration for existing rows when the column is added (used by remediation SQL).'),
    },
    allOf: exclusive([
      ['identity', 'default'],
      ['identity', 'generated'],
      ['default', 'generated'],
    ]),
  },
};

/** The `columns` key of a table node's schema. */
/** A column's SQL text (below the column), checked by spec-file/expressions.ts. */
export const COLUMN_SQL_FRAGMENTS: readonly SqlFragmentPath[] = [
  { path: ['type'], kind: 'type' },
  { path: ['default'], kind: 'expression' },
  { path: ['generated'], kind: 'expression' },
  { path: ['check'], kind: 'expression' },
  { path: ['backfill'], kind: 'expression' },
  { path: ['collation'], kind: 'collation' },
];

export const COLUMNS_PROPERTY: JsonSchema = objectsByName('Columns by name; the key order is the column order.', 'column');

/** Spellings of the integer types, as an identity column needs. */
const INTEGER_TYPES = new Set(['smallint', 'int', 'int2', 'int4', 'int8', 'integer', 'bigint']);

/** The table whose columns are checked. */
export interface CheckedTable {
  readonly q: QualifiedName;
}

/** One column node, written at `path`: its name, identity, type and `references` shorthand. */
export function checkColumn(
  context: CheckContext,
  tables: ReferencedTables,
  table: CheckedTable,
  name: string,
  column: unknown,
  path: readonly string[],
): void {
  context.checkNameLength(name, path, 'column');
  if (!isRecord(column)) return;
  const type = str(column.type);
  if (column.identity !== undefined && type !== undefined && !INTEGER_TYPES.has(type.trim().toLowerCase())) {
    context.report([...path, 'identity'], `identity needs an integer type (smallint, integer or bigint), not ${type}`);
  }
  if (column.identity !== undefined && column.nullable === true) context.report([...path, 'nullable'], 'an identity column cannot be nullable');
  context.checkType(column.type, [...path, 'type']);
  checkReference(context, tables, table, column.references, 1, [...path, 'references'], true);
}

/** A column of the model as the spec writes it; `type` as the spec spells it. */
export function columnSpec(c: Column, type: string): Mutable<SpecColumn> {
  const column: Mutable<SpecColumn> = { type };
  if (!c.nullable) column.nullable = false;
  if (c.default !== null) column.default = oneLine(c.default);
  if (c.identity !== null) column.identity = c.identity === 'always' ? 'always' : 'by default';
  if (c.generated !== null) column.generated = oneLine(c.generated.expression);
  if (c.collation !== null) column.collation = c.collation;
  if (c.comment !== null) column.description = c.comment;
  return column;
}

/**
 * A partition's column, or undefined when it is its parent's as it stands:
 * PostgreSQL copies the type, but not a default, NOT NULL or comment
 * of the partition's own.
 */
export function partitionColumnSpec(c: Column, parent: Column | undefined, type: string): Mutable<SpecColumn> | undefined {
  if (parent && c.default === parent.default && !(!c.nullable && parent.nullable) && c.comment === null) return undefined;
  const column: Mutable<SpecColumn> = { type };
  if (!c.nullable) column.nullable = false;
  if (c.default !== null) column.default = oneLine(c.default);
  if (c.comment !== null) column.description = c.comment;
  return column;
}
