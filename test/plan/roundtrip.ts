import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { leftAfterRollback } from '../../src/plan/index.js';
import { runCliHere } from '../support/cli.js';
import { createTestDatabase, execAsAdmin, type TestDatabase } from '../support/db.js';
import { runPsqlFile } from '../support/psql.js';
import { makeTempDir, removeTempDir, withTempDir } from '../support/temp-dir.js';

/**
 * The remediation round trip, as a user runs it: audit database A against
 * expected B with --migration-dir, apply up.sql with psql (twice: it must be
 * idempotent), re-audit against B, apply down.sql with psql (twice), and
 * audit A against its own original schema.
 */
export interface PlanJson {
  readonly steps: readonly { id: string; findingIds: string[]; hazards: { kind: string; message: string }[]; up: { sql: string }[]; down: { sql: string }[] }[];
  readonly manual: readonly { findingId: string; reason: string }[];
  readonly kept: readonly string[];
  readonly fixed: readonly string[];
  readonly verification?: { verified: boolean; serverVersion: string; failure?: { stage: string; step?: string; message: string } };
}

interface ReportJson {
  readonly findings: readonly { id: string; kind: string; category: string }[];
  readonly remediation?: PlanJson;
}

export interface RoundTrip {
  /** up.sql and down.sql as written (their directory is gone), for failure messages. */
  readonly files: { readonly 'up.sql': string; readonly 'down.sql': string };
  readonly plan: PlanJson;
  readonly before: readonly string[];
  readonly up: readonly { code: number; stderr: string }[];
  /** Drift left after up.sql, against B. */
  readonly afterUp: readonly string[];
  /** What the plan says stays: its manual steps and kept objects. */
  readonly manual: readonly string[];
  readonly down: readonly { code: number; stderr: string }[];
  /** Drift after down.sql, against A's original schema. */
  readonly afterDown: readonly string[];
  /** What down.sql cannot undo (enum values added), as the audit against A reports it. */
  readonly irreversible: readonly string[];
}

async function auditJson(url: string, expected: string, extra: readonly string[] = []): Promise<ReportJson> {
  const r = await runCliHere(['audit', '--db', url, '--expected', expected, '--format', 'json', '--no-advice', ...extra]);
  try {
    return JSON.parse(r.stdout) as ReportJson;
  } catch {
    throw new Error(`audit --expected ${expected} exited ${r.code} without a JSON report: ${r.stderr}`);
  }
}

/** psql's exit code and its error and warning lines (NOTICEs such as "already exists, skipping" are expected on a re-run). */
const outcome = (r: { code: number; stderr: string }): { code: number; stderr: string } => ({
  code: r.code,
  stderr: r.stderr
    .split('\n')
    .filter((l) => /\b(ERROR|WARNING|FATAL):/.test(l))
    .join('\n'),
});

const driftIds = (r: ReportJson): string[] => r.findings.filter((f) => f.category === 'drift').map((f) => f.id).sort();

export async function roundTrip(
  db: TestDatabase,
  original: string,
  expected: string,
  args: readonly string[] = ['--drop-unexpected', '--verify'],
  /** Runs between up.sql and down.sql, to look at the migrated database. */
  afterUpHook?: () => Promise<void>,
  /** Arguments of every audit of the round trip (`--role app`). */
  every: readonly string[] = [],
): Promise<RoundTrip> {
  return withTempDir('migration', (dir) => roundTripIn(dir, db, original, expected, args, afterUpHook, every));
}

async function roundTripIn(
  dir: string,
  db: TestDatabase,
  original: string,
  expected: string,
  args: readonly string[],
  afterUpHook: (() => Promise<void>) | undefined,
  every: readonly string[],
): Promise<RoundTrip> {
  const first = await auditJson(db.url, expected, ['--migration-dir', dir, ...args, ...every]);
  if (!first.remediation) throw new Error('the JSON report has no remediation plan');
  const plan = first.remediation;
  const up = [await runPsqlFile(db.url, path.join(dir, 'up.sql')), await runPsqlFile(db.url, path.join(dir, 'up.sql'))];
  const afterUp = driftIds(await auditJson(db.url, expected, every));
  await afterUpHook?.();
  const down = [await runPsqlFile(db.url, path.join(dir, 'down.sql')), await runPsqlFile(db.url, path.join(dir, 'down.sql'))];
  const afterDown = driftIds(await auditJson(db.url, original, every));
  const irreversible = leftAfterRollback(plan);
  const file = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
  return {
    files: { 'up.sql': file('up.sql'), 'down.sql': file('down.sql') },
    plan,
    before: driftIds(first),
    up: up.map(outcome),
    afterUp,
    manual: [...plan.manual.map((m) => m.findingId), ...plan.kept].sort(),
    down: down.map(outcome),
    afterDown,
    irreversible,
  };
}

/** Both files ran twice each with psql, the audit was clean after up.sql and after down.sql; the SQL is shown on failure. */
export function expectCleanRoundTrip(rt: RoundTrip): void {
  const text = migrationText(rt);
  const ran = [{ code: 0, stderr: '' }, { code: 0, stderr: '' }];
  expect({ up: rt.up, afterUp: rt.afterUp, down: rt.down, afterDown: rt.afterDown, text }).toEqual({ up: ran, afterUp: [], down: ran, afterDown: [], text });
}

/** The SQL files of a round trip, for failure messages. */
export function migrationText(rt: RoundTrip): string {
  return (['up.sql', 'down.sql'] as const).map((f) => `---- ${f}\n${rt.files[f]}`).join('\n');
}

/** One case of {@link describeRoundTripCases}: a.sql → b.sql, the plan's step ids expected, the findings it keeps. */
export interface RoundTripCase {
  readonly a: string;
  readonly b: string;
  readonly args?: readonly string[];
  readonly steps: readonly RegExp[];
  /** Findings the plan keeps (no --drop-unexpected): still there after up.sql. */
  readonly kept?: readonly string[];
}

/**
 * Each case in a database of its own (`prefix_<i>`): the steps in order,
 * every finding fixed but those kept, --verify proved them; up.sql and
 * down.sql applied twice each (psql), leaving only what is kept, then the
 * original. Returns the results by case name, the databases list (more
 * may be pushed to it: all are dropped after the file) and the temporary
 * folder (removed after the file).
 */
export function describeRoundTripCases(
  prefix: string,
  cases: Readonly<Record<string, RoundTripCase>>,
): { readonly results: ReadonlyMap<string, RoundTrip>; readonly databases: TestDatabase[]; readonly dir: () => string } {
  let dir: string;
  const databases: TestDatabase[] = [];
  const results = new Map<string, RoundTrip>();

  beforeAll(async () => {
    dir = makeTempDir(`${prefix}-rt`);
    for (const [i, [name, c]] of Object.entries(cases).entries()) {
      const a = path.join(dir, `${i}-a.sql`);
      const b = path.join(dir, `${i}-b.sql`);
      writeFileSync(a, c.a);
      writeFileSync(b, c.b);
      const db = await createTestDatabase(`${prefix.replace(/-/g, '_')}_${i}`);
      databases.push(db);
      await db.exec(c.a);
      results.set(name, await roundTrip(db, a, b, c.args));
    }
  }, Object.keys(cases).length * 150_000);

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    removeTempDir(dir);
  });

  describe.each(Object.keys(cases))('%s', (name) => {
    const c = cases[name]!;
    const rt = (): RoundTrip => {
      const r = results.get(name);
      if (!r) throw new Error(`case ${name} did not run`);
      return r;
    };

    test('the steps, in order; every finding fixed but those kept; --verify proved them', () => {
      const r = rt();
      expect(r.plan.steps.map((s) => s.id)).toEqual(c.steps.map((re, i) => (re.test(r.plan.steps[i]?.id ?? '') ? r.plan.steps[i]!.id : re.source)));
      expect([...r.plan.fixed, ...r.manual].sort()).toEqual(r.before);
      expect(r.manual).toEqual(c.kept ?? []);
      expect(r.plan.verification).toMatchObject({ verified: true });
    });

    test('up.sql applies twice and leaves only what is kept; down.sql applies twice and gives back the original', () => {
      const r = rt();
      const context = migrationText(r);
      expect({ up: r.up, context }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
      expect(r.afterUp).toEqual(c.kept ?? []);
      expect({ down: r.down, context }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], context });
      expect(r.afterDown).toEqual([]);
      expect(r.irreversible).toEqual([]);
    });
  });
  return { results, databases, dir: () => dir };
}

/** A database holding `a` (a.sql and b.sql beside it, in `dir`), and the cluster-wide roles both name, created NOLOGIN. */
export interface RolesFixture {
  readonly db: TestDatabase;
  readonly dir: string;
  /** Drops the database, the folder and the roles. */
  drop(): Promise<void>;
}

export async function rolesFixture(name: string, roles: readonly string[], a: string, b: string): Promise<RolesFixture> {
  await execAsAdmin(roles.map((r) => `CREATE ROLE ${r} NOLOGIN;`).join(' '));
  const db = await createTestDatabase(name);
  await db.exec(a);
  const dir = makeTempDir(name);
  writeFileSync(path.join(dir, 'a.sql'), a);
  writeFileSync(path.join(dir, 'b.sql'), b);
  return {
    db,
    dir,
    async drop() {
      await db.drop();
      removeTempDir(dir);
      for (const r of roles) await execAsAdmin(`DROP ROLE IF EXISTS ${r}`).catch(() => undefined);
    },
  };
}
