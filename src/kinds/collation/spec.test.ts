import { lines, problemsOf, scratchSpecs } from '../../../test/spec-file/helpers.js';
import { modelWith } from '../../../test/spec-file/unit-helpers.js';
import { fromModelContext } from '../../spec-file/model-to-spec.js';
import { specCollationShape } from './ddl.js';
import type { Collation } from './model.js';
import { COLLATION_SPEC } from './spec.js';

const { specDir } = scratchSpecs();
const problems = (...text: string[]) => problemsOf(specDir({ 'spec.yaml': lines(...text) }));

const base: Collation = { schema: 'public', name: 'numeric', provider: 'icu', locale: 'en-u-kn-true', lcCollate: null, lcCtype: null, rules: null, deterministic: true, comment: null };

describe('collations: from the model', () => {
  test('by name (qualified outside public), provider always, the rest only when set; never a version', () => {
    const m = modelWith({
      schemas: [
        { name: 'public', comment: null },
        { name: 'app', comment: null },
      ],
      collations: [
        base,
        { ...base, schema: 'app', name: 'ci', locale: 'und-u-ks-level2', deterministic: false, comment: 'emails' },
        { ...base, name: 'mixed', provider: 'libc', locale: null, lcCollate: 'C', lcCtype: 'POSIX' },
      ],
    });
    expect(COLLATION_SPEC.fromModel(fromModelContext(m))).toEqual({
      numeric: { provider: 'icu', locale: 'en-u-kn-true' },
      'app.ci': { provider: 'icu', locale: 'und-u-ks-level2', deterministic: false, description: 'emails' },
      mixed: { provider: 'libc', lcCollate: 'C', lcCtype: 'POSIX' },
    });
    expect(COLLATION_SPEC.fromModel(fromModelContext(modelWith({})))).toBeUndefined();
  });
});

describe('collations: as written', () => {
  test('libc by default, deterministic by default; lcCollate equal to lcCtype is a locale', () => {
    expect(specCollationShape({ locale: 'POSIX' })).toEqual({ provider: 'libc', locale: 'POSIX', lcCollate: null, lcCtype: null, rules: null, deterministic: true });
    expect(specCollationShape({ lcCollate: 'C', lcCtype: 'C' })).toMatchObject({ locale: 'C', lcCollate: null, lcCtype: null });
    expect(specCollationShape({ provider: 'icu', locale: 'und', rules: '&a < b', deterministic: false })).toMatchObject({ provider: 'icu', rules: '&a < b', deterministic: false });
  });

  test('validated at its line: a locale or both lcCollate and lcCtype, not both; a known provider', () => {
    expect(() => problems('version: 1', 'collations:', '  numeric: { provider: icu, locale: en-u-kn-true }', '  app.ci: { lcCollate: C, lcCtype: POSIX }')).toThrow('loaded without problems');
    expect(problems('version: 1', 'collations:', '  bad: { provider: glibc, locale: C }').map((p) => [p.line, p.path])).toEqual([[3, 'collations.bad.provider']]);
    expect(problems('version: 1', 'collations:', '  half: { lcCollate: C }').length).toBeGreaterThan(0);
    expect(problems('version: 1', 'collations:', '  both: { locale: C, lcCollate: C, lcCtype: C }').map((p) => [p.line, p.message])).toEqual([
      [3, 'write either locale or lcCollate and lcCtype, not both'],
    ]);
  });
});
