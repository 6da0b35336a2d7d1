import { dropSchemaIfEmptySql } from './sql.js';
import { enumType, model, table } from '../../../test/diff/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import { ensureSchema } from './plan.js';

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
