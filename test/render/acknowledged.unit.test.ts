/**
 * Acknowledged drift in every report format, on the everything-report
 * fixture with its first two drift findings acknowledged (one of them with a
 * hostile reason), one expired acknowledgement and two stale entries: the
 * JSON valid against report.schema.json, SARIF against SARIF 2.1.0 (the
 * acknowledged as suppressed results), JUnit parsed (skipped cases), GitLab
 * at severity info, text and markdown lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '../../src/audit.js';
import { renderGitlab } from '../../src/render/ci/gitlab.js';
import { renderJunit } from '../../src/render/ci/junit.js';
import { renderSarif } from '../../src/render/ci/sarif.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { summarize } from '../../src/findings/finding.js';
import { parseXml, sarifValidator } from './ci-support.js';
import { checkReport } from './validate-report.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CWD = path.resolve(HERE, '../..');
const HOSTILE = 'ok]]></skipped><x>|`**&\u0007\r\n::error::y';

function acknowledgedReport(): AuditReport {
  const base = JSON.parse(readFileSync(path.join(HERE, 'fixtures', 'everything-report.json'), 'utf8')) as AuditReport;
  const drift = base.findings.filter((f) => f.category === 'drift');
  const [a, b, c] = drift as [AuditReport['findings'][number], AuditReport['findings'][number], AuditReport['findings'][number]];
  const findings = base.findings.filter((f) => f !== a && f !== b);
  return {
    ...base,
    findings,
    summary: summarize(findings.filter((f) => f.category === 'drift')),
    acknowledgements: {
      file: 'schema-audit.ack.yaml',
      acknowledged: [
        { finding: a, by: { source: 'ack-file', match: a.id, reason: 'release 42', owner: 'data-team', expires: '2027-01-31', ticket: 'OPS-1', at: 'schema-audit.ack.yaml:3' } },
        { finding: b, by: { source: 'ack-file', match: b.id, reason: HOSTILE, owner: HOSTILE, at: 'schema-audit.ack.yaml:8' } },
      ],
      expired: [{ findingId: c.id, severity: c.severity, by: { source: 'ack-file', match: c.id, reason: 'was fine', owner: 'alice', expires: '2026-11-30', at: 'schema-audit.ack.yaml:12' } }],
      stale: [
        { source: 'ack-file', match: 'missing_table:public.gone', reason: 'r', owner: 'o', at: 'schema-audit.ack.yaml:16' },
        { source: 'ignore-rule', match: 'audit.*', reason: 'another team' },
      ],
    },
  };
}

const report = acknowledgedReport();
const [first, second] = report.acknowledgements!.acknowledged;

test('json: valid against report.schema.json', () => {
  checkReport(JSON.parse(JSON.stringify(report)));
});

test('text: acknowledged, expired and stale lines, control characters made visible', () => {
  const text = renderTerminal(report, { color: false, failOn: 'error' });
  expect(text).toContain(`acknowledged: 2 findings (schema-audit.ack.yaml), not counted:\n  ${first!.finding.id}: release 42 (owner data-team, until 2027-01-31, ticket OPS-1)\n`);
  expect(text).toContain(`expired: ${report.acknowledgements!.expired[0]!.findingId}: the acknowledgement (schema-audit.ack.yaml:12) expired on 2026-11-30; the finding counts again (was fine (owner alice, until 2026-11-30))`);
  expect(text).toContain('stale: acknowledgement missing_table:public.gone (schema-audit.ack.yaml:16) matches no finding: remove it');
  expect(text).toContain('stale: ignore rule "audit.*" matches no finding: remove it');
  expect(text).not.toMatch(/[\u0007\r]/);
  expect(text).not.toContain(first!.finding.message); // listed apart by id, not as a finding row
  // Nothing left but the acknowledged: the verdict says so, not that the database matches.
  const onlyAcknowledged = { ...report, findings: report.findings.filter((f) => f.category === 'advice'), summary: summarize([]) };
  expect(renderTerminal(onlyAcknowledged, { color: false, failOn: 'error' }).trimEnd().split('\n').pop()).toMatch(/^✔ No drift beyond 2 acknowledged findings \(\d+ expected objects? present/);
});

test('markdown: an Acknowledged Drift section with reason, owner, expiry, ticket; hostile text escaped', () => {
  const md = renderMarkdown(report);
  const section = md.slice(md.indexOf('### Acknowledged Drift'));
  expect(section).toContain('2 findings are acknowledged (`schema-audit.ack.yaml`) and not counted:');
  expect(section).toContain('| Finding | Reason | Owner | Expires | Ticket |');
  expect(section).toContain(`| release 42 | data-team | 2027-01-31 | OPS-1 |`);
  expect(section).toContain('1 finding is counted again: its acknowledgement or ignore rule expired:');
  expect(section).toContain('2 acknowledgements or ignore rules match no finding (stale: remove them):');
  expect(section).not.toMatch(/<x>|\r|\u0007|^::error/m);
  // Nothing left but the acknowledged: the conclusion does not say the database matches.
  const onlyAcknowledged = renderMarkdown({ ...report, findings: report.findings.filter((f) => f.category === 'advice'), summary: summarize([]) });
  expect(onlyAcknowledged.slice(onlyAcknowledged.indexOf('## Conclusion'))).toMatch(/^## Conclusion\n\nNo drift beyond 2 acknowledged findings \(see Acknowledged Drift\): /);
});

test('sarif: valid 2.1.0; an acknowledged finding is a result with an accepted external suppression and its justification', () => {
  const log = JSON.parse(renderSarif(report, { cwd: CWD }));
  const validate = sarifValidator();
  expect(validate(log) ? [] : validate.errors).toEqual([]);
  const results = log.runs[0].results as { properties: { findingId: string }; suppressions?: { kind: string; status: string; justification: string }[] }[];
  expect(results).toHaveLength(report.findings.length + 2);
  expect(results.filter((r) => r.suppressions === undefined)).toHaveLength(report.findings.length);
  const suppressed = results.find((r) => r.properties.findingId === first!.finding.id)!;
  expect(suppressed.suppressions).toEqual([
    { kind: 'external', status: 'accepted', justification: 'acknowledged: release 42 (owner data-team, until 2027-01-31, ticket OPS-1)', properties: { acknowledgedAt: 'schema-audit.ack.yaml:3' } },
  ]);
});

test('junit: a suite of skipped test cases, the acknowledgement as message; parsed strictly', () => {
  const xml = renderJunit(report);
  const elements = parseXml(xml);
  const suite = elements.find((e) => e.name === 'testsuite' && e.attributes.name === 'schema-audit acknowledged')!;
  expect(suite.attributes).toMatchObject({ tests: '2', skipped: '2', failures: '0' });
  const skipped = elements.filter((e) => e.name === 'skipped');
  expect(skipped.map((e) => e.attributes.message)).toEqual(['acknowledged: release 42 (owner data-team, until 2027-01-31, ticket OPS-1)', expect.stringContaining('acknowledged: ok]]></skipped><x>')]);
  const root = elements.find((e) => e.name === 'testsuites')!;
  expect(Number(root.attributes.failures)).toBe(report.summary.total);
  expect(second).toBeDefined();
});

test('gitlab: acknowledged findings are issues at severity info, their fingerprints unchanged', () => {
  const issues = JSON.parse(renderGitlab(report, { cwd: CWD })) as { severity: string; description: string; check_name: string }[];
  expect(issues).toHaveLength(report.findings.length + 2);
  const acked = issues.slice(-2);
  expect(acked.map((i) => i.severity)).toEqual(['info', 'info']);
  expect(acked[0]!.description).toBe(`${first!.finding.message} (acknowledged: release 42 (owner data-team, until 2027-01-31, ticket OPS-1))`);
});
