/**
 * The database-free parts of the fault handling: how driver failures become
 * one line and an exit code, the silence limit, which statistics a role may
 * read, the last-resort handler's classification, and the report's coverage
 * (tables not read are never missing; advice that could not run says why).
 */
import { audit, type AuditInput } from '../../src/audit.js';
import { isDatabaseFault } from '../../src/cli/last-resort.js';
import { exitCodeFor } from '../../src/cli/exit-codes.js';
import { explainDbError, stallTimeoutMs } from '../../src/db/connect.js';
import { statsAccess, type RawServerRow } from '../../src/introspect/postgres/server.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { crm, withoutTable } from '../diff/builders.js';

const URL_ = 'postgres://audit:s3cret@db.internal:5432/app';

describe('driver failures while reading', () => {
  test.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, /terminated our session/],
    [{ code: '57P02', message: 'terminating connection because of crash of another server process' }, /crashed/],
    [{ message: 'Connection terminated unexpectedly' }, /connection was lost while reading/],
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, /connection was lost while reading/],
    [{ code: 'SA_STALLED', message: 'the server sent nothing for 40 s (statement timeout + 10 s); connection closed' }, /sent nothing for 40 s/],
  ])('%o: one line, exit 3, naming the target, never the password', (err, reason) => {
    const e = explainDbError(err, URL_, 'read');
    expect(exitCodeFor(e.code)).toBe(3);
    expect(e.message).toMatch(/^cannot read the schema of db\.internal:5432\/app: /);
    expect(e.message).toMatch(reason);
    expect(e.message).not.toContain('s3cret');
    expect(e.message).not.toContain('\n');
  });

  test('the silence limit is the statement timeout plus 10 s', () => {
    expect(stallTimeoutMs({})).toBe(40_000);
    expect(stallTimeoutMs({ statementTimeoutMs: 1000 })).toBe(11_000);
  });
});

describe('the last resort', () => {
  test.each([
    ['ECONNRESET', { code: 'ECONNRESET', message: 'read ECONNRESET' }, true],
    ['a SQLSTATE', { code: '57P01', message: 'terminating connection' }, true],
    ['Connection terminated', new Error('Connection terminated unexpectedly'), true],
    ['a TypeError', new TypeError('x is undefined'), false],
  ])('%s is a database fault: %s', (_, err, expected) => {
    expect(isDatabaseFault(err)).toBe(expected);
  });
});

describe('statistics the role may not read', () => {
  const row: RawServerRow = {
    server_version_num: '170010',
    server_version: '17.10',
    database: 'app',
    current_user: 'audit',
    track_counts: true,
    can_numscans: true,
    can_stat_database: true,
    can_start_time: true,
    roles: null,
  };
  test('all readable', () => expect(statsAccess(row)).toEqual({ readable: true }));
  test('each missing right is named', () => {
    expect(statsAccess({ ...row, can_numscans: false, can_start_time: false })).toEqual({
      readable: false,
      reason: 'the role audit may not read the index usage statistics (lacks EXECUTE on pg_stat_get_numscans(oid), EXECUTE on pg_postmaster_start_time())',
    });
    expect(statsAccess({ ...row, can_stat_database: false })).toMatchObject({ readable: false, reason: expect.stringContaining('SELECT on pg_stat_database') });
  });
  test('track_counts off', () => expect(statsAccess({ ...row, track_counts: false })).toMatchObject({ readable: false, reason: expect.stringContaining('track_counts is off') }));
});

describe('the report: tables not read, advice not checked', () => {
  const expected = crm();
  const liveModel = withoutTable(crm(), 'leads'); // leads was not read (locked)
  const input = (extra: Partial<AuditInput['live']> = {}, stats: Partial<NonNullable<AuditInput['advice']>> = {}): AuditInput => ({
    live: {
      model: liveModel,
      server: { version: '17.10', major: 17, database: 'app', user: 'audit' },
      target: { host: 'db', port: 5432, user: 'audit', location: 'db:5432/app' },
      ...extra,
    },
    expected: { model: expected, kind: 'spec', source: 'schema.yaml', sha256: '0'.repeat(64) },
    toolVersion: '0.0.0',
    generatedAt: '2026-01-01T00:00:00.000Z',
    advice: { enabled: true, ...stats },
  });

  test('without notRead, the unread table is missing (the control)', () => {
    const report = audit(input());
    expect(report.findings.some((f) => f.category === 'drift' && f.kind === 'missing_table')).toBe(true);
    expect(report.coverage.complete).toBe(true);
    expect(report.coverage.notRead).toBeUndefined();
  });

  test('with notRead, it is not compared, and every format says it was not read', () => {
    const notRead = [{ schema: 'public', name: 'leads', reason: 'locked by another session: AccessExclusiveLock held by pid 7' }];
    const report = audit(input({ notRead }));
    expect(report.findings.filter((f) => f.category === 'drift' && JSON.stringify(f.object).includes('leads'))).toEqual([]);
    expect(report.coverage.notRead).toEqual(notRead);
    expect(report.coverage.complete).toBe(false);
    expect(renderTerminal(report, { color: false, failOn: 'error' }).trimEnd().split('\n').at(-1)).toMatch(/; 1 table not read/);
    expect(renderTerminal(report, { color: false, failOn: 'error', failOnAdvice: false })).toMatch(/not read: +table public\.leads: locked by another session/);
    expect(renderMarkdown(report)).toMatch(/\*\*Not read\.\*\*[^\n]*\n+\| Table \| Why \|/);
    expect(JSON.parse(JSON.stringify(report)).coverage.notRead[0].name).toBe('leads');
  });

  test('unused_index skipped without statistics says why', () => {
    const report = audit(input({}, { statsUnavailable: 'the role audit may not read the index usage statistics (lacks SELECT on pg_stat_database)' }));
    expect(report.advice?.checked).not.toContain('unused_index');
    expect(report.advice?.notChecked).toEqual([{ kind: 'unused_index', reason: expect.stringContaining('lacks SELECT on pg_stat_database') }]);
    expect(renderTerminal(report, { color: false, failOn: 'error', failOnAdvice: false })).toMatch(/unused_index not checked: the role audit/);
    expect(renderMarkdown(report)).toMatch(/\*\*Advice not checked\.\*\* `unused_index`: the role audit/);
  });

  test('turned off with --disable-advice unused_index, it is not reported as not checked', () => {
    const report = audit(input({}, { disabled: ['unused_index'], statsUnavailable: 'no rights' }));
    expect(report.advice?.notChecked).toBeUndefined();
  });
});
