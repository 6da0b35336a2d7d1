/** Compare the row-level security of a table present on both sides (called by the table's comparison). */
import { diffKeyed } from '../../diff/diff-keyed.js';
import type { Comparison, FindingObject } from '../../findings/finding.js';
import { describedBy, oneLine, qualified } from '../../findings/words.js';
import type { Table } from '../table/model.js';
import { policyAspects, type PolicyFinding } from './findings.js';
import type { Policy } from './model.js';

function policyObject(t: Table, policy: string): FindingObject {
  return { schema: t.schema, table: t.name, policy };
}

/** `PERMISSIVE FOR ALL TO public USING (…) WITH CHECK (…)`: a policy in one line, as CREATE POLICY writes its clauses. */
export function policyText(p: Policy): string {
  return [
    p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE',
    `FOR ${p.command.toUpperCase()}`,
    `TO ${p.roles.join(', ')}`,
    ...(p.using === null ? [] : [`USING (${oneLine(p.using)})`]),
    ...(p.check === null ? [] : [`WITH CHECK (${oneLine(p.check)})`]),
  ].join(' ');
}

const onOff = (on: boolean): string => (on ? 'enabled' : 'disabled');

/**
 * Row-level security of tables `e` (expected) and `a` (actual): ENABLE and
 * FORCE, then the policies matched by name (missing, unexpected, or another
 * command, type, roles or expression: the expressions are both the server's
 * deparse).
 */
export function comparePolicies(e: Table, a: Table): Comparison<PolicyFinding> {
  const out: Comparison<PolicyFinding> = { findings: [], present: [] };
  const table = qualified(e.schema, e.name);
  const eOn = e.rowSecurity === true;
  const aOn = a.rowSecurity === true;
  if (eOn !== aOn) {
    out.findings.push({
      kind: 'rls_enabled_mismatch',
      object: { schema: e.schema, table: e.name },
      expected: eOn,
      actual: aOn,
      message: `row-level security on table ${table} is ${onOff(aOn)}, expected ${onOff(eOn)}`,
    });
  }
  const eForced = e.forceRowSecurity === true;
  const aForced = a.forceRowSecurity === true;
  if (eForced !== aForced) {
    out.findings.push({
      kind: 'rls_forced_mismatch',
      object: { schema: e.schema, table: e.name },
      expected: eForced,
      actual: aForced,
      message: `row-level security on table ${table} is ${aForced ? 'forced' : 'not forced'} (its owner ${aForced ? 'is' : 'is not'} subject to the policies), expected ${eForced ? 'forced' : 'not forced'}`,
    });
  }
  const diff = diffKeyed(e.policies ?? [], a.policies ?? [], (p) => p.name);
  for (const p of diff.missing) {
    out.findings.push({
      kind: 'missing_policy',
      object: policyObject(e, p.name),
      expected: { ...p, description: p.comment },
      actual: null,
      message: `policy ${qualified(e.schema, e.name, p.name)} is missing (expected ${policyText(p)})`,
    });
  }
  for (const p of diff.unexpected) {
    out.findings.push({
      kind: 'unexpected_policy',
      object: policyObject(a, p.name),
      expected: null,
      actual: p,
      message: `policy ${qualified(a.schema, a.name, p.name)} is not in the expected schema (${policyText(p)})`,
    });
  }
  for (const { expected, actual } of diff.common) {
    const object = policyObject(e, expected.name);
    const aspects = policyAspects(expected, actual);
    if (aspects.length) {
      out.findings.push({
        kind: 'policy_mismatch',
        object,
        expected,
        actual,
        message: `policy ${qualified(e.schema, e.name, expected.name)} differs in ${aspects.join(', ')} (expected ${policyText(expected)}, actual ${policyText(actual)})`,
      });
    }
    out.present.push({ kind: 'policy', object, ...describedBy(expected.comment), identical: aspects.length === 0 });
  }
  return out;
}
