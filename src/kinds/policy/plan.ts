/**
 * The plan's part for row-level security. On the way up, policies first
 * (phase `policies`, after every function, table, column and view their
 * expressions may read), then ENABLE / FORCE ROW LEVEL SECURITY (phase
 * `row_security`): a table never enforces row-level security without the
 * policies it expects. down.sql runs the steps in reverse: row-level
 * security goes back first, then the policies. Unexpected policies are
 * dropped (`drop_policies`, early) only with --drop-unexpected. A policy
 * that reads a column whose type the plan changes is dropped before
 * (`drop_policies`) and created again after (`policies`): PostgreSQL
 * refuses ALTER COLUMN … TYPE while a policy uses the column. Roles are
 * never created: a policy naming one the target lacks fails (a hazard says
 * so). Every statement re-runnable.
 */
import { findingId } from '../../findings/finding.js';
import { refParts } from '../../model/dependencies.js';
import { displayName, objectKey, quoteIdent } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard } from '../../plan/types.js';
import { mentionOf } from '../column/plan-generated.js';
import { retypedColumns } from '../column/retyped.js';
import { policyAspects, type PolicyFinding } from './findings.js';
import type { Policy } from './model.js';
import { alterPolicySql, buildPolicySql, dropPolicySql, forceRowSecuritySql, policyDefinitionSql, replacePolicySql, rowSecuritySql } from './sql.js';

type Of<K extends PolicyFinding['kind']> = Extract<PolicyFinding, { kind: K }>;

function where(f: PolicyFinding): { schema: string; table: string; name: string; object: string; tableName: string } {
  const o = f.object;
  const table = o.table ?? '';
  const name = o.policy ?? '';
  return { schema: o.schema, table, name, tableName: displayName(o.schema, table), object: name ? displayName(o.schema, table, name) : displayName(o.schema, table) };
}

const rolesText = (p: Policy): string => (p.roles.length === 1 && p.roles[0] === 'public' ? 'every role' : `role${p.roles.length > 1 ? 's' : ''} ${p.roles.join(', ')}`);

/** The roles policy `p` names that the audited server lacks (known from pg_roles), none when unknown. */
export function absentRoles(ctx: Pick<PlanContext, 'liveRoles'>, p: Policy): string[] {
  const roles = ctx.liveRoles;
  return roles === null ? [] : p.roles.filter((r) => r !== 'public' && !roles.has(r));
}

/** Why a policy naming roles the server lacks is a manual step. */
export function absentRolesReason(p: Policy, absent: readonly string[]): string {
  return `policy ${quoteIdent(p.name)} names role${absent.length > 1 ? 's' : ''} ${absent.map(quoteIdent).join(', ')}, which the database's server lacks: create ${absent.length > 1 ? 'them' : 'it'} (the plan never creates roles), then run the audit again`;
}

/**
 * When the server's roles are unknown (no pg_roles read): the roles a
 * policy names (PUBLIC aside) may be missing there, and the statement then
 * fails. Known roles: nothing to say (absent ones made the policy manual).
 */
export function rolesHazard(ctx: Pick<PlanContext, 'liveRoles'>, p: Policy): Hazard[] {
  const named = p.roles.filter((r) => r !== 'public');
  if (!named.length || ctx.liveRoles !== null) return [];
  return [
    {
      kind: 'may_fail',
      message: `policy ${quoteIdent(p.name)} names role${named.length > 1 ? 's' : ''} ${named.map(quoteIdent).join(', ')}: the statement fails where ${named.length > 1 ? 'they do' : 'it does'} not exist (the plan never creates roles: create ${named.length > 1 ? 'them' : 'it'} first)`,
    },
  ];
}

/** What creating (or dropping) a policy does to access, once the table enforces row-level security. */
function policyAccess(p: Policy, table: string, creating: boolean): Hazard {
  const widens = p.permissive === creating;
  const what = `${p.permissive ? 'permissive' : 'restrictive'} policy ${quoteIdent(p.name)} (FOR ${p.command.toUpperCase()}) on ${table}`;
  return {
    kind: 'access_change',
    message: `${creating ? 'creating' : 'dropping'} ${what} ${widens ? 'widens' : 'narrows'} the rows ${rolesText(p)} can reach where row-level security is enabled`,
  };
}

function planMissing(f: Of<'missing_policy'>, ctx: PlanContext): void {
  const { schema, table, name, object, tableName } = where(f);
  const p = ctx.expected.table(schema, table)?.policies?.find((x) => x.name === name) ?? f.expected;
  const absent = absentRoles(ctx, p);
  if (absent.length) return ctx.manual(f, absentRolesReason(p, absent), [policyDefinitionSql(schema, table, p)]);
  ctx.add({
    object,
    phase: 'policies',
    findingIds: [f.id],
    summary: `create policy ${quoteIdent(name)} on ${tableName}`,
    up: buildPolicySql(schema, table, p).map((sql) => stmt(sql)),
    down: [stmt(dropPolicySql(schema, table, name))],
    hazards: [policyAccess(p, tableName, true), ...rolesHazard(ctx, p)],
  });
}

/**
 * ALTER POLICY changes roles and expressions, but cannot remove an
 * expression, nor change the command or the type: then the policy is
 * dropped and created in one DO block.
 */
function changeSql(schema: string, table: string, from: Policy, to: Policy): string {
  const alterable = from.command === to.command && from.permissive === to.permissive && (to.using !== null || from.using === null) && (to.check !== null || from.check === null);
  return alterable ? alterPolicySql(schema, table, to) : replacePolicySql(schema, table, to);
}

/** The `firstTime` key of a policy the plan drops and creates again around a column type change. */
const aroundKey = (schema: string, table: string, name: string): string => `policy around a type change ${objectKey(schema, table, name)}`;

/**
 * The columns (of `retyped`) a policy on `schema.table` reads, by their
 * names in its USING and WITH CHECK text: its own table's by the column's
 * name, another table's (a subquery) only where the text also names that
 * table. A name that merely looks the same costs one needless drop and create.
 */
function columnsRead(p: Policy, schema: string, table: string, retyped: readonly string[][]): string[][] {
  const text = [p.using, p.check].filter((x) => x !== null).join('\n');
  return retyped.filter(([s, t, c]) => mentionOf(c!).test(text) && ((s === schema && t === table) || mentionOf(t!).test(text)));
}

/**
 * The live policies that read a column whose type the plan changes: each
 * dropped before the change (`drop_policies`) and created again after it
 * (`policies`): the expected policy when the expected schema has it (the
 * step then also fixes its policy_mismatch, if any), else, without
 * --drop-unexpected, the database's own (an unexpected policy is kept).
 * down.sql drops it before the type goes back, and creates the original
 * after.
 */
function planAroundRetyped(_: readonly PolicyFinding[], ctx: PlanContext): void {
  const retyped = retypedColumns(ctx).map(refParts);
  if (retyped.length === 0) return;
  for (const t of ctx.live.model.tables) {
    for (const a of t.policies ?? []) {
      const read = columnsRead(a, t.schema, t.name, retyped);
      if (read.length === 0) continue;
      const tableName = displayName(t.schema, t.name);
      const e = ctx.expected.table(t.schema, t.name)?.policies?.find((x) => x.name === a.name);
      // An unexpected policy of an expected table goes early (--drop-unexpected); down.sql creates it again at its end.
      if (e === undefined && ctx.settings.dropUnexpected && ctx.expected.table(t.schema, t.name)) continue;
      const target = e !== undefined && absentRoles(ctx, e).length === 0 ? e : a;
      if (!ctx.firstTime(aroundKey(t.schema, t.name, a.name))) continue;
      const object = displayName(t.schema, t.name, a.name);
      const columns = read.map(([s, tb, c]) => displayName(s!, tb!, c!)).join(', ');
      const mismatch = target === e && policyAspects(e, a).length > 0 ? [findingId('policy_mismatch', { schema: t.schema, table: t.name, policy: a.name })] : [];
      ctx.add({
        object,
        phase: 'drop_policies',
        findingIds: mismatch,
        summary: `drop policy ${quoteIdent(a.name)} on ${tableName}, which reads ${columns}, before its type changes (created again below)`,
        up: [stmt(dropPolicySql(t.schema, t.name, a.name))],
        down: buildPolicySql(t.schema, t.name, a).map((sql) => stmt(sql)),
        hazards: [
          {
            kind: 'access_change',
            message: `policy ${quoteIdent(a.name)} on ${tableName} is gone from this step until it is created again after the type change of ${columns}: meanwhile ${a.permissive ? 'the rows it grants are out of reach' : 'its restriction does not apply'} where row-level security is enabled`,
          },
        ],
      });
      ctx.add({
        object,
        phase: 'policies',
        findingIds: mismatch,
        summary: `create policy ${quoteIdent(a.name)} on ${tableName} again${mismatch.length ? ', as expected' : ''}, after the type change of ${columns}`,
        up: buildPolicySql(t.schema, t.name, target).map((sql) => stmt(sql)),
        down: [stmt(dropPolicySql(t.schema, t.name, a.name))],
        hazards: [
          ...(mismatch.length ? [{ kind: 'access_change' as const, message: `policy ${quoteIdent(a.name)} on ${tableName} changes (${policyAspects(target, a).join(', ')}): the rows roles can reach change with it` }] : []),
          ...rolesHazard(ctx, target),
        ],
      });
    }
  }
}

function planMismatch(f: Of<'policy_mismatch'>, ctx: PlanContext): void {
  const { schema, table, name, object, tableName } = where(f);
  // Dropped and created again as expected around a column type change (planAroundRetyped).
  if (!ctx.firstTime(aroundKey(schema, table, name)) && ctx.expected.table(schema, table)?.policies?.some((x) => x.name === name && absentRoles(ctx, x).length === 0)) return;
  const e = f.expected;
  const a = f.actual;
  const absent = absentRoles(ctx, e);
  if (absent.length) return ctx.manual(f, absentRolesReason(e, absent), [changeSql(schema, table, a, e)]);
  const replaced = changeSql(schema, table, a, e).startsWith('DO ');
  ctx.add({
    object,
    phase: 'policies',
    findingIds: [f.id],
    summary: `${replaced ? 'replace' : 'alter'} policy ${quoteIdent(name)} on ${tableName} as expected${replaced ? ' (dropped and created in one statement)' : ''}`,
    up: [stmt(changeSql(schema, table, a, e))],
    down: [stmt(changeSql(schema, table, e, a))],
    hazards: [
      { kind: 'access_change', message: `policy ${quoteIdent(name)} on ${tableName} changes (${policyAspects(e, a).join(', ')}): the rows roles can reach change with it` },
      ...rolesHazard(ctx, e),
    ],
  });
}

function planEnabled(f: Of<'rls_enabled_mismatch'>, ctx: PlanContext): void {
  const { schema, table, tableName } = where(f);
  const policies = ctx.expected.table(schema, table)?.policies ?? [];
  const message = f.expected
    ? policies.length === 0
      ? `enabling row-level security on ${tableName}, which has no policy, blocks every role but the table's owner (and superusers, BYPASSRLS roles) from every row`
      : `enabling row-level security on ${tableName}: roles other than its owner reach only the rows its policies allow`
    : `disabling row-level security on ${tableName}: its policies stop applying, every role with privileges on it reaches every row`;
  ctx.add({
    object: tableName,
    phase: 'row_security',
    findingIds: [f.id],
    summary: `${f.expected ? 'enable' : 'disable'} row-level security on ${tableName}`,
    up: [stmt(rowSecuritySql(schema, table, f.expected))],
    down: [stmt(rowSecuritySql(schema, table, f.actual))],
    hazards: [{ kind: 'access_change', message }],
  });
}

function planForced(f: Of<'rls_forced_mismatch'>, ctx: PlanContext): void {
  const { schema, table, tableName } = where(f);
  ctx.add({
    object: `${tableName} (force)`,
    phase: 'row_security',
    findingIds: [f.id],
    summary: `${f.expected ? 'force' : 'stop forcing'} row-level security on ${tableName}`,
    up: [stmt(forceRowSecuritySql(schema, table, f.expected))],
    down: [stmt(forceRowSecuritySql(schema, table, f.actual))],
    hazards: [
      {
        kind: 'access_change',
        message: f.expected
          ? `forcing row-level security on ${tableName}: its owner becomes subject to the policies too (where row-level security is enabled)`
          : `no longer forcing row-level security on ${tableName}: its owner bypasses the policies again`,
      },
    ],
  });
}

/** Unexpected policies, dropped before anything their expressions read changes; down creates them again as they were. */
function planDrops(findings: readonly PolicyFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_policy') continue;
    const { schema, table, name, object, tableName } = where(f);
    ctx.add({
      object,
      phase: 'drop_policies',
      findingIds: [f.id],
      summary: `drop unexpected policy ${quoteIdent(name)} on ${tableName}`,
      up: [stmt(dropPolicySql(schema, table, name))],
      down: buildPolicySql(schema, table, f.actual).map((sql) => stmt(sql)),
      hazards: [policyAccess(f.actual, tableName, false)],
    });
  }
}

export const POLICY_PLAN: KindPlan<PolicyFinding> = {
  findings: {
    rls_enabled_mismatch: planEnabled,
    rls_forced_mismatch: planForced,
    missing_policy: planMissing,
    unexpected_policy: IN_DROP_PASS,
    policy_mismatch: planMismatch,
  },
  create: planAroundRetyped,
  drop: planDrops,
};
