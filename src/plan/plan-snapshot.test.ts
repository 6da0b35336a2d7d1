/**
 * The plan guard: a broad set of drift (hand-built models, and the findings
 * of the checked-in JSON reports), planned with and without
 * `dropUnexpected`, must give exactly the recorded plans
 * (test/plan/snapshots/plans.json): the same steps in the same order, the
 * same ids, SQL and hazards, the same manual steps, kept and fixed findings.
 *
 * After an intended change of the plan, rewrite the record and review the diff:
 *
 *   UPDATE_PLAN_SNAPSHOT=1 npm run test:unit -- src/plan/plan-snapshot
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffSchemas } from '../diff/index.js';
import type { Finding } from '../findings/finding.js';
import type { SchemaModel } from '../model/schema-model.js';
import { planScenarios } from '../../test/plan/plan-scenarios.js';
import { reportDrift } from '../../test/plan/report-models.js';
import { ROOT } from '../../test/support/cli.js';
import { planRemediation } from './plan.js';
import type { PlanOptions, RemediationPlan } from './types.js';

const RECORD = path.join(ROOT, 'test', 'plan', 'snapshots', 'plans.json');

interface Case {
  readonly name: string;
  readonly findings: readonly Finding[];
  readonly expected: SchemaModel;
  readonly live: SchemaModel;
  readonly options: PlanOptions;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const s of planScenarios()) {
    const findings = diffSchemas(s.expected, s.live).findings;
    for (const dropUnexpected of [false, true]) {
      const options: PlanOptions = { dropUnexpected, ...(s.backfills ? { backfills: s.backfills } : {}), ...(s.batchSize ? { batchSize: s.batchSize } : {}) };
      out.push({ name: `${s.name}${dropUnexpected ? ' (drop unexpected)' : ''}`, findings, expected: s.expected, live: s.live, options });
    }
  }
  for (const name of ['everything', 'onekeel', 'clean']) {
    const r = reportDrift(name);
    for (const dropUnexpected of [false, true]) {
      out.push({ name: `${name}-report.json${dropUnexpected ? ' (drop unexpected)' : ''}`, ...r, options: { dropUnexpected, lockTimeout: '2s', statementTimeout: '1h' } });
    }
  }
  return out;
}

function planAll(): Record<string, RemediationPlan> {
  return Object.fromEntries(cases().map((c) => [c.name, planRemediation({ findings: c.findings, expected: c.expected, live: c.live, options: c.options })]));
}

test('every recorded drift gives the recorded plan', () => {
  const plans = JSON.stringify(planAll(), null, 2) + '\n';
  if (process.env.UPDATE_PLAN_SNAPSHOT === '1') writeFileSync(RECORD, plans);
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, unknown>;
  const actual = JSON.parse(plans) as Record<string, unknown>;
  expect(Object.keys(actual)).toEqual(Object.keys(recorded));
  for (const name of Object.keys(recorded)) expect([name, actual[name]]).toEqual([name, recorded[name]]);
  expect(plans).toBe(readFileSync(RECORD, 'utf8'));
});

test('the recorded plans cover every branch family: steps, manual steps, kept, drops', () => {
  const plans = Object.values(planAll());
  const phases = new Set(plans.flatMap((p) => p.steps.map((s) => s.phase)));
  expect([...phases].sort()).toEqual(
    [
      'alter_columns',
      'backfill',
      'columns',
      'comments',
      'constraints',
      'drop_columns',
      'drop_constraints',
      'drop_functions',
      'drop_indexes',
      'drop_sequences',
      'drop_tables',
      'drop_types',
      'foreign_keys',
      'functions',
      'indexes',
      'not_null',
      'schemas',
      'sequences',
      'tables',
      'types',
    ].sort(),
  );
  expect(plans.some((p) => p.manual.length > 5)).toBe(true);
  expect(plans.some((p) => p.kept.length > 5)).toBe(true);
});
