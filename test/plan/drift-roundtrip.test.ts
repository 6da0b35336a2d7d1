import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Every drift fixture (fixtures/drift/<case>/): live.sql audited against
 * expected.sql; up.sql applied with psql must leave only the plan's manual
 * steps, down.sql must bring back live.sql's schema (but for enum values,
 * which PostgreSQL cannot remove), and both files must be safe to re-run.
 */
const FIXTURES = path.join(ROOT, 'fixtures', 'drift');
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const databases: TestDatabase[] = [];
const results = new Map<string, RoundTrip>();

beforeAll(async () => {
  const queue = [...CASES];
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const db = await createTestDatabase(`rt_${name}`);
      databases.push(db);
      const live = path.join(FIXTURES, name, 'live.sql');
      await db.exec(readFileSync(live, 'utf8'));
      results.set(name, await roundTrip(db, live, path.join(FIXTURES, name, 'expected.sql')));
    }
  };
  await Promise.all([worker(), worker()]);
  // A round trip took 100 s at load 20 on 2 cores (two at a time: 560 s for 11 cases): 2.4x that per case.
}, CASES.length * 120_000);

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

describe.each(CASES)('%s', (name) => {
  const rt = (): RoundTrip => {
    const r = results.get(name);
    if (!r) throw new Error(`case ${name} did not run`);
    return r;
  };

  test('the plan accounts for every finding: fixed, manual or kept', () => {
    const { plan, before } = rt();
    expect([...plan.fixed, ...plan.manual.map((m) => m.findingId), ...plan.kept].sort()).toEqual(before);
  });

  test('--verify proved the plan on a scratch copy of the structure, on the same major', () => {
    const { plan } = rt();
    expect(plan.verification).toMatchObject({ verified: true });
    expect(plan.verification?.serverVersion.split('.')[0]).toBe(process.env.PG_MAJOR ?? '17');
  });

  test('up.sql applies with psql, twice; afterwards only the manual steps remain', () => {
    const r = rt();
    expect({ up: r.up, sql: r.up.some((u) => u.code !== 0) ? migrationText(r) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
    expect(r.afterUp).toEqual(r.manual);
  });

  test('down.sql applies with psql, twice, and brings the original schema back', () => {
    const r = rt();
    expect({ down: r.down, sql: r.down.some((u) => u.code !== 0) ? migrationText(r) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
    expect(r.afterDown).toEqual(r.irreversible);
  });
});
