/** Row-level security: comparison (through compareTable), plan, spec pieces, the roles the scratch server creates. */
import { col, model, table } from '../../../test/diff/builders.js';
import { diffSchemas } from '../../diff/index.js';
import { rolesNamed } from '../../expected/load-sql.js';
import type { SchemaModel, Table } from '../../model/schema-model.js';
import { planRemediation as planFor } from '../../plan/plan.js';
import type { RemediationPlan } from '../../plan/types.js';
import { compareTable } from '../table/compare.js';
import type { Policy } from './model.js';
import { policyOfSpec, policySpec, rowSecuritySpec } from './spec.js';
import { policyDefinitionSql } from './sql.js';

const tenant: Policy = {
  name: 'tenant',
  command: 'all',
  permissive: true,
  roles: ['public'],
  using: "(tenant_id = current_setting('app.tenant'::text))",
  check: null,
  comment: null,
};
const leads = (parts: Partial<Table> = {}): Table => table('leads', { rowEstimate: 100, ...parts });
const plan = (expected: SchemaModel, live: SchemaModel, dropUnexpected = false, liveRoles?: string[]): RemediationPlan =>
  planFor({ findings: diffSchemas(expected, live).findings, expected, live, options: { dropUnexpected, ...(liveRoles ? { liveRoles } : {}) } });
const patchPolicies = (m: SchemaModel, policies: Policy[]): SchemaModel => ({ ...m, tables: m.tables.map((t, i) => (i === 0 ? { ...t, policies } : t)) });
const steps = (p: RemediationPlan): [string, string[]][] => p.steps.map((s) => [s.phase, s.up.map((x) => x.sql)]);

describe('compare', () => {
  test('identical: no finding; off and absent are the same', () => {
    expect(compareTable(leads({ rowSecurity: true, policies: [tenant] }), leads({ rowSecurity: true, policies: [tenant] })).findings).toEqual([]);
    expect(compareTable(leads(), leads({ rowSecurity: false, forceRowSecurity: false, policies: [] })).findings).toEqual([]);
  });

  test('RLS switched off and not forced, a policy dropped, another added, one changed', () => {
    const other: Policy = { ...tenant, name: 'debug', using: 'true' };
    const readers: Policy = { ...tenant, name: 'readers', command: 'select', roles: ['app_user'] };
    const c = compareTable(
      leads({ rowSecurity: true, forceRowSecurity: true, policies: [readers, tenant] }),
      leads({ policies: [other, { ...readers, permissive: false, roles: ['app_user', 'auditor'] }] }),
    );
    expect(c.findings.map((f) => [f.kind, f.object, f.message])).toEqual([
      ['rls_enabled_mismatch', { schema: 'public', table: 'leads' }, 'row-level security on table public.leads is disabled, expected enabled'],
      [
        'rls_forced_mismatch',
        { schema: 'public', table: 'leads' },
        'row-level security on table public.leads is not forced (its owner is not subject to the policies), expected forced',
      ],
      ['missing_policy', { schema: 'public', table: 'leads', policy: 'tenant' }, `policy public.leads.tenant is missing (expected PERMISSIVE FOR ALL TO public USING (${tenant.using}))`],
      ['unexpected_policy', { schema: 'public', table: 'leads', policy: 'debug' }, 'policy public.leads.debug is not in the expected schema (PERMISSIVE FOR ALL TO public USING (true))'],
      [
        'policy_mismatch',
        { schema: 'public', table: 'leads', policy: 'readers' },
        `policy public.leads.readers differs in permissive, roles (expected PERMISSIVE FOR SELECT TO app_user USING (${tenant.using}), actual RESTRICTIVE FOR SELECT TO app_user, auditor USING (${tenant.using}))`,
      ],
    ]);
    expect(c.present).toContainEqual({ kind: 'policy', object: { schema: 'public', table: 'leads', policy: 'readers' }, identical: false });
  });
});

describe('plan', () => {
  test('on the way up policies come before RLS is enabled; down mirrors it; hazards say what changes for access', () => {
    const p = plan(model({ tables: [leads({ rowSecurity: true, policies: [{ ...tenant, roles: ['app_user'] }] })] }), model({ tables: [leads()] }));
    expect(p.steps.map((s) => [s.phase, s.summary])).toEqual([
      ['policies', 'create policy tenant on public.leads'],
      ['row_security', 'enable row-level security on public.leads'],
    ]);
    expect(p.steps[0]!.up[0]!.sql).toContain(`CREATE POLICY tenant ON public.leads AS PERMISSIVE FOR ALL TO app_user USING (${tenant.using})`);
    expect(p.steps[0]!.up[0]!.sql).toMatch(/^DO \$sa\$[\s\S]*IF NOT EXISTS \(SELECT FROM pg_catalog.pg_policy/);
    expect(p.steps[0]!.down.map((s) => s.sql)).toEqual(['DROP POLICY IF EXISTS tenant ON public.leads']);
    expect(p.steps[0]!.hazards.map((h) => h.kind)).toEqual(['access_change', 'may_fail']);
    expect(p.steps[0]!.hazards[1]!.message).toContain('the plan never creates roles');
    expect(p.steps[1]!.up.map((s) => s.sql)).toEqual(['ALTER TABLE public.leads ENABLE ROW LEVEL SECURITY']);
    expect(p.steps[1]!.down.map((s) => s.sql)).toEqual(['ALTER TABLE public.leads DISABLE ROW LEVEL SECURITY']);
    expect(p.steps[1]!.hazards[0]!.message).toMatch(/reach only the rows its policies allow/);
  });

  test("roles the server lacks (known from pg_roles): the policy is a manual step, never a CREATE POLICY that fails; roles it has: no hazard", () => {
    const expected = model({ tables: [leads({ policies: [{ ...tenant, roles: ['app_user', 'auditor'] }] })] });
    const missing = plan(expected, model({ tables: [leads()] }), false, ['app_user']);
    expect(missing.steps).toEqual([]);
    expect(missing.manual).toEqual([
      {
        findingId: 'missing_policy:public.leads.tenant',
        reason: "policy tenant names role auditor, which the database's server lacks: create it (the plan never creates roles), then run the audit again",
        suggestion: [`CREATE POLICY tenant ON public.leads AS PERMISSIVE FOR ALL TO app_user, auditor USING (${tenant.using})`],
        hazards: [],
      },
    ]);
    const changed = plan(expected, model({ tables: [leads({ policies: [tenant] })] }), false, ['app_user']);
    expect(changed.manual.map((m) => m.findingId)).toEqual(['policy_mismatch:public.leads.tenant']);
    const ok = plan(expected, model({ tables: [leads()] }), false, ['app_user', 'auditor']);
    expect(ok.steps[0]!.hazards.map((h) => h.kind)).toEqual(['access_change']);
    const newTable = plan(expected, model({ tables: [] }), false, ['app_user']);
    expect(newTable.steps.map((s) => s.phase)).toEqual(['tables']);
    expect(newTable.manual.map((m) => [m.findingId, m.reason.slice(0, 20)])).toEqual([['missing_table:public.leads', 'leads: policy tenant']]);
  });

  test('enabling RLS on a table without policies blocks every role but the owner: said as a hazard', () => {
    const p = plan(model({ tables: [leads({ rowSecurity: true, forceRowSecurity: true })] }), model({ tables: [leads()] }));
    expect(steps(p)).toEqual([
      ['row_security', ['ALTER TABLE public.leads ENABLE ROW LEVEL SECURITY']],
      ['row_security', ['ALTER TABLE public.leads FORCE ROW LEVEL SECURITY']],
    ]);
    expect(p.steps[0]!.hazards[0]).toEqual({
      kind: 'access_change',
      message: "enabling row-level security on public.leads, which has no policy, blocks every role but the table's owner (and superusers, BYPASSRLS roles) from every row",
    });
  });

  test('roles and expressions by ALTER POLICY; command or type, or an expression removed, by drop and create in one statement', () => {
    const alter = plan(model({ tables: [leads({ policies: [{ ...tenant, roles: ['a', 'b'], check: 'true' }] })] }), model({ tables: [leads({ policies: [tenant] })] }));
    expect(steps(alter)).toEqual([['policies', [`ALTER POLICY tenant ON public.leads TO a, b USING (${tenant.using}) WITH CHECK (true)`]]]);
    // Down removes the WITH CHECK: ALTER POLICY cannot, so it replaces the policy.
    expect(alter.steps[0]!.down[0]!.sql).toMatch(/^DO \$sa\$\nBEGIN\n {2}DROP POLICY IF EXISTS tenant ON public.leads;\n {2}CREATE POLICY tenant ON public.leads AS PERMISSIVE FOR ALL TO PUBLIC USING/);
    const replace = plan(model({ tables: [leads({ policies: [{ ...tenant, permissive: false }] })] }), model({ tables: [leads({ policies: [tenant] })] }));
    expect(replace.steps[0]!.summary).toBe('replace policy tenant on public.leads as expected (dropped and created in one statement)');
    expect(replace.steps[0]!.up[0]!.sql).toContain('AS RESTRICTIVE FOR ALL TO PUBLIC');
  });

  test('a column retyped under policies that read it: those dropped before and created again after, the expected one when it differs; others untouched', () => {
    const columns = (collation: string | null) => [col('id', 'integer'), col('tenant_id', 'text', { collation })];
    const viaLeads: Policy = { ...tenant, name: 'via_leads', using: "(lead_id IN ( SELECT leads.id FROM leads WHERE (leads.tenant_id = 'x'::text)))" };
    const ownColumn: Policy = { ...tenant, name: 'own_column' };
    const side = (collation: string | null, tenantPolicy: Policy): SchemaModel =>
      model({
        tables: [
          leads({ rowSecurity: true, columns: columns(collation), policies: [tenantPolicy, { ...tenant, name: 'by_id', using: '(id > 0)' }] }),
          table('notes', { columns: [col('lead_id', 'integer')], policies: [viaLeads] }),
          table('misc', { columns: [col('tenant_id')], policies: [ownColumn] }),
        ],
      });
    const p = plan(side('C', { ...tenant, roles: ['app_user'] }), side(null, tenant), false, ['app_user']);
    expect(p.steps.map((s) => [s.id, s.findingIds])).toEqual([
      ['drop_policies:public.leads.tenant', ['policy_mismatch:public.leads.tenant']],
      ['drop_policies:public.notes.via_leads', []],
      ['alter_columns:public.leads.tenant_id', ['column_type_mismatch:public.leads.tenant_id']],
      ['policies:public.leads.tenant', ['policy_mismatch:public.leads.tenant']],
      ['policies:public.notes.via_leads', []],
    ]);
    expect(p.steps[0]!.down.map((s) => s.sql)[0]).toContain('TO PUBLIC');
    expect(p.steps[3]!.up.map((s) => s.sql)[0]).toContain('TO app_user');
    expect(p.steps[3]!.down.map((s) => s.sql)).toEqual(['DROP POLICY IF EXISTS tenant ON public.leads']);
    expect(p.steps[0]!.hazards[0]!.message).toBe(
      'policy tenant on public.leads is gone from this step until it is created again after the type change of public.leads.tenant_id: meanwhile the rows it grants are out of reach where row-level security is enabled',
    );
    expect(p.fixed).toContain('policy_mismatch:public.leads.tenant');
    // An unexpected policy goes early with --drop-unexpected (and comes back at the end of down.sql): not dropped twice.
    const q = plan(side('C', tenant), side(null, tenant), true);
    const extra = plan(
      side('C', tenant),
      patchPolicies(side(null, tenant), [...(side(null, tenant).tables[0]!.policies ?? []), { ...tenant, name: 'extra' }]),
      true,
    );
    expect(q.steps.filter((s) => s.id.includes('extra'))).toEqual([]);
    expect(extra.steps.filter((s) => s.id.includes('extra')).map((s) => s.id)).toEqual(['drop_policies:public.leads.extra']);
  });

  test('RLS switched off and an unexpected policy: dropped only with --drop-unexpected, early; disabling said to open every row', () => {
    const live = model({ tables: [leads({ rowSecurity: true, policies: [tenant] })] });
    const expected = model({ tables: [leads()] });
    expect(plan(expected, live).steps.map((s) => s.phase)).toEqual(['row_security']);
    const p = plan(expected, live, true);
    expect(steps(p)).toEqual([
      ['drop_policies', ['DROP POLICY IF EXISTS tenant ON public.leads']],
      ['row_security', ['ALTER TABLE public.leads DISABLE ROW LEVEL SECURITY']],
    ]);
    expect(p.steps[0]!.hazards[0]!.message).toBe('dropping permissive policy tenant (FOR ALL) on public.leads narrows the rows every role can reach where row-level security is enabled');
    expect(p.steps[1]!.hazards[0]!.message).toMatch(/its policies stop applying, every role with privileges on it reaches every row/);
  });

  test('a missing table comes with its policies and RLS; a dropped one gets them back on the way down', () => {
    const withRls = leads({ rowSecurity: true, policies: [{ ...tenant, comment: 'per tenant' }] });
    const p = plan(model({ tables: [withRls] }), model({ tables: [] }));
    expect(p.steps.map((s) => s.phase)).toEqual(['tables', 'policies', 'row_security']);
    expect(p.steps[1]!.up.map((s) => s.sql)[1]).toBe("COMMENT ON POLICY tenant ON public.leads IS 'per tenant'");
    const d = plan(model({ tables: [] }), model({ tables: [withRls] }), true);
    const down = d.steps.find((s) => s.phase === 'drop_tables')!.down.map((s) => s.sql);
    expect(down.slice(-3)[2]).toBe('ALTER TABLE public.leads ENABLE ROW LEVEL SECURITY');
    expect(down.some((s) => s.includes('CREATE POLICY tenant ON public.leads'))).toBe(true);
  });
});

describe('spec', () => {
  test('a policy with defaults is its USING expression; others an object; round trip through the model', () => {
    expect(policySpec(tenant)).toBe(tenant.using);
    const odd: Policy = { name: 'w', command: 'update', permissive: false, roles: ['Auditor', 'app_user'], using: 'a\n AND b', check: 'c', comment: 'x' };
    expect(policySpec(odd)).toEqual({ command: 'update', restrictive: true, roles: ['Auditor', 'app_user'], using: 'a AND b', withCheck: 'c', description: 'x' });
    expect(policyOfSpec('w', policySpec(odd))).toEqual({ ...odd, using: 'a AND b' });
    expect(policyOfSpec('tenant', tenant.using!)).toEqual(tenant);
    expect(rowSecuritySpec(leads())).toEqual({});
    expect(rowSecuritySpec(leads({ rowSecurity: true, forceRowSecurity: true, policies: [tenant] }))).toEqual({ rowSecurity: true, forceRowSecurity: true, policies: { tenant: tenant.using } });
  });

  test('names are quoted, PUBLIC is the keyword', () => {
    expect(policyDefinitionSql('Odd', 'T', { ...tenant, name: 'Tenant "x"', roles: ['public', 'App User'] })).toBe(
      `CREATE POLICY "Tenant ""x""" ON "Odd"."T" AS PERMISSIVE FOR ALL TO PUBLIC, "App User" USING (${tenant.using})`,
    );
  });
});

test('the roles a SQL source names in its policies are created on the scratch server', () => {
  const sql = [
    'CREATE POLICY a ON t AS RESTRICTIVE FOR SELECT TO app_user, "Auditor", public USING (true);',
    'CREATE POLICY b ON t USING (x = current_user);',
    'ALTER POLICY c ON t TO current_user, reporting;',
    'ALTER TABLE t OWNER TO owner_role;',
  ].join('\n');
  expect(rolesNamed(sql)).toEqual(['Auditor', 'app_user', 'owner_role', 'reporting']);
});
