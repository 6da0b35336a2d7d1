import net from 'node:net';
import { createTestDatabase, urlAs, urlFor, type TestDatabase } from '../support/db.js';
import { runCli } from '../support/cli.js';

/**
 * Every way of failing to reach or read a database ends with exit 3 and one
 * line naming the target, never the password, never a stack trace.
 */
const PASSWORD = 'Sup3r-Secret/pw';
let db: TestDatabase;
const role = `sa_cli_${process.pid}`;

beforeAll(async () => {
  db = await createTestDatabase('cli_err');
  await db.exec(`create role ${role} login password '${PASSWORD}'`);
});
afterAll(async () => {
  await db.drop();
  const { default: pg } = await import('pg');
  const c = new pg.Client(process.env.SCHEMA_AUDIT_TEST_ADMIN_URL);
  await c.connect();
  await c.query(`drop role if exists ${role}`);
  await c.end();
});

function expectOneCleanLine(stderr: string, password: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toContain(password);
  expect(stderr).not.toContain(encodeURIComponent(password));
  expect(stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack frames
}

test('wrong password: exit 3, user and target named, password redacted', async () => {
  const url = urlAs(db.url, role, 'wrong-Passw0rd');
  const r = await runCli(['snapshot', '--db', url]);
  expect(r.code).toBe(3);
  const host = new URL(db.url);
  expect(r.stderr).toMatch(new RegExp(`^schema-audit: cannot connect to 127\\.0\\.0\\.1:${host.port}/${db.name} as ${role}: password authentication failed`));
  expectOneCleanLine(r.stderr, 'wrong-Passw0rd');
});

test('missing database: exit 3', async () => {
  const url = urlFor('no_such_database_here', urlAs(db.url, role, PASSWORD));
  const r = await runCli(['snapshot', '--db', url]);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/cannot connect to .*\/no_such_database_here as .*: database does not exist/);
  expectOneCleanLine(r.stderr, PASSWORD);
});

test('unreachable port: exit 3', async () => {
  const srv = net.createServer();
  const port = await new Promise<number>((resolve) => srv.listen(0, '127.0.0.1', () => resolve((srv.address() as net.AddressInfo).port)));
  await new Promise((r) => srv.close(r)); // now nothing listens there
  const r = await runCli(['snapshot', '--db', `postgres://u:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/app`]);
  expect(r.code).toBe(3);
  expect(r.stderr).toBe(`schema-audit: cannot connect to 127.0.0.1:${port}/app as u: connection refused (is PostgreSQL running there?)\n`);
});

test('unknown host: exit 3', async () => {
  const r = await runCli(['snapshot', '--db', `postgres://u:${encodeURIComponent(PASSWORD)}@host.invalid/app`]);
  expect(r.code).toBe(3);
  expect(r.stderr).toBe('schema-audit: cannot connect to host.invalid:5432/app as u: host not found\n');
});

test('a port that is not PostgreSQL: exit 3', async () => {
  const srv = net.createServer((socket) => {
    socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  });
  const port = await new Promise<number>((resolve) => srv.listen(0, '127.0.0.1', () => resolve((srv.address() as net.AddressInfo).port)));
  try {
    const r = await runCli(['snapshot', '--db', `postgres://u:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/app`]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^schema-audit: cannot connect to 127\.0\.0\.1:\d+\/app as u: .*is that port a PostgreSQL server\?/);
    expectOneCleanLine(r.stderr, PASSWORD);
  } finally {
    srv.close();
  }
});

test('--verbose adds the stack, still without the password', async () => {
  const url = urlAs(db.url, role, 'wrong-Passw0rd');
  const r = await runCli(['snapshot', '--verbose', '--db', url]);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/ConnectionError: cannot connect/);
  expect(r.stderr).toMatch(/\bat .*\.js:\d+/);
  expect(r.stderr).not.toContain('wrong-Passw0rd');
});

test('DATABASE_URL is used when --db is absent, and redacted too', async () => {
  const url = urlAs(db.url, role, 'wrong-Passw0rd');
  const r = await runCli(['snapshot'], { env: { DATABASE_URL: url } });
  expect(r.code).toBe(3);
  expectOneCleanLine(r.stderr, 'wrong-Passw0rd');
});
