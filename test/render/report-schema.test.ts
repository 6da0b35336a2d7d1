import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADVICE_KINDS } from '../../src/advice/index.js';
import { FINDING_KINDS } from '../../src/findings/kinds.js';
import { reportJsonSchema } from '../../src/render/report-schema.js';
import { createAjv } from '../../src/spec-file/validate-spec.js';
import { createTestDatabase } from '../support/db.js';
import { ROOT, runCli } from '../support/cli.js';

/** The shipped JSON Schema of the report accepts real reports, and rejects broken ones. */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const validate = createAjv().compile(reportJsonSchema());

function check(report: unknown): void {
  const ok = validate(report);
  expect(ok ? [] : validate.errors).toEqual([]);
}

test('the schema lists exactly the finding kinds and advice kinds the code has', () => {
  const schema = reportJsonSchema() as unknown as { definitions: { driftKind: { enum: string[] }; adviceKind: { enum: string[] } } };
  expect(schema.definitions.driftKind.enum).toEqual([...FINDING_KINDS]);
  expect(schema.definitions.adviceKind.enum).toEqual([...ADVICE_KINDS]);
});

test.each(['onekeel', 'clean', 'everything'])('the %s report fixture (a real run) is valid', (name) => {
  check(JSON.parse(readFileSync(path.join(HERE, 'fixtures', `${name}-report.json`), 'utf8')));
});

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
    check(report);
    expect(validate({ ...report, formatVersion: 2 })).toBe(false);
    expect(validate({ ...report, findings: [{ ...report.findings[0], kind: 'made_up_kind' }] })).toBe(false);
    expect(validate({ ...report, target: { ...report.target, password: 'x' } })).toBe(false);
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
