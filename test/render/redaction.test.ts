import path from 'node:path';
import pg from 'pg';
import { adminUrl, createTestDatabase, urlAs, type TestDatabase } from '../support/db.js';
import { ROOT, runCli } from '../support/cli.js';

/**
 * Every output format of a real run, against a real server, keeps the
 * connection password out. One test per format: each audit starts a scratch
 * server for the expected SQL, so the ten runs together took 3.5 minutes on
 * a busy machine.
 */
const role = `sa_pw_${process.pid}`;
const password = 'Tr0ub4dor&3-secret';
const expected = path.join(ROOT, 'fixtures', 'drift', 'columns', 'expected.sql');
let db: TestDatabase;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase('no_password');
  await db.exec(`create role ${role} login password '${password}'; grant connect on database ${db.name} to ${role};
    create table t (id int primary key, name text);`);
  url = urlAs(db.url, role, password);
});

afterAll(async () => {
  await db?.drop();
  const c = new pg.Client(adminUrl());
  await c.connect();
  try {
    await c.query(`drop role if exists ${role}`);
  } finally {
    await c.end();
  }
});

function expectNoPassword(text: string): void {
  expect(text).not.toContain(password);
  expect(text).not.toContain(encodeURIComponent(password));
}

test.each(['text', 'json', 'markdown'])('--format %s, plain, --verbose and --color, never contains the connection password', async (format) => {
  for (const extra of [[], ['--verbose'], ['--color']]) {
    const r = await runCli(['audit', '--db', url, '--expected', expected, '--format', format, ...extra]);
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(0);
    expectNoPassword(r.stdout);
    expectNoPassword(r.stderr);
  }
});

test('snapshot --verbose never contains the connection password', async () => {
  const snap = await runCli(['snapshot', '--db', url, '--verbose']);
  expectNoPassword(snap.stdout + snap.stderr);
});
