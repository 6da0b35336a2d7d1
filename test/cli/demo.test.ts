import { existsSync } from 'node:fs';
import { finished, processAlive, runCli, startCli, waitForStderr, waitUntil } from '../support/cli.js';

/**
 * The demo starts its own embedded server, so these tests also prove that no
 * postgres process outlives the CLI: normal exit, Ctrl-C and SIGKILL.
 */
const STARTED = /started embedded PostgreSQL \d+ on port \d+ \(pid (\d+), (\S+)\)/;

test('demo audits the OneKeel Swarm fixture: exactly the seed\'s missing elements, exit 1', async () => {
  const r = await runCli(['demo', '--verbose', '--format', 'json']);
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout);
  expect(report.inventory.tables).toHaveLength(16);
  expect(report.inventory.enums).toHaveLength(11);
  const enums = Object.fromEntries(report.inventory.enums.map((e: { name: string; values: string[] }) => [e.name, e.values]));
  expect(enums.feature_flag_category).toEqual([
    'agent-tuning', 'campaign-advanced', 'system-config', 'integrations', 'ui-progressive', 'debugging', 'experimental',
  ]);
  expect(report.inventory.tables.find((t: { name: string }) => t.name === 'users').description).toBe('Authentication and access control');
  const drift = report.findings.filter((f: { category: string }) => f.category === 'drift');
  expect(drift.map((f: { id: string }) => f.id).sort()).toEqual([
    'missing_column:public.campaigns.created_by',
    'missing_column:public.campaigns.updated_by',
    'missing_column:public.communications.conversation_id',
    'missing_column:public.lead_campaign_enrollments.enrolled_by',
    'missing_column:public.leads.name',
    'missing_column:public.leads.score',
    'missing_index:public.analytics_events.idx_analytics_events_client_type_created_at',
    'missing_index:public.audit_logs.idx_audit_logs_client_created_at',
    'missing_index:public.campaigns.idx_campaigns_created_by',
    'missing_index:public.campaigns.idx_campaigns_updated_by',
    'missing_index:public.communications.idx_communications_conversation_id',
    'missing_index:public.communications.idx_communications_lead_created_at',
    'missing_index:public.lead_campaign_enrollments.idx_lead_campaign_enrollments_campaign_status',
    'missing_index:public.lead_campaign_enrollments.idx_lead_campaign_enrollments_enrolled_by',
    'missing_index:public.leads.idx_leads_client_status_created_at',
    'missing_index:public.leads.idx_leads_name',
    'missing_index:public.leads.idx_leads_score',
  ]);
  // The DBA checks run too (advice never counts for --fail-on): the demo's
  // tenant foreign keys lack supporting indexes, and no statistics are used.
  const advice = report.findings.filter((f: { category: string }) => f.category === 'advice');
  expect(advice.length).toBe(report.adviceSummary.total);
  expect(advice.every((f: { kind: string }) => f.kind === 'fk_without_index')).toBe(true);
  expect(advice.map((f: { id: string }) => f.id)).toContain('fk_without_index:public.audit_logs.audit_logs_client_id_fkey');
  expect(report.advice.indexUsage).toBeNull();
  // A missing column carries its own constraints (foreign key, check).
  const score = report.findings.find((f: { id: string }) => f.id === 'missing_column:public.leads.score');
  expect(score.expected.constraints.map((c: { name: string }) => c.name)).toEqual(['leads_score_check']);
  expect(score.expected.backfill ?? null).toBeNull(); // backfill lives in the spec, not the model
  // The seed notes what already exists.
  const present = report.present.map((p: { kind: string; object: { table?: string; column?: string } }) => `${p.kind}:${p.object.table}.${p.object.column ?? ''}`);
  expect(present).toEqual(expect.arrayContaining(['column:leads.first_name', 'column:leads.last_name', 'column:lead_campaign_enrollments.enrolled_at']));
  const m = r.stderr.match(STARTED);
  expect(m).not.toBeNull();
  expect(processAlive(Number(m![1]))).toBe(false);
  expect(existsSync(m![2]!)).toBe(false);
});

test('demo --fail-on never exits 0 and prints the text report', async () => {
  // Wide enough that no row is wrapped (piped text wraps at COLUMNS, else 100).
  const r = await runCli(['demo', '--fail-on', 'never'], { env: { COLUMNS: '300' } });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^⚠ 17 errors, 0 warnings, 0 info; \d+ expected objects present; \d+ advice — not gated \(--fail-on never\)$/m);
  expect(r.stdout).toMatch(
    /^│ error +│ public\.leads\.score +│ column public\.leads\.score is missing \(expected integer, nullable; with leads_score_check CHECK \(\(\(score >= 0\) AND \(score <= 100\)\)\)\) +│$/m,
  );
});

/**
 * The demo, started until its server is up (initdb and start-up: seconds on a
 * quiet machine, over a minute on a busy one). If the server never comes up,
 * the CLI is stopped (Ctrl-C: it removes what it made) before the test fails.
 */
async function startedDemo(): Promise<{ child: ReturnType<typeof startCli>; pid: string; dir: string }> {
  const child = startCli(['demo', '--verbose']);
  try {
    const [, pid, dir] = await waitForStderr(child, STARTED, 240_000);
    return { child, pid: pid!, dir: dir! };
  } catch (err) {
    child.kill('SIGINT');
    await finished(child);
    throw err;
  }
}

test('Ctrl-C stops the embedded server and removes its files, exit 130', async () => {
  const { child, pid, dir } = await startedDemo();
  expect(processAlive(Number(pid))).toBe(true);
  child.kill('SIGINT');
  const r = await finished(child);
  expect(r.code).toBe(130);
  expect(r.stderr).toContain('SIGINT, cleaning up');
  expect(processAlive(Number(pid))).toBe(false);
  expect(existsSync(dir)).toBe(false);
});

test('SIGKILL of the CLI: the watchdog stops the orphaned server', async () => {
  const { child, pid, dir } = await startedDemo();
  child.kill('SIGKILL');
  await finished(child);
  // The watchdog polls every second and gives the server 10 s to stop: minutes only on a busy machine.
  expect(await waitUntil(() => !processAlive(Number(pid)), 120_000)).toBe(true);
  expect(await waitUntil(() => !existsSync(dir), 60_000)).toBe(true);
});
