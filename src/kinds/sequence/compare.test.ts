import { sequence } from '../../../test/plan/builders.js';
import { SEQUENCE_FINDINGS } from './findings.js';
import { compareSequences } from './compare.js';

const owner = { schema: 'app', table: 'orders', column: 'id' };

describe('compareSequences', () => {
  test('missing and unexpected, identity columns’ sequences left out', () => {
    const r = compareSequences(
      [sequence('app', 'a_seq'), sequence('app', 'id_seq', owner, { identity: true })],
      [sequence('app', 'b_seq'), sequence('app', 'other_identity_seq', owner, { identity: true })],
    );
    expect(r.findings.map((f) => [f.kind, f.object, f.message])).toEqual([
      ['missing_sequence', { schema: 'app', sequence: 'a_seq' }, 'sequence app.a_seq is missing'],
      ['unexpected_sequence', { schema: 'app', sequence: 'b_seq' }, 'sequence app.b_seq is not in the expected schema'],
    ]);
    expect(r.present).toEqual([]);
  });

  test('a serial sequence whose name the other side gives an identity column: the column’s finding, not one here', () => {
    const r = compareSequences([sequence('app', 'orders_id_seq', owner)], [sequence('app', 'orders_id_seq', owner, { identity: true })]);
    expect(r.findings).toEqual([]);
  });

  test('every option and the owner; never the current value (not in the model)', () => {
    const e = sequence('app', 's', owner);
    const a = sequence('app', 's', null, { dataType: 'bigint', increment: '2', min: '0', max: '99', start: '5', cache: '10', cycle: true });
    const [f] = compareSequences([e], [a]).findings;
    expect(f?.kind).toBe('sequence_mismatch');
    expect(f?.message).toBe(
      'sequence app.s has type bigint (expected type integer), increment 2 (expected increment 1), min 0 (expected min 1), max 99 (expected max 2147483647), ' +
        'start 5 (expected start 1), cache 10 (expected cache 1), cycle (expected no cycle), no owner (expected owned by app.orders.id)',
    );
    expect(SEQUENCE_FINDINGS.sequence_mismatch.aspects(f!.expected as never, f!.actual as never)).toEqual([
      'type',
      'increment',
      'min',
      'max',
      'start',
      'cache',
      'cycle',
      'ownedBy',
    ]);
  });

  test('equal sequences: present and identical', () => {
    const r = compareSequences([sequence('app', 's', owner)], [sequence('app', 's', { ...owner })]);
    expect(r.findings).toEqual([]);
    expect(r.present).toEqual([{ kind: 'sequence', object: { schema: 'app', sequence: 's' }, identical: true }]);
  });

  test('another owner column is a difference', () => {
    const [f] = compareSequences([sequence('app', 's', owner)], [sequence('app', 's', { ...owner, column: 'other' })]).findings;
    expect(f?.message).toBe('sequence app.s has owned by app.orders.other (expected owned by app.orders.id)');
  });
});
