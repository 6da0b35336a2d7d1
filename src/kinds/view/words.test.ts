/** The view kind's words: the Other Drift cells of its finding kinds, SQL as code, names escaped. */
import { view } from '../../../test/diff/builders.js';
import { VIEW_WORDS } from './words.js';

const base = { id: 'x', category: 'drift', severity: 'warning', object: { schema: 'public', view: 'v' }, message: '' } as const;
const shape = { kind: 'view', columns: [], options: [], populated: true, indexes: [] } as const;

test('missing and unexpected: kind, column count, the query as code', () => {
  const v = view('v', 'SELECT `a`\n  FROM t', { columns: [{ name: 'a', type: 'text' }] });
  expect(VIEW_WORDS.missing_view.otherDriftCell({ ...base, kind: 'missing_view', expected: { ...v, description: null }, actual: null }, [])).toBe(
    'View is missing (1 column): ``SELECT `a` FROM t``',
  );
  const mv = view('mv', 'SELECT 1', { kind: 'materialized_view' });
  expect(VIEW_WORDS.unexpected_view.otherDriftCell({ ...base, kind: 'unexpected_view', expected: null, actual: mv }, [])).toBe(
    'Materialized view not in the expected schema (0 columns)',
  );
});

test('the query: the database’s first', () => {
  const f = { ...base, kind: 'view_definition_mismatch', expected: { kind: 'view', definition: 'SELECT 1' }, actual: { kind: 'view', definition: 'SELECT 2' } } as const;
  expect(VIEW_WORDS.view_definition_mismatch.otherDriftCell(f, ['definition'])).toBe('View query is `SELECT 2`; expected `SELECT 1`');
});

test('each aspect said, the database’s side first; names escaped', () => {
  const expected = {
    ...shape,
    kind: 'materialized_view',
    options: ['fillfactor=70'],
    indexes: [
      { name: 'i', definition: 'CREATE INDEX i ON mv (a)' },
      { name: 'j', definition: 'CREATE INDEX j ON mv (b)' },
    ],
  } as const;
  const actual = { ...shape, kind: 'materialized_view', populated: false, indexes: [{ name: 'j', definition: 'CREATE INDEX j ON mv (c)' }, { name: 'k*', definition: 'x' }] } as const;
  const cell = VIEW_WORDS.view_mismatch.otherDriftCell({ ...base, kind: 'view_mismatch', expected, actual }, ['options', 'populated', 'indexes']);
  expect(cell).toBe(
    'Materialized view differs: options (none); expected `fillfactor=70`; not populated (never refreshed); expected populated; indexes: missing `i`, unexpected `k*` and different `j`',
  );
  const cols = VIEW_WORDS.view_mismatch.otherDriftCell(
    { ...base, kind: 'view_mismatch', expected: { ...shape, columns: [{ name: '*a*', type: 'bigint' }] }, actual: { ...shape, kind: 'materialized_view', columns: [] } },
    ['kind', 'columns'],
  );
  expect(cols).toBe('View differs: is a materialized view, expected a view; columns (none); expected \\*a\\* bigint');
});
