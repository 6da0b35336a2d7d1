import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * The OneKeel Swarm fixture with its data (about 40,000 rows): audited
 * against its spec, which declares `leads.score` backfilled from
 * `qualification_score`. up.sql applied with psql must leave no drift and
 * fill the new column in batches; down.sql must bring back the schema as
 * found, with every original row and value intact.
 */
const FIXTURE = path.join(ROOT, 'fixtures', 'onekeel-swarm');
const SPEC = path.join(ROOT, 'expected-schema', 'onekeel-swarm');

let db: TestDatabase;
let rt: RoundTrip;
const checksums: Record<string, string> = {};
let backfill: { filled: string; differ: string } | undefined;

/** A checksum of every row of the tables the migration touches, over the original columns only. */
async function checksum(table: string, columns: string): Promise<string> {
  const rows = await db.query<{ n: string; h: string }>(
    `SELECT count(*)::text AS n, md5(coalesce(string_agg(md5(row(${columns})::text), '' ORDER BY id), '')) AS h FROM ${table}`,
  );
  return `${rows[0]!.n}:${rows[0]!.h}`;
}

const TABLES: Record<string, string> = {
  leads: 'id, first_name, last_name, email, qualification_score, status',
  campaigns: 'id, name',
  communications: 'id, lead_id',
  lead_campaign_enrollments: 'id, lead_id, campaign_id',
};

beforeAll(async () => {
  db = await createTestDatabase('rt_onekeel');
  await db.exec(readFileSync(path.join(FIXTURE, 'current.sql'), 'utf8'));
  await db.exec(readFileSync(path.join(FIXTURE, 'data.sql'), 'utf8'));
  await db.exec('ANALYZE');
  for (const [t, cols] of Object.entries(TABLES)) checksums[t] = await checksum(t, cols);
  rt = await roundTrip(db, path.join(FIXTURE, 'current.sql'), SPEC, ['--drop-unexpected', '--verify'], async () => {
    const rows = await db.query<{ filled: string; differ: string }>(
      'SELECT count(*) FILTER (WHERE score IS NOT NULL)::text AS filled, count(*) FILTER (WHERE score IS DISTINCT FROM qualification_score)::text AS differ FROM leads',
    );
    backfill = rows[0]!;
  });
  // 157 s at load 20 on 2 cores.
}, 600_000);

afterAll(async () => {
  await db?.drop();
});

test('the plan fixes all 17 findings of the seed report, with no manual step', () => {
  expect(rt.before).toHaveLength(17);
  expect([...rt.plan.fixed].sort()).toEqual(rt.before);
  expect(rt.manual).toEqual([]);
  expect(rt.plan.verification).toMatchObject({ verified: true });
});

test('up.sql applies with psql (twice) and leaves no drift', () => {
  expect({ up: rt.up, sql: rt.up.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterUp).toEqual([]);
});

test('the backfill step fills leads.score from qualification_score in primary-key batches', () => {
  const step = rt.plan.steps.find((s) => s.id.startsWith('backfill:') && s.id.includes('score'));
  expect(step?.up[0]?.sql).toMatch(/ORDER BY id LIMIT 5000/);
  expect(step?.up[0]?.sql).toContain('COMMIT;');
  // After up.sql: every row that has a qualification score got it as its score.
  expect(Number(backfill?.filled)).toBeGreaterThan(1000);
  expect(backfill?.differ).toBe('0');
});

test('down.sql applies with psql (twice), restores the schema and keeps every original value', async () => {
  expect({ down: rt.down, sql: rt.down.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
  expect(rt.afterDown).toEqual([]);
  for (const [t, cols] of Object.entries(TABLES)) expect([t, await checksum(t, cols)]).toEqual([t, checksums[t]]);
});
