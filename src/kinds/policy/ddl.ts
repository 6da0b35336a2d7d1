/** Row-level security of a spec's tables as DDL: policies, then ENABLE / FORCE (policies phase); policy comments (comments phase). */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { forceRowSecuritySql, commentOnPolicySql, policyDefinitionSql, rowSecuritySql } from './sql.js';
import { policyOfSpec } from './spec.js';

/** Every table's policies, then its row-level security switched on: never a table enforcing it without its policies. */
export function policyStatements(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const entry of ctx.tables.creationOrder) {
    for (const [name, node] of Object.entries(entry.spec.policies ?? {})) {
      out.push({ sql: policyDefinitionSql(entry.schema, entry.name, policyOfSpec(name, node)), path: [...entry.path, 'policies', name] });
    }
  }
  for (const entry of ctx.tables.creationOrder) {
    if (entry.spec.rowSecurity) out.push({ sql: rowSecuritySql(entry.schema, entry.name, true), path: [...entry.path, 'rowSecurity'] });
    if (entry.spec.forceRowSecurity) out.push({ sql: forceRowSecuritySql(entry.schema, entry.name, true), path: [...entry.path, 'forceRowSecurity'] });
  }
  return out;
}

export function policyComments(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const entry of ctx.tables.creationOrder) {
    for (const [name, node] of Object.entries(entry.spec.policies ?? {})) {
      if (typeof node === 'string' || node.description === undefined) continue;
      out.push({ sql: commentOnPolicySql(entry.schema, entry.name, name, node.description), path: [...entry.path, 'policies', name, 'description'] });
    }
  }
  return out;
}
