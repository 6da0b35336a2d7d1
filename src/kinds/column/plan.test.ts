import { check, col, enumType, fk, idx, model, patchColumn, pk, table } from '../../../test/diff/builders.js';
import { domain, sequence } from '../../../test/plan/builders.js';
import { bench, run, sqlOf } from '../../../test/plan/kind-harness.js';
import type { Column, SchemaModel, Table } from '../../model/schema-model.js';
import { backfillKey } from '../../plan/types.js';
import { COLUMN_PLAN } from './plan.js';
import { isSafeWidening } from './plan-alter.js';

const base = [col('id', 'integer', { position: 1, nullable: false }), col('email', 'text', { position: 2 })];
const leads = (extra: Column[] = [], over: Partial<Table> = {}): Table =>
  table('leads', {
    rowEstimate: 1000,
    columns: [...base, ...extra],
    constraints: [pk('leads_pkey', ['id'])],
    indexes: [idx('leads', 'leads_pkey', ['id'], { unique: true, primary: true, constraint: 'leads_pkey' })],
    ...over,
  });
const db = (t: Table, more: Partial<SchemaModel> = {}): SchemaModel => ({ ...model({ tables: [t] }), ...more });

/** Each recorded step's phase, and its first up statement's first line. */
const steps = (b: ReturnType<typeof bench>) => b.record.steps.map((s) => [s.phase, s.up[0]?.sql.split('\n')[0]]);

describe('a missing column', () => {
  test('with a constant default and NOT NULL: added at once', () => {
    const b = bench(db(leads([col('score', 'integer', { position: 3, nullable: false, default: '0' })])), db(leads()));
    run(COLUMN_PLAN.findings.missing_column, b.finding('missing_column'), b.ctx);
    expect(steps(b)).toEqual([['columns', 'ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS score integer DEFAULT 0 NOT NULL']]);
    expect(b.record.steps[0]?.hazards.map((h) => h.kind)).toEqual(['rollback_data_loss']);
  });

  test('with a volatile default: added empty, defaulted for new rows, filled in key batches, then NOT NULL', () => {
    const b = bench(db(leads([col('token', 'uuid', { position: 3, nullable: false, default: 'gen_random_uuid()' })])), db(leads()), { batchSize: 100 });
    run(COLUMN_PLAN.findings.missing_column, b.finding('missing_column'), b.ctx);
    expect(steps(b)).toEqual([
      ['columns', 'ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS token uuid'],
      ['alter_columns', 'ALTER TABLE public.leads ALTER COLUMN token SET DEFAULT gen_random_uuid()'],
      ['backfill', 'DO $sa$'],
      ['not_null', 'DO $sa$'],
    ]);
    expect(b.record.steps[2]?.up[0]?.sql).toContain('ORDER BY id LIMIT 100');
  });

  test('with a backfill on a table without a primary key: one UPDATE, named as a long lock', () => {
    const t = (extra: Column[] = []): Table => leads(extra, { constraints: [], indexes: [] });
    const b = bench(db(t([col('region', 'text', { position: 3 })])), db(t()), { backfills: new Map([[backfillKey('public', 'leads', 'region'), "'eu'"]]) });
    run(COLUMN_PLAN.findings.missing_column, b.finding('missing_column'), b.ctx);
    expect(sqlOf(b.record)).toEqual(['ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS region text', "UPDATE public.leads SET region = ('eu') WHERE region IS NULL"]);
    expect(b.record.steps[1]?.hazards.map((h) => h.kind)).toEqual(['long_lock']);
  });

  test('NOT NULL without a default or backfill: added at once, and the step says what to decide', () => {
    const b = bench(db(leads([col('region', 'text', { position: 3, nullable: false })])), db(leads()));
    run(COLUMN_PLAN.findings.missing_column, b.finding('missing_column'), b.ctx);
    expect(b.record.steps[0]?.hazards[0]?.message).toMatch(/^public\.leads\.region is NOT NULL without a default: adding it fails if public\.leads \(about 1,000 rows\) has rows\. Decide/);
  });

  test.each([
    ['an identity column', col('n', 'bigint', { position: 3, nullable: false, identity: 'always' }), 'numbers every row', true],
    // A generated column's values are computed: its rollback loses nothing that adding it again would not recompute.
    ['a stored generated column', col('n', 'text', { position: 3, generated: { expression: 'lower(email)', kind: 'stored' } }), 'computes it for every row', false],
  ])('%s rewrites the table', (_, c, words, rollbackLoses) => {
    const b = bench(db(leads([c])), db(leads()));
    run(COLUMN_PLAN.findings.missing_column, b.finding('missing_column'), b.ctx);
    expect(b.record.steps[0]?.hazards.map((h) => [h.kind, h.message.includes(words)])).toEqual([
      ['table_rewrite', true],
      ...(rollbackLoses ? [['rollback_data_loss', false]] : []),
    ]);
  });

  test('with its constraints, a serial sequence, a domain type and a comment', () => {
    const seq = sequence('public', 'leads_no_seq', { schema: 'public', table: 'leads', column: 'no' });
    const cols = [
      col('no', 'integer', { position: 3, nullable: false, default: "nextval('leads_no_seq'::regclass)" }),
      col('account_id', 'account_ref', { position: 4, comment: 'owner' }),
    ];
    const expected = db(leads(cols, { constraints: [pk('leads_pkey', ['id']), fk('leads_account_fkey', ['account_id'], { table: 'leads', columns: ['id'] }), check('leads_no_check', '(no > 0)', ['no'])] }), {
      sequences: [seq],
      domains: [domain('public', 'account_ref', 'integer')],
    });
    const b = bench(expected, db(leads()));
    for (const f of b.all('missing_column')) run(COLUMN_PLAN.findings.missing_column, f, b.ctx);
    expect(b.record.steps.map((s) => [s.id, s.hazards.map((h) => h.kind)])).toEqual([
      ['types:public.account_ref', []],
      ['columns:public.leads.account_id', ['rollback_data_loss']],
      // A new column that starts NULL: no row can break its foreign key.
      ['foreign_keys:public.leads.leads_account_fkey', ['validation_scan']],
      ['comments:public.leads.account_id', []],
      ['sequences:public.leads_no_seq', []],
      ['columns:public.leads.no', ['rollback_data_loss']],
      ['alter_columns:public.leads.no', []],
      ['backfill:public.leads.no', []],
      ['not_null:public.leads.no', ['validation_scan']],
      ['constraints:public.leads.leads_no_check', ['validation_scan', 'may_fail']],
    ]);
    expect(b.record.steps[5]?.up.map((s) => s.sql)).toEqual(['ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS no integer', 'ALTER SEQUENCE public.leads_no_seq OWNED BY public.leads.no']);
  });

  test('on an empty table, its constraints name no hazard', () => {
    const t = (extra: Column[] = [], over: Partial<Table> = {}): Table => leads(extra, { rowEstimate: 0, ...over });
    const b = bench(db(t([col('n', 'integer', { position: 3, default: '1' })], { constraints: [pk('leads_pkey', ['id']), check('leads_n_check', '(n > 0)', ['n'])] })), db(t()));
    run(COLUMN_PLAN.findings.missing_column, b.finding('missing_column'), b.ctx);
    expect(b.record.steps.map((s) => [s.phase, s.hazards.length])).toEqual([
      ['columns', 1],
      ['constraints', 0],
    ]);
  });
});

describe('a column present on both sides', () => {
  const live = db(leads([col('name', 'character varying(50)', { position: 3, nullable: false }), col('n', 'integer', { position: 4, default: '1' })]));
  const plan = <K extends 'column_type_mismatch' | 'column_nullability_mismatch' | 'column_default_mismatch' | 'column_identity_mismatch' | 'column_generated_mismatch'>(
    kind: K,
    expected: SchemaModel,
    actual: SchemaModel = live,
    options = {},
  ) => {
    const b = bench(expected, actual, options);
    run(COLUMN_PLAN.findings[kind], b.finding(kind), b.ctx);
    return b;
  };

  test('a safe widening is one ALTER; its rollback may fail', () => {
    const b = plan('column_type_mismatch', patchColumn(live, 'leads', 'name', { type: 'character varying(100)' }));
    expect(sqlOf(b.record)).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE character varying(100)']);
    expect(sqlOf(b.record, 'down')).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE character varying(50)']);
  });

  test.each([
    ['narrowing', { type: 'character varying(10)' }, 'narrowing public.leads.name'],
    ['another type family', { type: 'integer' }, 'changing public.leads.name from character varying(50) to integer converts every value'],
  ])('%s is a manual step', (_, patch, reason) => {
    const b = plan('column_type_mismatch', patchColumn(live, 'leads', 'name', patch));
    expect(b.record.steps).toEqual([]);
    expect(b.record.manual[0]?.reason).toContain(reason);
  });

  describe('with --convert-types (convertTypes): a conversion step, with its hazards', () => {
    const convert = { convertTypes: true };
    test('another type family: ALTER … TYPE … USING a cast, both ways; a rewrite that may fail', () => {
      const b = plan('column_type_mismatch', patchColumn(live, 'leads', 'name', { type: 'integer' }), live, convert);
      expect(b.record.manual).toEqual([]);
      expect(sqlOf(b.record)).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE integer USING name::integer']);
      expect(sqlOf(b.record, 'down')).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE character varying(50) USING name::character varying(50)']);
      expect(b.record.steps[0]?.hazards.map((h) => [h.kind, h.message])).toEqual([
        ['table_rewrite', 'rewrites public.leads (about 1,000 rows) and rebuilds its indexes under an ACCESS EXCLUSIVE lock'],
        ['may_fail', 'fails if a value of public.leads.name does not convert to integer'],
        ['may_fail', 'rolling back fails if a value of public.leads.name does not convert to character varying(50)'],
      ]);
    });

    test('a narrowing too', () => {
      const b = plan('column_type_mismatch', patchColumn(live, 'leads', 'name', { type: 'character varying(10)' }), live, convert);
      expect(sqlOf(b.record)).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE character varying(10) USING name::character varying(10)']);
    });

    const withEnums = (m: SchemaModel, enums: SchemaModel['enums']): SchemaModel => ({ ...m, enums });
    const e1 = enumType('e1', ['a', 'b', 'c']);
    test('one enum to another: through text; nothing can fail where every label has a place', () => {
      const from = withEnums(patchColumn(live, 'leads', 'name', { type: 'e1' }), [e1, enumType('e2', ['a', 'b', 'c', 'd'])]);
      const to = withEnums(patchColumn(live, 'leads', 'name', { type: 'e2' }), from.enums);
      const b = plan('column_type_mismatch', to, from, convert);
      expect(sqlOf(b.record)).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE e2 USING name::text::e2']);
      expect(sqlOf(b.record, 'down')).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE e1 USING name::text::e1']);
      expect(b.record.steps[0]?.hazards.map((h) => h.message)).toEqual([
        'rewrites public.leads (about 1,000 rows) and rebuilds its indexes under an ACCESS EXCLUSIVE lock',
        "rolling back fails if a row of public.leads.name holds 'd', label e1 lacks",
      ]);
    });

    test('text to an enum, with defaults of each type: dropped before, set after, in one ALTER; the default finding is fixed by it', () => {
      const from = withEnums(patchColumn(live, 'leads', 'name', { type: 'text', default: "'a'::text" }), [e1]);
      const to = withEnums(patchColumn(live, 'leads', 'name', { type: 'e1', default: "'b'::e1" }), [e1]);
      const b = bench(to, from, convert);
      run(COLUMN_PLAN.findings.column_type_mismatch, b.finding('column_type_mismatch'), b.ctx);
      run(COLUMN_PLAN.findings.column_default_mismatch, b.finding('column_default_mismatch'), b.ctx);
      expect(sqlOf(b.record)).toEqual([
        "ALTER TABLE public.leads ALTER COLUMN name DROP DEFAULT, ALTER COLUMN name TYPE e1 USING name::text::e1, ALTER COLUMN name SET DEFAULT 'b'::e1",
      ]);
      expect(sqlOf(b.record, 'down')).toEqual([
        "ALTER TABLE public.leads ALTER COLUMN name DROP DEFAULT, ALTER COLUMN name TYPE text USING name::text, ALTER COLUMN name SET DEFAULT 'a'::text",
      ]);
      expect(b.record.steps[0]?.findingIds).toEqual(['column_type_mismatch:public.leads.name', 'column_default_mismatch:public.leads.name']);
      expect(b.record.steps[0]?.hazards.map((h) => h.message)).toContain('fails if a value of public.leads.name is not a label of e1');
    });

    test('a label from the database stays inside the hazard text', () => {
      const evil = enumType('e1', ['a', "x'\n-- DROP TABLE y"]);
      const from = withEnums(patchColumn(live, 'leads', 'name', { type: 'e1' }), [evil, enumType('e2', ['a'])]);
      const to = withEnums(patchColumn(live, 'leads', 'name', { type: 'e2' }), from.enums);
      const b = plan('column_type_mismatch', to, from, convert);
      expect(b.record.steps[0]?.hazards[1]?.message).toBe("fails if a row of public.leads.name holds 'x''\n-- DROP TABLE y', label e2 lacks");
    });
  });

  test('a collation alone: ALTER … TYPE with the new collation and back, naming the indexes rebuilt', () => {
    const indexed = db(leads([col('name', 'character varying(50)', { position: 3, nullable: false })], {
      indexes: [idx('leads', 'leads_pkey', ['id'], { unique: true, primary: true, constraint: 'leads_pkey' }), idx('leads', 'leads_name', ['name'])],
    }));
    const b = plan('column_type_mismatch', patchColumn(indexed, 'leads', 'name', { collation: 'C' }), indexed);
    expect(sqlOf(b.record)).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE character varying(50) COLLATE "C"']);
    expect(sqlOf(b.record, 'down')).toEqual(['ALTER TABLE public.leads ALTER COLUMN name TYPE character varying(50) COLLATE pg_catalog."default"']);
    expect(b.record.steps[0]?.hazards.map((h) => h.kind)).toEqual(['long_lock', 'may_fail']);
    expect(b.record.steps[0]?.hazards[0]?.message).toContain('while it rebuilds leads_name (no table rewrite)');
  });

  test('NOT NULL dropped; set again through a validated CHECK, after a backfill', () => {
    expect(sqlOf(plan('column_nullability_mismatch', patchColumn(live, 'leads', 'name', { nullable: true })).record)).toEqual([
      'ALTER TABLE public.leads ALTER COLUMN name DROP NOT NULL',
    ]);
    const b = plan('column_nullability_mismatch', patchColumn(live, 'leads', 'n', { nullable: false }), live, { backfills: new Map([[backfillKey('public', 'leads', 'n'), '0']]) });
    expect(steps(b)).toEqual([
      ['backfill', 'DO $sa$'],
      ['not_null', 'DO $sa$'],
    ]);
    expect(b.record.steps[1]?.up.map((s) => s.sql.split('\n')[0]).slice(1)).toEqual([
      'ALTER TABLE public.leads VALIDATE CONSTRAINT leads_n_sa_not_null',
      'ALTER TABLE public.leads ALTER COLUMN n SET NOT NULL',
      'ALTER TABLE IF EXISTS public.leads DROP CONSTRAINT IF EXISTS leads_n_sa_not_null',
    ]);
  });

  test('a default set and set back', () => {
    const b = plan('column_default_mismatch', patchColumn(live, 'leads', 'n', { default: '2' }));
    expect([sqlOf(b.record), sqlOf(b.record, 'down')]).toEqual([['ALTER TABLE public.leads ALTER COLUMN n SET DEFAULT 2'], ['ALTER TABLE public.leads ALTER COLUMN n SET DEFAULT 1']]);
  });

  test.each([
    ['another identity kind', { identity: 'always' as const }, { identity: 'by_default' as const, nullable: false, default: null }, 'alter_columns', 'make public.leads.n GENERATED ALWAYS AS IDENTITY'],
    ['identity added to a plain column', { identity: 'always' as const, default: null }, { nullable: false, default: null }, 'not_null', 'make public.leads.n an identity column'],
    ['identity dropped', { identity: null, default: '0' }, { identity: 'always' as const, nullable: false, default: null }, 'alter_columns', 'drop the identity of public.leads.n'],
  ])('%s', (_, expectedPatch, livePatch, phase, summary) => {
    const actual = patchColumn(live, 'leads', 'n', livePatch);
    const b = plan('column_identity_mismatch', patchColumn(actual, 'leads', 'n', expectedPatch), actual);
    expect(b.record.steps.map((s) => [s.phase, s.summary])).toEqual([[phase, summary]]);
  });

  test('a serial column made an identity column keeps its value', () => {
    const serial = patchColumn(live, 'leads', 'n', { default: "nextval('leads_n_seq'::regclass)" });
    const s = plan('column_identity_mismatch', patchColumn(serial, 'leads', 'n', { identity: 'always', default: null }), serial).record;
    expect(s.manual).toEqual([]);
    expect(s.steps.map((x) => [x.phase, x.summary])).toEqual([['not_null', 'make public.leads.n an identity column (it drew from public.leads_n_seq)']]);
    expect(s.steps[0]?.up[0]?.sql).toContain('ALTER TABLE public.leads ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY;');
    expect(s.steps[0]?.down[0]?.sql).toContain("ALTER TABLE public.leads ALTER COLUMN n SET DEFAULT nextval('leads_n_seq'::regclass);");
  });

  describe('a column generated differently', () => {
    const gen = (expression: string) => ({ default: null, generated: { expression, kind: 'stored' as const } });
    const generated = patchColumn(live, 'leads', 'n', gen('(id * 2)'));
    const upDown = (b: ReturnType<typeof bench>) => b.record.steps.map((s) => [s.up.map((x) => x.sql), s.down.map((x) => x.sql), s.hazards.map((h) => h.kind)]);

    test('generated to plain: DROP EXPRESSION keeps the values; the way back adds it again as generated', () => {
      const [up, down, hazards] = upDown(plan('column_generated_mismatch', patchColumn(generated, 'leads', 'n', { generated: null }), generated))[0]! as [string[], string[], string[]];
      expect(up).toEqual(['ALTER TABLE public.leads ALTER COLUMN n DROP EXPRESSION IF EXISTS']);
      expect(down[0]).toContain("IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_attrdef d");
      expect(down[0]).toContain("pg_catalog.pg_get_expr(d.adbin, d.adrelid) = '(id * 2)'");
      expect(down[0]).toContain('ALTER TABLE IF EXISTS public.leads DROP COLUMN IF EXISTS n;');
      expect(down[0]).toContain('ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS n integer GENERATED ALWAYS AS ((id * 2)) STORED;');
      expect(hazards).toEqual(['rollback_data_loss']);
    });

    test('another expression: SET EXPRESSION on PostgreSQL 17 and later, dropped and added again before', () => {
      const expected = patchColumn(generated, 'leads', 'n', gen('(id * 3)'));
      expect(upDown(plan('column_generated_mismatch', expected, generated, { serverMajor: 17 }))).toEqual([
        [['ALTER TABLE public.leads ALTER COLUMN n SET EXPRESSION AS ((id * 3))'], ['ALTER TABLE public.leads ALTER COLUMN n SET EXPRESSION AS ((id * 2))'], ['table_rewrite']],
      ]);
      const [up, down] = upDown(plan('column_generated_mismatch', expected, generated, { serverMajor: 16 }))[0]! as [string[], string[]];
      expect(up[0]).toContain("= '(id * 3)'");
      expect(up[0]).toContain('GENERATED ALWAYS AS ((id * 3)) STORED');
      expect(down[0]).toContain('GENERATED ALWAYS AS ((id * 2)) STORED');
    });

    test('plain to generated: dropped and added again, its values replaced (data loss); the way back keeps the computed ones', () => {
      const [up, down, hazards] = upDown(plan('column_generated_mismatch', patchColumn(live, 'leads', 'n', gen('(id * 2)')), live, { dropUnexpected: true }))[0]! as [string[], string[], string[]];
      expect(up[0]).toMatch(/^DO \$sa\$/);
      expect(down).toEqual(['ALTER TABLE public.leads ALTER COLUMN n DROP EXPRESSION IF EXISTS']);
      expect(hazards).toEqual(['table_rewrite', 'data_loss', 'rollback_data_loss']);
    });

    test('plain to generated without --drop-unexpected: manual (its values would be lost)', () => {
      const b = plan('column_generated_mismatch', patchColumn(live, 'leads', 'n', gen('(id * 2)')), live);
      expect(b.record.steps).toEqual([]);
      expect(b.record.manual[0]?.reason).toContain('--drop-unexpected lets the migration drop and add it again');
    });

    test('a column something else depends on (an index) is not dropped: manual, naming it', () => {
      const indexed = db(leads([col('name', 'character varying(50)', { position: 3, nullable: false }), col('n', 'integer', { position: 4, default: '1' })], {
        indexes: [idx('leads', 'leads_pkey', ['id'], { unique: true, primary: true, constraint: 'leads_pkey' }), idx('leads', 'leads_n', ['n'])],
      }));
      const b = plan('column_generated_mismatch', patchColumn(indexed, 'leads', 'n', gen('(id * 2)')), indexed, { dropUnexpected: true });
      expect(b.record.steps).toEqual([]);
      expect(b.record.manual[0]?.reason).toContain('index leads_n');
    });
  });

  test('a stored generated column made plain: DROP EXPRESSION, no rewrite', () => {
    const generated = patchColumn(live, 'leads', 'n', { default: null, generated: { expression: '(id * 2)', kind: 'stored' } });
    const b = plan('column_generated_mismatch', patchColumn(generated, 'leads', 'n', { generated: null }), generated);
    expect(b.record.steps.map((x) => x.up.map((u) => u.sql))).toEqual([['ALTER TABLE public.leads ALTER COLUMN n DROP EXPRESSION IF EXISTS']]);
  });
});

test('the drop pass drops unexpected columns, generated ones first; down adds them back empty, with a serial column’s sequence', () => {
  const seq = sequence('public', 'leads_no_seq', { schema: 'public', table: 'leads', column: 'no' });
  const extra = [
    col('no', 'integer', { position: 3, nullable: false, default: "nextval('leads_no_seq'::regclass)" }),
    col('upper_email', 'text', { position: 4, generated: { expression: 'upper(email)', kind: 'stored' } }),
  ];
  const b = bench(db(leads()), db(leads(extra), { sequences: [seq] }));
  COLUMN_PLAN.drop?.(b.all('unexpected_column'), b.ctx);
  expect(b.record.steps.map((s) => s.id)).toEqual(['drop_columns:public.leads.upper_email', 'drop_columns:public.leads.no']);
  expect(b.record.steps[1]?.down.map((s) => s.sql)).toEqual([
    'CREATE SEQUENCE IF NOT EXISTS public.leads_no_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1',
    "ALTER TABLE public.leads ADD COLUMN IF NOT EXISTS no integer DEFAULT nextval('leads_no_seq'::regclass) NOT NULL",
    'ALTER SEQUENCE public.leads_no_seq OWNED BY public.leads.no',
  ]);
  expect(b.record.steps[1]?.hazards.map((h) => h.message)).toEqual([
    expect.stringContaining('drops column public.leads.no of public.leads (about 1,000 rows)'),
    'rolling back adds public.leads.no again, empty: the values are gone',
  ]);
});

test('isSafeWidening: only changes PostgreSQL makes without a rewrite', () => {
  expect(isSafeWidening('character varying(50)', 'text')).toBe(true);
  expect(isSafeWidening('numeric(10,2)', 'numeric(12,2)')).toBe(true);
  expect(isSafeWidening('numeric(10,2)', 'numeric(12,3)')).toBe(false);
  expect(isSafeWidening('integer', 'bigint')).toBe(false);
});
