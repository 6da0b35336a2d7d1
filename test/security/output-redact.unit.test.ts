import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { describeTarget, targetInfo, validateUrl } from '../../src/db/connect.js';
import { displayInput, parseConnectionString, redactConnectionString, redactCredentials, redactSecrets, UNPARSEABLE } from '../../src/redact.js';
import { seeded } from './hostile-report.js';

/**
 * Redaction by parsing (src/redact.ts): every shape of connection string a
 * user may pass is shown with its password replaced, or as
 * "(unparseable connection string)"; and, over random passwords, no output
 * or error path of the CLI (run in process) shows a password, while the
 * database name is never masked, even when it equals the password.
 */
const PW = 'S3cr@t:/%#pw';

describe('the parser and its display', () => {
  test.each([
    ['postgres://alice:s3cret@db.example:6543/app', 'postgres://alice:***@db.example:6543/app'],
    [`postgres://alice:${encodeURIComponent(PW)}@db/app`, 'postgres://alice:***@db/app'],
    ['postgresql://alice:p@ss@w@rd@db/app', 'postgresql://alice:***@db/app'],
    ['postgres://alice:a:b:c@db/app?sslmode=require&password=hunter2', 'postgres://alice:***@db/app'],
    ['postgres://alice@db/app?password=hunter2xyz', 'postgres://alice@db/app'],
    ['postgres:/alice:s3cret@db/app', 'postgres:/alice:***@db/app'],
    ['postgres:alice:s3cret@db/app', 'postgres:alice:***@db/app'],
    ['alice:s3cret@db:5432/app', 'alice:***@db:5432/app'],
    ['postgres://alice:s3cret@h1:5432,h2:5433/app', 'postgres://alice:***@h1:5432,h2:5433/app'],
    ['postgres://alice:s3cret@[::1]:5432/app', 'postgres://alice:***@[::1]:5432/app'],
    ["host=db port=5432 dbname=app user=alice password='s3 cr\\'et'", 'host=db port=5432 dbname=app user=alice password=***'],
    ['host=db password=s3cret\\ x dbname=app', 'host=db password=*** dbname=app'],
    ['postgres://alice:se/cret@db/app', UNPARSEABLE],
    ['postgres://alice:se#cret@db/app', UNPARSEABLE],
    ['postgres://alice:12#cret@db/app', UNPARSEABLE],
    ['postgres://alice:12?x=se@cret/app', UNPARSEABLE],
    ['postgres://alice:s3cret@db/a%zzpp', UNPARSEABLE],
    ["host=db password='s3cret", UNPARSEABLE],
    ['host=db password', UNPARSEABLE],
  ])('%s → %s', (input, shown) => {
    expect(redactConnectionString(input)).toBe(shown);
  });

  test('the database name is shown even when it equals the password (no masking by value)', () => {
    const url = 'postgres://app:app@app:5432/app';
    expect(describeTarget(url)).toBe('app:5432/app');
    expect(redactConnectionString(url)).toBe('postgres://app:***@app:5432/app');
    expect(redactSecrets('database "app" does not exist', [url])).toBe('database "app" does not exist');
    expect(targetInfo(url)).toEqual({ host: 'app', port: 5432, user: 'app', location: 'app:5432/app' });
  });

  test('parts are decoded; the query overrides as the driver does', () => {
    expect(parseConnectionString('postgres://a%20b:x@h/d%C3%A9?host=other&port=7')).toMatchObject({ user: 'a b', database: 'dé', hosts: [{ host: 'other', port: 7 }], hasPassword: true });
  });

  test('whole connection strings are taken out of text, not password values', () => {
    const url = `postgres://u:${encodeURIComponent(PW)}@h/db`;
    const text = `failed: ${url} and "${url}" and the word S3cr`;
    const out = redactSecrets(text, [url]);
    expect(out).not.toContain(encodeURIComponent(PW));
    expect(out).toContain('postgres://u:***@h/db');
    expect(out).toContain('the word S3cr');
    expect(redactCredentials('see postgres://u:pw123456@h/db now')).toBe('see postgres://u:***@h/db now');
  });

  test('a path is shown as a path, escaped; a connection string redacted', () => {
    expect(displayInput('schema/a b.sql')).toBe('schema/a b.sql');
    expect(displayInput('x\u001b[2J.sql')).toBe('x\\x1b[2J.sql');
    expect(displayInput('user:s3cret@db/app')).toBe('user:***@db/app');
  });

  test.each([
    ['postgres:/alice:s3cret@db/app', /must be followed by \/\//],
    ['postgres://alice:se/cret@db/app', /not a connection string: \(unparseable connection string\)/],
    ["host=db password=s3cret sslmode='require", /not a connection string: \(unparseable connection string\)/],
    ['host=db password=s3cret nosuchkeyword=1', /not a connection string/],
    ['mysql://alice:s3cret@db/app', /not a PostgreSQL URL/],
    ['postgres://alice:s3cret@h1,h2/app', /several hosts/],
  ])('validateUrl rejects %s, without the password', (url, message) => {
    expect(() => validateUrl(url)).toThrow(message);
    try {
      validateUrl(url);
    } catch (e) {
      expect((e as Error).message).not.toContain('s3cret');
    }
  });

  test.each(['host=db password=s3cret', 'postgres://alice:s3cret@db/app?dbname=other', "host='db 1' port=5433 dbname=app"])(
    'validateUrl accepts what libpq reads unambiguously: %s',
    (text) => expect(() => validateUrl(text)).not.toThrow(),
  );
});

// ------------------------------------------------------------------ property

const SPECIAL = ['@', ':', '/', '%', '#', '?', '&', '=', "'", '"', '\\', ' ', '+', '[', ']', ',', ';', 'é', '%2', '%zz'];
const PLAIN = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 10–24 characters: a distinctive core (so it cannot occur by chance) with special characters mixed in. */
function randomPassword(random: () => number): string {
  const core = Array.from({ length: 8 }, () => PLAIN[Math.floor(random() * PLAIN.length)]).join('');
  let s = `Q${core}`;
  const extra = 1 + Math.floor(random() * 6);
  for (let i = 0; i < extra; i++) {
    const ch = SPECIAL[Math.floor(random() * SPECIAL.length)]!;
    const at = Math.floor(random() * (s.length + 1));
    s = s.slice(0, at) + ch + s.slice(at);
  }
  return s;
}

/** Every shape a user may pass, carrying the password; `port` is a closed port of this machine. */
function shapes(pw: string, db: string): { url: string; exits: number[] }[] {
  const enc = encodeURIComponent(pw);
  return [
    { url: `postgres://audit:${enc}@127.0.0.1:1/${db}`, exits: [3] },
    { url: `postgresql://audit:${enc}@127.0.0.1:1/${db}?sslmode=disable`, exits: [3] },
    { url: `postgres://audit@127.0.0.1:1/${db}?password=${enc}`, exits: [3] },
    { url: `postgres://audit:${pw}@127.0.0.1:1/${db}`, exits: [2, 3] },
    { url: `postgres:/audit:${enc}@127.0.0.1:1/${db}`, exits: [2] },
    { url: `postgres:audit:${pw}@127.0.0.1:1/${db}`, exits: [2] },
    { url: `audit:${pw}@127.0.0.1:1/${db}`, exits: [2] },
    { url: `host=127.0.0.1 port=1 dbname=${db} password='${pw.replace(/[\\']/g, '\\$&')}'`, exits: [2] },
    { url: `host=127.0.0.1 password=${pw.replace(/[\\' ]/g, '\\$&')} dbname=${db}`, exits: [2] },
    { url: `postgres://audit:${enc}@127.0.0.1:1,127.0.0.1:2/${db}`, exits: [2] },
  ];
}

function fakeIo(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { write: (chunk: string) => (io.out += chunk) },
    stderr: { write: (chunk: string) => (io.err += chunk) },
    env: { NO_COLOR: '1' },
    cwd,
    onInterrupt: () => () => undefined,
  };
  return io;
}

function forms(pw: string): string[] {
  return [...new Set([pw, encodeURIComponent(pw), encodeURI(pw), JSON.stringify(pw).slice(1, -1)])];
}

const SEEDS = Number(process.env.PROPERTY_SEEDS ?? 12);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sa-redact-'));
  writeFileSync(path.join(dir, 'expected.sql'), 'CREATE TABLE t (id int);\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test(`random passwords in every shape never reach stdout, stderr or a file (${SEEDS} seeds)`, async () => {
  const expected = path.join(dir, 'expected.sql');
  for (let seed = 1; seed <= SEEDS; seed++) {
    const random = seeded(seed * 7919);
    const pw = randomPassword(random);
    for (const { url } of shapes(pw, 'appdb')) {
      const out = path.join(dir, 'out.txt');
      const runs: string[][] = [
        ['snapshot', '--db', url, '--out', out],
        ['snapshot', `--db=${url}`, '--verbose'],
        ['audit', '--db', url, '--expected', expected, '--format', 'json', '--verbose'],
        ['audit', '--db', 'postgres://audit@127.0.0.1:1/appdb', '--expected', url, '--verbose'],
        ['snapshot', '--db', url, '--format', url],
      ];
      for (const argv of runs) {
        const io = fakeIo(dir);
        const code = await run(argv, io);
        const context = `seed ${seed}, ${JSON.stringify(argv)}: exit ${code}\n${io.err}`;
        expect(code === 2 || code === 3 ? '' : context).toBe('');
        const written = readdirSync(dir).filter((f) => f !== 'expected.sql').map((f) => readFileSync(path.join(dir, f), 'utf8'));
        for (const text of [io.out, io.err, ...written]) for (const f of forms(pw)) expect({ context, leaked: text.includes(f) }).toEqual({ context, leaked: false });
        expect(io.err).not.toMatch(/\u001b/);
      }
    }
  }
});

test('the database name is not masked when it equals the password', async () => {
  const io = fakeIo(dir);
  const code = await run(['snapshot', '--db', 'postgres://audit:inventory@127.0.0.1:1/inventory'], io);
  expect(code).toBe(3);
  expect(io.err).toContain('127.0.0.1:1/inventory');
  expect(io.err).not.toContain('***');
});
