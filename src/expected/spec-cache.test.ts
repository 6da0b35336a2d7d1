import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_INPUT_LIMITS } from '../spec-file/input-limits.js';
import { readSpecSummary, specSummaryKey, writeSpecSummary, type SpecSummary, type SpecSummaryKey } from './spec-cache.js';

const KEY: SpecSummaryKey = { contentSha256: 'a'.repeat(64), toolVersion: '1.2.3', maxNodes: 2_000_000 };
const SUMMARY: SpecSummary = {
  extensions: [{ name: 'pgcrypto', version: '1.3' }],
  backfills: [['"public"."t"."c"', "'x'"]],
  ignore: [
    { pattern: 'audit.*', reason: 'not ours', kinds: ['unexpected_table'] },
    { pattern: 'public.legacy_*', reason: 'until the move', owner: 'data team', expires: '2027-01-31', ticket: 'OPS-7' },
  ],
  severity: { unexpected_column: 'warning' },
  roles: [{ expected: 'app', live: 'app_prod' }],
};

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'sa-spec-cache-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const quiet = (): void => undefined;

test('the key changes with the content, the tool version and the node limit', () => {
  const k = specSummaryKey(KEY);
  expect(k).toMatch(/^[0-9a-f]{64}$/);
  expect(specSummaryKey({ ...KEY, contentSha256: 'b'.repeat(64) })).not.toBe(k);
  expect(specSummaryKey({ ...KEY, toolVersion: '1.2.4' })).not.toBe(k);
  expect(specSummaryKey({ ...KEY, maxNodes: 1000 })).not.toBe(k);
});

test('written, read back; another tool version, content or node limit misses', async () => {
  writeSpecSummary(dir, KEY, SUMMARY, quiet);
  expect(readdirSync(dir)).toHaveLength(1);
  expect(await readSpecSummary(dir, KEY, DEFAULT_INPUT_LIMITS, quiet)).toEqual(SUMMARY);
  expect(await readSpecSummary(dir, { ...KEY, toolVersion: '9.9.9' }, DEFAULT_INPUT_LIMITS, quiet)).toBeNull();
  expect(await readSpecSummary(dir, { ...KEY, contentSha256: 'c'.repeat(64) }, DEFAULT_INPUT_LIMITS, quiet)).toBeNull();
  expect(await readSpecSummary(dir, { ...KEY, maxNodes: 10 }, DEFAULT_INPUT_LIMITS, quiet)).toBeNull();
});

test.each<[string, (doc: Record<string, unknown>) => unknown]>([
  ['another tool version inside', (d) => ({ ...d, toolVersion: '0.0.1' })],
  ['another content inside', (d) => ({ ...d, contentSha256: 'd'.repeat(64) })],
  ['a severity that is none', (d) => ({ ...d, summary: { ...(d.summary as object), severity: { x: 'fatal' } } })],
  ['an ignore rule whose expiry is not a string', (d) => ({ ...d, summary: { ...(d.summary as object), ignore: [{ pattern: '*', reason: 'r', expires: 20270131 }] } })],
  ['an ignore rule without a reason', (d) => ({ ...d, summary: { ...(d.summary as object), ignore: [{ pattern: '*' }] } })],
  ['a field more', (d) => ({ ...d, summary: { ...(d.summary as object), tables: {} } })],
  ['a role that is not a string', (d) => ({ ...d, summary: { ...(d.summary as object), roles: [{ expected: 'a', live: 1 }] } })],
  ['not JSON', () => '{"half'],
])('an entry with %s is ignored (said)', async (_what, tamper) => {
  writeSpecSummary(dir, KEY, SUMMARY, quiet);
  const file = path.join(dir, readdirSync(dir)[0]!);
  const changed = tamper(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  writeFileSync(file, typeof changed === 'string' ? changed : JSON.stringify(changed));
  const said: string[] = [];
  expect(await readSpecSummary(dir, KEY, DEFAULT_INPUT_LIMITS, (m) => said.push(m))).toBeNull();
  expect(said.join('\n')).toContain(`cache: ignoring ${file}`);
});
