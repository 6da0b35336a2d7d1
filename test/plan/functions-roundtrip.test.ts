import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { modelToSpec } from '../../src/spec-file/model-to-spec.js';
import { renderSpecYaml } from '../../src/spec-file/spec-yaml.js';
import { ROOT, runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Functions on a real server (fixtures/drift/functions): plpgsql and SQL
 * bodies, SQL-standard bodies (BEGIN ATOMIC, RETURN), a procedure, SET
 * search_path, overloads, security definer, an aggregate, a body holding
 * `$body$`, `$$` and `*\/`. The model read back, the spec written by
 * `snapshot` and audited (spec → scratch server → model: no drift), and the
 * plan applied with psql: a missing function, a changed body, a changed
 * result type (drop and create), an unexpected function with
 * --drop-unexpected; after up.sql the audit is clean, after down.sql the
 * database is the original again.
 */
const CASE = path.join(ROOT, 'fixtures', 'drift', 'functions');
const EXPECTED = path.join(CASE, 'expected.sql');
const LIVE = path.join(CASE, 'live.sql');

const databases: TestDatabase[] = [];
let rt: RoundTrip;
let expectedDb: TestDatabase;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sa-functions-'));
  const live = await createTestDatabase('fn_live');
  databases.push(live);
  await live.exec(readFileSync(LIVE, 'utf8'));
  rt = await roundTrip(live, LIVE, EXPECTED);
  expectedDb = await createTestDatabase('fn_expected');
  databases.push(expectedDb);
  await expectedDb.exec(readFileSync(EXPECTED, 'utf8'));
}, 600_000);

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  rmSync(dir, { recursive: true, force: true });
});

const driftOf = async (url: string, expected: string): Promise<string[]> => {
  const r = await runCli(['audit', '--db', url, '--expected', expected, '--format', 'json', '--no-advice']);
  const report = JSON.parse(r.stdout) as { findings: { id: string; category: string }[] };
  return report.findings.filter((f) => f.category === 'drift').map((f) => f.id);
};

describe('the model read back', () => {
  test('bodies, SQL-standard bodies, SET options, overloads, a procedure and an aggregate', async () => {
    const m = await introspect(expectedDb.url);
    const byName = (name: string, signature?: string) => m.functions.find((f) => f.name === name && (signature === undefined || f.signature === signature))!;
    expect(m.functions.map((f) => `${f.kind} ${f.name}(${f.signature})`)).toEqual([
      'function account_count()',
      'function balance_of(bigint)',
      'aggregate concat_all(text)',
      'procedure credit(bigint, numeric)',
      'function fmt(integer)',
      'function fmt(numeric, integer)',
      'function is_positive(numeric)',
      'function secret()',
      'function touch()',
      'function tricky()',
    ]);
    expect(byName('touch')).toMatchObject({ language: 'plpgsql', body: ' BEGIN RETURN NEW; END ', config: ['search_path=app, pg_temp'] });
    expect(byName('fmt', 'numeric, integer')).toMatchObject({ argumentList: 'n numeric, digits integer DEFAULT 2', arguments: 'n numeric, digits integer', volatility: 'immutable' });
    expect(byName('balance_of')).toMatchObject({ body: null, sqlBody: expect.stringMatching(/^BEGIN ATOMIC\n/), dependsOn: ['column:app\u0000accounts\u0000balance', 'column:app\u0000accounts\u0000id'] });
    expect(byName('is_positive')).toMatchObject({ body: null, sqlBody: 'RETURN (n > (0)::numeric)', strict: true });
    expect(byName('credit')).toMatchObject({ kind: 'procedure', returns: null });
    expect(byName('secret')).toMatchObject({ securityDefiner: true, parallel: 'safe', cost: 5 });
    expect(byName('tricky').body).toBe(" SELECT '$body$ $$ */ -- done' ");
    expect(byName('concat_all').aggregate).toBe("SFUNC = textcat, STYPE = text, INITCOND = ''");
    expect(byName('fmt', 'integer').comment).toBe('an integer as text');
  });
});

describe('the spec', () => {
  test('snapshot writes the functions; the database audited against it has no drift', async () => {
    const spec = modelToSpec(await introspect(expectedDb.url));
    const file = path.join(dir, 'spec.yaml');
    writeFileSync(file, renderSpecYaml(spec));
    expect(Object.keys(spec.functions ?? {})).toEqual([
      'app.account_count',
      'app.balance_of',
      'app.concat_all',
      'app.credit',
      'app.fmt',
      'app.is_positive',
      'app.secret',
      'app.touch',
      'app.tricky',
    ]);
    expect(await driftOf(expectedDb.url, file)).toEqual([]);
  }, 300_000);

  test('the SQL file audited against itself has no drift (both sides read from a server)', async () => {
    expect(await driftOf(expectedDb.url, EXPECTED)).toEqual([]);
  }, 300_000);
});

describe('the plan, applied with psql', () => {
  test('every finding is fixed: missing created, changed replaced, the new result type dropped and created, the unexpected dropped', () => {
    expect(rt.plan.manual).toEqual([]);
    expect([...rt.plan.fixed].sort()).toEqual(rt.before);
    const ids = rt.plan.steps.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'functions:app.fmt(numeric, integer)',
        'functions:app.fmt(integer)',
        'functions:app.account_count()',
        'views:app.balance_of(bigint)',
        'drop_functions:app.debug_dump(bigint)',
      ]),
    );
    const recreate = rt.plan.steps.find((s) => s.id === 'functions:app.account_count()')!;
    // Created again, it gets back its owner and grants (src/kinds/privilege/restore.ts).
    expect(recreate.up.map((s) => s.sql.split('\n')[0])).toEqual([
      'DROP FUNCTION IF EXISTS app.account_count()',
      'CREATE OR REPLACE FUNCTION app.account_count()',
      expect.stringMatching(/^ALTER ROUTINE app\.account_count\(\) OWNER TO \S+$/),
      'GRANT EXECUTE ON ROUTINE app.account_count() TO PUBLIC',
    ]);
    const statements = rt.plan.steps.flatMap((s) => [...s.up, ...s.down].map((x) => x.sql));
    expect(statements.filter((sql) => /CASCADE/.test(sql))).toEqual([]);
  });

  test('--verify proved the plan on a scratch copy', () => {
    expect(rt.plan.verification).toEqual(expect.objectContaining({ verified: true }));
  });

  test('up.sql applies twice; afterwards no drift', () => {
    expect({ up: rt.up, files: rt.up.some((r) => r.code !== 0) ? migrationText(rt) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], files: '' });
    expect(rt.afterUp).toEqual([]);
  });

  test('down.sql applies twice; afterwards the database is the original', () => {
    expect({ down: rt.down, files: rt.down.some((r) => r.code !== 0) ? migrationText(rt) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], files: '' });
    expect(rt.afterDown).toEqual([]);
  });
});
