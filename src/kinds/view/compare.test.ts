/** compareViews: presence, the query text exactly, then kind, columns, options, population and indexes. */
import { view } from '../../../test/diff/builders.js';
import { VIEW_FINDINGS } from './findings.js';
import { compareViews } from './compare.js';

const cols = [
  { name: 'id', type: 'integer' },
  { name: 'name', type: 'text' },
];

describe('compareViews', () => {
  test('missing and unexpected views, materialized ones named so', () => {
    const out = compareViews([view('v', 'SELECT 1'), view('mv', 'SELECT 2', { kind: 'materialized_view', comment: 'c' })], [view('old', 'SELECT 3')]);
    expect(out.findings.map((f) => [f.kind, f.message])).toEqual([
      ['missing_view', 'materialized view public.mv is missing'],
      ['missing_view', 'view public.v is missing'],
      ['unexpected_view', 'view public.old is not in the expected schema'],
    ]);
    expect(out.findings[0]?.expected).toMatchObject({ description: 'c' });
    expect(out.present).toEqual([]);
  });

  test('the same query text is no drift; the present view is identical', () => {
    const out = compareViews([view('v', 'SELECT id\n   FROM t', { columns: cols, comment: 'x' })], [view('v', 'SELECT id\n   FROM t', { columns: cols })]);
    expect(out.findings).toEqual([]);
    expect(out.present).toEqual([{ kind: 'view', object: { schema: 'public', view: 'v' }, description: 'x', identical: true }]);
  });

  test('the query is compared exactly (whitespace too: both sides are the server’s deparse); columns then follow from it', () => {
    const out = compareViews([view('v', 'SELECT id,\n    name\n   FROM t', { columns: cols })], [view('v', 'SELECT id\n   FROM t', { columns: cols.slice(0, 1) })]);
    expect(out.findings).toEqual([
      {
        kind: 'view_definition_mismatch',
        object: { schema: 'public', view: 'v' },
        expected: { kind: 'view', definition: 'SELECT id,\n    name\n   FROM t' },
        actual: { kind: 'view', definition: 'SELECT id\n   FROM t' },
        message: 'view public.v has another query: SELECT id FROM t; expected SELECT id, name FROM t',
      },
    ]);
    expect(out.present[0]?.identical).toBe(false);
  });

  test('options, population, indexes and kind, as aspects of one view_mismatch', () => {
    const e = view('mv', 'SELECT 1', {
      kind: 'materialized_view',
      options: ['fillfactor=70'],
      indexes: [{ name: 'i', definition: 'CREATE INDEX i ON public.mv USING btree (x)' }],
    });
    const a = view('mv', 'SELECT 1', { kind: 'materialized_view', populated: false });
    const [f] = compareViews([e], [a]).findings;
    expect(f?.kind).toBe('view_mismatch');
    expect(f?.message).toBe('materialized view public.mv differs: options, populated, indexes');
    expect(VIEW_FINDINGS.view_mismatch.aspects(f!.expected as never, f!.actual as never)).toEqual(['options', 'populated', 'indexes']);
    const kind = compareViews([view('v', 'SELECT 1')], [view('v', 'SELECT 1', { kind: 'materialized_view' })]).findings;
    expect(kind.map((x) => x.message)).toEqual(['view public.v differs: is a materialized view']);
  });

  test('columns on their own only when the query text is the same (a type changed under it)', () => {
    const out = compareViews([view('v', 'SELECT id FROM t', { columns: [{ name: 'id', type: 'bigint' }] })], [view('v', 'SELECT id FROM t', { columns: [{ name: 'id', type: 'integer' }] })]);
    expect(out.findings.map((f) => f.message)).toEqual(['view public.v differs: columns']);
  });

  test('only the query differing: no view_mismatch besides it', () => {
    const out = compareViews([view('v', 'SELECT 1', { options: ['security_barrier=true'] })], [view('v', 'SELECT 2', { options: ['security_barrier=true'] })]);
    expect(out.findings.map((f) => f.kind)).toEqual(['view_definition_mismatch']);
  });
});
