import { col, model, table } from '../../../test/diff/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import type { SchemaModel, UserType } from '../../model/schema-model.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { decodeTypes } from './catalog.js';
import { TYPE_PLAN } from './plan.js';

const composite = (name: string, attributes: [string, string][], over: Partial<UserType> = {}): UserType => ({
  schema: 'public',
  name,
  kind: 'composite',
  attributes: attributes.map(([n, type]) => ({ name: n, type, collation: null })),
  range: null,
  comment: null,
  ...over,
});
const range = (name: string, subtype: string): UserType => ({
  schema: 'public',
  name,
  kind: 'range',
  attributes: [],
  range: { subtype, collation: null, canonical: null, subtypeDiff: null },
  comment: null,
});
const withTypes = (types: UserType[], m: SchemaModel = model()): SchemaModel => ({ ...m, types });

test('missing types in the create pass, unexpected ones in the drop pass', () => {
  expect(TYPE_PLAN.findings).toMatchObject({ missing_type: IN_CREATE_PASS, unexpected_type: IN_DROP_PASS });
});

test('missing types: one another uses first, with its comment', () => {
  const part = composite('part', [['x', 'integer']]);
  const whole = composite('whole', [['i', 'part'], ['r', 'span']], { comment: 'wraps' });
  const b = bench(withTypes([whole, part, range('span', 'numeric')]), withTypes([]));
  TYPE_PLAN.create?.(b.all('missing_type'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['types:public.part', 'types:public.span', 'types:public.whole']);
  expect(sqlOf(b.record).join('\n')).toContain('CREATE TYPE public.whole AS (i part, r span)');
  expect(sqlOf(b.record).join('\n')).toContain('CREATE TYPE public.span AS RANGE (SUBTYPE = numeric)');
  expect(sqlOf(b.record)).toContain("COMMENT ON TYPE public.whole IS 'wraps'");
});

test('attributes dropped, retyped and appended in one re-runnable ALTER TYPE; down the reverse', () => {
  const live = composite('t', [['a', 'integer'], ['gone', 'text'], ['b', 'text']]);
  const expected = composite('t', [['a', 'bigint'], ['b', 'text'], ['c', 'date']]);
  const b = bench(withTypes([expected]), withTypes([live]));
  run(TYPE_PLAN.findings.type_mismatch, b.finding('type_mismatch'), b.ctx);
  expect(sqlOf(b.record)[0]).toContain('ALTER TYPE public.t DROP ATTRIBUTE IF EXISTS gone, ALTER ATTRIBUTE a TYPE bigint, ADD ATTRIBUTE c date;');
  expect(sqlOf(b.record)[0]).toContain("a.attname = 'c'");
  expect(sqlOf(b.record, 'down')[0]).toContain('ALTER TYPE public.t DROP ATTRIBUTE IF EXISTS c, ALTER ATTRIBUTE a TYPE integer, ADD ATTRIBUTE gone text;');
  expect(b.record.steps[0]!.hazards).toEqual([]);
});

test('an attribute retyped while a column uses the type, or a used range redefined: manual; unused: dropped and created again', () => {
  const used = (types: UserType[]) => withTypes(types, model({ tables: [table('t', { columns: [col('c', 'span'), col('d', 'pair[]')] })] }));
  const b = bench(used([range('span', 'bigint'), composite('pair', [['a', 'bigint']])]), used([range('span', 'integer'), composite('pair', [['a', 'integer']])]));
  for (const f of b.all('type_mismatch')) run(TYPE_PLAN.findings.type_mismatch, f, b.ctx);
  expect(b.record.manual.map((m) => [m.findingId, m.reason.slice(0, 40)])).toEqual([
    ['type_mismatch:public.pair', 'changing the type of an attribute of pub'],
    ['type_mismatch:public.span', 'PostgreSQL cannot alter a range type: pu'],
  ]);
  const unused = bench(withTypes([range('span', 'bigint')]), withTypes([range('span', 'integer')]));
  run(TYPE_PLAN.findings.type_mismatch, unused.finding('type_mismatch'), unused.ctx);
  expect(sqlOf(unused.record)[0]).toBe('DROP TYPE IF EXISTS public.span');
  expect(sqlOf(unused.record, 'down')[1]).toContain('CREATE TYPE public.span AS RANGE (SUBTYPE = integer)');
});

test('an unexpected type is dropped; the hazard names what uses it', () => {
  const b = bench(model(), withTypes([range('span', 'integer')], model({ tables: [table('t', { columns: [col('c', 'span')] })] })), { dropUnexpected: true });
  TYPE_PLAN.drop?.(b.all('unexpected_type'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.hazards[0]!.message])).toEqual([['drop_types:public.span', 'fails while something still uses public.span (column public.t.c)']]);
});

test('decodeTypes: composite attributes in order, a range definition, sorted by schema and name', () => {
  expect(
    decodeTypes([
      { schema: 'public', name: 'span', kind: 'r', attributes: null, subtype: 'text', collation: 'C', canonical: null, subtype_diff: null, comment: null },
      { schema: 'geo', name: 'p', kind: 'c', attributes: [['y', 'integer', null], ['x', 'text', 'C']], subtype: null, collation: null, canonical: null, subtype_diff: null, comment: 'pt' },
    ]),
  ).toEqual([
    { schema: 'geo', name: 'p', kind: 'composite', attributes: [{ name: 'y', type: 'integer', collation: null }, { name: 'x', type: 'text', collation: 'C' }], range: null, comment: 'pt' },
    { schema: 'public', name: 'span', kind: 'range', attributes: [], range: { subtype: 'text', collation: 'C', canonical: null, subtypeDiff: null }, comment: null },
  ]);
});
