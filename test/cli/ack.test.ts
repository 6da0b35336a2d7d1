import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { runCliHere } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * Acknowledged drift end to end, on a real database: `ack` writes and
 * updates the acknowledgements file; `audit --ack-file` passes the gate
 * where it failed, fails again when the acknowledgement expired, reports
 * stale entries and an expired ignore rule of the spec; an invalid file is
 * exit 2 with its file:line.
 */
let db: TestDatabase;
let dir: string;

const SPEC = `tables:
  leads:
    columns:
      id: { type: integer, nullable: false }
      score: { type: integer }
    primaryKey: [id]
ignore:
  - { pattern: public.tmp_import, reason: the nightly import's table, owner: etl, expires: 2026-11-30, ticket: ETL-7 }
  - { pattern: "audit.*", reason: another team's schema }
severity:
  unexpected_table: error
`;

const SCORE = 'missing_column:public.leads.score';
const TMP = 'unexpected_table:public.tmp_import';
/** Before the ignore rule's expiry, and after it. */
const BEFORE = '2026-11-15T12:00:00Z';
const AFTER = '2026-12-03T12:00:00Z';

beforeAll(async () => {
  db = await createTestDatabase('cli_ack');
  await db.exec('create table leads (id integer primary key, legacy_code text); create table tmp_import (x integer);');
  dir = makeTempDir('sa-ack-');
  writeFileSync(path.join(dir, 'schema.yaml'), SPEC);
});
afterAll(async () => {
  removeTempDir(dir);
  await db?.drop();
});

const cli = (args: readonly string[]) => runCliHere(args, { cwd: dir, env: { COLUMNS: '200' } });
const audit = (now: string, ...more: string[]) => cli(['audit', '--db', db.url, '--expected', path.join(dir, 'schema.yaml'), '--now', now, ...more]);
const ackFile = (): string => readFileSync(path.join(dir, 'schema-audit.ack.yaml'), 'utf8');

test('ack writes the file, then updates the same entry (not a duplicate), keeping a comment', async () => {
  const first = await cli(['ack', SCORE, '--reason', 'added by release 42', '--owner', 'data-team', '--expires', '2027-01-31', '--ticket', 'OPS-1']);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toBe(`added the acknowledgement of ${SCORE} until 2027-01-31 in schema-audit.ack.yaml:7\n`);
  expect(ackFile()).toContain(`  - id: ${SCORE}\n    reason: added by release 42\n    owner: data-team\n    expires: 2027-01-31\n    ticket: OPS-1\n`);
  writeFileSync(path.join(dir, 'schema-audit.ack.yaml'), ackFile().replace('acknowledgements:', '# reviewed in PR 12\nacknowledgements:'));
  const again = await cli(['ack', SCORE, '--reason', 'added by release 43', '--owner', 'data-team', '--expires', '2027-02-28']);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/^updated the acknowledgement of missing_column:public\.leads\.score until 2027-02-28 in schema-audit\.ack\.yaml:\d+\n$/);
  const text = ackFile();
  expect(text.match(/- id:/g)).toHaveLength(1);
  expect(text).toContain('# reviewed in PR 12\nacknowledgements:\n');
  expect(text).toContain('    reason: added by release 43\n    owner: data-team\n    expires: 2027-02-28\n');
  expect(text).not.toContain('OPS-1');
});

test('bad ack input: one line, exit 2, the file untouched', async () => {
  const before = ackFile();
  for (const [args, message] of [
    [['ack', 'missing_colum:public.leads.score', '--reason', 'r', '--owner', 'o'], "schema-audit: ack: unknown finding kind 'missing_colum' in 'missing_colum:public.leads.score'\n"],
    [['ack', SCORE, '--reason', 'r', '--owner', 'o', '--expires', '2027-02-30'], "schema-audit: --expires: expected a date yyyy-mm-dd, got '2027-02-30'\n"],
    [['ack', SCORE, '--owner', 'o'], 'schema-audit: ack needs --reason TEXT\n'],
    [['ack', SCORE, '--reason', ' ', '--owner', 'o'], 'schema-audit: --reason must not be empty\n'],
  ] as const) {
    const r = await cli(args);
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 2, stderr: message, stdout: '' });
  }
  expect(ackFile()).toBe(before);
});

test('audit: the missing column fails the gate (exit 1); acknowledged, it does not (exit 0) and is listed apart', async () => {
  const plain = await audit(BEFORE, '--format', 'json');
  expect(plain.code).toBe(1);
  expect(plain.stderr).toContain('schema-audit.ack.yaml is here but not read: pass --ack-file schema-audit.ack.yaml to apply it');
  expect(JSON.parse(plain.stdout).findings.map((f: { id: string }) => f.id)).toContain(SCORE);

  const acked = await audit(BEFORE, '--format', 'json', '--ack-file', 'schema-audit.ack.yaml');
  expect(acked.code).toBe(0);
  const report = JSON.parse(acked.stdout);
  expect(report.findings.map((f: { id: string }) => f.id)).not.toContain(SCORE);
  expect(report.summary.error).toBe(0);
  expect(report.acknowledgements.acknowledged).toEqual([
    {
      finding: expect.objectContaining({ id: SCORE, severity: 'error' }),
      by: { source: 'ack-file', match: SCORE, reason: 'added by release 43', owner: 'data-team', expires: '2027-02-28', at: 'schema-audit.ack.yaml:8' },
    },
  ]);
  // The plan leaves the acknowledged finding alone.
  expect(JSON.stringify(report.remediation ?? {})).not.toContain('score');

  const text = await audit(BEFORE, '--ack-file', 'schema-audit.ack.yaml');
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(`acknowledged: 1 finding (schema-audit.ack.yaml), not counted:\n  ${SCORE}: added by release 43 (owner data-team, until 2027-02-28)\n`);
  // The spec's rule for audit.* ignores nothing: stale, a warning only.
  expect(text.stdout).toContain('stale: ignore rule "audit.*" matches no finding: remove it');
});

test('an expired acknowledgement fails again and says so; a stale one is reported; an expired ignore rule brings its finding back', async () => {
  await cli(['ack', SCORE, '--reason', 'release 41', '--owner', 'alice', '--expires', '2026-12-01', '--file', 'expired.yaml']);
  await cli(['ack', 'missing_table:public.gone', '--reason', 'dropped last year', '--owner', 'bob', '--file', 'expired.yaml']);
  const r = await audit(AFTER, '--ack-file', 'expired.yaml');
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`expired: ${SCORE}: the acknowledgement (expired.yaml:7) expired on 2026-12-01; the finding counts again (release 41 (owner alice, until 2026-12-01))`);
  expect(r.stdout).toContain('stale: acknowledgement missing_table:public.gone (expired.yaml:11) matches no finding: remove it');
  expect(r.stdout).toContain(`expired: ${TMP}: the ignore rule "public.tmp_import" expired on 2026-11-30; the finding counts again (the nightly import's table (owner etl, until 2026-11-30, ticket ETL-7))`);
  const json = JSON.parse((await audit(AFTER, '--ack-file', 'expired.yaml', '--format', 'json')).stdout);
  expect(json.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { id: string }) => f.id).sort()).toEqual([SCORE, TMP]);
  expect(json.acknowledgements.expired.map((e: { findingId: string; by: { source: string } }) => [e.findingId, e.by.source])).toEqual([
    [SCORE, 'ack-file'],
    [TMP, 'ignore-rule'],
  ]);
  // Before the rule's expiry the table is ignored, with its owner and ticket.
  const before = JSON.parse((await audit(BEFORE, '--format', 'json')).stdout);
  expect(before.ignored).toEqual([{ findingId: TMP, pattern: 'public.tmp_import', reason: "the nightly import's table", owner: 'etl', expires: '2026-11-30', ticket: 'ETL-7' }]);
});

test('an invalid acknowledgements file: exit 2, every problem at file:line (structure and values in one run)', async () => {
  writeFileSync(path.join(dir, 'bad.yaml'), `acknowledgements:\n  - id: ${SCORE}\n    reason: r\n    owner: o\n    expires: 2026-13-01\n  - id: ${SCORE}\n    reason: r\n`);
  const r = await audit(BEFORE, '--ack-file', 'bad.yaml');
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(
    [
      'schema-audit: acknowledgements file has 3 errors:',
      "  bad.yaml:5: acknowledgements.0.expires: expected a date yyyy-mm-dd, got '2026-13-01'",
      "  bad.yaml:6: acknowledgements.1: missing required key 'owner'",
      `  bad.yaml:6: acknowledgements.1.id: '${SCORE}' is acknowledged twice (first at line 2): one entry per finding`,
      '',
    ].join('\n'),
  );
  const missing = await audit(BEFORE, '--ack-file', 'nope.yaml');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^schema-audit: cannot read .*nope\.yaml: ENOENT/);
});
