import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffSchemas } from '../../src/diff/index.js';
import { reconcileExpressions } from '../../src/expected/reconcile.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { leftAfterRollback, planRemediation, renderMigration, type MigrationFiles, type RemediationPlan } from '../../src/plan/index.js';
import { parseMajor } from '../../src/server/binaries.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { adminUrl, createTestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';
import { runPsqlFile } from '../support/psql.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { generateSchemaPair, type SchemaPair } from '../support/random-schema.js';

/**
 * The remediation round trip as a property, on random schema pairs
 * (test/support/random-schema.ts): audit A against B, apply up.sql with psql
 * (twice: idempotent), and the audit is clean; apply down.sql (twice), and
 * A is back, but for the enum values PostgreSQL cannot remove. The pairs
 * also differ in views, functions, triggers, sequences and domains. --verify's
 * check must agree. Tables have no rows, so nothing here depends on data.
 *
 * - `PROPERTY_SEEDS=N`: seeds 1..N (default 30);
 * - `PROPERTY_SEED=S`: only seed S (a failure prints its seed and how to replay it).
 */
const major = parseMajor(process.env.PG_MAJOR ?? '17');

function seeds(): number[] {
  const one = process.env.PROPERTY_SEED;
  if (one) return [Number(one)];
  const n = Number(process.env.PROPERTY_SEEDS ?? 30);
  return Array.from({ length: n }, (_, i) => i + 1);
}

interface Outcome {
  readonly psql: string[];
  readonly leftAfterUp: string[];
  readonly leftAfterDown: string[];
  readonly verified: boolean | string;
}

const ids = (expected: SchemaModel, actual: SchemaModel): string[] => diffSchemas(expected, actual).findings.map((f) => f.id).sort();

async function roundTrip(pair: SchemaPair): Promise<{ outcome: Outcome; plan: RemediationPlan; files: MigrationFiles; expectedOutcome: Outcome }> {
  const a = await createTestDatabase(`prop_a${pair.seed}`);
  const b = await createTestDatabase(`prop_b${pair.seed}`);
  const dir = makeTempDir(`prop-${pair.seed}`);
  const write = (name: string, text: string): string => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  try {
    const psql: string[] = [];
    const apply = async (file: string): Promise<void> => {
      const r = await runPsqlFile(a.url, file);
      if (r.code !== 0) psql.push(`${path.basename(file)}: exit ${r.code}: ${r.stderr.split('\n').filter((l) => /ERROR/.test(l)).join(' ')}`);
    };
    for (const [db, sql, name] of [[a, pair.a, 'a.sql'], [b, pair.b, 'b.sql']] as const) {
      const r = await runPsqlFile(db.url, write(name, sql));
      if (r.code !== 0) throw new Error(`seed ${pair.seed}: ${name} does not load: ${r.stderr}`);
    }
    const live = await introspect(a.url);
    const expected = await introspect(b.url);
    const findings = diffSchemas(expected, live).findings;
    const plan = planRemediation({ findings, expected, live, options: { dropUnexpected: true } });
    const files = renderMigration(plan, { toolVersion: 'test', target: `seed ${pair.seed}`, serverVersion: String(major), expected: 'b.sql', generatedAt: 'now' });
    const verification = await verifyPlan({ plan, live, expected, major, serverUrl: adminUrl() });
    const up = write('up.sql', files.up);
    const down = write('down.sql', files.down);
    await apply(up);
    await apply(up);
    const leftAfterUp = ids(expected, await reconcileExpressions(expected, await introspect(a.url), b.url));
    await apply(down);
    await apply(down);
    const leftAfterDown = ids(live, await reconcileExpressions(live, await introspect(a.url), a.url));
    const irreversible = leftAfterRollback(plan);
    return {
      plan,
      files,
      outcome: { psql, leftAfterUp, leftAfterDown, verified: verification.verified || JSON.stringify(verification.failure) },
      expectedOutcome: { psql: [], leftAfterUp: [...plan.manual.map((m) => m.findingId), ...plan.kept].sort(), leftAfterDown: irreversible, verified: true },
    };
  } finally {
    removeTempDir(dir);
    await a.drop();
    await b.drop();
  }
}

test.each(seeds())('seed %i: up.sql makes A into B, down.sql makes it A again', async (seed) => {
  const pair = generateSchemaPair(seed, { major, objects: true });
  const { outcome, expectedOutcome, plan, files } = await roundTrip(pair);
  const context = [
    `seed ${seed} (replay: PROPERTY_SEED=${seed} PG_MAJOR=${major} npm test -- test/property/migration-roundtrip.test.ts)`,
    ...pair.mutations.map((m) => `  - ${m}`),
  ].join('\n');
  expect({ context, ...outcome }).toEqual({ context, ...expectedOutcome });
  // The generator makes only changes a migration can carry out without a person's decision, with
  // one exception PostgreSQL imposes: a column a generated column is computed from cannot change type.
  const decisions = plan.manual.filter((m) => !(m.findingId.startsWith('column_type_mismatch:') && m.reason.includes('generated column')));
  expect({ context, decisions }).toEqual({ context, decisions: [] });
  expect(files.up.length).toBeGreaterThan(0);
});
