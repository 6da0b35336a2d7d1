/** The enum kind's words: the Other Drift cells of its finding kinds, labels escaped. */
import { enumType } from '../../../test/diff/builders.js';
import { ENUM_WORDS } from './words.js';

const base = { id: 'x', category: 'drift', severity: 'warning', object: { schema: 'public', enum: 'status' }, message: '' } as const;
const status = enumType('status', ['new', '*won*']);

test('the whole enum: its values, escaped, or (none)', () => {
  expect(ENUM_WORDS.missing_enum.otherDriftCell({ ...base, kind: 'missing_enum', expected: { ...status, description: null }, actual: null }, [])).toBe(
    'Enum is missing; expected values: new, \\*won\\*',
  );
  expect(ENUM_WORDS.unexpected_enum.otherDriftCell({ ...base, kind: 'unexpected_enum', expected: null, actual: { ...status, values: [] } }, [])).toBe(
    'Enum not in the expected schema; values: (none)',
  );
});

test('one value, as code; the order, actual first', () => {
  const value = { ...base, object: { ...base.object, value: 'won' } };
  expect(ENUM_WORDS.enum_value_missing.otherDriftCell({ ...value, kind: 'enum_value_missing', expected: 'won', actual: null }, [])).toBe('Value `won` is missing');
  expect(ENUM_WORDS.enum_value_unexpected.otherDriftCell({ ...value, kind: 'enum_value_unexpected', expected: null, actual: 'lost' }, [])).toBe(
    'Value `lost` is not in the expected schema',
  );
  expect(
    ENUM_WORDS.enum_value_order_mismatch.otherDriftCell({ ...base, kind: 'enum_value_order_mismatch', expected: ['a', 'b'], actual: ['b', 'a'] }, ['order']),
  ).toBe('Values are in the order b, a; expected a, b');
});

test('what the findings count: enums, and enum values for the value kinds', () => {
  expect(ENUM_WORDS.missing_enum.subject).toEqual({ one: 'enum', many: 'enums' });
  expect(ENUM_WORDS.enum_value_missing.subject).toEqual({ one: 'enum value', many: 'enum values' });
});
