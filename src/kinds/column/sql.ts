/** SQL for columns: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock, doIf, objectNameSql, regclass } from '../sql.js';
import type { Column } from './model.js';

/** A column as CREATE TABLE and ADD COLUMN write it; every text is SQL already. */
export interface ColumnDefinition {
  readonly name: string;
  readonly type: string;
  readonly collation: string | null;
  readonly generated: { readonly expression: string; readonly kind: 'stored' | 'virtual' } | null;
  /** Identity, with the options of its sequence (`SEQUENCE NAME …`, `START WITH …`) when not PostgreSQL's defaults. */
  readonly identity: { readonly kind: 'always' | 'by_default'; readonly sequenceOptions: readonly string[] } | null;
  readonly default: string | null;
  readonly notNull: boolean;
}

/** `name type [COLLATE c] [GENERATED …] [DEFAULT d] [NOT NULL]`. */
export function columnDefinitionSql(c: ColumnDefinition): string {
  let sql = `${quoteIdent(c.name)} ${c.type}`;
  if (c.collation !== null) sql += ` COLLATE ${c.collation}`;
  if (c.generated !== null) sql += ` GENERATED ALWAYS AS (${c.generated.expression}) ${c.generated.kind === 'virtual' ? 'VIRTUAL' : 'STORED'}`;
  if (c.identity !== null) {
    sql += ` GENERATED ${c.identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
    if (c.identity.sequenceOptions.length > 0) sql += ` (${c.identity.sequenceOptions.join(' ')})`;
  }
  if (c.default !== null) sql += ` DEFAULT ${c.default}`;
  if (c.notNull) sql += ' NOT NULL';
  return sql;
}

export function addColumnSql(schema: string, table: string, definition: ColumnDefinition): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} ADD COLUMN IF NOT EXISTS ${columnDefinitionSql(definition)}`;
}

/** `only`: from this table alone, its inheritance children keep their column (as their own). */
export function dropColumnSql(schema: string, table: string, column: string, o: { readonly only?: boolean } = {}): string {
  return `ALTER TABLE IF EXISTS ${o.only ? 'ONLY ' : ''}${qualifiedName(schema, table)} DROP COLUMN IF EXISTS ${quoteIdent(column)}`;
}

export function alterColumnSql(schema: string, table: string, column: string, action: string): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} ALTER COLUMN ${quoteIdent(column)} ${action}`;
}

export function commentOnColumnSql(schema: string, table: string, column: string, comment: string): string {
  return commentSql('COLUMN', `${qualifiedName(schema, table)}.${quoteIdent(column)}`, comment);
}

/**
 * Functions whose result differs per row: a column added with such a
 * default is filled row by row, which rewrites the whole table.
 */
const VOLATILE_CALL =
  /\b(random|gen_random_uuid|gen_random_bytes|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7|clock_timestamp|timeofday|nextval|txid_current|pg_current_xact_id)\s*\(/i;

/** True when adding a column with this default would evaluate it per row (and rewrite the table). */
export function isVolatileDefault(expression: string): boolean {
  return VOLATILE_CALL.test(expression);
}

/** The sequence a `nextval('…'::regclass)` default draws from, as written in the default. */
export function nextvalSequence(expression: string | null): string | null {
  const m = expression === null ? null : /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(expression);
  return m ? m[1]!.replace(/''/g, "'") : null;
}

/** How a model column is written when the plan adds it: its default and NOT NULL may come later. */
export interface ModelColumnOptions {
  /** Write the default (false: the caller sets it later). */
  readonly withDefault: boolean;
  /** Write NOT NULL (false: the caller sets it later). */
  readonly withNotNull: boolean;
  /** Schemas whose names qualify a collation name (see objectNameSql). */
  readonly knownSchemas: ReadonlySet<string>;
}

/** A model column as a definition, as the plan writes it (CREATE TABLE, ADD COLUMN). */
export function modelColumnDefinition(c: Column, o: ModelColumnOptions): ColumnDefinition {
  return {
    name: c.name,
    type: c.type,
    collation: c.collation === null ? null : objectNameSql(c.collation, o.knownSchemas),
    generated: c.generated,
    identity: c.identity === null ? null : { kind: c.identity, sequenceOptions: [] },
    default: o.withDefault ? c.default : null,
    notNull: o.withNotNull && !c.nullable,
  };
}

/** `ADD GENERATED … AS IDENTITY` to a column, unless it is already an identity column (re-runnable). */
export function addIdentityIfMissingSql(schema: string, table: string, column: string, kind: 'always' | 'by_default'): string {
  return doIf(
    `NOT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(schema, table)} AND attname = ${quoteLiteral(column)} AND attidentity <> '')`,
    alterColumnSql(schema, table, column, `ADD GENERATED ${kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`),
  );
}

/** A sequence a serial column draws from, as the conversions below need it: its name, and how to create it (options SQL, owner). */
export interface SerialSequence {
  readonly schema: string;
  readonly name: string;
  /** CREATE SEQUENCE options clauses (`AS integer`, `START WITH 1`…); used only where the sequence is created. */
  readonly options: readonly string[];
  /** Whether the column owns it (OWNED BY). */
  readonly owned: boolean;
}

/** `_sa_next := the next value sequence `seq` would hand out (NULL when it does not exist)`, read from pg_sequences by OID. */
function readNextValue(seqOid: string): string {
  return (
    `SELECT CASE WHEN s.last_value IS NULL THEN s.start_value ELSE s.last_value + s.increment_by END INTO _sa_next ${sequenceRow(seqOid)};`
  );
}

/** The row of pg_sequences for the sequence with OID `seqOid` (an expression). */
function sequenceRow(seqOid: string): string {
  return `FROM pg_catalog.pg_sequences s WHERE pg_catalog.to_regclass(pg_catalog.format('%I.%I', s.schemaname, s.sequencename)) = ${seqOid}`;
}

/** setval(the column's own sequence, past the largest value and `_sa_next`, else at its start). */
function setPastSql(schema: string, table: string, column: string, sequence: string): string {
  return (
    `PERFORM pg_catalog.setval(${sequence}, ` +
    `GREATEST((SELECT COALESCE(max(${quoteIdent(column)}) + 1, 1) FROM ${qualifiedName(schema, table)}), ` +
    `COALESCE(_sa_next, (SELECT s.start_value ${sequenceRow(`${sequence}::pg_catalog.regclass`)}))), false);`
  );
}

function identityTest(schema: string, table: string, column: string): string {
  return `EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(schema, table)} AND attname = ${quoteLiteral(column)} AND attidentity <> '')`;
}

/**
 * A serial column (a `nextval('seq')` default) made an identity column
 * without losing its current value, in one re-runnable block: the next value
 * of `old` is read, the default dropped, `old` dropped (`dropOld`: the column
 * owns it and nothing else draws from it), the identity added (`options`:
 * its sequence's options) and its sequence set past both the largest value
 * and the old next value. Does nothing once the column is an identity column.
 */
export function serialToIdentitySql(
  schema: string,
  table: string,
  column: string,
  kind: 'always' | 'by_default',
  old: { readonly schema: string; readonly name: string } | null,
  dropOld: boolean,
  options: readonly string[],
): string {
  const seq = `pg_catalog.pg_get_serial_sequence(${quoteLiteral(qualifiedName(schema, table))}, ${quoteLiteral(column)})`;
  return doBlock(
    [
      `IF NOT ${identityTest(schema, table, column)} THEN`,
      ...(old === null ? [] : [`  ${readNextValue(regclass(old.schema, old.name))}`]),
      `  ${alterColumnSql(schema, table, column, 'DROP DEFAULT')};`,
      ...(old !== null && dropOld ? [`  DROP SEQUENCE IF EXISTS ${qualifiedName(old.schema, old.name)};`] : []),
      `  ${alterColumnSql(schema, table, column, `ADD GENERATED ${kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options.length ? ` (${options.join(' ')})` : ''}`)};`,
      `  ${setPastSql(schema, table, column, seq)}`,
      'END IF;',
    ],
    ['_sa_next bigint;'],
  );
}

/**
 * An identity column made a serial column (default `nextval('seq')`)
 * without losing its current value, in one re-runnable block: the identity
 * sequence's next value is read, the identity dropped (with its sequence),
 * `seq` created when missing (and owned by the column), the default set and
 * `seq` set past both the largest value and the identity's next value. Does
 * nothing once the column is no identity column.
 */
export function identityToSerialSql(schema: string, table: string, column: string, seq: SerialSequence, defaultSql: string): string {
  const own = qualifiedName(seq.schema, seq.name);
  return doBlock(
    [
      `IF ${identityTest(schema, table, column)} THEN`,
      `  ${readNextValue(`pg_catalog.pg_get_serial_sequence(${quoteLiteral(qualifiedName(schema, table))}, ${quoteLiteral(column)})::pg_catalog.regclass`)}`,
      `  ${alterColumnSql(schema, table, column, 'DROP IDENTITY')};`,
      `  CREATE SEQUENCE IF NOT EXISTS ${own}${seq.options.length ? ` ${seq.options.join(' ')}` : ''};`,
      ...(seq.owned ? [`  ALTER SEQUENCE ${own} OWNED BY ${qualifiedName(schema, table)}.${quoteIdent(column)};`] : []),
      `  ${alterColumnSql(schema, table, column, `SET DEFAULT ${defaultSql}`)};`,
      `  ${setPastSql(schema, table, column, quoteLiteral(own))}`,
      'END IF;',
    ],
    ['_sa_next bigint;'],
  );
}

/** Set the sequence behind an identity or serial column past the largest value the column holds. */
export function syncColumnSequenceSql(schema: string, table: string, column: string): string {
  return (
    `SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(${quoteLiteral(qualifiedName(schema, table))}, ${quoteLiteral(column)}), ` +
    `COALESCE(max(${quoteIdent(column)}), 0) + 1, false) FROM ${qualifiedName(schema, table)}`
  );
}

/** What to fill a column with, where it is NULL, and how. */
export interface BackfillTarget {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  /** SQL for the new value: an expression over the row, or `DEFAULT`. */
  readonly value: string;
  /** Primary-key columns and their types; empty when the table has none. */
  readonly key: readonly { readonly name: string; readonly type: string }[];
  readonly batchSize: number;
}

/**
 * Fill `column` where it is NULL. With a primary key: a DO block that walks
 * the key in ranges of `batchSize` rows and commits after each, so no row
 * stays locked for longer than one batch and a re-run resumes (only NULLs
 * are touched); it cannot run inside a transaction block (`batched`).
 * Without a primary key: one UPDATE.
 */
export function backfillSql(t: BackfillTarget): { readonly sql: string; readonly batched: boolean } {
  const target = qualifiedName(t.schema, t.table);
  const set = `SET ${quoteIdent(t.column)} = ${t.value === 'DEFAULT' ? 'DEFAULT' : `(${t.value})`}`;
  const isNull = `${quoteIdent(t.column)} IS NULL`;
  if (t.key.length === 0) return { sql: `UPDATE ${target} ${set} WHERE ${isNull}`, batched: false };
  const cols = t.key.map((k) => quoteIdent(k.name));
  const row = (xs: readonly string[]): string => (xs.length === 1 ? xs[0]! : `(${xs.join(', ')})`);
  const last = t.key.map((_, i) => `_sa_last_${i + 1}`);
  const next = t.key.map((_, i) => `_sa_next_${i + 1}`);
  const after = `(NOT _sa_started OR ${row(cols)} > ${row(last)})`;
  const sql = doBlock(
    [
      'LOOP',
      `  SELECT ${cols.join(', ')} INTO ${next.join(', ')} FROM (`,
      `    SELECT ${cols.join(', ')} FROM ${target} WHERE ${after}`,
      `    ORDER BY ${cols.join(', ')} LIMIT ${t.batchSize}`,
      `  ) AS _sa_batch ORDER BY ${cols.map((c) => `${c} DESC`).join(', ')} LIMIT 1;`,
      '  EXIT WHEN NOT FOUND;',
      `  UPDATE ${target} ${set}`,
      `    WHERE ${after} AND ${row(cols)} <= ${row(next)} AND ${isNull};`,
      ...last.map((l, i) => `  ${l} := ${next[i]};`),
      '  _sa_started := true;',
      '  COMMIT;',
      'END LOOP;',
    ],
    [...t.key.flatMap((k, i) => [`${last[i]} ${k.type};`, `${next[i]} ${k.type};`]), '_sa_started boolean := false;'],
  );
  return { sql, batched: true };
}
