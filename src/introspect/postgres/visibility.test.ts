import { catalogRelations, hiddenKinds } from './visibility.js';

test('catalogRelations: relations read, not functions called nor regclass literals', () => {
  const text = `select pg_catalog.pg_get_expr(x.a, x.b), pg_catalog.format_type(1, null)
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_description d on d.classoid = 'pg_catalog.pg_class'::regclass
    where exists (select from pg_catalog.pg_depend dep where dep.classid = 'pg_catalog.pg_proc'::regclass)
      and pg_catalog.pg_table_is_visible (c.oid) and c.oid in (select x from pg_catalog.pg_stat_database)`;
  expect(catalogRelations(text)).toEqual(['pg_catalog.pg_class', 'pg_catalog.pg_depend', 'pg_catalog.pg_description', 'pg_catalog.pg_namespace', 'pg_catalog.pg_stat_database']);
});

test('hiddenKinds: the kinds one of whose catalogs is hidden, in order, with those catalogs', () => {
  const relations = new Map([
    ['table', ['pg_catalog.pg_class']],
    ['function', ['pg_catalog.pg_namespace', 'pg_catalog.pg_proc']],
    ['policy', ['pg_catalog.pg_policy', 'pg_catalog.pg_proc']],
  ]);
  expect(hiddenKinds(relations, new Set(['pg_catalog.pg_proc', 'pg_catalog.pg_policy']))).toEqual([
    { kind: 'function', lacks: ['pg_catalog.pg_proc'] },
    { kind: 'policy', lacks: ['pg_catalog.pg_policy', 'pg_catalog.pg_proc'] },
  ]);
  expect(hiddenKinds(relations, new Set())).toEqual([]);
});

test('hiddenKinds: pg_proc readable but for prosrc hides functions only', () => {
  const relations = new Map([
    ['function', ['pg_catalog.pg_proc']],
    ['view', ['pg_catalog.pg_class', 'pg_catalog.pg_proc']],
  ]);
  const proc = new Set(['pg_catalog.pg_proc']);
  expect(hiddenKinds(relations, proc, proc)).toEqual([{ kind: 'function', lacks: ['pg_catalog.pg_proc'] }]);
  expect(hiddenKinds(relations, proc).map((h) => h.kind)).toEqual(['function', 'view']);
});
