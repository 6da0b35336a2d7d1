import { model } from '../../../test/diff/builders.js';
import { sequence } from '../../../test/plan/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import type { SchemaModel, Sequence } from '../../model/schema-model.js';
import { ensureSequence } from './plan.js';

const bigSequence = (schema: string, name: string, ownedBy: Sequence['ownedBy']): Sequence => sequence(schema, name, ownedBy, { dataType: 'bigint', max: '9223372036854775807' });

const withSequences = (sequences: Sequence[]): SchemaModel => ({ ...model({ schemas: ['public', 'app'] }), sequences });
const owner = { schema: 'app', table: 'orders', column: 'id' };

test('a sequence a default names is created once; its owner gets the OWNED BY statement, to run after the column exists', () => {
  const { ctx, record } = bench(withSequences([bigSequence('app', 'orders_id_seq', owner)]), model());
  expect(ensureSequence(ctx, 'app.orders_id_seq', 'f1', owner).map((s) => s.sql)).toEqual(['ALTER SEQUENCE app.orders_id_seq OWNED BY app.orders.id']);
  expect(ensureSequence(ctx, 'app.orders_id_seq', 'f2', null)).toEqual([]);
  expect(ensureSequence(ctx, 'app.orders_id_seq', 'f3', { ...owner, column: 'other' })).toEqual([]);
  expect(record.steps.map((s) => [s.id, s.findingIds])).toEqual([
    ['schemas:app', ['f1']],
    ['sequences:app.orders_id_seq', ['f1']],
  ]);
  expect(sqlOf(record)[1]).toBe('CREATE SEQUENCE IF NOT EXISTS app.orders_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1');
});

test('a sequence in public is found by its bare or its qualified name', () => {
  for (const text of ['orders_id_seq', 'public.orders_id_seq']) {
    const { ctx, record } = bench(withSequences([bigSequence('public', 'orders_id_seq', null)]), model());
    ensureSequence(ctx, text, 'f', null);
    expect(record.steps.map((s) => s.id)).toEqual(['sequences:public.orders_id_seq']);
  }
});

test.each([
  ['no sequence named', null, model()],
  ['a sequence the expected schema lacks', 'other_seq', model()],
  ['a sequence the database has', 'app.orders_id_seq', withSequences([bigSequence('app', 'orders_id_seq', null)])],
])('nothing is created for %s', (_, text, live) => {
  const { ctx, record } = bench(withSequences([bigSequence('app', 'orders_id_seq', owner)]), live);
  expect(ensureSequence(ctx, text, 'f', owner)).toEqual([]);
  expect(record.steps).toEqual([]);
});
