/**
 * SQL builders for remediation: idempotent DDL (guarded by the catalog where
 * PostgreSQL has no IF [NOT] EXISTS), index builds rewritten from the
 * server's own `pg_get_indexdef` text, and batched backfills. Pure string
 * work over model objects; every identifier goes through `quoteIdent`.
 *
 * The statements assume `search_path = pg_catalog, public`, the setting the
 * model's SQL text (types, defaults, expressions, definitions) was deparsed
 * with; the rendered files set it at the top.
 */
import { qualifiedName, quoteIdent, quoteLiteral } from '../model/identifiers.js';
import type { Column, Constraint, EnumType, Index, Sequence } from '../model/schema-model.js';
import type { PlanStatement } from './types.js';

export function stmt(sql: string, extra: Partial<Omit<PlanStatement, 'sql'>> = {}): PlanStatement {
  return { sql, transactional: extra.transactional ?? true, ...(extra.untimed ? { untimed: extra.untimed } : {}) };
}

export const UNTIMED_NONBLOCKING = 'it blocks neither reads nor writes, however long it runs';
export const UNTIMED_BATCHED = 'it commits after every batch, so no row stays locked for long';

/** A statement that may run long without blocking anyone (a concurrent build, a validation): no statement timeout. */
export function longRunning(sql: string, transactional = true): PlanStatement {
  return stmt(sql, { transactional, untimed: UNTIMED_NONBLOCKING });
}

/** `$sa$`, or `$sa1$`, `$sa2$`… when the body contains the tag. */
export function dollarQuote(body: string): string {
  let tag = '$sa$';
  for (let i = 1; body.includes(tag); i++) tag = `$sa${i}$`;
  return `${tag}\n${body}\n${tag}`;
}

/** A DO block around PL/pgSQL statements (each ending in `;`). */
export function doBlock(lines: readonly string[], declare: readonly string[] = []): string {
  const body = [...(declare.length ? ['DECLARE', ...declare.map((d) => `  ${d}`)] : []), 'BEGIN', ...lines.map((l) => `  ${l}`), 'END'].join('\n');
  return `DO ${dollarQuote(body)}`;
}

/** The relation's OID, or NULL when it does not exist: `to_regclass('public."Leads"')`. */
export function regclass(schema: string, name: string): string {
  return `pg_catalog.to_regclass(${quoteLiteral(qualifiedName(schema, name))})`;
}

function constraintExists(schema: string, table: string, name: string): string {
  return (
    `EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = ${regclass(schema, table)} ` +
    `AND conname = ${quoteLiteral(name)})`
  );
}

/** `ALTER TABLE … ADD CONSTRAINT name body`, only when the table has no constraint of that name. */
export function addConstraintGuarded(schema: string, table: string, name: string, body: string): string {
  return doBlock([
    `IF NOT ${constraintExists(schema, table, name)} THEN`,
    `  ALTER TABLE ${qualifiedName(schema, table)} ADD CONSTRAINT ${quoteIdent(name)} ${body};`,
    'END IF;',
  ]);
}

export function dropConstraint(schema: string, table: string, name: string): string {
  return `ALTER TABLE IF EXISTS ${qualifiedName(schema, table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(name)}`;
}

export function validateConstraint(schema: string, table: string, name: string): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} VALIDATE CONSTRAINT ${quoteIdent(name)}`;
}

/** `ALTER TABLE … RENAME CONSTRAINT from TO to`, only when `from` exists. */
export function renameConstraintGuarded(schema: string, table: string, from: string, to: string): string {
  return doBlock([
    `IF ${constraintExists(schema, table, from)} THEN`,
    `  ALTER TABLE ${qualifiedName(schema, table)} RENAME CONSTRAINT ${quoteIdent(from)} TO ${quoteIdent(to)};`,
    'END IF;',
  ]);
}

/** A constraint's definition without the ` NOT VALID` that pg_get_constraintdef appends to an unvalidated one. */
export function constraintBody(c: Constraint): string {
  return c.definition.replace(/\s+NOT VALID$/, '');
}

/** `DEFERRABLE INITIALLY DEFERRED` etc. for `ADD CONSTRAINT … USING INDEX`. */
export function deferrableClause(c: Constraint): string {
  if (!c.deferrable) return '';
  return c.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

// ------------------------------------------------------------------ types

/** CREATE TYPE … AS ENUM, only when no type of that name exists. */
export function createEnumGuarded(e: EnumType): string {
  return doBlock([
    `IF pg_catalog.to_regtype(${quoteLiteral(qualifiedName(e.schema, e.name))}) IS NULL THEN`,
    `  CREATE TYPE ${qualifiedName(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')});`,
    'END IF;',
  ]);
}

// -------------------------------------------------------------- sequences

export function createSequence(s: Sequence): string {
  return (
    `CREATE SEQUENCE IF NOT EXISTS ${qualifiedName(s.schema, s.name)} AS ${s.dataType} INCREMENT BY ${s.increment} ` +
    `MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache}${s.cycle ? ' CYCLE' : ''}`
  );
}

/** `ALTER SEQUENCE … OWNED BY table.column` for a sequence the model says is owned. */
export function ownedBySql(s: Sequence): string {
  const o = s.ownedBy;
  if (!o) return `ALTER SEQUENCE ${qualifiedName(s.schema, s.name)} OWNED BY NONE`;
  return `ALTER SEQUENCE ${qualifiedName(s.schema, s.name)} OWNED BY ${qualifiedName(o.schema, o.table)}.${quoteIdent(o.column)}`;
}

// ---------------------------------------------------------------- columns

/**
 * A collation name as SQL: a name the model prints as `schema.name` (not on
 * the search path) is qualified when the part before the dot is a known
 * schema; anything else is one name (`en_US.utf8`, `C`).
 */
export function collationSql(collation: string, knownSchemas: ReadonlySet<string>): string {
  const dot = collation.indexOf('.');
  if (dot > 0 && knownSchemas.has(collation.slice(0, dot))) return qualifiedName(collation.slice(0, dot), collation.slice(dot + 1));
  return quoteIdent(collation);
}

export interface ColumnSqlOptions {
  /** Write the default (false: the caller sets it later). */
  readonly withDefault: boolean;
  /** Write NOT NULL (false: the caller sets it later). */
  readonly withNotNull: boolean;
  readonly knownSchemas: ReadonlySet<string>;
}

/** `name type [COLLATE c] [GENERATED …] [DEFAULT d] [NOT NULL]`, as in CREATE TABLE and ADD COLUMN. */
export function columnSql(c: Column, o: ColumnSqlOptions): string {
  let sql = `${quoteIdent(c.name)} ${c.type}`;
  if (c.collation !== null) sql += ` COLLATE ${collationSql(c.collation, o.knownSchemas)}`;
  if (c.generated !== null) sql += ` GENERATED ALWAYS AS (${c.generated.expression}) ${c.generated.kind === 'virtual' ? 'VIRTUAL' : 'STORED'}`;
  if (c.identity !== null) sql += ` GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
  if (o.withDefault && c.default !== null) sql += ` DEFAULT ${c.default}`;
  if (o.withNotNull && !c.nullable) sql += ' NOT NULL';
  return sql;
}

export function alterColumn(schema: string, table: string, column: string, action: string): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} ALTER COLUMN ${quoteIdent(column)} ${action}`;
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

/**
 * SET NOT NULL without a long lock: a `CHECK (col IS NOT NULL)` added NOT
 * VALID, validated (a scan that blocks neither reads nor writes), then SET
 * NOT NULL (which trusts the valid check instead of scanning under its
 * ACCESS EXCLUSIVE lock), then the check dropped. Fails at VALIDATE while a
 * row holds NULL.
 */
export function setNotNullSafely(schema: string, table: string, column: string, helperName: string): PlanStatement[] {
  return [
    stmt(addConstraintGuarded(schema, table, helperName, `CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID`)),
    longRunning(validateConstraint(schema, table, helperName)),
    stmt(alterColumn(schema, table, column, 'SET NOT NULL')),
    stmt(dropConstraint(schema, table, helperName)),
  ];
}

// ---------------------------------------------------------------- indexes

export interface IndexSqlOptions {
  readonly concurrently: boolean;
  /** Build it under another name (an index rebuild's temporary name). */
  readonly name?: string;
}

/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] IF NOT EXISTS name ON table …` from
 * the definition `pg_get_indexdef` printed. `ON ONLY` (a partitioned
 * parent's index as printed) is dropped: the build must recurse into the
 * partitions.
 */
export function createIndexSql(index: Index, o: IndexSqlOptions): string {
  const m = /^CREATE (UNIQUE )?INDEX ((?:"(?:[^"]|"")+")|[^\s"]+) ON (ONLY )?/.exec(index.definition);
  if (!m) throw new Error(`unexpected index definition: ${index.definition}`);
  const rest = index.definition.slice(m[0].length);
  return `CREATE ${m[1] ?? ''}INDEX ${o.concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${quoteIdent(o.name ?? index.name)} ON ${rest}`;
}

/**
 * A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind, which
 * IF NOT EXISTS would then keep: drop it first, so a re-run rebuilds it.
 */
export function dropInvalidIndex(schema: string, name: string): string {
  return doBlock([
    `IF EXISTS (SELECT FROM pg_catalog.pg_index WHERE indexrelid = ${regclass(schema, name)} AND NOT indisvalid) THEN`,
    `  DROP INDEX ${qualifiedName(schema, name)};`,
    'END IF;',
  ]);
}

export function dropIndexSql(schema: string, name: string, concurrently: boolean): string {
  return `DROP INDEX ${concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS ${qualifiedName(schema, name)}`;
}

/** `ALTER INDEX IF EXISTS from RENAME TO to`. */
export function renameIndex(schema: string, from: string, to: string): string {
  return `ALTER INDEX IF EXISTS ${qualifiedName(schema, from)} RENAME TO ${quoteIdent(to)}`;
}

// --------------------------------------------------------------- backfill

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
 * are touched). It cannot run inside a transaction block. Without a primary
 * key: one UPDATE.
 */
export function backfillSql(t: BackfillTarget): PlanStatement {
  const target = qualifiedName(t.schema, t.table);
  const set = `SET ${quoteIdent(t.column)} = ${t.value === 'DEFAULT' ? 'DEFAULT' : `(${t.value})`}`;
  const isNull = `${quoteIdent(t.column)} IS NULL`;
  if (t.key.length === 0) return stmt(`UPDATE ${target} ${set} WHERE ${isNull}`);
  const cols = t.key.map((k) => quoteIdent(k.name));
  const row = (xs: readonly string[]): string => (xs.length === 1 ? xs[0]! : `(${xs.join(', ')})`);
  const last = t.key.map((_, i) => `_sa_last_${i + 1}`);
  const next = t.key.map((_, i) => `_sa_next_${i + 1}`);
  const after = `(NOT _sa_started OR ${row(cols)} > ${row(last)})`;
  return stmt(
    doBlock(
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
    ),
    { transactional: false, untimed: UNTIMED_BATCHED },
  );
}
