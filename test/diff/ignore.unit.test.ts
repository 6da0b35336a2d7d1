import { matchesPath, matchesPathOrContainer, parseIgnorePattern } from '../../src/diff/index.js';

const match = (pattern: string, path: string[]): boolean => matchesPath(parseIgnorePattern(pattern), path);

describe('ignore patterns', () => {
  test.each([
    ['public.spatial_ref_sys', ['public', 'spatial_ref_sys'], true],
    ['public.spatial_ref_sys', ['public', 'spatial_ref_sys_2'], false],
    ['audit.*', ['audit', 'log'], true],
    ['audit.*', ['audit', 'log', 'id'], false],
    ['audit.*', ['auditx', 'log'], false],
    ['*.tmp_*', ['public', 'tmp_import'], true],
    ['*.tmp_*', ['public', 'import_tmp'], false],
    ['public.leads.legacy_*', ['public', 'leads', 'legacy_code'], true],
    ['public.leads.legacy_*', ['public', 'leads', 'code'], false],
    ['**', ['a', 'b', 'c'], true],
    ['**.id', ['public', 'leads', 'id'], true],
    ['**.id', ['id'], true],
    ['public.**.id', ['public', 'leads', 'id'], true],
    ['public.**', ['public'], true],
    ['a*b', ['a.b'], true],
    ['public."Lead Notes"', ['public', 'Lead Notes'], true],
    ['public.Lead Notes', ['public', 'Lead Notes'], true],
    ['public.leads', ['public', 'Leads'], false],
    ['public."my.table"', ['public', 'my.table'], true],
    ['public."my.table"', ['public', 'my', 'table'], false],
    ['public."a*"', ['public', 'a*'], true],
    ['public."a*"', ['public', 'ab'], false],
    ['public."say ""hi"""', ['public', 'say "hi"'], true],
    ['public.a+b(c)', ['public', 'a+b(c)'], true],
    ['public.a+b(c)', ['public', 'aab(c)'], false],
    ['  public.leads  ', ['public', 'leads'], true],
  ] as [string, string[], boolean][])('%s ~ %j → %s', (pattern, path, expected) => {
    expect(match(pattern, path)).toBe(expected);
  });

  test('a pattern matches an object inside a matched container', () => {
    const parts = parseIgnorePattern('public.leads');
    expect(matchesPathOrContainer(parts, ['public', 'leads', 'score'])).toBe(true);
    expect(matchesPathOrContainer(parts, ['public', 'lead', 'score'])).toBe(false);
    expect(matchesPathOrContainer(parseIgnorePattern('public.leads.score'), ['public', 'leads'])).toBe(false);
  });

  test.each([[''], ['   '], ['.public'], ['public.'], ['a..b'], ['public."open']])('invalid pattern %j', (pattern) => {
    expect(() => parseIgnorePattern(pattern)).toThrow(/invalid ignore pattern/);
  });
});
