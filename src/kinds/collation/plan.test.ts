import { col, model, table } from '../../../test/diff/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import type { Collation, SchemaModel } from '../../model/schema-model.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { decodeCollations, type RawCollationRow } from './catalog.js';
import { COLLATION_PLAN } from './plan.js';
import { createCollationSql } from './sql.js';

const icu = (name: string, locale: string, over: Partial<Collation> = {}): Collation => ({
  schema: 'public',
  name,
  provider: 'icu',
  locale,
  lcCollate: null,
  lcCtype: null,
  rules: null,
  deterministic: true,
  comment: null,
  ...over,
});
const withCollations = (collations: Collation[], m: SchemaModel = model()): SchemaModel => ({ ...m, collations });

test('missing collations in the create pass, unexpected ones in the drop pass', () => {
  expect(COLLATION_PLAN.findings).toMatchObject({ missing_collation: IN_CREATE_PASS, unexpected_collation: IN_DROP_PASS });
});

test('missing collations: CREATE COLLATION IF NOT EXISTS with every option, the comment, the schema first', () => {
  const b = bench(withCollations([icu('ci', 'und-u-ks-level2', { schema: 'app', deterministic: false, rules: "&a < 'b'", comment: 'it’s' })]), withCollations([]));
  COLLATION_PLAN.create?.(b.all('missing_collation'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['schemas:app', 'collations:app.ci']);
  expect(sqlOf(b.record)).toContain("CREATE COLLATION IF NOT EXISTS app.ci (provider = icu, locale = 'und-u-ks-level2', rules = '&a < ''b''', deterministic = false)");
  expect(sqlOf(b.record)).toContain("COMMENT ON COLLATION app.ci IS 'it’s'");
  expect(sqlOf(b.record, 'down')).toContain('DROP COLLATION IF EXISTS app.ci');
});

test('libc: C and POSIX copied from PostgreSQL’s own (any encoding); other locales, or LC_COLLATE and LC_CTYPE apart, by options', () => {
  const libc = { provider: 'libc', lcCollate: null, lcCtype: null, rules: null, deterministic: true } as const;
  expect(createCollationSql('public', 'posix', { ...libc, locale: 'POSIX' })).toBe('CREATE COLLATION IF NOT EXISTS public.posix FROM pg_catalog."POSIX"');
  expect(createCollationSql('public', 'Byte Order', { ...libc, locale: 'C' })).toBe('CREATE COLLATION IF NOT EXISTS public."Byte Order" FROM pg_catalog."C"');
  expect(createCollationSql('public', 'de', { ...libc, locale: 'de_DE.utf8' })).toBe("CREATE COLLATION IF NOT EXISTS public.de (provider = libc, locale = 'de_DE.utf8')");
  expect(createCollationSql('public', 'm', { ...libc, locale: null, lcCollate: 'C', lcCtype: 'POSIX' })).toBe(
    "CREATE COLLATION IF NOT EXISTS public.m (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX')",
  );
  expect(createCollationSql('public', 'b', { ...libc, provider: 'builtin', locale: 'C.UTF-8' })).toBe("CREATE COLLATION IF NOT EXISTS public.b (provider = builtin, locale = 'C.UTF-8')");
});

test('a changed collation nothing uses: dropped and created again; one a column, domain, type or index uses: manual', () => {
  const unused = bench(withCollations([icu('ci', 'und-u-ks-level2', { deterministic: false })]), withCollations([icu('ci', 'und-u-ks-level2')]));
  run(COLLATION_PLAN.findings.collation_mismatch, unused.finding('collation_mismatch'), unused.ctx);
  expect(sqlOf(unused.record)).toEqual(['DROP COLLATION IF EXISTS public.ci', "CREATE COLLATION IF NOT EXISTS public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)"]);
  expect(sqlOf(unused.record, 'down')[1]).toBe("CREATE COLLATION IF NOT EXISTS public.ci (provider = icu, locale = 'und-u-ks-level2')");
  const usedBy = (collations: Collation[]) => withCollations(collations, model({ tables: [table('t', { columns: [{ ...col('email', 'text'), collation: 'ci' }] })] }));
  const used = bench(usedBy([icu('ci', 'und-u-ks-level2', { deterministic: false })]), usedBy([icu('ci', 'und-u-ks-level2')]));
  run(COLLATION_PLAN.findings.collation_mismatch, used.finding('collation_mismatch'), used.ctx);
  expect(used.record.steps).toEqual([]);
  expect(used.record.manual.map((m) => [m.findingId, m.reason])).toEqual([
    ['collation_mismatch:public.ci', expect.stringContaining("PostgreSQL cannot alter a collation's provider")],
  ]);
  expect(used.record.manual[0]!.reason).toContain('column public.t.email uses it');
});

test('an unexpected collation is dropped after what used it; the hazard names them (a qualified name outside public)', () => {
  const schemas = ['public', 'app'];
  const live = withCollations([icu('german', 'de', { schema: 'app' })], model({ schemas, tables: [table('t', { columns: [{ ...col('name', 'text'), collation: 'app.german' }] })] }));
  const b = bench(model({ schemas }), live, { dropUnexpected: true });
  COLLATION_PLAN.drop?.(b.all('unexpected_collation'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.hazards[0]!.message])).toEqual([['drop_collations:app.german', 'fails while something still uses app.german (column public.t.name)']]);
  expect(sqlOf(b.record, 'down')).toEqual(["CREATE COLLATION IF NOT EXISTS app.german (provider = icu, locale = 'de')"]);
});

test('decodeCollations: one model from the columns of every major, sorted by schema and name', () => {
  const row = (over: Partial<RawCollationRow>): RawCollationRow => ({
    schema: 'public',
    name: 'x',
    provider: 'c',
    collate: null,
    ctype: null,
    locale: null,
    rules: null,
    deterministic: true,
    comment: null,
    ...over,
  });
  const decoded = decodeCollations([
    row({ name: 'icu14', provider: 'i', collate: 'en-u-kn-true', ctype: 'en-u-kn-true' }), // PostgreSQL 14: ICU locale in collcollate
    row({ name: 'icu17', provider: 'i', locale: 'en-u-kn-true', rules: '&a < b' }), // 15+: colliculocale / colllocale
    row({ name: 'builtin', provider: 'b', locale: 'C.UTF-8' }),
    row({ name: 'posix', collate: 'POSIX', ctype: 'POSIX' }),
    row({ schema: 'app', name: 'mixed', collate: 'C', ctype: 'POSIX', deterministic: false }),
  ]);
  expect(decoded.map((c) => [c.schema, c.name, c.provider, c.locale, c.lcCollate, c.lcCtype, c.rules, c.deterministic])).toEqual([
    ['app', 'mixed', 'libc', null, 'C', 'POSIX', null, false],
    ['public', 'builtin', 'builtin', 'C.UTF-8', null, null, null, true],
    ['public', 'icu14', 'icu', 'en-u-kn-true', null, null, null, true],
    ['public', 'icu17', 'icu', 'en-u-kn-true', null, null, '&a < b', true],
    ['public', 'posix', 'libc', 'POSIX', null, null, null, true],
  ]);
});
