import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliHere } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { specPart } from '../spec-ddl/builders.js';
import { roundTrip } from '../spec-ddl/roundtrip.js';
import { describeRoundTripCases } from '../plan/roundtrip.js';

/**
 * A table without columns (`CREATE TABLE t ()`, which PostgreSQL allows):
 * its snapshot says `columns: {}`, the spec loads, the audit against it finds
 * nothing, and the spec's DDL creates it again; the plan creates and drops
 * one, and leaves a table without columns (round trips).
 */
const SQL = "CREATE TABLE public.empty (); CREATE UNLOGGED TABLE public.empty_unlogged (); COMMENT ON TABLE public.empty IS 'no columns';";

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('empty_table');
  await db.exec(SQL);
  dir = makeTempDir('empty-table');
});

afterAll(async () => {
  await db.drop();
  removeTempDir(dir);
});

test('snapshot, then audit against it: exit 0, no finding', async () => {
  const spec = path.join(dir, 'spec.yaml');
  const snap = await runCliHere(['snapshot', '--db', db.url, '--out', spec]);
  expect({ code: snap.code, stderr: snap.stderr }).toEqual({ code: 0, stderr: '' });
  expect(readFileSync(spec, 'utf8')).toMatch(/^ {2}empty:\n(?: {4}.*\n)*? {4}columns: \{\}$/m);
  const r = await runCliHere(['audit', '--db', db.url, '--expected', spec, '--format', 'json', '--no-advice']);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
});

test('spec → DDL creates the tables again, without columns', async () => {
  const rt = await roundTrip(SQL);
  expect(rt.ddl.map((d) => d.sql)).toEqual(expect.arrayContaining([expect.stringMatching(/^CREATE TABLE public\.empty \(\s*\)$/)]));
  expect(rt.after.tables.map((t) => [t.name, t.columns.length])).toEqual([
    ['empty', 0],
    ['empty_unlogged', 0],
  ]);
  expect(specPart(rt.after)).toEqual(specPart(rt.before));
});

describeRoundTripCases('empty-table', {
  'an empty table created, a table left without columns': {
    a: 'CREATE TABLE public.t (id integer);\n',
    b: 'CREATE TABLE public.t ();\nCREATE TABLE public.empty ();\n',
    args: ['--drop-unexpected', '--verify'],
    steps: [/^tables:public\.empty$/, /^drop_columns:public\.t\.id$/],
  },
  'an empty table dropped, columns added to an empty table': {
    a: 'CREATE TABLE public.t ();\nCREATE TABLE public.empty ();\n',
    b: 'CREATE TABLE public.t (id integer);\n',
    args: ['--drop-unexpected', '--verify'],
    steps: [/^columns:public\.t\.id$/, /^drop_tables:public\.empty$/],
  },
});
