/**
 * A table held by another session (a migration running), and a role that may
 * not read the statistics: the run names the table, `--lock-wait skip`
 * reports it as not read (and never as missing), and a least-privilege role
 * (CONNECT, and USAGE on the schema through PUBLIC; no table privileges;
 * the statistics functions revoked) can snapshot and audit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runCli } from '../support/cli.js';
import { adminUrl, createTestDatabase, urlAs, type TestDatabase } from '../support/db.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

let db: TestDatabase;
let dir: string;
let expected: string;
beforeAll(async () => {
  db = await createTestDatabase('faults_locks');
  dir = makeTempDir('faults-locks');
  await db.exec(`
    create table customers (id int primary key, name text not null default 'x');
    create table orders (id int primary key, customer_id int references customers(id), total numeric default 0);
    create index orders_customer on orders (customer_id);
    create table audit_log (id bigint generated always as identity primary key, at timestamptz default now());`);
  expected = path.join(dir, 'expected.json');
  const r = await runCli(['snapshot', '--db', db.url, '--format', 'model', '--out', expected]);
  expect(r.code).toBe(0);
});
afterAll(async () => {
  removeTempDir(dir);
  await db.drop();
  // Roles are the cluster's: dropped once the database (and its grants) is gone.
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`drop role if exists ${ROLE()}`);
  await admin.end();
});

const ROLE = (): string => `sa_lp_${db.name.slice(-8)}`;

/** `orders` held in ACCESS EXCLUSIVE mode by another session while `fn` runs. */
async function whileHeld<T>(fn: () => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: db.url });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query('lock table orders in access exclusive mode');
    return await fn();
  } finally {
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
  }
}

describe('a table locked by another session', () => {
  test('default (--lock-wait wait): exit 3 after the lock timeout, naming the table and the holder', async () => {
    const r = await whileHeld(() => runCli(['snapshot', '--db', db.url]));
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^schema-audit: cannot read the schema of .*: table public\.orders \(AccessExclusiveLock held by pid \d+\) is locked by another session: gave up after the lock timeout \(5 s\); --lock-wait skip/,
    );
  });

  test('--lock-wait skip: the audit reads the other tables and reports orders as not read, never as missing (json, text, markdown)', async () => {
    const [json, text, markdown] = await whileHeld(() =>
      Promise.all(
        (['json', 'text', 'markdown'] as const).map((format) =>
          runCli(['audit', '--db', db.url, '--expected', expected, '--lock-wait', 'skip', '--format', format]),
        ),
      ),
    );
    for (const r of [json!, text!, markdown!]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/not read: table public\.orders \(locked by another session: AccessExclusiveLock held by pid \d+\)/);
    }
    const report = JSON.parse(json!.stdout) as {
      coverage?: { notRead: { schema: string; name: string; reason: string }[] };
      findings: { category: string; object: { table?: string } }[];
    };
    expect(report.coverage?.notRead).toEqual([{ schema: 'public', name: 'orders', reason: expect.stringMatching(/^locked by another session: AccessExclusiveLock held by pid \d+$/) }]);
    expect(report.findings.filter((f) => f.category === 'drift')).toEqual([]);
    expect(text!.stdout).toMatch(/not read: +table public\.orders: locked by another session/);
    expect(markdown!.stdout).toMatch(/\*\*Not read\.\*\*/);
    expect(markdown!.stdout).toMatch(/`public\.orders`/);
  });

  test('--lock-wait skip waits for a lock released within the lock timeout, and then reads the table', async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table orders in access exclusive mode');
    const run = runCli(['audit', '--db', db.url, '--expected', expected, '--lock-wait', 'skip', '--format', 'json']);
    await new Promise((r) => setTimeout(r, 1500));
    await holder.query('rollback');
    await holder.end();
    const r = await run;
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { coverage: { notRead?: unknown; complete: boolean } }).coverage).toMatchObject({ complete: true });
    expect((JSON.parse(r.stdout) as { coverage: { notRead?: unknown } }).coverage.notRead).toBeUndefined();
  });

  test('--lock-wait takes only wait or skip', async () => {
    const r = await runCli(['snapshot', '--db', db.url, '--lock-wait', 'maybe']);
    expect(r.code).toBe(2);
  });
});

describe('a least-privilege role', () => {
  let url: string;
  beforeAll(async () => {
    const role = ROLE();
    await db.exec(`
      create role ${role} login password 'lp-secret';
      grant connect on database ${db.name} to ${role};
      revoke execute on function pg_catalog.pg_stat_get_numscans(oid) from public;
      revoke select on pg_catalog.pg_stat_database from public;
      revoke execute on function pg_catalog.pg_postmaster_start_time() from public;`);
    url = urlAs(db.url, role, 'lp-secret');
  });
  test('snapshot: the same model as a superuser reads', async () => {
    const out = path.join(dir, 'lp.json');
    const r = await runCli(['snapshot', '--db', url, '--format', 'model', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // As the superuser reads it now: the database's privileges have the role's CONNECT since beforeAll.
    const asSuperuser = path.join(dir, 'su.json');
    expect((await runCli(['snapshot', '--db', db.url, '--format', 'model', '--out', asSuperuser])).code).toBe(0);
    const strip = (file: string): unknown => (JSON.parse(readFileSync(file, 'utf8')) as { schema: unknown }).schema;
    expect(strip(out)).toEqual(strip(asSuperuser));
  });

  test('audit: no drift; unused_index is skipped and the report says why; --no-advice works too', async () => {
    const json = await runCli(['audit', '--db', url, '--expected', expected, '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { advice: { checked: string[]; notChecked?: { kind: string; reason: string }[] }; summary: { total: number } };
    expect(report.summary.total).toBe(0);
    expect(report.advice.checked).not.toContain('unused_index');
    expect(report.advice.notChecked).toEqual([
      {
        kind: 'unused_index',
        reason: expect.stringMatching(/may not read the index usage statistics \(lacks EXECUTE on pg_stat_get_numscans\(oid\), SELECT on pg_stat_database, EXECUTE on pg_postmaster_start_time\(\)\)/),
      },
    ]);
    const text = await runCli(['audit', '--db', url, '--expected', expected]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/unused_index not checked: the role \S+ may not read the index usage statistics/);
    const markdown = await runCli(['audit', '--db', url, '--expected', expected, '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/\*\*Advice not checked\.\*\* `unused_index`/);
    const noAdvice = await runCli(['audit', '--db', url, '--expected', expected, '--no-advice']);
    expect(noAdvice.stderr).toBe('');
    expect(noAdvice.code).toBe(0);
  });
});
