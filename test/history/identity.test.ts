import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readLiveSchema } from '../../src/introspect/read-live-schema.js';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded.js';
import { parseMajor } from '../../src/server/binaries.js';
import { randomRoleName, serverMajor } from '../introspect/helpers.js';
import { runCliHere as runCli } from '../support/cli.js';
import { createTestDatabase, execAsAdmin, urlAs, urlFor, type TestDatabase } from '../support/db.js';

/**
 * What --history reads of the catalogs, in the audit's own statements: the
 * system identifier (null, not a failure, when the role may not call
 * pg_control_system()), the relations' OIDs, and their pg_class rows'
 * commit times only where track_commit_timestamp is on.
 */
let db: TestDatabase;
const role = randomRoleName('history');
const password = `pw-${role}`;

beforeAll(async () => {
  db = await createTestDatabase('history_identity');
  await db.exec(`create table t (id int primary key); create view v as select id from t; create sequence s;
    create role "${role}" login password '${password}'; grant connect on database "${db.name}" to "${role}";`);
});
afterAll(async () => {
  await db?.drop();
  await execAsAdmin(`drop role if exists "${role}"`);
});

async function one<T>(sqlText: string): Promise<T> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return (await c.query(sqlText)).rows[0] as T;
  } finally {
    await c.end();
  }
}

test('the system identifier and the OIDs of tables, views and sequences; a plain role reads them too', async () => {
  const expected = await one<{ sysid: string; t: number; v: number; s: number }>(
    `select (select system_identifier::text from pg_control_system()) as sysid, 't'::regclass::oid::int as t, 'v'::regclass::oid::int as v, 's'::regclass::oid::int as s`,
  );
  const asSuper = (await readLiveSchema(db.url)).server.identity!;
  expect(asSuper.systemIdentifier).toBe(expected.sysid);
  expect(asSuper.commitTimestamps).toBe(false); // the suite's server leaves track_commit_timestamp off
  expect(asSuper.objects).toEqual([
    { oid: expected.t, kind: 'table', schema: 'public', name: 't', committedAt: null },
    { oid: expected.v, kind: 'view', schema: 'public', name: 'v', committedAt: null },
    { oid: expected.s, kind: 'sequence', schema: 'public', name: 's', committedAt: null },
  ].sort((a, b) => a.oid - b.oid));
  const asRole = (await readLiveSchema(urlAs(db.url, role, password))).server.identity!;
  expect(asRole).toEqual(asSuper);
});

test('EXECUTE on pg_control_system() revoked: the identifier is null and the read goes on', async () => {
  await db.exec('revoke execute on function pg_catalog.pg_control_system() from public');
  try {
    const asRole = await readLiveSchema(urlAs(db.url, role, password));
    expect(asRole.server.identity!.systemIdentifier).toBeNull();
    expect(asRole.server.identity!.objects.map((o) => o.name)).toEqual(expect.arrayContaining(['t', 'v', 's']));
  } finally {
    await db.exec('grant execute on function pg_catalog.pg_control_system() to public');
  }
});

describe('a server with track_commit_timestamp on', () => {
  let server: EmbeddedServer | undefined;
  let dir: string | undefined;
  let c: pg.Client;
  afterAll(async () => {
    await c?.end().catch(() => undefined);
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('commit times of the catalog rows: on a new finding and on a rename', async () => {
    server = await startEmbeddedServer({ major: parseMajor(String(await serverMajor(db))), settings: { track_commit_timestamp: 'on' } });
    const url = urlFor('postgres', server.url);
    c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined); // the server stops in afterAll
    await c.connect();
    await c.query('create table a (id int primary key); create table b (id int primary key)');
    const committed = async (name: string): Promise<string> =>
      new Date((await c!.query(`select pg_xact_commit_timestamp(xmin) as at from pg_class where oid = '${name}'::regclass`)).rows[0].at as Date).toISOString();
    const identity = (await readLiveSchema(url)).server.identity!;
    expect(identity.commitTimestamps).toBe(true);
    expect(identity.objects.find((o) => o.name === 'a')!.committedAt).toBe(await committed('a'));

    dir = mkdtempSync(path.join(os.tmpdir(), 'sa-history-ts-'));
    const spec = path.join(dir, 'schema.yaml');
    writeFileSync(spec, 'tables:\n  a:\n    columns:\n      id: { type: integer, nullable: false }\n    primaryKey: [id]\n');
    const audit = (now: string) => runCli(['audit', '--db', url, '--expected', spec, '--now', now, '--no-advice', '--history', 'h', '--format', 'json'], { cwd: dir! });
    let h = JSON.parse((await audit('2026-01-01T00:00:00.000Z')).stdout).history;
    expect(h.commitTimestamps).toBe(true);
    expect(h.new).toEqual([expect.objectContaining({ id: 'unexpected_table:public.b', committedAt: await committed('b') })]);
    await c.query('alter table b rename to b2');
    h = JSON.parse((await audit('2026-01-02T00:00:00.000Z')).stdout).history;
    expect(h.renamed).toEqual([expect.objectContaining({ from: 'public.b', to: 'public.b2', committedAt: await committed('b2') })]);
    expect(h.new).toEqual([]);
    // The finding about b goes on about b2: still open since the first run, under its new id.
    expect(h.resolved).toEqual([]);
    expect(h.open).toEqual([{ id: 'unexpected_table:public.b2', kind: 'unexpected_table', severity: 'info', firstSeen: '2026-01-01T00:00:00.000Z', previousId: 'unexpected_table:public.b' }]);
  }, 120_000);
});
