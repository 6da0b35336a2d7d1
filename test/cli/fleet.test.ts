import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/db.js';
import { runCliHere } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * `audit --targets`: several databases of the suite's server, found by a
 * `discover:` entry (LIKE pattern), plus a target on a closed port (exit 3
 * for it, the others still audited); the summary groups identical findings;
 * shards merged equal the unsharded run; no password anywhere.
 */
const suffix = randomBytes(3).toString('hex');
const prefix = `fleet${suffix}`;
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
const NOW = '2026-12-03T20:00:00Z';
const dbs: TestDatabase[] = [];
let dir: string;
let targetsFile: string;
let expected: string;

const MATCH = 'CREATE TABLE t (id int PRIMARY KEY, v text);';
const SAME_DRIFT = 'CREATE TABLE t (id int PRIMARY KEY);';
const OWN_DRIFT = 'CREATE TABLE t (id int PRIMARY KEY, v text, w int);';

const env = (): NodeJS.ProcessEnv => ({
  FLEET_SERVER: adminUrl(),
  // A closed port, with a password that must never show.
  DOWN_URL: `postgres://audit:${PASSWORD}@127.0.0.1:1/nowhere?connect_timeout=2`,
});

beforeAll(async () => {
  for (const ddl of [MATCH, MATCH, SAME_DRIFT, SAME_DRIFT, OWN_DRIFT]) {
    const db = await createTestDatabase(prefix);
    await db.exec(ddl);
    dbs.push(db);
  }
  dir = makeTempDir('fleet');
  expected = path.join(dir, 'schema.sql');
  writeFileSync(expected, `${MATCH}\n`);
  targetsFile = path.join(dir, 'targets.yaml');
  writeFileSync(
    targetsFile,
    [
      'targets:',
      '  - discover:',
      '      server_env: FLEET_SERVER',
      `      like: 'sa\\_${prefix}\\_%'`,
      '    name_prefix: tenant/',
      '  - name: down',
      '    url_env: DOWN_URL',
      '  - discover:',
      '      server_env: DOWN_URL',
      "      like: '%'",
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  for (const db of dbs) await db.drop();
  removeTempDir(dir);
});

const name = (db: TestDatabase): string => `tenant/${db.name}`;

test('a fleet: discovered databases audited, grouped by findings; an unreachable target fails the gate, never the others', async () => {
  const out = path.join(dir, 'out');
  const r = await runCliHere(['audit', '--targets', targetsFile, '--expected', expected, '--no-advice', '--out-dir', out, '--now', NOW, '--concurrency', '3', '--verbose'], { env: env() });
  expect(r.code).toBe(3);
  // The expected side is loaded once for the five databases (same source, same major), then shared.
  expect(r.stderr.match(/into a scratch PostgreSQL/g)?.length).toBe(1);
  expect(r.stdout).toContain('schema-audit fleet: 6 targets');
  expect(r.stdout).toContain('2 match the expected schema');
  expect(r.stdout).toMatch(/^2 share the same 1 difference: /m);
  expect(r.stdout).toContain('1 differs uniquely:');
  expect(r.stdout).toContain(`  ${name(dbs[4]!)}: 1 difference`);
  expect(r.stdout).toMatch(/^ {2}down \(exit 3\): cannot connect to 127\.0\.0\.1:1\/nowhere/m);
  expect(r.stdout).toContain('missing_column:public.t.v');
  expect(r.stderr).toMatch(/schema-audit: \[down\] cannot connect/);
  // A discovery whose server is down: said, exit 3, the rest audited.
  expect(r.stdout).toMatch(/^discovery on 127\.0\.0\.1:1 \(LIKE '%'\) failed \(exit 3\): cannot connect/m);
  const fleet = JSON.parse(readFileSync(path.join(out, 'fleet.json'), 'utf8'));
  expect(fleet.exitCode).toBe(3);
  const byName = new Map<string, { exitCode: number; findings: { id: string }[] }>(fleet.targets.map((t: { name: string }) => [t.name, t]));
  expect(dbs.map((d) => byName.get(name(d))?.exitCode)).toEqual([0, 0, 1, 1, 0]);
  expect(byName.get(name(dbs[2]!))?.findings.map((f) => f.id)).toEqual(['missing_column:public.t.v']);
  // The unique one: an unexpected column (info: below --fail-on error, so exit 0, but a difference).
  expect(byName.get(name(dbs[4]!))?.findings.map((f) => f.id)).toEqual(['unexpected_column:public.t.w']);
  expect(byName.get('down')?.exitCode).toBe(3);
  // A report per audited target; none for the unreachable one.
  expect(readdirSync(path.join(out, 'targets')).length).toBe(5);
  const everything = [r.stdout, r.stderr, ...readdirSync(out, { recursive: true }).map(String).filter((f) => f.includes('.')).map((f) => readFileSync(path.join(out, f), 'utf8'))].join('\n');
  expect(everything).not.toContain(PASSWORD);
  // Nor the discovery server's (the suite's superuser has one).
  const serverPassword = decodeURIComponent(new URL(adminUrl()).password);
  expect(serverPassword).not.toBe('');
  expect(everything).not.toContain(serverPassword);
  expect(everything).toContain('127.0.0.1:1/nowhere');
});

test('shards merged equal one unsharded run', async () => {
  const run = async (extra: string[]): Promise<{ code: number | null; json: string }> => {
    const r = await runCliHere(['audit', '--targets', targetsFile, '--expected', expected, '--no-advice', '--now', NOW, '--format', 'json', ...extra], { env: env() });
    return { code: r.code, json: r.stdout };
  };
  const whole = await run([]);
  expect(whole.code).toBe(3);
  const files: string[] = [];
  const names: string[][] = [];
  for (const shard of ['1/3', '2/3', '3/3']) {
    const part = await run(['--shard', shard]);
    const file = path.join(dir, `shard-${shard.replace('/', '-')}.json`);
    writeFileSync(file, part.json);
    files.push(file);
    names.push(JSON.parse(part.json).targets.map((t: { name: string }) => t.name));
  }
  // Every target in exactly one shard.
  expect(names.flat().sort()).toEqual(JSON.parse(whole.json).targets.map((t: { name: string }) => t.name).sort());
  const merged = await runCliHere(['merge', '--format', 'json', ...files]);
  expect(merged.stderr).toBe('');
  expect(merged.code).toBe(3);
  expect(merged.stdout).toBe(whole.json);
  const text = await runCliHere(['merge', ...files]);
  expect(text.stdout).toContain('2 match the expected schema');
  // A shard missing: exit 2.
  const partial = await runCliHere(['merge', files[0]!, files[1]!]);
  expect(partial.code).toBe(2);
  expect(partial.stderr).toContain('shard 3/3 missing');
});

test('a bad targets file: exit 2 with file:line, before any connection, no password shown', async () => {
  const bad = path.join(dir, 'bad.yaml');
  writeFileSync(bad, `targets:\n  - name: a\n    url: postgres://u:${PASSWORD}@h/db\n  - name: a\n    url_env: UNSET_VARIABLE_${suffix}\n`);
  const r = await runCliHere(['audit', '--targets', bad, '--expected', expected], { env: env() });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`${bad}:3: targets.0.url: holds a password`);
  expect(r.stderr).toContain(`${bad}:4: targets.1.name: duplicate target name 'a' (first at line 2)`);
  expect(r.stderr).toContain(`${bad}:5: targets.1.url_env: the environment variable UNSET_VARIABLE_${suffix} is not set`);
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
});

test('an expected source per target: a spec next to the targets file; each source loaded once', async () => {
  const spec = path.join(dir, 'spec.yaml');
  const snap = await runCliHere(['snapshot', '--db', dbs[0]!.url, '--out', spec]);
  expect(snap.code).toBe(0);
  const file = path.join(dir, 'per-target.yaml');
  writeFileSync(file, 'targets:\n  - name: one\n    url_env: ONE\n    expected: spec.yaml\n  - name: two\n    url_env: TWO\n    expected: spec.yaml\n  - name: three\n    url_env: THREE\n');
  const r = await runCliHere(['audit', '--targets', file, '--expected', expected, '--no-advice', '--verbose', '--format', 'json'], {
    env: { ONE: dbs[0]!.url, TWO: dbs[2]!.url, THREE: dbs[3]!.url },
  });
  expect(r.code).toBe(1);
  const fleet = JSON.parse(r.stdout);
  expect(fleet.targets.map((t: { name: string; exitCode: number; expected: string }) => [t.name, t.exitCode, path.basename(t.expected)])).toEqual([
    ['one', 0, 'spec.yaml'],
    ['three', 1, 'schema.sql'],
    ['two', 1, 'spec.yaml'],
  ]);
  // Two sources, each loaded once.
  expect(r.stderr.match(/into a scratch PostgreSQL/g)?.length).toBe(2);
  expect(fleet.summary.shared).toEqual([{ findings: [expect.objectContaining({ id: 'missing_column:public.t.v' })], targets: ['three', 'two'] }]);
});
