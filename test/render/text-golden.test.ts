import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '../../src/audit.js';
import { renderText } from '../../src/render/text.js';
import { createTestDatabase, urlAs } from '../support/db.js';
import { ROOT, runCli } from '../support/cli.js';

/**
 * Plain-text report goldens on the OneKeel fixture and on a clean database
 * (the reports are the real-run fixtures the markdown goldens use). After an
 * intended change: UPDATE_GOLDEN=1 npm test -- test/render/text-golden
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function fixture(name: string): AuditReport {
  return JSON.parse(readFileSync(path.join(HERE, 'fixtures', `${name}-report.json`), 'utf8')) as AuditReport;
}

test.each(['onekeel', 'clean', 'everything'])('%s: the plain-text report equals its golden, with no ANSI codes', (name) => {
  const text = renderText(fixture(name), { failOn: 'error' });
  const file = path.join(HERE, 'golden', `${name}.txt`);
  if (UPDATE) writeFileSync(file, text);
  expect(existsSync(file)).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
  expect(text).not.toMatch(/\u001b\[/);
});

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
