import { describeDifference, diffCatalogs, oneLine } from '../../scripts/catalog-compare.mjs';
import { knownFailingSource, markdownTable, psqlError, totals, verdict, type CaseResult } from '../../scripts/migra-lib.mjs';

/** The migra runner's pure parts: verdicts against KNOWN_FAILING, the tables, psql's errors, the catalog diff. */
function result(over: Partial<CaseResult>): CaseResult {
  return {
    name: 'seq',
    expectedExit: 1,
    exit: 1,
    up: 'ok',
    down: 'ok',
    upEqual: true,
    downEqual: true,
    passByExit: true,
    confirmed: true,
    problem: null,
    problems: [],
    differences: { up: [], down: [] },
    seconds: 1,
    ...over,
  };
}

const failing = result({ upEqual: false, confirmed: false, problem: 'table x | y: only in b.sql', problems: ['table x | y: only in b.sql'] });

describe('verdict', () => {
  test('a case not listed must be confirmed; when it is not, every problem is shown', () => {
    expect(verdict(result({}), undefined)).toBeNull();
    expect(verdict(failing, undefined)).toBe('seq is not confirmed: table x | y: only in b.sql');
  });

  test('a listed case must still fail: once confirmed, it asks to be removed from KNOWN_FAILING', () => {
    expect(verdict(failing, 'sequences are not compared')).toBeNull();
    expect(verdict(result({}), 'sequences are not compared')).toBe(
      'seq is confirmed now: remove it from KNOWN_FAILING (it said: sequences are not compared)',
    );
  });
});

test('totals count passes by exit code and confirmations apart', () => {
  expect(totals([result({}), failing, result({ passByExit: false, confirmed: false })])).toEqual({ cases: 3, passByExit: 2, confirmed: 1 });
});

test('the markdown table escapes what could break a cell', () => {
  const md = markdownTable([failing, result({ name: 'x', exit: 2, problem: 'a `b` <c>\nd', confirmed: false, passByExit: false })]);
  expect(md).toContain('| seq | 1 | ok, differs | ok | no (exit ok) | table x \\| y: only in b.sql |');
  expect(md).toContain('| x | 2 (want 1) | ok | ok | no | a \\`b\\` &lt;c&gt; d |');
  expect(md).toContain('1/2 pass by exit code, 0/2 confirmed by catalog comparison.');
});

test('knownFailingSource prints the map for the cases not confirmed', () => {
  expect(knownFailingSource([result({ name: 'constraints' }), failing])).toBe(
    ['const KNOWN_FAILING: Readonly<Record<string, string>> = {', '  seq: "table x | y: only in b.sql",', '};'].join('\n'),
  );
});

test("psqlError keeps psql's first error, the file's folder left out", () => {
  const stderr = 'psql:/tmp/migra-seq-x/up.sql:12: NOTICE:  relation exists\npsql:/tmp/migra-seq-x/up.sql:31: ERROR:  cannot add column to a partition\n';
  expect(psqlError(stderr)).toBe('up.sql:31: ERROR: cannot add column to a partition');
});

describe('catalog diff', () => {
  const entry = (kind: string, name: string, detail: string) => ({ kind, name, detail });

  test('equal lists have no difference; a changed, a missing and an extra entry are each one', () => {
    const a = [entry('table', 'public.t', 'p'), entry('column', 'public.t.a', 'integer'), entry('index', 'public.i', 'x')];
    expect(diffCatalogs(a, [...a].reverse())).toEqual([]);
    const b = [entry('table', 'public.t', 'u'), entry('column', 'public.t.a', 'integer'), entry('view', 'public.v', 'select 1')];
    expect(diffCatalogs(a, b)).toEqual([
      { key: 'index public.i', a: 'x', b: null },
      { key: 'table public.t', a: 'p', b: 'u' },
      { key: 'view public.v', a: null, b: 'select 1' },
    ]);
  });

  test('a difference is told in words, a long common start cut', () => {
    const long = 'x'.repeat(60);
    expect(describeDifference({ key: 'table public.t', a: `${long}1`, b: `${long}2` })).toBe(
      `table public.t: A has "…${'x'.repeat(30)}1", B has "…${'x'.repeat(30)}2"`,
    );
    expect(describeDifference({ key: 'view public.v', a: null, b: 'select\n 1' }, { a: 'A after up', b: 'b.sql' })).toBe(
      'view public.v: only in b.sql (select 1)',
    );
    expect(oneLine('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
