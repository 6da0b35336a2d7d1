import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FINDING_KINDS } from '../../src/findings/kinds.js';
import { ROOT, runCliHere, type CliResult } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * The drift fixtures (fixtures/drift/<case>/), end to end: for each case, a
 * fresh database loaded with live.sql is audited by the real executable
 * against expected.sql, and the findings must be exactly findings.json.
 * Identical schemas must never drift: live.sql and expected.sql are each
 * audited against themselves too.
 */
const FIXTURES = path.join(ROOT, 'fixtures', 'drift');
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface OracleLine {
  readonly id: string;
  readonly kind: string;
  readonly severity: string;
}

interface ReportFinding extends OracleLine {
  readonly object: Record<string, string>;
  readonly message: unknown;
}

interface Report {
  readonly summary: { readonly error: number; readonly warning: number; readonly info: number; readonly total: number };
  readonly findings: readonly ReportFinding[];
  readonly present: readonly { readonly kind: string; readonly object: Record<string, string>; readonly identical: boolean }[];
}

interface Run {
  readonly cli: CliResult;
  readonly report: Report;
}

interface CaseRuns {
  /** live.sql audited against expected.sql: the drift. */
  readonly drift: Run;
  /** live.sql audited against live.sql. */
  readonly liveSelf: Run;
  /** expected.sql audited against expected.sql. */
  readonly expectedSelf: Run;
}

const file = (name: string, base: string): string => path.join(FIXTURES, name, base);
const oracle = (name: string): OracleLine[] => JSON.parse(readFileSync(file(name, 'findings.json'), 'utf8')) as OracleLine[];

const databases: TestDatabase[] = [];
const runs = new Map<string, CaseRuns>();

async function loaded(name: string, sqlFile: string): Promise<TestDatabase> {
  const db = await createTestDatabase(`drift_${name}`);
  databases.push(db);
  await db.exec(readFileSync(sqlFile, 'utf8'));
  return db;
}

/** A case's own audit flags (args.json, optional: `["--all-schemas"]`), for every audit of it. */
const argsOf = (name: string): string[] => {
  try {
    return JSON.parse(readFileSync(file(name, 'args.json'), 'utf8')) as string[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
};

async function audit(url: string, expected: string, args: readonly string[]): Promise<Run> {
  const cli = await runCliHere(['audit', '--db', url, '--expected', expected, '--format', 'json', '--no-advice', ...args]);
  let report: Report;
  try {
    report = JSON.parse(cli.stdout) as Report;
  } catch {
    throw new Error(`audit --expected ${path.relative(ROOT, expected)} exited ${cli.code} without a JSON report; stderr: ${cli.stderr}`);
  }
  return { cli, report };
}

async function runCase(name: string): Promise<CaseRuns> {
  const live = await loaded(name, file(name, 'live.sql'));
  const args = argsOf(name);
  const drift = await audit(live.url, file(name, 'expected.sql'), args);
  const liveSelf = await audit(live.url, file(name, 'live.sql'), args);
  const expected = await loaded(name, file(name, 'expected.sql'));
  const expectedSelf = await audit(expected.url, file(name, 'expected.sql'), args);
  return { drift, liveSelf, expectedSelf };
}

/** Audits run in this process, scratch databases on the suite's server: two cases at a time. */
beforeAll(async () => {
  const queue = [...CASES];
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) runs.set(name, await runCase(name));
  };
  await Promise.all([worker(), worker()]);
}, CASES.length * 120_000);

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

function runsOf(name: string): CaseRuns {
  const r = runs.get(name);
  if (r === undefined) throw new Error(`case ${name} did not run`);
  return r;
}

const key = (object: Record<string, string>): string => JSON.stringify(Object.entries(object).sort());

test('there are drift cases, each with expected.sql, live.sql and findings.json', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(6);
  for (const name of CASES) expect(Array.isArray(oracle(name))).toBe(true);
});

describe.each(CASES)('%s', (name) => {
  test('the findings are exactly findings.json; exit 1 exactly when one is an error', () => {
    const { cli, report } = runsOf(name).drift;
    const expected = oracle(name);
    expect(report.findings.map((f) => ({ id: f.id, kind: f.kind, severity: f.severity }))).toEqual(expected);
    expect(cli.code).toBe(expected.some((f) => f.severity === 'error') ? 1 : 0);
    expect(cli.stderr).toBe('');
    const count = (severity: string): number => expected.filter((f) => f.severity === severity).length;
    expect(report.summary).toEqual({ error: count('error'), warning: count('warning'), info: count('info'), total: expected.length });
  });

  test('every finding has a one-line message', () => {
    for (const f of runsOf(name).drift.report.findings) {
      expect(typeof f.message).toBe('string');
      expect(f.message).toMatch(/^\S.*\S$/);
      expect(f.message).not.toMatch(/[\r\n]/);
    }
  });

  test('present lists the expected objects found, and none reported missing', () => {
    const { report } = runsOf(name).drift;
    expect(report.present.length).toBeGreaterThan(0);
    const present = new Set(report.present.map((p) => key(p.object)));
    for (const f of report.findings.filter((x) => x.kind.startsWith('missing_'))) {
      expect([f.id, present.has(key(f.object))]).toEqual([f.id, false]);
    }
    // An object with drift of its own is not identical.
    const drifted = new Set(report.findings.filter((f) => !f.kind.startsWith('missing_')).map((f) => key(f.object)));
    for (const p of report.present) if (drifted.has(key(p.object))) expect([p.object, p.identical]).toEqual([p.object, false]);
  });

  test.each([
    ['live.sql', 'liveSelf'],
    ['expected.sql', 'expectedSelf'],
  ] as const)('%s audited against itself: no finding', (_file, which) => {
    const { cli, report } = runsOf(name)[which];
    expect(report.findings.map((f) => f.id)).toEqual([]);
    expect(cli.code).toBe(0);
    expect(report.present.length).toBeGreaterThan(0);
    expect(report.present.filter((p) => !p.identical)).toEqual([]);
  });
});

/**
 * Event triggers cannot be in a SQL fixture: the scratch server loads an
 * expected .sql as a role that may not create them (only a superuser may).
 * Their kinds are produced against a reference database in
 * test/plan/triggers-roundtrip.test.ts.
 */
const NOT_FROM_SQL: readonly string[] = ['missing_event_trigger', 'unexpected_event_trigger', 'event_trigger_mismatch', ...PRIVILEGE_KINDS()];

/**
 * Privileges and owners are compared only for governed roles (--role), and
 * roles are cluster-wide: the fixtures, audited without --role, cannot
 * produce them. test/plan/privileges-roundtrip.test.ts does, with roles of
 * unique names.
 */
function PRIVILEGE_KINDS(): string[] {
  return ['privilege_missing', 'privilege_unexpected', 'owner_mismatch'];
}

test('the cases together produce every finding kind (but those of event triggers, and of privileges)', () => {
  const kinds = FINDING_KINDS.filter((k) => !NOT_FROM_SQL.includes(k));
  expect(kinds.length).toBe(FINDING_KINDS.length - NOT_FROM_SQL.length);
  const produced = new Set(CASES.flatMap((name) => runsOf(name).drift.report.findings.map((f) => f.kind)));
  expect(kinds.filter((k) => !produced.has(k))).toEqual([]);
  const inOracles = new Set(CASES.flatMap((name) => oracle(name).map((f) => f.kind)));
  expect(kinds.filter((k) => !inOracles.has(k))).toEqual([]);
});
