import { col, model, table } from '../../../test/diff/builders.js';
import { diffSchemas } from '../../diff/index.js';
import { planRemediation } from '../../plan/plan.js';
import type { RemediationPlan } from '../../plan/types.js';
import { sequence } from '../../../test/plan/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import type { Column, SchemaModel, Sequence, Table } from '../../model/schema-model.js';
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

describe('the plan of sequence findings', () => {
  const orders = (columns: Column[]): Table => table('orders', { schema: 'app', columns });
  const id = col('id', 'integer');
  const serialId = col('id', 'integer', { default: "nextval('app.orders_id_seq'::regclass)", nullable: false });
  const m = (tables: Table[], sequences: Sequence[]): SchemaModel => ({ ...model({ schemas: ['public', 'app'], tables }), sequences });
  const plan = (expected: SchemaModel, live: SchemaModel, dropUnexpected = false): RemediationPlan =>
    planRemediation({ findings: diffSchemas(expected, live).findings, expected, live, options: { dropUnexpected } });
  const stepsOf = (p: RemediationPlan): [string, string[], string[]][] => p.steps.map((s) => [s.id, s.up.map((x) => x.sql), s.down.map((x) => x.sql)]);

  test('a missing free-standing sequence: created with every option; down drops it', () => {
    const p = plan(m([], [sequence('app', 'free_seq', null, { increment: '5', cycle: true })]), m([], []));
    expect(stepsOf(p)).toEqual([
      [
        'sequences:app.free_seq',
        ['CREATE SEQUENCE IF NOT EXISTS app.free_seq AS integer INCREMENT BY 5 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 CYCLE'],
        ['DROP SEQUENCE IF EXISTS app.free_seq'],
      ],
    ]);
    expect(p.fixed).toEqual(['missing_sequence:app.free_seq']);
  });

  test('the sequence of a new serial column is created once, and owned in the ADD COLUMN step', () => {
    const seq = sequence('app', 'orders_id_seq', owner);
    const p = plan(m([orders([col('note'), serialId])], [seq]), m([orders([col('note')])], []));
    const sql = p.steps.flatMap((s) => s.up.map((x) => x.sql));
    expect(sql.filter((x) => x.startsWith('CREATE SEQUENCE'))).toHaveLength(1);
    expect(sql.filter((x) => x.includes('OWNED BY'))).toEqual(['ALTER SEQUENCE app.orders_id_seq OWNED BY app.orders.id']);
    expect(p.steps[0]?.findingIds).toEqual(['missing_sequence:app.orders_id_seq']);
    expect(p.fixed).toEqual(expect.arrayContaining(['missing_sequence:app.orders_id_seq', 'missing_column:app.orders.id']));
  });

  test('a missing sequence owned by a column the database has: OWNED BY after every column exists', () => {
    const p = plan(m([orders([id])], [sequence('app', 'orders_id_seq', owner)]), m([orders([id])], []));
    expect(stepsOf(p)[1]).toEqual([
      'alter_columns:app.orders_id_seq',
      ['ALTER SEQUENCE IF EXISTS app.orders_id_seq OWNED BY app.orders.id'],
      ['ALTER SEQUENCE IF EXISTS app.orders_id_seq OWNED BY NONE'],
    ]);
  });

  test('changed options in one ALTER SEQUENCE, down the database’s values; a range change may fail', () => {
    const e = sequence('app', 's', null, { increment: '2', max: '1000', cache: '5', cycle: true });
    const p = plan(m([], [e]), m([], [sequence('app', 's')]));
    expect(stepsOf(p)).toEqual([
      [
        'sequences:app.s',
        ['ALTER SEQUENCE IF EXISTS app.s INCREMENT BY 2 MAXVALUE 1000 CACHE 5 CYCLE'],
        ['ALTER SEQUENCE IF EXISTS app.s INCREMENT BY 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE'],
      ],
    ]);
    expect(p.steps[0]?.hazards.map((h) => h.kind)).toEqual(['may_fail']);
    const q = plan(m([], [sequence('app', 's', null, { cache: '5' })]), m([], [sequence('app', 's')]));
    expect(q.steps[0]?.hazards).toEqual([]);
  });

  test('a sequence turned around (ascending to descending): RESTART at the new start, only while it still counts the old way; down the same way back', () => {
    const e = sequence('app', 's', null, { increment: '-1', min: '-500', max: '-1', start: '-1' });
    const p = plan(m([], [e]), m([], [sequence('app', 's')]));
    const guard = (sign: string): string =>
      `EXISTS (SELECT FROM pg_catalog.pg_sequence WHERE seqrelid = pg_catalog.to_regclass('app.s') AND seqincrement ${sign} 0)`;
    expect(stepsOf(p)).toEqual([
      [
        'sequences:app.s',
        [`DO $sa$\nBEGIN\n  IF ${guard('>')} THEN\n    ALTER SEQUENCE IF EXISTS app.s INCREMENT BY -1 MINVALUE -500 MAXVALUE -1 START WITH -1 RESTART;\n  END IF;\nEND\n$sa$`],
        [`DO $sa$\nBEGIN\n  IF ${guard('<')} THEN\n    ALTER SEQUENCE IF EXISTS app.s INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 RESTART;\n  END IF;\nEND\n$sa$`],
      ],
    ]);
    expect(p.steps[0]?.summary).toBe('turn sequence app.s around, restarted (increment, min, max, start)');
    expect(p.steps[0]?.hazards).toEqual([
      { kind: 'data_loss', message: 'turns app.s around (ascending to descending) and restarts it at its new start value -1: its current position is lost' },
      { kind: 'rollback_data_loss', message: 'rolling back turns app.s around again and restarts it at its old start value 1, not where it stood: numbers it already gave out come again' },
    ]);
  });

  test('another owner: OWNED BY in alter_columns, down back to the database’s', () => {
    const p = plan(m([orders([id, col('b', 'integer')])], [sequence('app', 's', owner)]), m([orders([id, col('b', 'integer')])], [sequence('app', 's', { ...owner, column: 'b' })]));
    expect(stepsOf(p)).toEqual([
      ['alter_columns:app.s', ['ALTER SEQUENCE IF EXISTS app.s OWNED BY app.orders.id'], ['ALTER SEQUENCE IF EXISTS app.s OWNED BY app.orders.b']],
    ]);
  });

  test('an unexpected sequence: kept; with --drop-unexpected dropped, down recreates it and its owner', () => {
    const live = m([orders([id])], [sequence('app', 'old_seq', owner)]);
    const expected = m([orders([id])], []);
    expect(plan(expected, live).kept).toEqual(['unexpected_sequence:app.old_seq']);
    const p = plan(expected, live, true);
    expect(stepsOf(p)).toEqual([
      [
        'drop_sequences:app.old_seq',
        ['DROP SEQUENCE IF EXISTS app.old_seq'],
        [
          'CREATE SEQUENCE IF NOT EXISTS app.old_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1',
          'ALTER SEQUENCE IF EXISTS app.old_seq OWNED BY app.orders.id',
        ],
      ],
    ]);
    expect(p.steps[0]?.hazards.map((h) => h.kind)).toEqual(['data_loss', 'may_fail']);
  });

  test('an unexpected sequence of a column that goes too: dropped with it, brought back by its rollback', () => {
    const live = m([orders([id, col('legacy', 'integer', { default: "nextval('app.old_seq'::regclass)" })])], [sequence('app', 'old_seq', { ...owner, column: 'legacy' })]);
    const p = plan(m([orders([id])], []), live, true);
    const drop = p.steps.find((s) => s.id === 'drop_sequences:app.old_seq');
    expect(drop?.down).toEqual([]);
    const column = p.steps.find((s) => s.id === 'drop_columns:app.orders.legacy');
    expect(column?.down.map((s) => s.sql)[0]).toMatch(/^CREATE SEQUENCE IF NOT EXISTS app\.old_seq/);
  });

  test('never dropped while an expected default draws from it', () => {
    const expected = m([orders([serialId])], []);
    const p = plan(expected, m([orders([serialId])], [sequence('app', 'orders_id_seq', owner)]), true);
    expect(p.steps).toEqual([]);
    expect(p.manual.map((x) => x.findingId)).toEqual(['unexpected_sequence:app.orders_id_seq']);
  });
});
