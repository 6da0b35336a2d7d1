import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/db.js';
import { parseMajor } from '../../src/server/binaries.js';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded.js';
import { BIN, ROOT, cliEnv, finished, runCli, startCli, waitUntil } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * What the CLI writes, end to end (issue 10, files): --out and
 * --migration-dir never follow or replace a symlink or a special file; the
 * migration pair and the report are all-or-nothing; a signal leaves no
 * temporary file; `demo --db` drops its database on Ctrl-C; a stdout that
 * cannot be written is exit 2 and one line.
 */
let live: TestDatabase;
let reference: TestDatabase;
let dir: string;

beforeAll(async () => {
  live = await createTestDatabase('files_live');
  reference = await createTestDatabase('files_ref');
  await live.exec('CREATE TABLE t (id integer PRIMARY KEY, a varchar(5))');
  await reference.exec('CREATE TABLE t (id integer PRIMARY KEY, a varchar(10), b integer)');
});
afterAll(async () => {
  await live?.drop();
  await reference?.drop();
});
beforeEach(() => {
  dir = makeTempDir('files');
});
afterEach(() => removeTempDir(dir));

const audit = (...extra: string[]): string[] => ['audit', '--db', live.url, '--expected', reference.url, '--no-advice', ...extra];

/** Every entry under `root`, recursively. */
const tree = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();

function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('--out refuses what is not a regular file: exit 2, one line, nothing written', () => {
  test.each([
    ['a symlink to a file outside', (p: string) => (writeFileSync(path.join(dir, 'outside.txt'), 'secret'), symlinkSync(path.join(dir, 'outside.txt'), p)), /symbolic link/],
    ['a dangling symlink', (p: string) => symlinkSync(path.join(dir, 'nowhere'), p), /symbolic link/],
    ['a symlink to /dev/null', (p: string) => symlinkSync('/dev/null', p), /symbolic link/],
    ['a directory', (p: string) => mkdirSync(p), /a directory/],
    ['a FIFO', (p: string) => execFileSync('mkfifo', [p]), /a FIFO/],
  ])('%s', async (_what, make, kind) => {
    const target = path.join(dir, 'report.md');
    make(target);
    const before = lstatSync(target);
    const link = before.isSymbolicLink() ? readlinkSync(target) : null;
    const entries = tree(dir);
    const r = await runCli(audit('--out', target));
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, new RegExp(`^schema-audit: cannot write .*report\\.md: it is .*${kind.source}.*; refusing to follow or replace it$`));
    const after = lstatSync(target);
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
    if (link !== null) expect(readlinkSync(target)).toBe(link);
    expect(tree(dir)).toEqual(entries);
    if (existsSync(path.join(dir, 'outside.txt'))) expect(readFileSync(path.join(dir, 'outside.txt'), 'utf8')).toBe('secret');
  });

  // Not the machine's own /dev/null: a run of this test on code without the
  // check would replace it for everyone. A private node of the same device.
  test('a device node (c 1 3, the null device)', async () => {
    const node = path.join(dir, 'null');
    try {
      execFileSync('mknod', ['-m', '666', node, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      return; // mknod not allowed here: the cases above stand
    }
    const r = await runCli(audit('--out', node));
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^schema-audit: cannot write .*null: it is a device; refusing/);
    expect(lstatSync(node).isCharacterDevice()).toBe(true);
    expect(tree(dir)).toEqual(['null']);
  });

  test('snapshot --out too', async () => {
    const target = path.join(dir, 'spec.yaml');
    symlinkSync(path.join(dir, 'elsewhere.yaml'), target);
    const r = await runCli(['snapshot', '--db', live.url, '--out', target]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /cannot write .*spec\.yaml: it is a symbolic link/);
    expect(tree(dir)).toEqual(['spec.yaml']);
  });
});

/** The test-only preload that holds or fails renames of staged files (test/security/files-slow-rename.mjs). */
const PRELOAD = pathToFileURL(path.join(ROOT, 'test', 'security', 'files-slow-rename.mjs')).href;
const withPreload = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${PRELOAD}`.trim(), ...env });

describe('--migration-dir: both or neither, and with --out all or nothing', () => {
  test('down.sql is a directory: up.sql is not replaced', async () => {
    const mig = path.join(dir, 'mig');
    mkdirSync(path.join(mig, 'down.sql'), { recursive: true });
    writeFileSync(path.join(mig, 'up.sql'), 'OLD UP');
    const r = await runCli(audit('--migration-dir', mig));
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^schema-audit: cannot write the migration to .*mig: down\.sql is a directory; refusing/);
    expect(readFileSync(path.join(mig, 'up.sql'), 'utf8')).toBe('OLD UP');
    expect(tree(dir)).toEqual(['mig', 'mig/down.sql', 'mig/up.sql']);
  });

  test('the migration directory is a symlink: refused, nothing written through it', async () => {
    mkdirSync(path.join(dir, 'real'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'mig'));
    const r = await runCli(audit('--migration-dir', path.join(dir, 'mig')));
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /cannot write the migration to .*mig: it is a symbolic link, not a directory/);
    expect(tree(path.join(dir, 'real'))).toEqual([]);
  });

  test('an --out that cannot be written: the migration is not written either', async () => {
    mkdirSync(path.join(dir, 'report.md'));
    const fresh = await runCli(audit('--migration-dir', path.join(dir, 'new-mig'), '--out', path.join(dir, 'report.md')));
    expect(fresh.code).toBe(2);
    expectOneLine(fresh.stderr, /^schema-audit: cannot write .*report\.md: it is a directory/);
    expect(tree(dir)).toEqual(['report.md']);

    const old = path.join(dir, 'old-mig');
    mkdirSync(old);
    writeFileSync(path.join(old, 'up.sql'), 'OLD UP');
    writeFileSync(path.join(old, 'down.sql'), 'OLD DOWN');
    const existing = await runCli(audit('--migration-dir', old, '--out', path.join(dir, 'report.md')));
    expect(existing.code).toBe(2);
    expect(readFileSync(path.join(old, 'up.sql'), 'utf8')).toBe('OLD UP');
    expect(readFileSync(path.join(old, 'down.sql'), 'utf8')).toBe('OLD DOWN');
    expect(tree(dir)).toEqual(['old-mig', 'old-mig/down.sql', 'old-mig/up.sql', 'report.md']);
  });

  test.each([
    ['down.sql, after up.sql was replaced', 2, []],
    ['the report, after both migration files were replaced', 3, ['--out', 'report.md']],
  ])('a rename that fails (EIO) at %s: every file as it was, no temporary file', async (_what, failAt, extra) => {
    const mig = path.join(dir, 'mig');
    mkdirSync(mig);
    writeFileSync(path.join(mig, 'up.sql'), 'OLD UP');
    writeFileSync(path.join(mig, 'down.sql'), 'OLD DOWN');
    writeFileSync(path.join(dir, 'report.md'), 'OLD REPORT');
    const r = await runCli(audit('--migration-dir', mig, ...extra), { cwd: dir, env: withPreload({ SA_TEST_RENAME_FAIL_AT: String(failAt) }) });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^schema-audit: cannot write (the migration to .*mig|report\.md): EIO$/);
    expect(readFileSync(path.join(mig, 'up.sql'), 'utf8')).toBe('OLD UP');
    expect(readFileSync(path.join(mig, 'down.sql'), 'utf8')).toBe('OLD DOWN');
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe('OLD REPORT');
    expect(tree(dir)).toEqual(['mig', 'mig/down.sql', 'mig/up.sql', 'report.md']);
  });

  test('both written: the report in the migration directory, no temporary file', async () => {
    const mig = path.join(dir, 'mig');
    const r = await runCli(audit('--migration-dir', mig, '--out', path.join(mig, 'report.txt')));
    expect(r.code).toBe(1);
    expect(tree(dir)).toEqual(['mig', 'mig/down.sql', 'mig/report.txt', 'mig/up.sql']);
  });
});


describe('a signal while outputs are staged leaves no temporary file', () => {
  test.each([
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %i, no *.tmp, the migration both or neither', async (signal, code) => {
    const mig = path.join(dir, 'mig');
    const child = startCli(audit('--migration-dir', mig, '--out', path.join(dir, 'report.md')), {
      env: withPreload({ SA_TEST_RENAME_HOLD_MS: '4000' }),
    });
    const staged = await waitUntil(() => tree(dir).some((e) => e.endsWith('.tmp')), 120_000);
    child.kill(signal);
    const r = await finished(child);
    expect(staged).toBe(true);
    expect(r.code).toBe(code);
    expect(tree(dir).filter((e) => e.includes('.tmp'))).toEqual([]);
    expect(existsSync(path.join(mig, 'up.sql'))).toBe(existsSync(path.join(mig, 'down.sql')));
  });
});

describe('a stdout that cannot be written: exit 2, one line, no stack trace', () => {
  test('EPIPE: the reader closed the pipe before the report', async () => {
    const child = spawn(process.execPath, [BIN, ...audit('--format', 'json')], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(2);
    expectOneLine(stderr, /^schema-audit: cannot write to stdout: EPIPE \(the reader closed the pipe\)$/);
  });

  test('ENOSPC: stdout is /dev/full', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [BIN, ...audit()], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(code).toBe(2);
      expectOneLine(stderr, /^schema-audit: cannot write to stdout: ENOSPC \(no space left on device\)$/);
    } finally {
      closeSync(full);
    }
  });
});

/*
 * The demo tests run on a server of their own: other test files create
 * scratch (expected_*) databases on the shared server at the same time, so on
 * it "a database that was not there before" need not be this child's.
 */
describe('demo --db URL: its databases are dropped however it ends', () => {
  let server: EmbeddedServer;
  beforeAll(async () => {
    server = await startEmbeddedServer({ major: parseMajor(process.env.PG_MAJOR ?? '17') });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  async function databases(prefix: string): Promise<string[]> {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
      return rows.map((r) => r.datname);
    } finally {
      await c.end();
    }
  }
  const ours = async (): Promise<string[]> => [...(await databases('onekeel_swarm_demo_')), ...(await databases('expected_'))];

  test.each([
    ['the demo database, while the fixture loads', 'onekeel_swarm_demo_'],
    ['the scratch database the spec is loaded into', 'expected_'],
  ])('a Ctrl-C: %s: dropped, exit 130', async (_what, prefix) => {
    let created: string[] = [];
    const child = startCli(['demo', '--db', server.url]);
    const deadline = Date.now() + 120_000;
    while (created.length === 0 && Date.now() < deadline && child.exitCode === null) {
      created = await databases(prefix);
      if (created.length === 0) await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    const r = await finished(child);
    expect(created).toHaveLength(1);
    expect(r.code).toBe(130);
    expect(r.stderr.trim()).toBe('schema-audit: SIGINT, cleaning up'); // nothing about the connections the cleanup ended
    expect(await ours()).toEqual([]);
  });

  test('an uncaught exception: one line, no password, exit 2, its databases dropped', async () => {
    expect(await ours()).toEqual([]);
    const r = await runCli(['demo', '--db', server.url], { env: withPreload({ SA_TEST_THROW_AFTER_MS: '2500' }) });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^schema-audit: unexpected error: boom at postgres:\/\/someone:\*\*\*@db\.example\/x$/);
    expect(await ours()).toEqual([]);
  });
});
