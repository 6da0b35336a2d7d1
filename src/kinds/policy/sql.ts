/** SQL for row-level security: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock, doIf, regclass } from '../sql.js';
import type { Policy } from './model.js';

/** A role list as SQL: `public` is PUBLIC, every other name quoted as needed. */
export function rolesSql(roles: readonly string[]): string {
  return (roles.length ? roles : ['public']).map((r) => (r === 'public' ? 'PUBLIC' : quoteIdent(r))).join(', ');
}

function policyExists(schema: string, table: string, name: string): string {
  return `EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = ${regclass(schema, table)} AND polname = ${quoteLiteral(name)})`;
}

/**
 * `CREATE POLICY`, every clause spelled out. The expressions are the
 * server's deparse (or a spec's or snapshot's, checked to be one expression
 * each), put in parentheses as PostgreSQL requires.
 */
export function policyDefinitionSql(schema: string, table: string, p: Omit<Policy, 'comment'>): string {
  return [
    `CREATE POLICY ${quoteIdent(p.name)} ON ${qualifiedName(schema, table)}`,
    `AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'}`,
    `FOR ${p.command.toUpperCase()}`,
    `TO ${rolesSql(p.roles)}`,
    ...(p.using === null ? [] : [`USING (${p.using})`]),
    ...(p.check === null ? [] : [`WITH CHECK (${p.check})`]),
  ].join(' ');
}

/** CREATE POLICY, re-runnable: PostgreSQL has no IF NOT EXISTS for it, so only when the table has no policy of that name. */
export function createPolicySql(schema: string, table: string, p: Omit<Policy, 'comment'>): string {
  return doIf(`NOT ${policyExists(schema, table, p.name)}`, policyDefinitionSql(schema, table, p));
}

export function dropPolicySql(schema: string, table: string, name: string): string {
  return `DROP POLICY IF EXISTS ${quoteIdent(name)} ON ${qualifiedName(schema, table)}`;
}

/** A policy replaced by another of the same name: the drop and the create in one DO block (one statement: no moment without it). */
export function replacePolicySql(schema: string, table: string, p: Omit<Policy, 'comment'>): string {
  return doBlock([`${dropPolicySql(schema, table, p.name)};`, `${policyDefinitionSql(schema, table, p)};`]);
}

/**
 * `ALTER POLICY … TO … USING (…) WITH CHECK (…)`: what ALTER POLICY can
 * change (roles, and expressions that stay present; it cannot remove one).
 */
export function alterPolicySql(schema: string, table: string, p: Omit<Policy, 'comment'>): string {
  return [
    `ALTER POLICY ${quoteIdent(p.name)} ON ${qualifiedName(schema, table)}`,
    `TO ${rolesSql(p.roles)}`,
    ...(p.using === null ? [] : [`USING (${p.using})`]),
    ...(p.check === null ? [] : [`WITH CHECK (${p.check})`]),
  ].join(' ');
}

/** `ALTER TABLE … ENABLE | DISABLE ROW LEVEL SECURITY` (the table alone: partitions have their own). */
export function rowSecuritySql(schema: string, table: string, enabled: boolean): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} ${enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`;
}

/** `ALTER TABLE … FORCE | NO FORCE ROW LEVEL SECURITY`. */
export function forceRowSecuritySql(schema: string, table: string, forced: boolean): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} ${forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`;
}

export function commentOnPolicySql(schema: string, table: string, name: string, comment: string): string {
  return commentSql('POLICY', `${quoteIdent(name)} ON ${qualifiedName(schema, table)}`, comment);
}

/** A policy built from nothing: created, then its comment. */
export function buildPolicySql(schema: string, table: string, p: Policy): string[] {
  return [createPolicySql(schema, table, p), ...(p.comment === null ? [] : [commentOnPolicySql(schema, table, p.name, p.comment)])];
}

/** The statements that turn a new table's row-level security on as the model has it (nothing when off). */
export function rowSecurityOnSql(t: { readonly schema: string; readonly name: string; readonly rowSecurity?: boolean; readonly forceRowSecurity?: boolean }): string[] {
  return [...(t.rowSecurity ? [rowSecuritySql(t.schema, t.name, true)] : []), ...(t.forceRowSecurity ? [forceRowSecuritySql(t.schema, t.name, true)] : [])];
}
