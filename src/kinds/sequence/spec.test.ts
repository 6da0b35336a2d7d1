import { col, table } from '../../../test/diff/builders.js';
import { meaningProblems, modelWith, sequence } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { SEQUENCE_SPEC, sequenceOptions } from './spec.js';

describe('sequences: meaning', () => {
  const tables = { orders: { columns: { number: { type: 'bigint' } } } };

  test.each([
    ['orders.number', []],
    ['public.orders.number', []],
    ['orders', ['expected table.column or schema.table.column']],
    ['a.b.c.d', ['expected table.column or schema.table.column']],
    ['orders."number', ['invalid column name: unterminated quote in "orders.\\"number"']],
    ['invoices.number', ['unknown table public.invoices']],
    ['orders.total', ["public.orders has no column 'total'"]],
  ])('ownedBy %s', (ownedBy, messages) => {
    expect(meaningProblems({ sequences: { s: { ownedBy } }, tables })).toEqual(messages.map((m) => `sequences.public.s.ownedBy: ${m}`));
  });

  test('the owning table must be in the sequence’s schema', () => {
    expect(meaningProblems({ sequences: { 'billing.s': { ownedBy: 'public.orders.number' } }, tables })).toEqual([
      'sequences.billing.s.ownedBy: a sequence must be in the same schema as the table that owns it (public, not billing)',
    ]);
  });

  test('a sequence is a relation: a table or index of its name collides', () => {
    expect(meaningProblems({ sequences: { orders: {} }, tables })).toEqual([
      'sequences.public.orders: sequence public.orders has the same name as the table at spec.yaml:1 (tables, sequences and indexes share one namespace per schema)',
    ]);
  });
});

describe('sequences: from the model', () => {
  test('options that differ from CREATE SEQUENCE’s defaults for the type', () => {
    expect(sequenceOptions(sequence('s'))).toEqual({});
    expect(sequenceOptions(sequence('s', { dataType: 'integer', max: '2147483647', start: '100', cache: '20', cycle: true }))).toEqual({
      type: 'integer',
      start: 100,
      cache: 20,
      cycle: true,
    });
    expect(sequenceOptions(sequence('s', { increment: '-1', min: '-9223372036854775808', max: '-1', start: '-1' }))).toEqual({ increment: -1 });
    expect(sequenceOptions(sequence('s', { max: '9007199254740993' }))).toEqual({ max: '9007199254740993' });
  });

  test('a serial column’s sequence is written with its owner; an identity column’s only when it is its own', () => {
    const orders = table('orders', { columns: [col('id', 'integer'), col('n', 'bigint')] });
    const m = modelWith({
      tables: [orders],
      sequences: [
        sequence('orders_n_seq', { ownedBy: { schema: 'public', table: 'orders', column: 'n' } }),
        sequence('orders_id_seq', { dataType: 'integer', max: '2147483647', identity: true, ownedBy: { schema: 'public', table: 'orders', column: 'id' } }),
        sequence('custom_seq', { identity: true, cache: '5', ownedBy: { schema: 'public', table: 'orders', column: 'n' } }),
        sequence('typed_seq', { dataType: 'smallint', max: '32767', identity: true, ownedBy: { schema: 'public', table: 'orders', column: 'n' } }),
      ],
    });
    expect(SEQUENCE_SPEC.fromModel(fromModelContext(m))).toEqual({
      orders_n_seq: { ownedBy: 'orders.n' },
      custom_seq: { cache: 5, ownedBy: 'orders.n' },
      typed_seq: { type: 'smallint', ownedBy: 'orders.n' },
    });
  });

  test('the owner qualified outside public', () => {
    const m = modelWith({ sequences: [sequence('s', { schema: 'billing', ownedBy: { schema: 'billing', table: 'a.b', column: 'n' } })] });
    expect(SEQUENCE_SPEC.fromModel(fromModelContext(m))).toEqual({ 'billing.s': { ownedBy: 'billing."a.b".n' } });
  });

  test('one line per sequence, no blank lines', () => {
    expect(SEQUENCE_SPEC.layout({ a: {}, b: {} })).toEqual({ flow: [['a'], ['b']], spaced: false });
  });
});
