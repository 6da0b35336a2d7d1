import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fleetReport, renderFleetText, summarize, type FleetTargetResult } from './fleet-report.js';
import { inShard, parseShard, shardOf } from './shard.js';
import { readTargetsFile, TargetsFileError } from './targets-file.js';

const target = (name: string, ids: string[], exitCode = ids.length ? 1 : 0, error?: string): FleetTargetResult => ({
  name,
  location: `h:5432/${name}`,
  exitCode,
  expected: 'schema.sql',
  findings: ids.map((id) => ({ id, severity: 'error', message: `${id} differs` })),
  ...(error ? { error } : {}),
});

describe('shards', () => {
  test('every name in exactly one shard; adding targets moves no other', () => {
    const names = Array.from({ length: 500 }, (_, i) => `tenant_${i}`);
    const before = new Map(names.map((n) => [n, shardOf(n, 7)]));
    const parts = [1, 2, 3, 4, 5, 6, 7].map((index) => inShard(names.map((name) => ({ name })), { index, count: 7 }).map((t) => t.name));
    expect(parts.flat().sort()).toEqual([...names].sort());
    // Spread: no shard empty or holding most of the fleet.
    for (const p of parts) expect(p.length).toBeGreaterThan(30);
    const more = [...names, ...Array.from({ length: 100 }, (_, i) => `new_${i}`)];
    for (const n of names) expect(shardOf(n, 7)).toBe(before.get(n));
    expect(more.length).toBe(600);
  });

  test('--shard I/N is checked', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3']) expect(() => parseShard(bad)).toThrow(/--shard takes I\/N/);
  });
});

describe('grouping', () => {
  test('matching, shared, unique and failed targets; exit code the worst', () => {
    const results = [
      target('a', []),
      target('b', ['missing_column:public.t.v']),
      target('c', ['missing_column:public.t.v']),
      target('d', ['missing_index:public.i']),
      target('e', [], 3, 'cannot connect to h:1/e'),
      target('f', []),
    ];
    const s = summarize(results);
    expect(s).toMatchObject({ targets: 6, matching: 2, failed: 1 });
    expect(s.shared.map((g) => g.targets)).toEqual([['b', 'c']]);
    expect(s.unique.map((g) => g.targets)).toEqual([['d']]);
    const report = fleetReport(results, [], { version: 'x', generatedAt: 't' });
    expect(report.exitCode).toBe(3);
    const text = renderFleetText(report);
    expect(text).toContain('2 match the expected schema\n2 share the same 1 difference: b, c\n');
    expect(text).toContain('1 differs uniquely:\n  d: 1 difference\n');
    expect(text).toContain('  e (exit 3): cannot connect to h:1/e\n');
    // Same findings in another order, or a different message: another group.
    expect(summarize([target('x', ['k:1', 'k:2']), { ...target('y', ['k:1', 'k:2']), findings: [{ id: 'k:1', severity: 'error', message: 'other' }, { id: 'k:2', severity: 'error', message: 'k:2 differs' }] }]).unique).toHaveLength(2);
    expect(fleetReport([target('a', ['k'])], [{ server: 'h:5432', like: 't%', error: 'refused' }], { version: 'x', generatedAt: 't' }).exitCode).toBe(3);
    expect(fleetReport([target('a', ['k'])], [], { version: 'x', generatedAt: 't' }).exitCode).toBe(1);
  });
});

describe('the targets file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sa-targets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = (text: string, env: NodeJS.ProcessEnv = {}): ReturnType<typeof readTargetsFile> => {
    const file = path.join(dir, 'targets.yaml');
    writeFileSync(file, text);
    return readTargetsFile(file, env);
  };
  const problems = (text: string, env: NodeJS.ProcessEnv = {}): string[] => {
    try {
      read(text, env);
    } catch (err) {
      if (err instanceof TargetsFileError) return err.problems.map((p) => `${p.line}: ${p.path}: ${p.message}`);
      throw err;
    }
    throw new Error('no problem found');
  };

  test('targets from the environment, a literal URL without a password, discovery, expected paths relative to the file', () => {
    const entries = read(
      "targets:\n  - name: eu\n    url_env: EU\n    expected: eu/schema.yaml\n  - name: us\n    url: postgres://audit@us.internal/app\n  - discover:\n      server_env: T\n      like: 'tenant\\_%'\n    name_prefix: t/\n",
      { EU: 'postgres://audit:secret@eu.internal/app', T: 'postgres://audit@tenants.internal/postgres' },
    );
    expect(entries.map((e) => [e.kind, e.line])).toEqual([['target', 2], ['target', 5], ['discover', 7]]);
    expect(entries[0]).toMatchObject({ name: 'eu', expected: path.join(dir, 'eu', 'schema.yaml') });
    expect(entries[2]).toMatchObject({ like: 'tenant\\_%', namePrefix: 't/' });
  });

  test('problems at their lines; never a password', () => {
    const found = problems('targets:\n  - name: a\n    url: "host=h password=hunter2"\n  - name: b\n    url_env: NOPE\n  - name: c\n  - discover: { like: x }\n    name: d\n    url: postgres://h/db\n', {});
    expect(found).toEqual([
      "3: targets.0.url: holds a password: put the connection string in an environment variable and name it with 'url_env', or keep the password in .pgpass / PGPASSWORD",
      '5: targets.1.url_env: the environment variable NOPE is not set',
      "6: targets.2: needs one of 'url_env' (an environment variable holding the connection string) or 'url'",
      "7: targets.3: a 'discover' entry takes its server from 'discover.server_env' or 'discover.server'",
      "7: targets.3.discover: needs one of 'server_env' (an environment variable holding the connection string) or 'server'",
      "8: targets.3.name: a 'discover' entry names its targets by database ('name_prefix' + the database's name), not with 'name'",
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
    expect(problems('targets:\n  - name: a\n    url_env: A\n    colour: blue\n', { A: 'postgres://h/db' })).toEqual([
      "4: targets.0: unknown key 'colour' (allowed: name, url_env, url, expected, discover, name_prefix)",
    ]);
    expect(problems('targets: [\n')[0]).toMatch(/^\d+: : invalid YAML/);
  });
});
