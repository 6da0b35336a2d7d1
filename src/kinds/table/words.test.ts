/** The table kind's words: the Other Drift cells of its finding kinds. */
import { col, table } from '../../../test/diff/builders.js';
import type { TableValue } from './findings.js';
import { TABLE_WORDS } from './words.js';

const base = { id: 'x', category: 'drift', severity: 'info', object: { schema: 'public', table: 'tmp' }, message: '' } as const;
const { rowEstimate: _rows, ...tmp }: { rowEstimate: number | null } & TableValue = table('tmp', { columns: [col('a'), col('b')] });

test('a missing table has a section of its own; an unexpected one is counted in columns', () => {
  expect(TABLE_WORDS.missing_table.otherDriftCell({ ...base, kind: 'missing_table', expected: { ...tmp, description: null }, actual: null }, [])).toBeNull();
  expect(TABLE_WORDS.unexpected_table.otherDriftCell({ ...base, kind: 'unexpected_table', expected: null, actual: tmp }, [])).toBe(
    'Table not in the expected schema (2 columns)',
  );
});

test('a table structure difference is said by its kind and message, escaped', () => {
  const shape = { kind: 'table', partitionKey: null, partitionOf: null, unlogged: false } as const;
  const message = 'table public.tmp differs in unlogged (is an UNLOGGED table; expected a table)';
  expect(
    TABLE_WORDS.table_mismatch.otherDriftCell({ ...base, kind: 'table_mismatch', expected: shape, actual: { ...shape, unlogged: true }, message }, ['unlogged']),
  ).toBe('`table_mismatch`: table public.tmp differs in unlogged (is an UNLOGGED table; expected a table)');
});
