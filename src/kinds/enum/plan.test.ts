import { enumType, model } from '../../../test/diff/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { ENUM_PLAN } from './plan.js';

test('missing enums and labels are planned in the create pass, unexpected enums in the drop pass', () => {
  expect(ENUM_PLAN.findings).toMatchObject({ missing_enum: IN_CREATE_PASS, enum_value_missing: IN_CREATE_PASS, unexpected_enum: IN_DROP_PASS });
});

test('the create pass: new enums (with their comment and schema) first, then labels at their expected place', () => {
  const live = model({ enums: [enumType('status', ['new', 'won'])] });
  const expected = model({
    schemas: ['public', 'crm'],
    enums: [enumType('status', ['draft', 'new', 'open', 'won', 'lost']), enumType('channel', ['email'], { schema: 'crm', comment: 'how' })],
  });
  const b = bench(expected, live);
  ENUM_PLAN.create?.(b.all('missing_enum', 'enum_value_missing'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual([
    'schemas:crm',
    'types:crm.channel',
    "types:public.status.'draft'",
    "types:public.status.'open'",
    "types:public.status.'lost'",
  ]);
  const up = sqlOf(b.record);
  expect(up[1]).toContain("CREATE TYPE crm.channel AS ENUM ('email')");
  expect(up.slice(2)).toEqual([
    "COMMENT ON TYPE crm.channel IS 'how'",
    "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'new'",
    "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'open' BEFORE 'won'",
    "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'lost' AFTER 'won'",
  ]);
  const labels = b.record.steps.slice(2);
  expect(labels.every((s) => s.down.length === 0 && s.hazards[0]?.kind === 'irreversible' && s.up[0]?.transactional === false)).toBe(true);
});

test('a label of an enum that had none is added without a position', () => {
  const b = bench(model({ enums: [enumType('e', ['a'])] }), model({ enums: [enumType('e', [])] }));
  ENUM_PLAN.create?.(b.all('missing_enum', 'enum_value_missing'), b.ctx);
  expect(sqlOf(b.record)).toEqual(["ALTER TYPE public.e ADD VALUE IF NOT EXISTS 'a'"]);
});

test('labels to remove or reorder are manual steps: PostgreSQL cannot do either', () => {
  const b = bench(model({ enums: [enumType('e', ['b', 'a'])] }), model({ enums: [enumType('e', ['a', 'b', 'c'])] }));
  run(ENUM_PLAN.findings.enum_value_unexpected, b.finding('enum_value_unexpected'), b.ctx);
  expect(b.record.manual).toEqual([
    {
      findingId: 'enum_value_unexpected:public.e.c',
      reason: expect.stringContaining("recreate the type without 'c' once no row uses it"),
      suggestion: [],
      hazards: [{ kind: 'irreversible', message: expect.stringContaining('rewrites every table') }],
    },
  ]);
  const order = bench(model({ enums: [enumType('e', ['b', 'a'])] }), model({ enums: [enumType('e', ['a', 'b'])] }));
  run(ENUM_PLAN.findings.enum_value_order_mismatch, order.finding('enum_value_order_mismatch'), order.ctx);
  expect(order.record.manual.map((m) => [m.findingId, m.reason.startsWith('PostgreSQL cannot reorder')])).toEqual([['enum_value_order_mismatch:public.e', true]]);
});

test('the drop pass drops an unexpected enum; down creates it again with its labels', () => {
  const b = bench(model(), model({ enums: [enumType('old', ['x', 'y'])] }));
  ENUM_PLAN.drop?.(b.all('unexpected_enum'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.hazards.map((h) => h.kind)])).toEqual([['drop_types:public.old', ['may_fail']]]);
  expect(sqlOf(b.record)).toEqual(['DROP TYPE IF EXISTS public.old']);
  expect(sqlOf(b.record, 'down')[0]).toContain("CREATE TYPE public.old AS ENUM ('x', 'y')");
});
