import { check, col, enumType, idx, model, routine, table } from '../../../test/diff/builders.js';
import { refKey } from '../../model/dependencies.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { ENUM_PLAN } from './plan.js';
import { addsOnly, oldTypeName, targetLabels } from './swap.js';

test('missing enums and every label finding are planned in the create pass, unexpected enums in the drop pass', () => {
  expect(ENUM_PLAN.findings).toMatchObject({
    missing_enum: IN_CREATE_PASS,
    enum_value_missing: IN_CREATE_PASS,
    enum_value_unexpected: IN_CREATE_PASS,
    enum_value_order_mismatch: IN_CREATE_PASS,
    unexpected_enum: IN_DROP_PASS,
  });
});

test('the create pass: new enums (with their comment and schema) first, then labels at their expected place; down.sql swaps the type back', () => {
  const live = model({ enums: [enumType('status', ['new', 'won'])], tables: [table('deals', { columns: [col('s', 'status', { default: "'new'::status" })], rowEstimate: 10 })] });
  const expected = model({
    schemas: ['public', 'crm'],
    enums: [enumType('status', ['draft', 'new', 'open', 'won', 'lost']), enumType('channel', ['email'], { schema: 'crm', comment: 'how' })],
  });
  const b = bench(expected, live);
  ENUM_PLAN.create?.(b.all('missing_enum', 'enum_value_missing'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['schemas:crm', 'types:crm.channel', 'types:public.status']);
  const up = sqlOf(b.record);
  expect(up[1]).toContain("CREATE TYPE crm.channel AS ENUM ('email')");
  expect(up.slice(2)).toEqual([
    "COMMENT ON TYPE crm.channel IS 'how'",
    "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'new'",
    "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'open' BEFORE 'won'",
    "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'lost' AFTER 'won'",
  ]);
  const labels = b.record.steps[2]!;
  expect(labels.findingIds).toHaveLength(3);
  expect(labels.up.every((s) => s.transactional === false)).toBe(true);
  expect(labels.hazards.map((h) => h.kind)).toEqual(['may_fail', 'table_rewrite']);
  expect(labels.hazards[1]!.message).toBe('down.sql: converting s to the new type rewrites public.deals (about 10 rows) under an ACCESS EXCLUSIVE lock');
  expect(labels.down.map((s) => s.sql)).toEqual([
    [
      'DO $sa$',
      'BEGIN',
      "  IF (SELECT pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = pg_catalog.to_regtype('public.status')) IS DISTINCT FROM ARRAY['new', 'won']::text[] THEN",
      '    ALTER TYPE public.status RENAME TO status_sa_old;',
      "    CREATE TYPE public.status AS ENUM ('new', 'won');",
      '    ALTER TABLE public.deals ALTER COLUMN s DROP DEFAULT;',
      '    ALTER TABLE public.deals ALTER COLUMN s TYPE public.status USING s::text::public.status;',
      "    ALTER TABLE public.deals ALTER COLUMN s SET DEFAULT 'new'::status;",
      '    DROP TYPE public.status_sa_old;',
      '  END IF;',
      'END',
      '$sa$',
    ].join('\n'),
  ]);
});

test('a label of an enum that had none is added without a position', () => {
  const b = bench(model({ enums: [enumType('e', ['a'])] }), model({ enums: [enumType('e', [])] }));
  ENUM_PLAN.create?.(b.all('missing_enum', 'enum_value_missing'), b.ctx);
  expect(sqlOf(b.record)).toEqual(["ALTER TYPE public.e ADD VALUE IF NOT EXISTS 'a'"]);
});

describe('labels removed or reordered: the type swap', () => {
  const t = table('t', {
    schema: 'app',
    columns: [col('a', 'app.e'), col('b', 'app.e[]'), col('n', 'integer')],
    indexes: [idx('t', 't_a_idx', ['n'], { where: "(a = 'b'::app.e)", definition: "CREATE INDEX t_a_idx ON app.t USING btree (n) WHERE (a = 'b'::app.e)" })],
    constraints: [check('t_a_check', "(a <> 'x'::app.e)", ['a'])],
  });
  const live = model({ schemas: ['app'], enums: [enumType('e', ['a', 'b', 'c'], { schema: 'app', comment: 'kept' })], tables: [t] });
  const expected = model({ schemas: ['app'], enums: [enumType('e', ['b', 'a'], { schema: 'app', comment: 'kept' })], tables: [t] });
  const labelFindings = (b: ReturnType<typeof bench>) => b.all('enum_value_missing', 'enum_value_unexpected', 'enum_value_order_mismatch');

  test('with --drop-unexpected: one swap converts every column, partial indexes and checks naming the type made again around it', () => {
    const b = bench(expected, live, { dropUnexpected: true });
    ENUM_PLAN.create?.(labelFindings(b), b.ctx);
    expect(b.record.steps).toHaveLength(1);
    const step = b.record.steps[0]!;
    expect([...step.findingIds].sort()).toEqual(["enum_value_order_mismatch:app.e", "enum_value_unexpected:app.e.c"]);
    expect(step.summary).toBe("recreate enum app.e with the values 'b', 'a' (columns of app.t converted)");
    expect(step.up[0]!.sql.split('\n').slice(3, -3)).toEqual([
      '    ALTER TYPE app.e RENAME TO e_sa_old;',
      "    CREATE TYPE app.e AS ENUM ('b', 'a');",
      'DROP INDEX app.t_a_idx;',
      "ALTER TABLE app.t DROP CONSTRAINT t_a_check;",
      'ALTER TABLE app.t ALTER COLUMN a TYPE app.e USING a::text::app.e, ALTER COLUMN b TYPE app.e[] USING b::text[]::app.e[];',
      "ALTER TABLE app.t ADD CONSTRAINT t_a_check CHECK ((a <> 'x'::app.e));",
      "CREATE INDEX t_a_idx ON app.t USING btree (n) WHERE (a = 'b'::app.e);",
      'DROP TYPE app.e_sa_old;',
      "COMMENT ON TYPE app.e IS 'kept';",
    ].map((l) => (l.startsWith('    ') ? l : `    ${l}`)));
    expect(step.down[0]!.sql).toContain("CREATE TYPE app.e AS ENUM ('a', 'b', 'c');");
    expect(step.hazards.map((h) => h.kind)).toEqual(['table_rewrite', 'may_fail', 'table_rewrite']);
    expect(step.hazards[1]!.message).toBe("fails, and changes nothing, while a row, default, index or check uses 'c'");
  });

  test('without it the unexpected label is kept, after the label it follows, and its finding kept', () => {
    const b = bench(expected, live);
    ENUM_PLAN.create?.(labelFindings(b), b.ctx);
    expect(b.record.kept).toEqual(['enum_value_unexpected:app.e.c']);
    expect(b.record.steps.map((s) => s.findingIds)).toEqual([['enum_value_order_mismatch:app.e']]);
    expect(sqlOf(b.record)[0]).toContain("CREATE TYPE app.e AS ENUM ('b', 'c', 'a');");
    expect(b.record.steps[0]!.hazards.map((h) => h.kind)).toEqual(['table_rewrite', 'table_rewrite']);
  });

  test('a type a composite type uses is not swapped either', () => {
    const withType = { ...live, types: [{ schema: 'app', name: 'pair', kind: 'composite' as const, attributes: [{ name: 'e', type: 'app.e', collation: null }], range: null, comment: null }] };
    const b = bench(expected, withType, { dropUnexpected: true });
    ENUM_PLAN.create?.(labelFindings(b), b.ctx);
    expect(b.record.steps).toEqual([]);
    expect(b.record.manual[0]!.reason).toContain('type app.pair uses it');
  });

  test('a type a domain or routine uses is not swapped: manual, the swap as the suggestion', () => {
    const withRoutine = { ...live, functions: [routine('f', { dependsOn: [refKey('type', 'app', 'e')] })] };
    const b = bench(expected, withRoutine, { dropUnexpected: true });
    ENUM_PLAN.create?.(labelFindings(b), b.ctx);
    expect(b.record.steps).toEqual([]);
    expect(b.record.manual.map((m) => [m.findingId, m.reason.includes('function public.f() use')])).toEqual([
      ['enum_value_order_mismatch:app.e', true],
      ['enum_value_unexpected:app.e.c', true],
    ]);
    expect(b.record.manual[0]!.suggestion[0]).toContain("CREATE TYPE app.e AS ENUM ('b', 'a');");
  });
});

describe('swap helpers', () => {
  test('targetLabels keeps unexpected labels after the label they follow, first when none', () => {
    expect(targetLabels(['x', 'a', 'y', 'b'], ['b', 'a', 'c'], true)).toEqual(['x', 'b', 'a', 'y', 'c']);
    expect(targetLabels(['x', 'a'], ['b', 'a'], false)).toEqual(['b', 'a']);
  });

  test('addsOnly: the live labels in order within the target', () => {
    expect(addsOnly(['a', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(addsOnly(['c', 'a'], ['a', 'b', 'c'])).toBe(false);
    expect(addsOnly(['a', 'd'], ['a', 'b'])).toBe(false);
  });

  test('the old type name stays within 63 bytes', () => {
    expect(Buffer.byteLength(oldTypeName('x'.repeat(63)))).toBe(63);
    expect(oldTypeName('status')).toBe('status_sa_old');
  });
});

test('the drop pass drops an unexpected enum; down creates it again with its labels', () => {
  const b = bench(model(), model({ enums: [enumType('old', ['x', 'y'])] }));
  ENUM_PLAN.drop?.(b.all('unexpected_enum'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.hazards.map((h) => h.kind)])).toEqual([['drop_types:public.old', ['may_fail']]]);
  expect(sqlOf(b.record)).toEqual(['DROP TYPE IF EXISTS public.old']);
  expect(sqlOf(b.record, 'down')[0]).toContain("CREATE TYPE public.old AS ENUM ('x', 'y')");
});
