import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT, runCli } from '../support/cli.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Row-level security on a real server: fixtures/drift/rls (RLS off and
 * unforced on leads, a policy dropped, a hotfixed and a widened policy, a
 * debugging policy, a partition's own switch), plus policies naming a role
 * of this test (roles are cluster-wide: named uniquely, dropped after):
 * one whose type and roles change, one missing. The expected schema is the
 * SQL file, loaded by the scratch server (which creates the role there);
 * the audited database's server has the role. With --drop-unexpected and
 * --verify (its scratch copy gets the role too), up.sql and down.sql
 * applied with psql, twice; clean after each.
 */
const FIXTURE = path.join(ROOT, 'fixtures', 'drift', 'rls');
const ROLE = `sa_rls_rt_${process.pid}`;
const dbs: TestDatabase[] = [];
let dir: string;
let rt: RoundTrip;

const LIVE_EXTRA = `CREATE POLICY staff ON leads FOR SELECT TO ${ROLE} USING (status <> 'lost');`;
const EXPECTED_EXTRA = [
  `CREATE POLICY staff ON leads AS RESTRICTIVE FOR SELECT TO ${ROLE}, pg_read_all_data USING (status <> 'lost');`,
  `CREATE POLICY staff_notes ON lead_notes FOR INSERT TO ${ROLE} WITH CHECK (length(body) < 10000);`,
  `COMMENT ON POLICY staff_notes ON lead_notes IS 'Staff may write short notes';`,
].join('\n');

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function loaded(prefix: string, sql: string): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix);
  dbs.push(db);
  await db.exec(sql);
  return db;
}

beforeAll(async () => {
  await admin((c) => c.query(`CREATE ROLE ${ROLE} NOLOGIN`));
  dir = makeTempDir('rls-rt');
  const live = `${readFileSync(path.join(FIXTURE, 'live.sql'), 'utf8')}\n${LIVE_EXTRA}\n`;
  const expectedFile = path.join(dir, 'expected.sql');
  const originalFile = path.join(dir, 'original.sql');
  writeFileSync(expectedFile, `${readFileSync(path.join(FIXTURE, 'expected.sql'), 'utf8')}\n${EXPECTED_EXTRA}\n`);
  writeFileSync(originalFile, live);
  const db = await loaded('rls_live', live);
  rt = await roundTrip(db, originalFile, expectedFile, ['--drop-unexpected', '--verify']);
}, 300_000);

afterAll(async () => {
  await Promise.all(dbs.map((db) => db.drop()));
  removeTempDir(dir);
  await admin((c) => c.query(`DROP ROLE IF EXISTS ${ROLE}`));
});

test('the drift: each row-level security finding', () => {
  expect([...rt.before].sort()).toEqual(
    [
      'comment_mismatch:policy:public.leads.tenant_isolation',
      'missing_policy:public.lead_notes.staff_notes',
      'missing_policy:public.leads.no_archived_updates',
      'policy_mismatch:public.accounts.reporting_read',
      'policy_mismatch:public.accounts.tenant_isolation',
      'policy_mismatch:public.leads.staff',
      'rls_enabled_mismatch:public.audit_events_2026',
      'rls_enabled_mismatch:public.leads',
      'rls_forced_mismatch:public.leads',
      'unexpected_policy:public.lead_notes.debug_all',
    ].sort(),
  );
  expect([...rt.plan.fixed].sort()).toEqual([...rt.before].sort());
  expect(rt.plan.manual).toEqual([]);
  // --verify ran it on a scratch copy first (the test's role created there, never on the audited server).
  expect(rt.plan.verification).toMatchObject({ verified: true });
});

test('up.sql applies with psql, twice; the audit is then clean', () => {
  expect({ up: rt.up, sql: rt.up.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterUp).toEqual([]);
});

test('down.sql applies with psql, twice, and brings the original back', () => {
  expect({ down: rt.down, sql: rt.down.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterDown).toEqual([]);
});

test('the order: unexpected policies dropped first, policies before row-level security on the way up; down mirrors it', () => {
  const up = rt.files['up.sql'];
  const down = rt.files['down.sql'];
  const at = (sql: string, text: string): number => {
    const i = sql.indexOf(text);
    if (i < 0) throw new Error(`not in the file: ${text}`);
    return i;
  };
  expect(at(up, 'DROP POLICY IF EXISTS debug_all ON public.lead_notes;')).toBeLessThan(at(up, 'CREATE POLICY no_archived_updates ON public.leads'));
  expect(at(up, 'CREATE POLICY no_archived_updates ON public.leads')).toBeLessThan(at(up, 'ALTER TABLE public.leads ENABLE ROW LEVEL SECURITY;'));
  expect(up).toContain('ALTER TABLE public.leads FORCE ROW LEVEL SECURITY;');
  expect(up).toContain('ALTER TABLE public.audit_events_2026 ENABLE ROW LEVEL SECURITY;');
  expect(up).toContain('ALTER POLICY reporting_read ON public.accounts TO pg_read_all_data USING (true);');
  // Another type: dropped and created in one statement.
  expect(up).toMatch(/DROP POLICY IF EXISTS staff ON public\.leads;\n {2}CREATE POLICY staff ON public\.leads AS RESTRICTIVE FOR SELECT TO pg_read_all_data, sa_rls_rt_\d+ USING/);
  expect(up).toContain('HAZARD access_change: enabling row-level security on public.leads');
  // The server has the test's role (read from pg_roles): no hazard about it.
  expect(up).not.toContain('HAZARD may_fail: policy');
  expect(at(down, 'ALTER TABLE public.leads DISABLE ROW LEVEL SECURITY;')).toBeLessThan(at(down, 'DROP POLICY IF EXISTS no_archived_updates ON public.leads;'));
});

test('a policy naming a role the server lacks is a manual step (the plan never creates roles)', async () => {
  const db = await loaded('rls_norole', 'CREATE TABLE t (id int);');
  const out = makeTempDir('rls-norole');
  try {
    const expected = path.join(out, 'expected.sql');
    writeFileSync(expected, `CREATE TABLE t (id int);\nCREATE POLICY p ON t TO sa_rls_absent_${process.pid} USING (id > 0);\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\n`);
    const r = await runCli(['audit', '--db', db.url, '--expected', expected, '--no-advice', '--format', 'json', '--migration-dir', out]);
    const plan = (JSON.parse(r.stdout) as { remediation: { manual: { findingId: string; reason: string }[]; steps: { id: string }[] } }).remediation;
    expect(plan.manual).toEqual([
      {
        findingId: 'missing_policy:public.t.p',
        reason: `policy p names role sa_rls_absent_${process.pid}, which the database's server lacks: create it (the plan never creates roles), then run the audit again`,
        suggestion: [`CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO sa_rls_absent_${process.pid} USING ((id > 0))`],
        hazards: [],
      },
    ]);
    expect(plan.steps.map((s) => s.id)).toEqual(['row_security:public.t']);
  } finally {
    removeTempDir(out);
  }
}, 120_000);

test('snapshot writes row-level security and policies; the audit against it is clean (a policy over varchar IN (...) reconciled); a policy clause the command forbids is refused with file:line', async () => {
  // `kind IN (...)` over a varchar prints as a text that, parsed again, prints otherwise: reconciled through the scratch server, not drift.
  const varchar = "ALTER TABLE accounts ADD COLUMN kind varchar(20); CREATE POLICY kinds ON accounts FOR SELECT USING (kind IN ('a', 'b'));";
  const db = await loaded('rls_snap', `${readFileSync(path.join(FIXTURE, 'expected.sql'), 'utf8')}\n${EXPECTED_EXTRA}\n${varchar}\n`);
  const out = makeTempDir('rls-snap');
  try {
    const file = path.join(out, 'schema.yaml');
    const snap = await runCli(['snapshot', '--db', db.url, '--out', file]);
    expect(snap).toMatchObject({ code: 0 });
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(/leads:\n(?:.*\n)*?\s+rowSecurity: true\n\s+forceRowSecurity: true\n\s+policies:\n/);
    expect(yaml).toContain("tenant_isolation: (tenant_id = (current_setting('app.tenant_id'::text))::uuid)");
    expect(yaml).toMatch(/no_archived_updates:\n\s+command: update\n\s+restrictive: true\n\s+using: \(NOT archived\)/);
    expect(yaml).toMatch(/staff_notes:\n\s+command: insert\n\s+roles:\n\s+- sa_rls_rt_\d+\n\s+withCheck: .*\n\s+description: Staff may write short notes/);
    // Off is the default: never written.
    expect(yaml).not.toMatch(/rowSecurity: false|forceRowSecurity: false/);
    expect(yaml.match(/forceRowSecurity: true/g)).toHaveLength(1);
    const audit = await runCli(['audit', '--db', db.url, '--expected', file, '--no-advice', '--format', 'json', '--fail-on', 'info']);
    expect({ code: audit.code, findings: (JSON.parse(audit.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id), stderr: audit.stderr }).toEqual({
      code: 0,
      findings: [],
      stderr: '',
    });
    writeFileSync(file, yaml.replace(/(no_archived_updates:\n\s+)command: update/, '$1command: delete').replace(/(no_archived_updates:\n(?:.*\n)*?\s+using: \(NOT archived\))/, '$1\n        withCheck: true'));
    const refused = await runCli(['audit', '--db', db.url, '--expected', file, '--no-advice']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/schema\.yaml:\d+: tables\.leads\.policies\.no_archived_updates\.withCheck: a DELETE policy has no WITH CHECK expression/);
  } finally {
    removeTempDir(out);
  }
}, 180_000);
