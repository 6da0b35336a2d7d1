import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import { specToDdl } from '../../src/spec-file/spec-to-ddl.js';
import { createTestDatabase } from '../support/db.js';
import { ROOT, driftFindings, runCli } from '../support/cli.js';

/** The spec example in the README is valid, loads, and audits clean against a database built from it. */
test('the README spec example works', async () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /## The expected-schema spec[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const db = await createTestDatabase('readme');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sa-readme-'));
  try {
    const file = path.join(dir, 'spec.yaml');
    writeFileSync(file, block!);
    const spec = loadSpec(file);
    for (const statement of specToDdl(spec)) await db.exec(statement.sql);
    const r = await runCli(['audit', '--db', db.url, '--expected', file, '--format', 'json']);
    expect(driftFindings(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});
