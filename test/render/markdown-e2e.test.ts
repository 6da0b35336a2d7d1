import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditReport } from '../../src/audit.js';
import { createOnekeelDatabase, type DemoDatabase } from '../../src/demo/onekeel.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { ROOT, runCli } from '../support/cli.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * The markdown report end to end: real runs of the executable, rendered, must
 * be exactly the checked-in report fixtures (test/render/fixtures/) and golden
 * documents (test/render/golden/) that markdown.unit.test.ts renders without a
 * database. This is also how the fixtures are made:
 *
 *   UPDATE_FIXTURES=1 npm test -- test/render/markdown-e2e     # rewrite fixtures/*.json from real runs
 *   UPDATE_GOLDEN=1 npm run test:unit -- test/render/markdown   # then rewrite golden/*.md from the fixtures
 *
 * - onekeel-report.json: `schema-audit demo --pg-major 17 --format json --now 2026-11-26T09:00:00Z`, verbatim.
 * - clean-report.json: fixtures/onekeel-swarm/expected.sql + data.sql (analysed) in a fresh database,
 *   audited with `audit --expected expected-schema/onekeel-swarm`: the OneKeel schema against itself.
 * - everything-report.json: fixtures/drift/everything/live.sql audited with
 *   `audit --expected fixtures/drift/everything/expected.sql` (every drift kind).
 *
 * The two database runs get the test server's host, random port, superuser,
 * random database name and version; {@link normalise} pins those (a fixed
 * `db.example.internal:5432`, user `audit`, the database's real-life name and
 * version 17.10), so the fixtures do not depend on the server the suite runs on.
 */
const NOW = '2026-11-26T09:00:00Z';
const HERE = path.join(ROOT, 'test', 'render');
const FIXTURES = path.join(HERE, 'fixtures');
const GOLDEN = path.join(HERE, 'golden');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function serialise(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function normalise(report: AuditReport, database: string): AuditReport {
  return {
    ...report,
    target: {
      host: 'db.example.internal',
      port: 5432,
      user: 'audit',
      location: `db.example.internal:5432/${database}`,
      database,
      serverVersion: '17.10',
    },
  };
}

/**
 * The one plan step that depends on the server's major: a generated column's
 * new expression is `SET EXPRESSION` on PostgreSQL 17+ and a guarded drop and
 * add below it (src/kinds/column/plan-generated.ts). The fixture is PostgreSQL
 * 17's; on another major the step must be the other form, and is then pinned
 * to the fixture's so that everything else is still compared byte for byte.
 */
function pinGeneratedExpressionStep(report: AuditReport, major: number): AuditReport {
  if (major >= 17 || !report.remediation || UPDATE) return report;
  const fixture = JSON.parse(readFileSync(path.join(FIXTURES, 'everything-report.json'), 'utf8')) as AuditReport;
  const id = 'alter_columns:public.leads.full_name';
  const pinned = fixture.remediation?.steps.find((s) => s.id === id);
  const steps = report.remediation.steps.map((step) => {
    if (step.id !== id) return step;
    expect(step.summary).toMatch(/\(dropped and added again\)$/);
    for (const s of [...step.up, ...step.down]) {
      expect(s.sql).not.toContain('SET EXPRESSION');
      expect(s.sql).toContain('DROP COLUMN IF EXISTS full_name');
    }
    expect(pinned).toBeDefined();
    return pinned!;
  });
  expect(steps.filter((s) => s.id === id)).toHaveLength(1);
  return { ...report, remediation: { ...report.remediation, steps } };
}

/** The fixture must be what the real run produced; with UPDATE_FIXTURES=1 it becomes that. */
function expectFixture(file: string, text: string): void {
  const target = path.join(FIXTURES, file);
  if (UPDATE) {
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(target, text);
  }
  expect(existsSync(target)).toBe(true);
  expect(text).toBe(readFileSync(target, 'utf8'));
}

function golden(file: string): string {
  return readFileSync(path.join(GOLDEN, file), 'utf8');
}

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of cleanup.reverse()) await drop();
});

test('the real demo, rendered, is the onekeel golden (and its JSON is the checked-in fixture)', async () => {
  // --pg-major pins the server the demo starts, so the report does not follow PG_MAJOR.
  const r = await runCli(['demo', '--pg-major', '17', '--format', 'json', '--now', NOW]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1); // drift
  const report = JSON.parse(r.stdout) as AuditReport;
  // With --now the demo is reproducible: byte for byte the fixture an earlier run wrote.
  expectFixture('onekeel-report.json', r.stdout);
  expect(renderMarkdown(report)).toBe(golden('onekeel.md'));
});

test('the OneKeel schema audited against itself renders as the clean golden; the URL password appears nowhere', async () => {
  const db: DemoDatabase = await createOnekeelDatabase(adminUrl(), ['expected.sql', 'data.sql']);
  cleanup.push(() => db.drop());
  // Advice off: this is the "clean database" report. (Advice would add real
  // fk_without_index findings; unused_index depends on the clock.)
  const r = await runCli(['audit', '--db', db.url, '--expected', 'expected-schema/onekeel-swarm', '--format', 'json', '--now', NOW, '--no-advice']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const raw = JSON.parse(r.stdout) as AuditReport;
  expect(raw.findings).toEqual([]);
  const password = decodeURIComponent(new URL(db.url).password);
  expect(password.length).toBeGreaterThan(0);
  expect(r.stdout).not.toContain(password);
  expect(renderMarkdown(raw)).not.toContain(password);
  const report = normalise(raw, 'onekeel_swarm');
  expectFixture('clean-report.json', serialise(report));
  expect(renderMarkdown(report)).toBe(golden('clean.md'));
});

test('the everything drift fixture renders as the everything golden', async () => {
  const db: TestDatabase = await createTestDatabase('md_everything');
  cleanup.push(() => db.drop());
  await db.exec(readFileSync(path.join(ROOT, 'fixtures', 'drift', 'everything', 'live.sql'), 'utf8'));
  const r = await runCli([
    'audit', '--db', db.url, '--expected', 'fixtures/drift/everything/expected.sql',
    '--format', 'json', '--now', NOW, '--fail-on', 'never',
    // unused_index cites the statistics window, which is the server's start time
    '--disable-advice', 'unused_index',
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const raw = JSON.parse(r.stdout) as AuditReport;
  const major = Number(raw.target.serverVersion.split('.')[0]);
  const report = normalise(pinGeneratedExpressionStep(raw, major), 'outreach');
  expectFixture('everything-report.json', serialise(report));
  expect(renderMarkdown(report)).toBe(golden('everything.md'));
});
