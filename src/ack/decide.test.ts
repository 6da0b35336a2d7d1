/**
 * What acknowledgements and ignore rules decide, without a database:
 * matching by exact id, expiry against the run's day (an entry holds through
 * its expires day), stale entries and rules, and the ignore rules the diff
 * still applies.
 */
import type { Finding } from '../findings/finding.js';
import type { IgnoreRule } from '../diff/ignore.js';
import { acknowledgementPolicy, dayOf, isExpired } from './decide.js';
import type { AcknowledgementFile } from './types.js';

function drift(kind: string, schema: string, table: string, column?: string): Finding {
  const name = column === undefined ? `${schema}.${table}` : `${schema}.${table}.${column}`;
  return { id: `${kind}:${name}`, kind, category: 'drift', severity: 'error', object: { schema, table, ...(column ? { column } : {}) }, expected: null, actual: null, message: `${kind} ${name}` };
}

const score = drift('missing_column', 'public', 'leads', 'score');
const legacy = drift('unexpected_column', 'public', 'leads', 'legacy_code');
const tmp = drift('unexpected_table', 'public', 'tmp_import');
const advice: Finding = { ...drift('fk_without_index', 'public', 'leads', 'client_id'), category: 'advice', severity: 'warning' };

const file = (...entries: AcknowledgementFile['entries']): AcknowledgementFile => ({ file: 'acks.yaml', entries });
const NOW = '2026-12-03T20:00:00.000Z';

test('the run\'s day is the UTC day of generatedAt; an entry holds through its expires day', () => {
  expect(dayOf('2026-12-03T23:59:59.999Z')).toBe('2026-12-03');
  expect(isExpired('2026-12-03', '2026-12-03')).toBe(false);
  expect(isExpired('2026-12-02', '2026-12-03')).toBe(true);
  expect(isExpired(undefined, '2026-12-03')).toBe(false);
});

test('an acknowledged finding leaves the findings and is listed with its reason, owner, expiry, ticket and line', () => {
  const policy = acknowledgementPolicy([], file({ id: score.id, reason: 'release 42', owner: 'data-team', expires: '2027-01-31', ticket: 'OPS-1', line: 3 }), NOW);
  const d = policy.decide([score, legacy], [], []);
  expect(d.drift).toEqual([legacy]);
  expect(d.section).toEqual({
    file: 'acks.yaml',
    acknowledged: [{ finding: score, by: { source: 'ack-file', match: score.id, reason: 'release 42', owner: 'data-team', expires: '2027-01-31', ticket: 'OPS-1', at: 'acks.yaml:3' } }],
    expired: [],
    stale: [],
  });
});

test('ids match exactly: no prefix, no glob, no other kind', () => {
  const policy = acknowledgementPolicy([], file({ id: 'missing_column:public.leads.*', reason: 'r', owner: 'o' }, { id: 'unexpected_column:public.leads.score', reason: 'r', owner: 'o' }, { id: 'missing_column:public.leads', reason: 'r', owner: 'o' }), NOW);
  const d = policy.decide([score], [], []);
  expect(d.drift).toEqual([score]);
  expect(d.section?.acknowledged).toEqual([]);
  expect(d.section?.stale.map((s) => s.match)).toEqual(['missing_column:public.leads.*', 'unexpected_column:public.leads.score', 'missing_column:public.leads']);
});

test('an expired acknowledgement no longer suppresses: the finding stays and the report says when it expired', () => {
  const policy = acknowledgementPolicy([], file({ id: score.id, reason: 'release 42', owner: 'alice', expires: '2026-12-02', line: 2 }), NOW);
  const d = policy.decide([score], [], []);
  expect(d.drift).toEqual([score]);
  expect(d.section?.acknowledged).toEqual([]);
  expect(d.section?.expired).toEqual([{ findingId: score.id, severity: 'error', by: { source: 'ack-file', match: score.id, reason: 'release 42', owner: 'alice', expires: '2026-12-02', at: 'acks.yaml:2' } }]);
  expect(d.section?.stale).toEqual([]);
  // The next day's run of the same entry, expiring today: it holds.
  expect(acknowledgementPolicy([], file({ id: score.id, reason: 'r', owner: 'o', expires: '2026-12-03' }), NOW).decide([score], [], []).drift).toEqual([]);
});

test('advice findings can be acknowledged too', () => {
  const d = acknowledgementPolicy([], file({ id: advice.id, reason: 'small table', owner: 'o' }), NOW).decide([score], [advice], []);
  expect(d.advice).toEqual([]);
  expect(d.drift).toEqual([score]);
  expect(d.section?.acknowledged.map((a) => a.finding.id)).toEqual([advice.id]);
});

test('ignore rules: an expired one is left out of the diff and its findings come back with a note; unexpired ones stay', () => {
  const expired: IgnoreRule = { pattern: 'public.leads.legacy_*', reason: 'retiring', owner: 'bob', expires: '2026-11-30', ticket: 'OPS-9' };
  const active: IgnoreRule = { pattern: 'public.tmp_*', reason: 'imports', expires: '2026-12-31' };
  const policy = acknowledgementPolicy([expired, active], undefined, NOW);
  expect(policy.ignore).toEqual([active]);
  // The diff ignored `tmp` by the active rule; `legacy` is reported.
  const d = policy.decide([score, legacy], [], [{ rule: active }]);
  expect(d.drift).toEqual([score, legacy]);
  expect(d.section).toEqual({
    file: null,
    acknowledged: [],
    expired: [{ findingId: legacy.id, severity: 'error', by: { source: 'ignore-rule', match: 'public.leads.legacy_*', reason: 'retiring', owner: 'bob', expires: '2026-11-30', ticket: 'OPS-9' } }],
    stale: [],
  });
});

test('stale: an acknowledgement or ignore rule that matches no finding, expired or not; none to say: no section', () => {
  const unused: IgnoreRule = { pattern: 'audit.*', reason: 'another team' };
  const lapsed: IgnoreRule = { pattern: 'old.*', reason: 'gone', expires: '2020-01-01' };
  const policy = acknowledgementPolicy([unused, lapsed], file({ id: tmp.id, reason: 'r', owner: 'o', line: 5 }, { id: score.id, reason: 'r', owner: 'o', expires: '2020-01-01', line: 9 }), NOW);
  const d = policy.decide([legacy], [], []);
  expect(d.section?.stale).toEqual([
    { source: 'ack-file', match: tmp.id, reason: 'r', owner: 'o', at: 'acks.yaml:5' },
    { source: 'ack-file', match: score.id, reason: 'r', owner: 'o', expires: '2020-01-01', at: 'acks.yaml:9' },
    { source: 'ignore-rule', match: 'audit.*', reason: 'another team' },
    { source: 'ignore-rule', match: 'old.*', reason: 'gone', expires: '2020-01-01' },
  ]);
  const quiet = acknowledgementPolicy([unused], undefined, NOW);
  expect(quiet.decide([legacy], [], [{ rule: unused }])).toEqual({ drift: [legacy], advice: [] });
  expect(quiet.ignore).toEqual([unused]);
});

test('an acknowledgement wins over an expired ignore rule for the same finding (acknowledged, the rule not stale)', () => {
  const rule: IgnoreRule = { pattern: 'public.leads', reason: 'old', expires: '2020-01-01' };
  const d = acknowledgementPolicy([rule], file({ id: legacy.id, reason: 'new', owner: 'o' }), NOW).decide([legacy], [], []);
  expect(d.drift).toEqual([]);
  expect(d.section?.acknowledged.map((a) => a.by.source)).toEqual(['ack-file']);
  expect(d.section?.expired).toEqual([]);
  expect(d.section?.stale).toEqual([]);
});
