/** SQL for views and materialized views: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql } from '../sql.js';
import type { ViewKind } from './model.js';

/** What a CREATE statement needs of a view. */
export interface ViewDdl {
  readonly schema: string;
  readonly name: string;
  readonly kind: ViewKind;
  /** One query (checked as such when it comes from a spec or snapshot), a final `;` allowed. */
  readonly definition: string;
  /** `name=value`, as `reloptions` holds them. */
  readonly options: readonly string[];
  /** A materialized view: filled when created (WITH DATA) or not. */
  readonly withData?: boolean;
}

/** `VIEW`, `MATERIALIZED VIEW`. */
export function viewKeyword(kind: ViewKind): string {
  return kind === 'materialized_view' ? 'MATERIALIZED VIEW' : 'VIEW';
}

/** `security_barrier='true'`: the name quoted part by part (`toast.fillfactor`), the value a literal. */
function optionSql(option: string): string {
  const eq = option.indexOf('=');
  const name = eq < 0 ? option : option.slice(0, eq);
  const value = eq < 0 ? 'true' : option.slice(eq + 1);
  return `${name.split('.').map(quoteIdent).join('.')} = ${quoteLiteral(value)}`;
}

function withOptions(options: readonly string[]): string {
  return options.length === 0 ? '' : ` WITH (${options.map(optionSql).join(', ')})`;
}

/** The query without a final `;` and surrounding blank space. */
export function queryBody(definition: string): string {
  return definition.trim().replace(/;$/, '').trimEnd();
}

/**
 * `CREATE [OR REPLACE] VIEW … AS …`, or `CREATE MATERIALIZED VIEW IF NOT
 * EXISTS … AS … WITH [NO] DATA` (a materialized view cannot be replaced).
 */
export function createViewSql(v: ViewDdl, options: { readonly orReplace?: boolean } = {}): string {
  const name = qualifiedName(v.schema, v.name);
  const body = queryBody(v.definition);
  if (v.kind === 'materialized_view') {
    return `CREATE MATERIALIZED VIEW IF NOT EXISTS ${name}${withOptions(v.options)} AS\n${body}\nWITH ${v.withData === false ? 'NO DATA' : 'DATA'}`;
  }
  return `CREATE ${options.orReplace ? 'OR REPLACE ' : ''}VIEW ${name}${withOptions(v.options)} AS\n${body}`;
}

export function dropViewSql(schema: string, name: string, kind: ViewKind): string {
  return `DROP ${viewKeyword(kind)} IF EXISTS ${qualifiedName(schema, name)}`;
}

export function commentOnViewSql(schema: string, name: string, kind: ViewKind, comment: string): string {
  return commentSql(viewKeyword(kind), qualifiedName(schema, name), comment);
}

/** `REFRESH MATERIALIZED VIEW …` (WITH NO DATA empties it). */
export function refreshSql(schema: string, name: string, withData: boolean): string {
  return `REFRESH MATERIALIZED VIEW ${qualifiedName(schema, name)}${withData ? '' : ' WITH NO DATA'}`;
}

/** `ALTER VIEW … SET (…)` / `RESET (…)`: options of a view, or storage parameters of a materialized view. */
export function setOptionsSql(schema: string, name: string, kind: ViewKind, set: readonly string[], reset: readonly string[]): string[] {
  const target = `ALTER ${viewKeyword(kind)} ${qualifiedName(schema, name)}`;
  const out: string[] = [];
  if (reset.length) out.push(`${target} RESET (${reset.map((o) => o.split('=')[0]!.split('.').map(quoteIdent).join('.')).join(', ')})`);
  if (set.length) out.push(`${target} SET (${set.map(optionSql).join(', ')})`);
  return out;
}

/** `CREATE [UNIQUE] INDEX IF NOT EXISTS …` from `pg_get_indexdef`'s text (or a spec's). */
export function createIndexIfMissingSql(definition: string): string {
  return queryBody(definition).replace(/^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS )/i, (m) => `${m}IF NOT EXISTS `);
}

export function dropIndexSql(schema: string, name: string): string {
  return `DROP INDEX IF EXISTS ${qualifiedName(schema, name)}`;
}
