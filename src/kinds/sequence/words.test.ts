/** The sequence kind's words: the Other Drift cells, names escaped. */
import { sequence } from '../../../test/plan/builders.js';
import { sequenceSettings } from './compare.js';
import { SEQUENCE_WORDS } from './words.js';

const base = { id: 'x', category: 'drift', severity: 'warning', object: { schema: 'app', sequence: 's' }, message: '' } as const;
const s = sequence('app', 's', { schema: 'app', table: 'or*ders', column: 'id' }, { cycle: true });

test('the whole sequence: its options and owner', () => {
  expect(SEQUENCE_WORDS.missing_sequence.otherDriftCell({ ...base, kind: 'missing_sequence', expected: s, actual: null }, [])).toBe(
    'Sequence is missing; expected integer, increment 1, min 1, max 2147483647, start 1, cache 1, cycle; owned by `or*ders.id`',
  );
  expect(SEQUENCE_WORDS.unexpected_sequence.otherDriftCell({ ...base, kind: 'unexpected_sequence', expected: null, actual: { ...s, ownedBy: null, cycle: false } }, [])).toBe(
    'Sequence not in the expected schema; integer, increment 1, min 1, max 2147483647, start 1, cache 1',
  );
});

test('a mismatch: the database’s value of each differing option, then the expected one, escaped', () => {
  const e = sequenceSettings(s);
  const a = { ...e, increment: '5', ownedBy: null };
  expect(SEQUENCE_WORDS.sequence_mismatch.otherDriftCell({ ...base, kind: 'sequence_mismatch', expected: e, actual: a }, ['increment', 'ownedBy'])).toBe(
    'Sequence has increment 5 (expected increment 1), no owner (expected owned by app."or\\*ders".id)',
  );
  expect(SEQUENCE_WORDS.sequence_mismatch.subject).toEqual({ one: 'sequence', many: 'sequences' });
});
