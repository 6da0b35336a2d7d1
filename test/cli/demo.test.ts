import { existsSync } from 'node:fs';
import { finished, processAlive, runCli, startCli, waitForStderr, waitUntil } from '../support/cli.js';

/**
 * The demo starts its own embedded server, so these tests also prove that no
 * postgres process outlives the CLI: normal exit, Ctrl-C and SIGKILL.
 */
const STARTED = /started embedded PostgreSQL \d+ on port \d+ \(pid (\d+), (\S+)\)/;

test('demo prints the OneKeel Swarm production schema: 16 tables, 11 enums', async () => {
  const r = await runCli(['demo', '--verbose']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.schema.tables).toHaveLength(16);
  expect(doc.schema.enums).toHaveLength(11);
  const enums = Object.fromEntries(doc.schema.enums.map((e: { name: string; values: string[] }) => [e.name, e.values]));
  expect(enums.feature_flag_category).toEqual([
    'agent-tuning', 'campaign-advanced', 'system-config', 'integrations', 'ui-progressive', 'debugging', 'experimental',
  ]);
  const leads = doc.schema.tables.find((t: { name: string }) => t.name === 'leads');
  expect(leads.columns.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['first_name', 'last_name', 'qualification_score']));
  expect(leads.columns.map((c: { name: string }) => c.name)).not.toContain('score');
  const m = r.stderr.match(STARTED);
  expect(m).not.toBeNull();
  expect(processAlive(Number(m![1]))).toBe(false);
  expect(existsSync(m![2]!)).toBe(false);
});

test('Ctrl-C stops the embedded server and removes its files, exit 130', async () => {
  const child = startCli(['demo', '--verbose']);
  const [, pid, dir] = await waitForStderr(child, STARTED);
  expect(processAlive(Number(pid))).toBe(true);
  child.kill('SIGINT');
  const r = await finished(child);
  expect(r.code).toBe(130);
  expect(r.stderr).toContain('SIGINT, cleaning up');
  expect(processAlive(Number(pid))).toBe(false);
  expect(existsSync(dir!)).toBe(false);
});

test('SIGKILL of the CLI: the watchdog stops the orphaned server', async () => {
  const child = startCli(['demo', '--verbose']);
  const [, pid, dir] = await waitForStderr(child, STARTED);
  child.kill('SIGKILL');
  await finished(child);
  expect(await waitUntil(() => !processAlive(Number(pid)), 15_000)).toBe(true);
  expect(await waitUntil(() => !existsSync(dir!), 5_000)).toBe(true);
});
