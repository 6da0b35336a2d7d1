/**
 * What the diff reports about row-level security of a table present on
 * both sides: whether it is enabled and forced, and its policies, with the
 * default severity of each finding kind and why.
 */
import type { Described, Finding } from '../../findings/finding.js';
import { wholeObject, type FindingDefinitions } from '../kind.js';
import type { Policy } from './model.js';

export type PolicyFinding =
  /** ENABLE / DISABLE ROW LEVEL SECURITY (`relrowsecurity`). */
  | Finding<'rls_enabled_mismatch', boolean, boolean>
  /** FORCE / NO FORCE ROW LEVEL SECURITY (`relforcerowsecurity`). */
  | Finding<'rls_forced_mismatch', boolean, boolean>
  | Finding<'missing_policy', Described<Policy>, null>
  | Finding<'unexpected_policy', null, Policy>
  | Finding<'policy_mismatch', Policy, Policy>;

/** What differs between two policies of the same name, in the order CREATE POLICY writes them. */
export function policyAspects(expected: Policy, actual: Policy): string[] {
  const out: string[] = [];
  if (expected.permissive !== actual.permissive) out.push('permissive');
  if (expected.command !== actual.command) out.push('command');
  if (expected.roles.join('\u0000') !== actual.roles.join('\u0000')) out.push('roles');
  if (expected.using !== actual.using) out.push('using');
  if (expected.check !== actual.check) out.push('check');
  return out;
}

export const POLICY_FINDINGS: FindingDefinitions<PolicyFinding> = {
  // Off: every role with privileges on the table sees and writes every row
  // (a multi-tenant table leaks across tenants). On where off is expected:
  // roles without a policy see nothing.
  rls_enabled_mismatch: { severity: 'error', effect: 'mismatch', noun: { one: 'row-level security difference', many: 'row-level security differences' }, aspects: () => ['rowSecurity'] },
  // The table's owner is, or is not, subject to the policies.
  rls_forced_mismatch: { severity: 'warning', effect: 'mismatch', noun: { one: 'forced row-level security difference', many: 'forced row-level security differences' }, aspects: () => ['forceRowSecurity'] },
  // A permissive policy missing hides rows its roles should reach; a
  // restrictive one missing lets them reach rows they should not.
  missing_policy: { severity: 'error', effect: 'missing', noun: { one: 'missing policy', many: 'missing policies' }, aspects: wholeObject },
  // A permissive policy nobody expects opens rows to its roles.
  unexpected_policy: { severity: 'error', effect: 'unexpected', noun: { one: 'unexpected policy', many: 'unexpected policies' }, aspects: wholeObject },
  // Other rows, other roles or other commands are let through.
  policy_mismatch: { severity: 'error', effect: 'mismatch', noun: { one: 'policy difference', many: 'policy differences' }, aspects: policyAspects },
};
