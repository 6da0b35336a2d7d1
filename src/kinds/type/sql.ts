/** SQL for composite and range types: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doIf, regtype } from '../sql.js';
import type { TypeAttribute, UserType } from './model.js';

/** An attribute as CREATE TYPE and ADD ATTRIBUTE write it; `collation` is SQL already. */
function attributeSql(a: TypeAttribute, collation: (name: string) => string): string {
  return `${quoteIdent(a.name)} ${a.type}${a.collation !== null ? ` COLLATE ${collation(a.collation)}` : ''}`;
}

/**
 * `CREATE TYPE … AS (…)` or `… AS RANGE (…)`. Types, collations and
 * functions are SQL already (as the catalog prints them); `collation` turns
 * a collation name into SQL.
 */
export function createTypeSql(t: Pick<UserType, 'schema' | 'name' | 'kind' | 'attributes' | 'range'>, collation: (name: string) => string = quoteIdent): string {
  const name = qualifiedName(t.schema, t.name);
  if (t.kind === 'composite') return `CREATE TYPE ${name} AS (${t.attributes.map((a) => attributeSql(a, collation)).join(', ')})`;
  const r = t.range!;
  const parts = [`SUBTYPE = ${r.subtype}`];
  if (r.collation !== null) parts.push(`COLLATION = ${collation(r.collation)}`);
  if (r.canonical !== null) parts.push(`CANONICAL = ${r.canonical}`);
  if (r.subtypeDiff !== null) parts.push(`SUBTYPE_DIFF = ${r.subtypeDiff}`);
  return `CREATE TYPE ${name} AS RANGE (${parts.join(', ')})`;
}

/** CREATE TYPE, only when no type of that name exists (re-runnable). */
export function createTypeIfMissingSql(t: Pick<UserType, 'schema' | 'name' | 'kind' | 'attributes' | 'range'>, collation?: (name: string) => string): string {
  return doIf(`${regtype(t.schema, t.name)} IS NULL`, createTypeSql(t, collation));
}

export function dropTypeSql(schema: string, name: string): string {
  return `DROP TYPE IF EXISTS ${qualifiedName(schema, name)}`;
}

/**
 * `ALTER TYPE … ADD ATTRIBUTE`, `DROP ATTRIBUTE IF EXISTS`, `ALTER ATTRIBUTE
 * … TYPE`, joined in one statement (all or nothing). ADD ATTRIBUTE has no IF
 * NOT EXISTS: with `added`, the statement runs only while the type lacks the
 * first of them (re-runnable).
 */
export function alterAttributesSql(schema: string, name: string, actions: readonly string[], added: readonly string[] = []): string {
  const sql = `ALTER TYPE ${qualifiedName(schema, name)} ${actions.join(', ')}`;
  if (added.length === 0) return sql;
  const relation = `(SELECT t.typrelid FROM pg_catalog.pg_type t WHERE t.oid = ${regtype(schema, name)})`;
  return doIf(`NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${relation} AND a.attname = ${quoteLiteral(added[0]!)} AND NOT a.attisdropped)`, sql);
}

export function addAttributeAction(a: TypeAttribute, collation: (name: string) => string): string {
  return `ADD ATTRIBUTE ${attributeSql(a, collation)}`;
}

export function dropAttributeAction(name: string): string {
  return `DROP ATTRIBUTE IF EXISTS ${quoteIdent(name)}`;
}

export function alterAttributeAction(a: TypeAttribute, collation: (name: string) => string): string {
  return `ALTER ATTRIBUTE ${quoteIdent(a.name)} TYPE ${a.type}${a.collation !== null ? ` COLLATE ${collation(a.collation)}` : ''}`;
}

export function commentOnTypeSql(schema: string, name: string, comment: string): string {
  return commentSql('TYPE', qualifiedName(schema, name), comment);
}
