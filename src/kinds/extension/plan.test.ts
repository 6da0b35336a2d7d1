import { dropSchemaIfEmptySql } from '../schema/sql.js';
import { model } from '../../../test/diff/builders.js';
import { extension as ext } from '../../../test/plan/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import { IN_CREATE_PASS, IN_DROP_PASS } from '../../plan/kind-plan.js';
import { ensureExtensions, EXTENSION_PLAN } from './plan.js';
import { changeExtensionVersionSql } from './sql.js';

test('missing extensions in the create pass, unexpected ones in the drop pass, differences by their own planner', () => {
  expect(EXTENSION_PLAN.findings).toMatchObject({ missing_extension: IN_CREATE_PASS, unexpected_extension: IN_DROP_PASS });
  expect(typeof EXTENSION_PLAN.findings.extension_mismatch).toBe('function');
});

test('the expected extensions the database lacks are created once, with their schema first, whoever needs them first', () => {
  const expected = { ...model({ schemas: ['public', 'ext'] }), extensions: [ext('citext', 'public', { version: null }), ext('pg_trgm', 'ext', { version: '1.4' })] };
  const live = model();
  const { ctx, record } = bench(expected, live);
  ensureExtensions(ctx, 'missing_column:public.t.a');
  ensureExtensions(ctx, 'missing_column:public.t.b');
  expect(record.steps.map((s) => [s.id, s.findingIds])).toEqual([
    ['schemas:citext', ['missing_column:public.t.a']],
    ['schemas:ext', ['missing_column:public.t.a']],
    ['schemas:pg_trgm', ['missing_column:public.t.a']],
  ]);
  expect(sqlOf(record)).toEqual([
    'CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public',
    'CREATE SCHEMA IF NOT EXISTS ext',
    "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ext VERSION '1.4'",
  ]);
  expect(sqlOf(record, 'down')).toEqual(['DROP EXTENSION IF EXISTS citext', dropSchemaIfEmptySql('ext'), 'DROP EXTENSION IF EXISTS pg_trgm']);
});

test('the create pass creates each missing extension for its own finding, with its comment; a new column then needs none again', () => {
  const expected = { ...model(), extensions: [ext('uuid-ossp', 'public', { version: '1.1', comment: "it's \\ new" })] };
  const b = bench(expected, model());
  EXTENSION_PLAN.create?.(b.all('missing_extension'), b.ctx);
  ensureExtensions(b.ctx, 'missing_column:public.t.a');
  expect(b.record.steps.map((s) => [s.id, s.findingIds])).toEqual([['schemas:"uuid-ossp"', ['missing_extension:public."uuid-ossp"']]]);
  expect(sqlOf(b.record)).toEqual([
    `CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public VERSION '1.1'`,
    `COMMENT ON EXTENSION "uuid-ossp" IS E'it''s \\\\ new'`,
  ]);
});

test('a version difference: to the expected version and back, by update script, else (a downgrade) by drop and create; may fail', () => {
  const b = bench({ ...model(), extensions: [ext('pg_trgm', 'public', { version: '1.4' })] }, { ...model(), extensions: [ext('pg_trgm', 'ext', { version: '1.3' })] });
  run(EXTENSION_PLAN.findings.extension_mismatch, b.finding('extension_mismatch'), b.ctx);
  const [up, down] = [sqlOf(b.record)[0], sqlOf(b.record, 'down')[0]];
  expect(up).toBe(changeExtensionVersionSql('pg_trgm', 'ext', '1.4'));
  expect(down).toBe(changeExtensionVersionSql('pg_trgm', 'ext', '1.3'));
  expect(down).toContain("IF current IS NULL OR current = '1.3' THEN");
  expect(down).toContain("pg_catalog.pg_extension_update_paths('pg_trgm') p WHERE p.source = current AND p.target = '1.3'");
  expect(down).toContain("ALTER EXTENSION pg_trgm UPDATE TO '1.3';");
  expect(down).toContain("ELSIF holds_data THEN\n    RAISE EXCEPTION");
  expect(down).toContain("DROP EXTENSION IF EXISTS pg_trgm;\n    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ext VERSION '1.3';");
  expect(b.record.steps.map((s) => [s.id, s.phase, s.hazards.map((h) => h.kind)])).toEqual([
    ['schemas:pg_trgm version', 'schemas', ['may_fail']],
    ['schemas:pg_trgm schema', 'schemas', ['may_fail']],
  ]);
});

test('the version block quotes what it names: no name or version ends a literal', () => {
  const sql = changeExtensionVersionSql("x'y", 'odd schema', "1'0");
  expect(sql).toContain(`pg_catalog.pg_extension_update_paths('x''y')`);
  expect(sql).toContain(`ALTER EXTENSION "x'y" UPDATE TO '1''0';`);
  expect(sql).toContain(`CREATE EXTENSION IF NOT EXISTS "x'y" WITH SCHEMA "odd schema" VERSION '1''0';`);
});

test('a schema difference: SET SCHEMA when relocatable (the schema created first), else a manual step', () => {
  const expected = { ...model({ schemas: ['public', 'ext'] }), extensions: [ext('citext', 'ext')] };
  const b = bench(expected, { ...model(), extensions: [ext('citext', 'public')] });
  run(EXTENSION_PLAN.findings.extension_mismatch, b.finding('extension_mismatch'), b.ctx);
  expect(sqlOf(b.record)).toEqual(['CREATE SCHEMA IF NOT EXISTS ext', 'ALTER EXTENSION citext SET SCHEMA ext']);
  expect(sqlOf(b.record, 'down')).toEqual([dropSchemaIfEmptySql('ext'), 'ALTER EXTENSION citext SET SCHEMA public']);

  const fixed = bench(expected, { ...model(), extensions: [ext('citext', 'public', { relocatable: false })] });
  run(EXTENSION_PLAN.findings.extension_mismatch, fixed.finding('extension_mismatch'), fixed.ctx);
  expect(fixed.record.steps).toEqual([]);
  expect(fixed.record.manual).toEqual([
    {
      findingId: 'extension_mismatch:ext.citext',
      reason: expect.stringContaining('is not relocatable'),
      suggestion: ['DROP EXTENSION IF EXISTS citext', "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA ext VERSION '1.0'"],
      hazards: [expect.objectContaining({ kind: 'data_loss' })],
    },
  ]);
});

test('a version the spec leaves out (null) is no difference', () => {
  const b = bench({ ...model(), extensions: [ext('citext', 'public', { version: null })] }, { ...model(), extensions: [ext('citext', 'public', { version: '1.6' })] });
  expect(b.findings).toEqual([]);
});

test('the drop pass drops an unexpected extension last, without CASCADE; down creates it again where it was, at its version', () => {
  const b = bench(model(), { ...model(), extensions: [ext('hstore', 'public', { version: '1.8' })] }, { dropUnexpected: true });
  EXTENSION_PLAN.drop?.(b.all('unexpected_extension'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.hazards.map((h) => h.kind)])).toEqual([['drop_extensions:hstore', ['may_fail']]]);
  expect(sqlOf(b.record)).toEqual(['DROP EXTENSION IF EXISTS hstore']);
  expect(sqlOf(b.record, 'down')).toEqual(["CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public VERSION '1.8'"]);
});
