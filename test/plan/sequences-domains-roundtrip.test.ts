import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { migrationText, roundTrip, type RoundTrip } from './roundtrip.js';

/**
 * Sequences and domains, remediated on a real server: database A audited
 * against expected B (--drop-unexpected --verify), up.sql applied with psql
 * (twice) must leave only the plan's manual steps, down.sql (twice) must
 * bring back A's schema. Each pair runs both ways, so what one direction
 * adds the other removes.
 */
const SEQUENCES_A = `
CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
CREATE SEQUENCE s_opts;
CREATE SEQUENCE s_owner OWNED BY t.a;
CREATE SEQUENCE s_gone START WITH 50;
CREATE SEQUENCE s_flip MAXVALUE 1000;
CREATE TABLE old (id serial PRIMARY KEY, note text);
INSERT INTO t VALUES (1, 1, 1);
INSERT INTO old (note) VALUES ('x'), ('y');
SELECT nextval('s_opts'), nextval('s_opts'), nextval('s_opts');
SELECT nextval('s_flip'), nextval('s_flip');
`;

/**
 * A serial column added, options changed, another owner, two new sequences
 * (one owned by a column A has), one sequence turned around (ascending in A,
 * used, descending here and used too): its current value lies outside the
 * other direction's bounds.
 */
const SEQUENCES_B = `
CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, n serial);
CREATE SEQUENCE s_opts INCREMENT BY 5 MAXVALUE 1000 CYCLE CACHE 10;
CREATE SEQUENCE s_owner OWNED BY t.b;
CREATE SEQUENCE s_new AS smallint START WITH 7 MINVALUE 7;
CREATE SEQUENCE s_new_owned OWNED BY t.a;
CREATE SEQUENCE s_flip INCREMENT BY -1 MINVALUE -500;
SELECT nextval('s_flip'), nextval('s_flip'), nextval('s_flip');
`;

const DOMAINS_A = `
CREATE DOMAIN d_default AS integer;
CREATE DOMAIN d_checks AS integer CONSTRAINT c_changed CHECK (VALUE > 0) CONSTRAINT c_gone CHECK (VALUE <> 13);
CREATE DOMAIN d_old AS text;
CREATE TABLE t (id integer PRIMARY KEY, x d_default, y d_checks);
INSERT INTO t VALUES (1, 1, 5), (2, 3, 7);
`;

/** A default and NOT NULL added, a check changed, one removed and one added, a new domain for a new column, one dropped. */
const DOMAINS_B = `
CREATE DOMAIN d_default AS integer DEFAULT 5 NOT NULL;
CREATE DOMAIN d_checks AS integer CONSTRAINT c_changed CHECK (VALUE > 1) CONSTRAINT c_new CHECK (VALUE < 1000);
CREATE DOMAIN d_new AS text CONSTRAINT d_new_check CHECK (VALUE <> '') DEFAULT 'none';
CREATE TABLE t (id integer PRIMARY KEY, x d_default, y d_checks, z d_new);
`;

const CASES: readonly (readonly [string, string, string])[] = [
  ['sequences: added, changed, owned elsewhere, a serial column added', SEQUENCES_A, SEQUENCES_B],
  ['sequences: removed, back to the defaults, a serial table added', SEQUENCES_B, SEQUENCES_A],
  ['domains: default and NOT NULL set, checks added, changed and removed, a domain added and dropped', DOMAINS_A, DOMAINS_B],
  ['domains: default and NOT NULL dropped, checks back, a domain and its column dropped', DOMAINS_B, DOMAINS_A],
];

const databases: TestDatabase[] = [];
const results = new Map<string, RoundTrip>();
let dir: string | undefined;

beforeAll(async () => {
  dir = makeTempDir('seqdom');
  for (const [i, [name, a, b]] of CASES.entries()) {
    const original = path.join(dir, `a${i}.sql`);
    const expected = path.join(dir, `b${i}.sql`);
    writeFileSync(original, a);
    writeFileSync(expected, b);
    const db = await createTestDatabase(`seqdom${i}`);
    databases.push(db);
    await db.exec(a);
    results.set(name, await roundTrip(db, original, expected));
  }
}, CASES.length * 240_000);

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  removeTempDir(dir);
});

const rt = (name: string): RoundTrip => {
  const r = results.get(name);
  if (!r) throw new Error(`case ${name} did not run`);
  return r;
};

describe.each(CASES.map(([name]) => name))('%s', (name) => {
  test('the plan accounts for every finding, and --verify proved it', () => {
    const { plan, before } = rt(name);
    expect([...plan.fixed, ...plan.manual.map((m) => m.findingId), ...plan.kept].sort()).toEqual(before);
    expect(plan.verification).toMatchObject({ verified: true });
  });

  test('up.sql applies with psql, twice, and leaves no drift', () => {
    const r = rt(name);
    expect({ up: r.up, sql: r.up.some((u) => u.code !== 0) ? migrationText(r) : '' }).toEqual({ up: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
    expect(r.manual).toEqual([]);
    expect(r.afterUp).toEqual([]);
  });

  test('down.sql applies with psql, twice, and brings the original schema back', () => {
    const r = rt(name);
    expect({ down: r.down, sql: r.down.some((u) => u.code !== 0) ? migrationText(r) : '' }).toEqual({ down: [{ code: 0, stderr: '' }, { code: 0, stderr: '' }], sql: '' });
    expect(r.afterDown).toEqual([]);
  });
});

test('the drift each way, by finding', () => {
  expect(rt(CASES[0]![0]).before).toEqual([
    'missing_column:public.t.n',
    'missing_sequence:public.s_new',
    'missing_sequence:public.s_new_owned',
    'missing_sequence:public.t_n_seq',
    'sequence_mismatch:public.s_flip',
    'sequence_mismatch:public.s_opts',
    'sequence_mismatch:public.s_owner',
    'unexpected_sequence:public.old_id_seq',
    'unexpected_sequence:public.s_gone',
    'unexpected_table:public.old',
  ]);
  expect(rt(CASES[2]![0]).before).toEqual([
    'domain_check_mismatch:public.d_checks.c_changed',
    'domain_check_missing:public.d_checks.c_new',
    'domain_check_unexpected:public.d_checks.c_gone',
    'domain_mismatch:public.d_default',
    'missing_column:public.t.z',
    'missing_domain:public.d_new',
    'unexpected_domain:public.d_old',
  ]);
});

test('the sequence of a new serial column is created once', () => {
  const up = rt(CASES[0]![0]).files['up.sql'];
  expect(up.match(/CREATE SEQUENCE IF NOT EXISTS public\.t_n_seq /g)).toHaveLength(1);
  expect(up.match(/OWNED BY public\.t\.n\b/g)).toHaveLength(1);
});
