import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { runCli } from '../support/cli.js';
import { seeded } from './hostile-report.js';

/**
 * A reachable server, a wrong password: the CLI (in process) exits 3 and no
 * random password (the one given, percent-encoded or not) appears in its
 * output; the database name is shown, never masked, even when the password
 * equals it.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('redact');
});
afterAll(async () => {
  await db?.drop();
});

function fakeIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { write: (chunk: string) => (io.out += chunk) },
    stderr: { write: (chunk: string) => (io.err += chunk) },
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    onInterrupt: () => () => undefined,
  };
  return io;
}

test('wrong random passwords against a real server: exit 3, never shown', async () => {
  const random = seeded(4242);
  const chars = 'abcdefghijkmnopqrstuvwxyzABCDEFGH23456789@:/%#?&=+ \'"\\';
  for (let i = 0; i < 8; i++) {
    const pw = `Z${Array.from({ length: 14 }, () => chars[Math.floor(random() * chars.length)]).join('')}`;
    const u = new URL(db.url);
    u.password = encodeURIComponent(pw);
    for (const argv of [['snapshot', '--db', u.toString(), '--verbose'], ['snapshot', '--db', u.toString(), '--format', 'sql']]) {
      const io = fakeIo();
      expect(await run(argv, io)).toBe(3);
      for (const f of [pw, encodeURIComponent(pw)]) expect(io.out + io.err).not.toContain(f);
      expect(io.err).toContain(`/${db.name}`);
    }
  }
});

test('the password equal to the database name: the name is still shown', async () => {
  const u = new URL(db.url);
  u.password = db.name;
  const io = fakeIo();
  expect(await run(['snapshot', '--db', u.toString()], io)).toBe(3);
  expect(io.err).toContain(`:${u.port}/${db.name}`);
  expect(io.err).not.toContain('***');
});

test('the README advice holds: a URL without a password and PGPASSWORD in the environment connects', async () => {
  const role = `sa_pgpw_${process.pid}`;
  const password = 'Env-only pw @:/%#';
  await db.exec(`create role ${role} login password '${password}'; grant connect on database "${db.name}" to ${role};`);
  try {
    const u = new URL(db.url);
    u.username = role;
    u.password = '';
    const r = await runCli(['snapshot', '--db', u.toString(), '--format', 'json'], { env: { PGPASSWORD: password } });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const viaEnv = await runCli(['snapshot', '--format', 'json'], { env: { PGPASSWORD: password, DATABASE_URL: u.toString() } });
    expect(viaEnv.code).toBe(0);
  } finally {
    await db.exec(`drop owned by ${role}; drop role ${role};`).catch(() => undefined);
  }
});
