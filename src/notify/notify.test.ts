import type { AuditReport } from '../audit.js';
import type { ReportHistory } from '../history/types.js';
import { isSlackWebhook, notifyLabel, notifySummary, slackPayload } from './notify.js';

const history: ReportHistory = {
  previous: { generatedAt: '2026-01-01T00:00:00.000Z', from: 'history', database: { systemIdentifier: '7', database: 'app', serverVersion: '17.2', location: 'db:5432/app' } },
  database: { systemIdentifier: '7', database: 'app', serverVersion: '17.2', location: 'db:5432/app' },
  fingerprint: 'f',
  modelChanged: true,
  commitTimestamps: false,
  changed: true,
  new: [{ id: 'missing_column:public.t.<@here>', kind: 'missing_column', severity: 'error', firstSeen: '2026-01-02T00:00:00.000Z' }],
  open: [],
  resolved: [{ id: 'missing_index:public.t.i', kind: 'missing_index', severity: 'error', firstSeen: '2026-01-01T00:00:00.000Z', resolvedAt: '2026-01-02T00:00:00.000Z' }],
  cameBack: [],
  renamed: [{ kind: 'table', oid: 1, from: 'public.a', to: 'public.b', findings: [] }],
};
const report = { tool: { name: 'schema-audit', version: '1.0.0' }, generatedAt: '2026-01-02T00:00:00.000Z', target: { location: 'db:5432/app', database: 'app', serverVersion: '17.2' } } as unknown as AuditReport;

test('a Slack incoming webhook gets {text, blocks}, its mrkdwn escaped (no mention or link from a name)', () => {
  expect(isSlackWebhook(new URL('https://hooks.slack.com/services/T/B/X'))).toBe(true);
  expect(isSlackWebhook(new URL('https://example.com/hooks.slack.com'))).toBe(false);
  const payload = slackPayload(notifySummary(report, history));
  expect(payload.text).toBe('schema-audit db:5432/app: 1 new, 1 resolved, 1 relation renamed (compared with the run of 2026-01-01T00:00:00.000Z; the live schema changed)');
  const block = payload.blocks[0] as { type: string; text: { type: string; text: string } };
  expect(block.type).toBe('section');
  expect(block.text.type).toBe('mrkdwn');
  expect(block.text.text).toContain('• new: `missing_column:public.t.&lt;@here&gt;` (error)');
  expect(block.text.text).toContain('• resolved: `missing_index:public.t.i`');
  expect(block.text.text).toContain('• renamed: table `public.a` → `public.b`');
});

test('a URL is shown as its scheme and host only: never credentials, path or query', () => {
  expect(notifyLabel(new URL('https://u:p@hooks.example.com:8443/services/SECRET?token=x'))).toBe('https://hooks.example.com:8443');
});
