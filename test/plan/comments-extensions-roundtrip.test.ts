import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Comments and extensions, round trip (roundtrip.ts) with psql on a real
 * server: live.sql audited against expected.sql with --drop-unexpected and
 * --verify; up.sql applied twice must leave no drift; down.sql applied twice
 * must bring live.sql's schema back.
 */
const DIR = path.join(ROOT, 'test', 'plan', 'comments-extensions');
const databases: TestDatabase[] = [];

async function run(name: string): Promise<RoundTrip> {
  const db = await createTestDatabase(`rt_${name}`);
  databases.push(db);
  const live = path.join(DIR, name, 'live.sql');
  await db.exec(readFileSync(live, 'utf8'));
  return roundTrip(db, live, path.join(DIR, name, 'expected.sql'));
}

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

describe('comments changed, added and removed on every kind; a missing and an unexpected extension', () => {
  let rt: RoundTrip;
  beforeAll(async () => {
    rt = await run('comments');
  }, 240_000);

  test('the audit finds each comment difference and each extension', () => {
    expect(rt.before).toEqual([
      'comment_mismatch:column:app.t.a',
      'comment_mismatch:column:app.t.m',
      'comment_mismatch:constraint:app.t.t_a_check',
      'comment_mismatch:domain:app.year',
      'comment_mismatch:enum:app.mood',
      'comment_mismatch:function:app.cnt()',
      'comment_mismatch:function:app.f(integer, text)',
      'comment_mismatch:function:app.p()',
      'comment_mismatch:index:app.t.t_a_idx',
      'comment_mismatch:schema:app',
      'comment_mismatch:sequence:app.counter',
      'comment_mismatch:table:app.t',
      'comment_mismatch:trigger:app.t.t_touch',
      'comment_mismatch:view:app.v',
      'missing_extension:public.citext',
      'unexpected_extension:public.hstore',
    ]);
    expect(rt.plan.fixed.slice().sort()).toEqual(rt.before);
  });

  test('the plan: citext first, comments in their phase, hstore dropped last without CASCADE', () => {
    const ids = rt.plan.steps.map((s) => s.id);
    expect(ids[0]).toBe('schemas:citext');
    expect(ids[ids.length - 1]).toBe('drop_extensions:hstore');
    expect(rt.files['up.sql']).toContain('DROP EXTENSION IF EXISTS hstore;');
    expect(rt.files['up.sql']).not.toMatch(/^DROP EXTENSION.*CASCADE/m);
    expect(rt.files['up.sql']).toContain("COMMENT ON CONSTRAINT t_a_check ON app.t IS 'new check; DROP TABLE app.t; --';");
    expect(rt.files['down.sql']).toContain("COMMENT ON CONSTRAINT t_a_check ON app.t IS E'it''s \\\\ old';");
    // Routines by signature; an aggregate of no argument as name(*).
    expect(rt.files['up.sql']).toContain("COMMENT ON FUNCTION app.f(integer, text) IS 'new function';");
    expect(rt.files['up.sql']).toContain("COMMENT ON PROCEDURE app.p() IS 'added procedure';");
    expect(rt.files['up.sql']).toContain('COMMENT ON AGGREGATE app.cnt(*) IS NULL;');
    expect(rt.files['down.sql']).toContain("COMMENT ON AGGREGATE app.cnt(*) IS 'old aggregate';");
  });

  test('--verify proved the plan on a scratch copy', () => {
    expect(rt.plan.verification).toMatchObject({ verified: true });
  });

  test('up.sql applies with psql, twice, and leaves no drift', () => {
    expect({ up: rt.up, sql: rt.up.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
    expect(rt.afterUp).toEqual([]);
  });

  test('down.sql applies with psql, twice, and brings the original schema back', () => {
    expect({ down: rt.down, sql: rt.down.some((u) => u.code !== 0) ? migrationText(rt) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
    expect(rt.afterDown).toEqual([]);
  });
});

describe('an extension version change (pg_trgm 1.3 → 1.4)', () => {
  let rt: RoundTrip;
  beforeAll(async () => {
    rt = await run('version');
  }, 240_000);

  test('found, and planned as a version change each way, marked may_fail', () => {
    expect(rt.before).toEqual(['extension_mismatch:public.pg_trgm']);
    expect(rt.plan.steps.map((s) => [s.id, s.hazards.map((h) => h.kind)])).toEqual([['schemas:pg_trgm version', ['may_fail']]]);
    expect(rt.files['up.sql']).toContain("ALTER EXTENSION pg_trgm UPDATE TO '1.4';");
  });

  test('up.sql updates it, twice (the second run only notices), and leaves no drift', () => {
    expect(rt.up).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    expect(rt.afterUp).toEqual([]);
  });

  test('down.sql, twice: no script goes from 1.4 back to 1.3, and nothing uses pg_trgm, so it is dropped and created at 1.3; --verify proved it', () => {
    expect(rt.down).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    expect(rt.afterDown).toEqual([]);
    expect(rt.plan.verification).toMatchObject({ verified: true });
  });
});

describe('a version change of an extension in use (a trigram index)', () => {
  let rt: RoundTrip;
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('rt_version_in_use');
    databases.push(db);
    const live = path.join(DIR, 'version-in-use', 'live.sql');
    await db.exec(readFileSync(live, 'utf8'));
    rt = await roundTrip(db, live, path.join(DIR, 'version-in-use', 'expected.sql'));
  }, 240_000);

  test('up.sql updates it in place (a script exists): no drift', () => {
    expect(rt.up).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    expect(rt.afterUp).toEqual([]);
  });

  test('down.sql fails as its hazard says, without CASCADE: the index and its rows stay, the version stays 1.4', async () => {
    expect(rt.down.map((d) => d.code)).toEqual([3, 3]);
    expect(rt.down[0]?.stderr).toMatch(/cannot drop extension pg_trgm because other objects depend on it/);
    expect(rt.afterDown).toEqual(['extension_mismatch:public.pg_trgm']);
    expect(await db.query('SELECT count(*)::int AS n FROM words WHERE w % \'kept\'')).toEqual([{ n: 1 }]);
    expect(rt.plan.verification).toMatchObject({ verified: false, failure: { stage: 'down' } });
  });
});
