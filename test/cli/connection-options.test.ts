import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCli, runCliHere } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * Connecting as psql does (src/db/conninfo.ts), against the suite's real
 * server: libpq key=value strings, the PG* variables without --db, .pgpass,
 * pg_service.conf, sslmode against a server without TLS, and
 * --connect-timeout against a server that never answers. The password is
 * never on the command line and never in any output.
 */
const PASSWORD = 'Conn-opts pw @:/%#';
let db: TestDatabase;
let home: string;
let host: string;
let port: string;
const role = `sa_connopt_${process.pid}`;

beforeAll(async () => {
  db = await createTestDatabase('connopt');
  await db.exec(`create role ${role} login password '${PASSWORD.replace(/'/g, "''")}'; grant connect on database "${db.name}" to ${role}; create table public.t (id int);`);
  const u = new URL(db.url);
  host = u.hostname;
  port = u.port;
});
afterAll(async () => {
  await db.exec(`drop owned by ${role}; drop role ${role};`).catch(() => undefined);
  await db.drop();
});
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'sa-connopt-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** No connection settings of the machine: only HOME (a temporary one) and what the test sets. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { DATABASE_URL: '', PGHOST: '', PGPORT: '', PGUSER: '', PGDATABASE: '', PGPASSWORD: '', PGSERVICE: '', PGSYSCONFDIR: path.join(home, 'etc'), HOME: home, ...extra };
}

function expectClean(r: { code: number | null; stdout: string; stderr: string }): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout).not.toContain(PASSWORD);
}

test('key=value pairs in --db, the password from PGPASSWORD', async () => {
  const r = await runCliHere(['snapshot', '--db', `host=${host} port=${port} dbname=${db.name} user=${role} sslmode=disable`, '--format', 'json'], { env: env({ PGPASSWORD: PASSWORD }) });
  expectClean(r);
  expect(JSON.parse(r.stdout).tables).toHaveProperty('t');
});

test('no --db: the PG* variables say where, as for psql; the report names that target', async () => {
  const r = await runCliHere(['audit', '--expected', `host=${host} port=${port} dbname=${db.name} user=${role} sslmode=disable`, '--format', 'json', '--no-advice'], {
    env: env({ PGHOST: host, PGPORT: port, PGDATABASE: db.name, PGUSER: role, PGPASSWORD: PASSWORD, PGSSLMODE: 'disable' }),
  });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as { target: { host: string; port: number; user: string; location: string } };
  expect(report.target).toMatchObject({ host, port: Number(port), user: role, location: `${host}:${port}/${db.name}` });
  expect(r.stdout).not.toContain(PASSWORD);
});

test('the password from ~/.pgpass (mode 0600); a file others may read is ignored, and the error says so', async () => {
  const pgpass = path.join(home, '.pgpass');
  const escaped = PASSWORD.replace(/[\\:]/g, '\\$&');
  writeFileSync(pgpass, `# test\n${host}:${port}:${db.name}:${role}:${escaped}\n`, { mode: 0o600 });
  const url = `postgres://${role}@${host}:${port}/${db.name}?sslmode=disable`;
  expectClean(await runCliHere(['snapshot', '--db', url, '--format', 'json'], { env: env() }));
  rmSync(pgpass);
  writeFileSync(pgpass, `*:*:*:*:${escaped}\n`, { mode: 0o644 });
  const r = await runCliHere(['snapshot', '--db', url], { env: env() });
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/^schema-audit: cannot connect to .* as sa_connopt_\d+: the server asks for a password and none was given \(the password file .*\.pgpass was ignored: group or others may read it \(chmod 600 it\)\)\n$/);
  expect(r.stderr).not.toContain(PASSWORD);
});

test('a service from ~/.pg_service.conf (PGSERVICE, or service= in the string)', async () => {
  writeFileSync(path.join(home, '.pg_service.conf'), `[audited]\nhost=${host}\nport=${port}\ndbname=${db.name}\nuser=${role}\nsslmode=disable\n`);
  expectClean(await runCliHere(['snapshot', '--format', 'json'], { env: env({ PGSERVICE: 'audited', PGPASSWORD: PASSWORD }) }));
  expectClean(await runCliHere(['snapshot', '--db', 'service=audited', '--format', 'json'], { env: env({ PGPASSWORD: PASSWORD }) }));
  const missing = await runCliHere(['snapshot', '--db', 'service=nope'], { env: env() });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^schema-audit: definition of service "nope" not found \(looked in .*\)\n$/);
});

test('sslmode with libpq meaning against a server without TLS: prefer (the default) connects, require fails saying why', async () => {
  const base = `postgres://${role}@${host}:${port}/${db.name}`;
  expectClean(await runCliHere(['snapshot', '--db', base, '--format', 'json'], { env: env({ PGPASSWORD: PASSWORD }) }));
  const r = await runCliHere(['snapshot', '--db', `${base}?sslmode=require`], { env: env({ PGPASSWORD: PASSWORD }) });
  expect(r.code).toBe(3);
  expect(r.stderr).toBe(`schema-audit: cannot connect to ${host}:${port}/${db.name} as ${role}: the server does not accept TLS connections, and sslmode require requires one\n`);
  expect(r.stderr).not.toMatch(/SECURITY WARNING/);
  const verify = await runCliHere(['snapshot', '--db', `${base}?sslmode=verify-full`], { env: env({ PGPASSWORD: PASSWORD }) });
  expect(verify.code).toBe(2);
  expect(verify.stderr).toMatch(/^schema-audit: root certificate file ".*root\.crt" does not exist/);
});

test('--connect-timeout: a server that accepts TCP and never answers ends in exit 3 naming the timeout', async () => {
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as net.AddressInfo).port;
  try {
    const r = await runCli(['snapshot', '--db', `postgres://u:${encodeURIComponent(PASSWORD)}@127.0.0.1:${silentPort}/app`, '--connect-timeout', '2'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `schema-audit: cannot connect to 127.0.0.1:${silentPort}/app as u: no answer within 2 s, the connect timeout (is that port a PostgreSQL server? --connect-timeout SECONDS waits longer)\n`,
    );
    const bad = await runCli(['snapshot', '--db', 'postgres://u@127.0.0.1/app', '--connect-timeout', '0'], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('schema-audit: --connect-timeout must be a whole number of seconds from 1 to 86400');
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});
