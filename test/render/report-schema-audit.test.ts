import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../support/db.js';
import { ROOT, runCli } from '../support/cli.js';
import { checkReport, validateReport as validate } from './validate-report.js';

/** The shipped JSON Schema of the report accepts a fresh real report, and rejects broken ones. */
test('a real audit with statistics, unused-index advice and ignore rules is valid; a broken one is not', async () => {
  const db = await createTestDatabase('report_schema');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sa-report-schema-'));
  try {
    await db.exec(`create table t (id int primary key, a int, b text);
      create index t_a_idx on t (a); create index t_a_b_idx on t (a, b); create table loose (x int);`);
    const spec = path.join(dir, 'spec.yaml');
    writeFileSync(spec, `tables:\n  t:\n    columns:\n      id: { type: int, nullable: false }\n      a: { type: int }\n    primaryKey: [id]\nignore:\n  - { pattern: public.t.b, reason: legacy }\n`);
    const r = await runCli(['audit', '--db', db.url, '--expected', spec, '--format', 'json'], { cwd: ROOT });
    const report = JSON.parse(r.stdout);
    expect(report.advice.checked).toContain('unused_index');
    expect(report.ignored).toHaveLength(1);
    checkReport(report);
    expect(validate({ ...report, formatVersion: 2 })).toBe(false);
    expect(validate({ ...report, findings: [{ ...report.findings[0], kind: 'made_up_kind' }] })).toBe(false);
    expect(validate({ ...report, target: { ...report.target, password: 'x' } })).toBe(false);
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
