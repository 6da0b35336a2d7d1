import { model } from '../../../test/diff/builders.js';
import { extension as ext } from '../../../test/plan/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import { ensureExtensions } from './plan.js';

test('the expected extensions the database lacks are created once, with their schema first', () => {
  const expected = { ...model({ schemas: ['public', 'ext'] }), extensions: [ext('citext'), ext('pg_trgm', 'ext'), ext('plpgsql', 'pg_catalog')] };
  const live = { ...model(), extensions: [ext('plpgsql', 'pg_catalog')] };
  const { ctx, record } = bench(expected, live);
  ensureExtensions(ctx, 'missing_column:public.t.a');
  ensureExtensions(ctx, 'missing_column:public.t.b');
  expect(record.steps.map((s) => [s.id, s.findingIds])).toEqual([
    ['schemas:citext', ['missing_column:public.t.a']],
    ['schemas:ext', ['missing_column:public.t.a']],
    ['schemas:pg_trgm', ['missing_column:public.t.a']],
  ]);
  expect(sqlOf(record)).toEqual(['CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public', 'CREATE SCHEMA IF NOT EXISTS ext', 'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ext']);
  expect(sqlOf(record, 'down')).toEqual(['DROP EXTENSION IF EXISTS citext', 'DROP SCHEMA IF EXISTS ext', 'DROP EXTENSION IF EXISTS pg_trgm']);
});
