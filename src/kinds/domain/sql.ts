/** SQL for domains: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doIf, regtype } from '../sql.js';

/** A domain as CREATE DOMAIN writes it; every text is SQL already (types resolved, names quoted). */
export interface DomainDefinition {
  readonly schema: string;
  readonly name: string;
  readonly baseType: string;
  readonly collation: string | null;
  readonly default: string | null;
  readonly notNull: boolean;
  /** Named checks: `CHECK (VALUE > 0)`. */
  readonly checks: readonly { readonly name: string; readonly body: string }[];
}

export function createDomainSql(d: DomainDefinition): string {
  let sql = `CREATE DOMAIN ${qualifiedName(d.schema, d.name)} AS ${d.baseType}`;
  if (d.collation !== null) sql += ` COLLATE ${d.collation}`;
  if (d.default !== null) sql += ` DEFAULT ${d.default}`;
  if (d.notNull) sql += ' NOT NULL';
  for (const c of d.checks) sql += ` CONSTRAINT ${quoteIdent(c.name)} ${c.body}`;
  return sql;
}

/** CREATE DOMAIN, only when no type of that name exists (re-runnable). */
export function createDomainIfMissingSql(d: DomainDefinition): string {
  return doIf(`${regtype(d.schema, d.name)} IS NULL`, createDomainSql(d));
}

/** A check added after the domain (CREATE DOMAIN cannot say NOT VALID). */
export function addDomainConstraintSql(schema: string, name: string, check: string, definition: string): string {
  return `ALTER DOMAIN ${qualifiedName(schema, name)} ADD CONSTRAINT ${quoteIdent(check)} ${definition}`;
}

export function dropDomainSql(schema: string, name: string): string {
  return `DROP DOMAIN IF EXISTS ${qualifiedName(schema, name)}`;
}

export function commentOnDomainSql(schema: string, name: string, comment: string): string {
  return commentSql('DOMAIN', qualifiedName(schema, name), comment);
}

/** `ALTER DOMAIN … SET DEFAULT …` / `DROP DEFAULT` / `SET NOT NULL` / `DROP NOT NULL`: `action` is SQL already. */
export function alterDomainSql(schema: string, name: string, action: string): string {
  return `ALTER DOMAIN ${qualifiedName(schema, name)} ${action}`;
}

/** A check added NOT VALID (no scan) unless the domain has one of that name already (re-runnable); `definition` is `CHECK (…)`. */
export function addDomainCheckIfMissingSql(schema: string, name: string, check: string, definition: string): string {
  const exists = `EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE contypid = ${regtype(schema, name)} AND conname = ${quoteLiteral(check)})`;
  return doIf(`NOT ${exists}`, `${addDomainConstraintSql(schema, name, check, definition)} NOT VALID`);
}

/** VALIDATE CONSTRAINT: scans every column of the domain's type. */
export function validateDomainCheckSql(schema: string, name: string, check: string): string {
  return `ALTER DOMAIN ${qualifiedName(schema, name)} VALIDATE CONSTRAINT ${quoteIdent(check)}`;
}

export function dropDomainCheckSql(schema: string, name: string, check: string): string {
  return `ALTER DOMAIN ${qualifiedName(schema, name)} DROP CONSTRAINT IF EXISTS ${quoteIdent(check)}`;
}
