import { diffSchemas } from '../../src/diff/index.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { planRemediation, type RemediationPlan } from '../../src/plan/index.js';
import { parseMajor } from '../../src/server/binaries.js';
import { verificationText, verifyPlan } from '../../src/verify/verify.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';

/**
 * --verify on a real server: a good plan is verified on the same major; a
 * plan whose SQL fails, that does not fix what it claims, or whose rollback
 * does not restore the structure is caught, naming the stage and the step.
 * The audited database is only read.
 */
let live: TestDatabase;
let liveModel: SchemaModel;
let expectedModel: SchemaModel;
let plan: RemediationPlan;
const major = parseMajor(process.env.PG_MAJOR ?? '17');

beforeAll(async () => {
  live = await createTestDatabase('verify_live');
  await live.exec(`
    CREATE TYPE mood AS ENUM ('sad', 'happy');
    CREATE TABLE "Leads" (id integer PRIMARY KEY, name varchar(50), mood mood);
  `);
  const expected = await createTestDatabase('verify_expected');
  await expected.exec(`
    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
    CREATE TABLE "Leads" (id integer PRIMARY KEY, name varchar(100), mood mood, note text NOT NULL DEFAULT '');
    CREATE INDEX "Leads_name_idx" ON "Leads" (name);
  `);
  liveModel = await introspect(live.url);
  expectedModel = await introspect(expected.url);
  await expected.drop();
  plan = planRemediation({ findings: diffSchemas(expectedModel, liveModel).findings, expected: expectedModel, live: liveModel });
});

afterAll(async () => {
  await live?.drop();
});

const verify = (p: RemediationPlan) => verifyPlan({ plan: p, live: liveModel, expected: expectedModel, major, serverUrl: adminUrl() });

test('a good plan is verified on the same major; the audited database is untouched', async () => {
  expect(plan.steps.length).toBeGreaterThanOrEqual(4);
  const v = await verify(plan);
  expect(v).toMatchObject({ verified: true });
  expect(v.serverVersion.split('.')[0]).toBe(String(major));
  expect(verificationText(v)).toMatch(/^verified on PostgreSQL \d+\.\d+ \(structure only/);
  expect(await introspect(live.url)).toEqual(liveModel);
});

test('a statement that fails names the stage, the step and the server error', async () => {
  const broken: RemediationPlan = {
    ...plan,
    steps: plan.steps.map((s) => (s.phase === 'columns' ? { ...s, up: [{ sql: 'ALTER TABLE public."Leads" ADD COLUMN note no_such_type', transactional: true }] } : s)),
  };
  const v = await verify(broken);
  expect(v.verified).toBe(false);
  expect(v.failure).toMatchObject({ stage: 'up', step: expect.stringMatching(/^columns:/), message: expect.stringContaining('no_such_type') });
  expect(verificationText(v)).toMatch(/verification FAILED on PostgreSQL .*: up\.sql failed at step columns:/);
});

test('a plan that does not fix what it claims is caught after up.sql', async () => {
  const v = await verify({ ...plan, steps: plan.steps.filter((s) => s.phase !== 'indexes') });
  expect(v.failure).toMatchObject({ stage: 'after_up', message: expect.stringContaining('missing_index:public."Leads"."Leads_name_idx"') });
});

test('a rollback that does not restore the structure is caught after down.sql', async () => {
  const v = await verify({ ...plan, steps: plan.steps.map((s) => (s.phase === 'alter_columns' ? { ...s, down: [] } : s)) });
  expect(v.failure).toMatchObject({ stage: 'after_down', message: expect.stringContaining('column_type_mismatch:public."Leads".name') });
});
