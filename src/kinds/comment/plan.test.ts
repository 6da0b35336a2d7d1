import { crm, patchColumn, patchConstraint, patchTable } from '../../../test/diff/builders.js';
import { sequence } from '../../../test/plan/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import { KINDS } from '../registry.js';
import type { ObjectKind } from '../kind.js';
import { commentOnSql } from './sql.js';

const E = crm();
const comments = KINDS[KINDS.length - 1] as ObjectKind;

test('COMMENT ON the object, in the comments phase; down.sql puts the database’s comment back (or none)', () => {
  let live = patchTable(E, 'accounts', (t) => ({ ...t, comment: 'Accounts' }));
  live = patchColumn(live, 'leads', 'email', { comment: null });
  live = patchConstraint(live, 'leads', 'leads_score_check', (c) => ({ ...c, comment: 'old' }));
  const b = bench(E, live);
  for (const f of b.all('comment_mismatch')) run(comments.plan.findings.comment_mismatch!, f, b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.phase, s.summary, s.hazards])).toEqual([
    ['comments:table public.accounts', 'comments', 'comment on table public.accounts', []],
    ['comments:column public.leads.email', 'comments', 'comment on column public.leads.email', []],
    ['comments:constraint public.leads.leads_score_check', 'comments', 'remove the comment on constraint public.leads.leads_score_check', []],
  ]);
  expect(sqlOf(b.record)).toEqual([
    "COMMENT ON TABLE public.accounts IS 'Customer accounts'",
    "COMMENT ON COLUMN public.leads.email IS 'Primary contact address'",
    'COMMENT ON CONSTRAINT leads_score_check ON public.leads IS NULL',
  ]);
  expect(sqlOf(b.record, 'down')).toEqual([
    "COMMENT ON TABLE public.accounts IS 'Accounts'",
    'COMMENT ON COLUMN public.leads.email IS NULL',
    "COMMENT ON CONSTRAINT leads_score_check ON public.leads IS 'old'",
  ]);
  expect(b.record.fixed).toEqual(new Set(b.all('comment_mismatch').map((f) => f.id)));
});

test('names quoted as PostgreSQL needs, in every kind of target', () => {
  const odd = (comment: string | null) => ({ ...E, schemas: [{ name: 'Odd Schema', comment }], sequences: [sequence('Odd Schema', 'my seq', null, { comment })] });
  const b = bench(odd('new'), odd(null));
  for (const f of b.all('comment_mismatch')) run(comments.plan.findings.comment_mismatch!, f, b.ctx);
  expect(sqlOf(b.record)).toEqual([`COMMENT ON SCHEMA "Odd Schema" IS 'new'`, `COMMENT ON SEQUENCE "Odd Schema"."my seq" IS 'new'`]);
});

describe('commentOnSql: untrusted text stays one literal', () => {
  test.each([
    ['plain', "COMMENT ON TABLE t IS 'plain'"],
    ["it's", "COMMENT ON TABLE t IS 'it''s'"],
    ['back\\slash', "COMMENT ON TABLE t IS E'back\\\\slash'"],
    ["two\nlines'); DROP TABLE t; --", "COMMENT ON TABLE t IS 'two\nlines''); DROP TABLE t; --'"],
    ['$$ dollar $tag$', "COMMENT ON TABLE t IS '$$ dollar $tag$'"],
  ])('%j', (text, sql) => {
    expect(commentOnSql('TABLE t', text)).toBe(sql);
  });

  test('null removes it', () => {
    expect(commentOnSql('INDEX public.i', null)).toBe('COMMENT ON INDEX public.i IS NULL');
  });
});
