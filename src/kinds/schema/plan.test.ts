import { dropSchemaIfEmptySql } from './sql.js';
import { enumType, model, table } from '../../../test/diff/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import { ensureSchema } from './plan.js';
import { diffSchemas } from '../../diff/diff-schemas.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { planRemediation } from '../../plan/plan.js';

test('a schema the database lacks is created once, in the step of the first finding that needs it', () => {
  const { ctx, record } = bench(model({ schemas: ['public', 'crm'] }), model());
  ensureSchema(ctx, 'crm', 'missing_table:crm.a');
  ensureSchema(ctx, 'crm', 'missing_table:crm.b');
  expect(record.steps).toEqual([
    {
      id: 'schemas:crm',
      phase: 'schemas',
      findingIds: ['missing_table:crm.a'],
      summary: 'create schema crm',
      up: [{ sql: 'CREATE SCHEMA IF NOT EXISTS crm', transactional: true }],
      down: [{ sql: dropSchemaIfEmptySql('crm'), transactional: true }],
      hazards: [],
    },
  ]);
});

test.each([
  ['listed', model({ schemas: ['public', 'Sales'] })],
  ['holding a table only', model({ schemas: [], tables: [table('t', { schema: 'Sales' })] })],
  ['holding an enum only', model({ schemas: [], enums: [enumType('e', ['a'], { schema: 'Sales' })] })],
])('a schema the database has (%s) is not created', (_, live) => {
  const { ctx, record } = bench(model(), live);
  ensureSchema(ctx, 'Sales', 'f');
  expect(sqlOf(record)).toEqual([]);
});

describe('schemas compared (whole-plan: planRemediation over the diff)', () => {
  const plan = (expected: SchemaModel, live: SchemaModel, dropUnexpected: boolean) =>
    planRemediation({
      findings: diffSchemas(expected, live, { schemas: ['public', 'reports', 'scratch'] }).findings,
      expected,
      live,
      options: { dropUnexpected },
    });
  const withComment = (m: SchemaModel, name: string, comment: string): SchemaModel => ({
    ...m,
    schemas: m.schemas.map((s) => (s.name === name ? { ...s, comment } : s)),
  });

  test('a missing schema is created with its comment, once, though a new table in it needs it too; its way back drops it only when empty', () => {
    const expected = withComment(model({ schemas: ['public', 'reports'], tables: [table('daily', { schema: 'reports' })] }), 'reports', "it's */ here");
    const p = plan(expected, model(), false);
    expect(p.steps.filter((s) => s.phase === 'schemas').map((s) => [s.findingIds, s.up.map((x) => x.sql), s.down.map((x) => x.sql)])).toEqual([
      [['missing_schema:reports'], ['CREATE SCHEMA IF NOT EXISTS reports', "COMMENT ON SCHEMA reports IS 'it''s */ here'"], [dropSchemaIfEmptySql('reports')]],
    ]);
    expect(p.fixed).toEqual(['missing_schema:reports', 'missing_table:reports.daily']);
  });

  test('an unexpected schema: kept without --drop-unexpected; with it, dropped last (no CASCADE), after its table, and created again on the way back', () => {
    const live = withComment(model({ schemas: ['public', 'scratch'], tables: [table('tmp', { schema: 'scratch' })] }), 'scratch', 'old');
    expect(plan(model(), live, false).kept).toEqual(['unexpected_schema:scratch', 'unexpected_table:scratch.tmp']);
    const p = plan(model(), live, true);
    expect(p.steps.map((s) => s.phase)).toEqual(['drop_tables', 'drop_schemas']);
    const last = p.steps.at(-1)!;
    expect(last.up.map((s) => s.sql)).toEqual(['DROP SCHEMA IF EXISTS scratch']);
    expect(last.down.map((s) => s.sql)).toEqual(['CREATE SCHEMA IF NOT EXISTS scratch', "COMMENT ON SCHEMA scratch IS 'old'"]);
    expect(last.hazards.map((h) => h.kind)).toEqual(['may_fail']);
  });
});
