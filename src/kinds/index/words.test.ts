/** The index kind's words: keys as CREATE INDEX writes them, and the Other Drift cells of its finding kinds. */
import { exprKey, idx, key as keyOn } from '../../../test/diff/builders.js';
import type { IndexKeyPart } from './model.js';
import { indexKeyText, INDEX_WORDS, keyColumns } from './words.js';

const key = keyOn('created_at');

test.each<[string, Partial<IndexKeyPart>, string]>([
  ['a column', {}, 'created_at'],
  ['descending (nulls first is its default)', { order: 'desc', nulls: 'first' }, 'created_at DESC'],
  ['descending, nulls last', { order: 'desc', nulls: 'last' }, 'created_at DESC NULLS LAST'],
  ['ascending, nulls first', { nulls: 'first' }, 'created_at NULLS FIRST'],
  ['an expression with a collation and an operator class', { column: null, expression: 'lower(email)', collation: '"C"', opclass: 'text_pattern_ops' }, 'lower(email) COLLATE "C" text_pattern_ops'],
  ['a name that needs quotes', { column: 'Created At' }, '"Created At"'],
])('indexKeyText: %s', (_, change, text) => {
  expect(indexKeyText({ ...key, ...change })).toBe(text);
});

test('keyColumns leaves expression keys out', () => {
  expect(keyColumns([key, exprKey('lower(email)'), keyOn('id')])).toEqual(['created_at', 'id']);
});

test('Other Drift cells: by definition, a mismatch with the aspects that differ; a missing index has a section of its own', () => {
  const index = idx('leads', 'leads_created_idx', [key]);
  const desc = idx('leads', 'leads_created_idx', [keyOn('created_at', { order: 'desc', nulls: 'first' })], {
    definition: 'CREATE INDEX leads_created_idx ON public.leads USING btree (created_at DESC)',
  });
  const base = { id: 'x', category: 'drift', severity: 'warning', object: { schema: 'public', table: 'leads', index: index.name }, message: '' } as const;
  expect(INDEX_WORDS.missing_index.otherDriftCell({ ...base, kind: 'missing_index', expected: { ...index, description: null }, actual: null }, [])).toBeNull();
  expect(INDEX_WORDS.unexpected_index.otherDriftCell({ ...base, kind: 'unexpected_index', expected: null, actual: index }, [])).toBe(
    'Index not in the expected schema: `CREATE INDEX leads_created_idx ON public.leads USING btree (created_at)`',
  );
  expect(INDEX_WORDS.index_mismatch.otherDriftCell({ ...base, kind: 'index_mismatch', expected: desc, actual: index }, ['keys'])).toBe(
    'Index differs (keys): is `CREATE INDEX leads_created_idx ON public.leads USING btree (created_at)`; ' +
      'expected `CREATE INDEX leads_created_idx ON public.leads USING btree (created_at DESC)`',
  );
});
