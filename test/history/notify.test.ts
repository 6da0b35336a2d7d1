import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliHere as runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * --notify URL against a real local HTTP server: posted when something
 * changed since the previous run, not posted when nothing did, and a failed
 * post (an error status, a refused connection) is one line on stderr that
 * keeps the report and the exit code.
 */
let db: TestDatabase;
let dir: string;
let spec: string;
let server: Server;
let base: string;
let status = 204;
const received: { path: string; auth: string | undefined; type: string | undefined; body: unknown }[] = [];

const SPEC = `tables:
  a:
    columns:
      id: { type: integer, nullable: false }
      v: { type: text }
    primaryKey: [id]
`;

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  db = await createTestDatabase('cli_notify');
  await db.exec('create table a (id integer primary key, v varchar(10));');
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-notify-'));
  spec = path.join(dir, 'schema.yaml');
  writeFileSync(spec, SPEC);
  server = createServer((req, res) => {
    void body(req).then((text) => {
      received.push({ path: req.url ?? '', auth: req.headers.authorization, type: req.headers['content-type'], body: JSON.parse(text) });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

const audit = (now: string, ...args: string[]) =>
  runCli(['audit', '--db', db.url, '--expected', spec, '--now', now, '--no-advice', '--history', 'hist', ...args], { cwd: dir });

test('posted when something changed (with the URL\'s credentials as a header, never printed); not posted when nothing did', async () => {
  const hook = `http://robot:s3cret@127.0.0.1:${new URL(base).port}/hooks/T000/SECRETPATH`;
  let r = await audit('2026-01-01T00:00:00.000Z', '--notify', hook);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('');
  expect(received).toHaveLength(1);
  const post = received[0]!;
  expect(post.path).toBe('/hooks/T000/SECRETPATH');
  expect(post.type).toBe('application/json');
  expect(post.auth).toBe(`Basic ${Buffer.from('robot:s3cret').toString('base64')}`);
  expect(post.body).toMatchObject({
    tool: 'schema-audit',
    generatedAt: '2026-01-01T00:00:00.000Z',
    counts: { new: 1, open: 0, resolved: 0, cameBack: 0, renamed: 0 },
    new: [{ id: 'column_type_mismatch:public.a.v', severity: 'error' }],
  });
  expect((post.body as { text: string }).text).toMatch(/^schema-audit 127\.0\.0\.1:\d+\/sa_cli_notify_\w+: 1 new \(first run recorded/);

  // The same schema again: nothing changed, nothing posted.
  r = await audit('2026-01-02T00:00:00.000Z', '--notify', hook);
  expect(r.code).toBe(1);
  expect(received).toHaveLength(1);

  // Fixed: resolved is a change.
  await db.exec('alter table a alter column v type text;');
  r = await audit('2026-01-03T00:00:00.000Z', '--notify', hook);
  expect(r.code).toBe(0);
  expect(received).toHaveLength(2);
  expect(received[1]!.body).toMatchObject({ counts: { new: 0, resolved: 1 }, resolved: [{ id: 'column_type_mismatch:public.a.v' }] });
  for (const text of [r.stdout, r.stderr]) expect(text).not.toMatch(/s3cret|SECRETPATH/);
});

test('a failed post: one line on stderr, the report written and the exit code unchanged', async () => {
  await db.exec('alter table a alter column v type varchar(10);');
  status = 500;
  let r = await audit('2026-01-04T00:00:00.000Z', '--notify', `${base}/hook?token=SECRETQUERY`, '--format', 'json');
  status = 204;
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(`schema-audit: --notify: ${base} answered HTTP 500; the report is unaffected\n`);
  expect(JSON.parse(r.stdout).history.cameBack).toHaveLength(1);

  // A port nobody listens on: refused. (Another change first, so there is something to post.)
  await db.exec('alter table a alter column v type text;');
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  r = await audit('2026-01-05T00:00:00.000Z', '--notify', `http://127.0.0.1:${port}/hook`);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(`schema-audit: --notify: could not post to http://127.0.0.1:${port} (ECONNREFUSED); the report is unaffected\n`);
  expect(r.stdout).toContain('history:   compared with the run of 2026-01-04T00:00:00.000Z');
});

test('--notify without --history or --previous is a usage error that does not echo the URL', async () => {
  const r = await runCli(['audit', '--db', db.url, '--expected', spec, '--notify', `${base}/SECRETPATH`], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--notify posts what changed since the previous run: give --history DIR or --previous REPORT.json');
  expect(r.stderr).not.toContain('SECRETPATH');
});
