import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '../support/db.js';
import { finished, runCli, startCli, waitForStderr, waitUntil } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * The executable under the input limits: a YAML alias bomb, a spec over the
 * node or byte limit, an oversized snapshot document or SQL file each end
 * at once with exit 2 and one line; a signal during a long parse ends the
 * run within moments, with 128 + the signal's number.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir('limits');
});
afterAll(() => removeTempDir(dir));

/** No server listens there: the spec is checked before connecting. */
const NOWHERE = 'postgres://audit@127.0.0.1:1/app';

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** A valid spec of `tables` tables of 20 columns, as YAML. */
function bigSpec(tables: number): string {
  const out = ['version: 1', 'tables:'];
  for (let t = 0; t < tables; t++) {
    out.push(`  t${t}:`, '    columns:');
    for (let c = 0; c < 20; c++) out.push(`      col_${c}: { type: text, nullable: false, default: "'x'" }`);
    out.push('    primaryKey: [col_0]');
  }
  return `${out.join('\n')}\n`;
}

function expectOneLine(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
}

test('a 452-byte YAML alias bomb: exit 2, one line, at once', async () => {
  const levels = ['a0: &a0 [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i <= 8; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
  const bomb = write('bomb.yaml', `version: 1\n${levels.join('\n')}\ntables: {}\n`);
  const started = Date.now();
  const r = await runCli(['audit', '--db', NOWHERE, '--expected', bomb]);
  expectOneLine(r, /^schema-audit: .*bomb\.yaml: its aliases expand it by more than 100000 nodes/);
  expect(Date.now() - started).toBeLessThan(30_000);
});

test('a spec over the node limit or the byte limit: exit 2, one line; the limits can be raised', async () => {
  const spec = write('big.yaml', bigSpec(30));
  expectOneLine(await runCli(['audit', '--db', NOWHERE, '--expected', spec, '--max-spec-nodes', '500']), /has more than 500 nodes .*--max-spec-nodes/);
  expectOneLine(
    await runCli(['audit', '--db', NOWHERE, '--expected', spec], { env: { SCHEMA_AUDIT_MAX_SPEC_NODES: '500' } }),
    /has more than 500 nodes/,
  );
  const huge = write('huge.yaml', bigSpec(1200));
  expectOneLine(await runCli(['audit', '--db', NOWHERE, '--expected', huge, '--max-input-mib', '1']), /huge\.yaml is 1\.\d MiB, over the limit of 1 MiB of input; raise it with --max-input-mib/);
  // Within the limits, the spec is read and the run goes on to the database (exit 3).
  const r = await runCli(['audit', '--db', NOWHERE, '--expected', spec, '--max-spec-nodes', '5000']);
  expect(r.stderr).toMatch(/cannot connect/);
  expect(r.code).toBe(3);
  // A bad value is a usage error: its line, then the command's usage, as for every flag.
  const bad = await runCli(['audit', '--db', NOWHERE, '--expected', spec, '--max-input-mib', 'lots']);
  expect(bad.stderr.split('\n')[0]).toBe('schema-audit: --max-input-mib must be a positive whole number, not "lots"');
  expect(bad.code).toBe(2);
});

test('a snapshot document or a SQL file over the byte limit: exit 2, one line', async () => {
  const snapshot = write('snapshot.json', JSON.stringify({ formatVersion: 1, padding: 'x'.repeat(1_200_000), schema: { tables: [] } }));
  expectOneLine(await runCli(['audit', '--db', NOWHERE, '--expected', snapshot, '--max-input-mib', '1']), /snapshot\.json is 1\.\d MiB, over the limit/);
  const sql = write('schema.sql', `${'-- padding\n'.repeat(120_000)}CREATE TABLE t (id int);\n`);
  const db = await createTestDatabase('limits');
  try {
    expectOneLine(await runCli(['audit', '--db', db.url, '--expected', sql, '--max-input-mib', '1']), /schema\.sql is 1\.\d MiB, over the limit/);
  } finally {
    await db.drop();
  }
});

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s during a long parse of the spec ends the run at once, exit %i', async (signal, code) => {
  const spec = write(`slow-${signal}.yaml`, bigSpec(3000));
  const child = startCli(['audit', '--db', NOWHERE, '--expected', spec, '--verbose']);
  // Started (its signal handlers are in place) and about to parse; the parse of these 4 MB takes many seconds.
  await waitForStderr(child, /checking the expected schema/, 120_000);
  await new Promise((r) => setTimeout(r, 1500));
  expect(child.exitCode).toBeNull();
  const sent = Date.now();
  child.kill(signal);
  const done = finished(child);
  expect(await waitUntil(() => child.exitCode !== null || child.signalCode !== null, 10_000)).toBe(true);
  const r = await done;
  expect(Date.now() - sent).toBeLessThan(3_000);
  expect(r.code).toBe(code);
  expect(r.stderr).toContain(`schema-audit: ${signal}, cleaning up`);
});
