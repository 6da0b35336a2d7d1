import path from 'node:path';
import { createTestDatabase, urlAs } from '../support/db.js';
import { ROOT, runCli } from '../support/cli.js';

/** Every output format of a real run, against a real server, keeps the connection password out. */
test('no output format ever contains the connection password', async () => {
  const db = await createTestDatabase('no_password');
  const role = `sa_pw_${process.pid}`;
  const password = 'Tr0ub4dor&3-secret';
  try {
    await db.exec(`create role ${role} login password '${password}'; grant connect on database ${db.name} to ${role};
      create table t (id int primary key, name text);`);
    const url = urlAs(db.url, role, password);
    const expected = path.join(ROOT, 'fixtures', 'drift', 'columns', 'expected.sql');
    for (const format of ['text', 'json', 'markdown']) {
      for (const extra of [[], ['--verbose'], ['--color']]) {
        const r = await runCli(['audit', '--db', url, '--expected', expected, '--format', format, ...extra]);
        expect(r.code).toBe(1);
        expect(r.stdout.length).toBeGreaterThan(0);
        for (const text of [r.stdout, r.stderr]) {
          expect(text).not.toContain(password);
          expect(text).not.toContain(encodeURIComponent(password));
        }
      }
    }
    const snap = await runCli(['snapshot', '--db', url, '--verbose']);
    expect(snap.stdout + snap.stderr).not.toContain(password);
  } finally {
    await db.drop();
    const { default: pg } = await import('pg');
    const c = new pg.Client(process.env.SCHEMA_AUDIT_TEST_ADMIN_URL);
    await c.connect();
    await c.query(`drop role if exists ${role}`);
    await c.end();
  }
});
