/** SQL for indexes: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent } from '../../model/identifiers.js';
import { commentSql, doIf, regclass } from '../sql.js';
import type { Index } from './model.js';

/** A structural index as CREATE INDEX writes it; keys, method, predicate are SQL already. */
export interface IndexDefinition {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly unique: boolean;
  /** Access method; null writes none (btree). */
  readonly method: string | null;
  /** Each key: `col`, `(expr)`, with COLLATE, operator class, DESC, NULLS. */
  readonly keys: readonly string[];
  readonly include: readonly string[];
  readonly nullsNotDistinct: boolean;
  readonly where: string | null;
}

export function createIndexFromDefinitionSql(d: IndexDefinition): string {
  let sql = `CREATE ${d.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(d.name)} ON ${qualifiedName(d.schema, d.table)}`;
  if (d.method !== null) sql += ` USING ${quoteIdent(d.method)}`;
  sql += ` (${d.keys.join(', ')})`;
  if (d.include.length) sql += ` INCLUDE (${d.include.map(quoteIdent).join(', ')})`;
  if (d.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (d.where !== null) sql += ` WHERE (${d.where})`;
  return sql;
}

/** One key of an index: column or expression, collation, operator class, order, nulls order (all SQL already). */
export function indexKeySql(key: {
  readonly column?: string;
  readonly expression?: string;
  readonly collation?: string;
  readonly opclass?: string;
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
}): string {
  let sql = key.column !== undefined ? quoteIdent(key.column) : `(${key.expression ?? ''})`;
  if (key.collation !== undefined) sql += ` COLLATE ${key.collation}`;
  if (key.opclass !== undefined) sql += ` ${key.opclass}`;
  if (key.order === 'desc') sql += ' DESC';
  if (key.nulls !== undefined) sql += ` NULLS ${key.nulls === 'first' ? 'FIRST' : 'LAST'}`;
  return sql;
}

export interface IndexSqlOptions {
  readonly concurrently: boolean;
  /** Build it under another name (an index rebuild's temporary name). */
  readonly name?: string;
  /** `ON ONLY`: a partitioned table's index without its partitions' (attached one by one after). */
  readonly only?: boolean;
}

/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] IF NOT EXISTS name ON table …` from
 * the definition `pg_get_indexdef` printed. `ON ONLY` (a partitioned
 * parent's index as printed) is dropped, so the build recurses into the
 * partitions, unless `only` asks for it (the partitions' indexes are then
 * built and attached one by one).
 */
export function createIndexSql(index: Index, o: IndexSqlOptions): string {
  const m = /^CREATE (UNIQUE )?INDEX ((?:"(?:[^"]|"")+")|[^\s"]+) ON (ONLY )?/.exec(index.definition);
  if (!m) throw new Error(`unexpected index definition: ${index.definition}`);
  const rest = index.definition.slice(m[0].length);
  return `CREATE ${m[1] ?? ''}INDEX ${o.concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${quoteIdent(o.name ?? index.name)} ON ${o.only ? 'ONLY ' : ''}${rest}`;
}

/**
 * A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind, which
 * IF NOT EXISTS would then keep: drop it first, so a re-run rebuilds it.
 */
export function dropInvalidIndexSql(schema: string, name: string): string {
  return doIf(`EXISTS (SELECT FROM pg_catalog.pg_index WHERE indexrelid = ${regclass(schema, name)} AND NOT indisvalid)`, `DROP INDEX ${qualifiedName(schema, name)}`);
}

export function dropIndexSql(schema: string, name: string, concurrently: boolean): string {
  return `DROP INDEX ${concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS ${qualifiedName(schema, name)}`;
}

/** `ALTER INDEX IF EXISTS from RENAME TO to`. */
export function renameIndexSql(schema: string, from: string, to: string): string {
  return `ALTER INDEX IF EXISTS ${qualifiedName(schema, from)} RENAME TO ${quoteIdent(to)}`;
}

/** `ALTER INDEX … SET (storage parameters)`. */
export function setIndexStorageSql(schema: string, name: string, parameters: string): string {
  return `ALTER INDEX ${qualifiedName(schema, name)} SET (${parameters})`;
}

export function commentOnIndexSql(schema: string, name: string, comment: string): string {
  return commentSql('INDEX', qualifiedName(schema, name), comment);
}
