import { dropSchemaIfEmptySql } from '../schema/sql.js';
import { col, enumType, model, table } from '../../../test/diff/builders.js';
import { diffSchemas } from '../../diff/index.js';
import { planRemediation } from '../../plan/plan.js';
import type { RemediationPlan } from '../../plan/types.js';
import { domain } from '../../../test/plan/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import type { Domain, SchemaModel, Table } from '../../model/schema-model.js';
import { ensureDomain } from './plan.js';

const withDomains = (m: SchemaModel, domains: Domain[]): SchemaModel => ({ ...m, domains });

test('a domain a type names is created once, after its schema and the domain it is based on', () => {
  const expected = withDomains(model({ schemas: ['public', 'billing'] }), [
    domain('billing', 'money_amount', 'billing.positive', { collation: 'billing.ci', checks: [{ name: 'amount_check', definition: 'CHECK ((VALUE < 1000)) NOT VALID' }] }),
    domain('billing', 'positive', 'numeric', { notNull: true, default: '0' }),
  ]);
  const { ctx, record } = bench(expected, model());
  ensureDomain(ctx, 'billing.money_amount[]', 'f1');
  ensureDomain(ctx, 'billing.money_amount', 'f2');
  expect(record.steps.map((s) => [s.id, s.phase, s.findingIds])).toEqual([
    ['schemas:billing', 'schemas', ['f1']],
    ['types:billing.positive', 'types', ['f1']],
    ['types:billing.money_amount', 'types', ['f1']],
  ]);
  const up = sqlOf(record);
  expect(up[1]).toContain('CREATE DOMAIN billing.positive AS numeric DEFAULT 0 NOT NULL');
  // NOT VALID is dropped (CREATE DOMAIN cannot say it); the collation is qualified by its schema.
  expect(up[2]).toContain('CREATE DOMAIN billing.money_amount AS billing.positive COLLATE billing.ci CONSTRAINT amount_check CHECK ((VALUE < 1000))');
  expect(sqlOf(record, 'down')).toEqual([dropSchemaIfEmptySql('billing'), 'DROP DOMAIN IF EXISTS billing.positive', 'DROP DOMAIN IF EXISTS billing.money_amount']);
});

test.each([
  ['a built-in type', 'integer', model()],
  ['a domain the database has', 'year', withDomains(model(), [domain('public', 'year', 'integer')])],
  ['a type the database has as an enum', 'year', model({ enums: [enumType('year', ['2024'])] })],
])('nothing is created for %s', (_, type, live) => {
  const { ctx, record } = bench(withDomains(model(), [domain('public', 'year', 'integer')]), live);
  ensureDomain(ctx, type, 'f');
  expect(sqlOf(record)).toEqual([]);
});

describe('the plan of domain findings', () => {
  const m = (domains: Domain[], tables: Table[] = []): SchemaModel => ({ ...model({ schemas: ['public', 'app'], tables }), domains });
  const plan = (expected: SchemaModel, live: SchemaModel, dropUnexpected = false): RemediationPlan =>
    planRemediation({ findings: diffSchemas(expected, live).findings, expected, live, options: { dropUnexpected } });
  const stepsOf = (p: RemediationPlan): [string, string[], string[]][] => p.steps.map((s) => [s.id, s.up.map((x) => x.sql), s.down.map((x) => x.sql)]);
  const positive = { name: 'positive', definition: 'CHECK ((VALUE > 0))' };
  const users = [table('t', { schema: 'app', columns: [col('n', 'app.amount')], rowEstimate: 10 })];

  test('missing domains, each by its own finding, a base domain first, with the comment', () => {
    const p = plan(m([domain('app', 'amount', 'app.base', { comment: 'money' }), domain('app', 'base', 'numeric')]), m([]));
    expect(p.steps.map((s) => [s.id, s.findingIds])).toEqual([
      ['types:app.base', ['missing_domain:app.base']],
      ['types:app.amount', ['missing_domain:app.amount']],
    ]);
    expect(p.steps[1]?.up.map((s) => s.sql)[1]).toBe("COMMENT ON DOMAIN app.amount IS 'money'");
  });

  test('default and NOT NULL altered, down the database’s; SET NOT NULL scans the columns of the domain', () => {
    const p = plan(m([domain('app', 'amount', 'integer', { default: '0', notNull: true })], users), m([domain('app', 'amount', 'integer')], users));
    expect(stepsOf(p)).toEqual([
      [
        'types:app.amount',
        ['ALTER DOMAIN app.amount SET DEFAULT 0', 'ALTER DOMAIN app.amount SET NOT NULL'],
        ['ALTER DOMAIN app.amount DROP NOT NULL', 'ALTER DOMAIN app.amount DROP DEFAULT'],
      ],
    ]);
    expect(p.steps[0]?.hazards.map((h) => h.kind)).toEqual(['long_lock', 'may_fail']);
    expect(p.steps[0]?.hazards[0]?.message).toContain('app.t (about 10 rows)');
  });

  test('a base type or collation change is a manual step', () => {
    const p = plan(m([domain('app', 'amount', 'bigint', { default: '1' })]), m([domain('app', 'amount', 'integer')]));
    expect(p.steps).toEqual([]);
    expect(p.manual[0]?.reason).toMatch(/^PostgreSQL cannot change the base type of a domain \(integer, expected bigint\)/);
    expect(p.manual[0]?.suggestion).toEqual(['ALTER DOMAIN app.amount SET DEFAULT 1']);
  });

  test('a missing check added NOT VALID then validated; a changed one replaced, down restores it as it was', () => {
    const p = plan(
      m([domain('app', 'amount', 'integer', { checks: [positive, { name: 'small', definition: 'CHECK ((VALUE < 10))' }] })], users),
      m([domain('app', 'amount', 'integer', { checks: [{ name: 'small', definition: 'CHECK ((VALUE < 99)) NOT VALID' }] })], users),
    );
    const [add, replace] = p.steps;
    expect(add?.up.map((s) => s.sql)).toEqual([
      expect.stringContaining('ALTER DOMAIN app.amount ADD CONSTRAINT positive CHECK ((VALUE > 0)) NOT VALID'),
      'ALTER DOMAIN app.amount VALIDATE CONSTRAINT positive',
    ]);
    expect(add?.up[0]?.sql).toContain("WHERE contypid = pg_catalog.to_regtype('app.amount') AND conname = 'positive'");
    expect(add?.down.map((s) => s.sql)).toEqual(['ALTER DOMAIN app.amount DROP CONSTRAINT IF EXISTS positive']);
    expect(add?.hazards.map((h) => h.kind)).toEqual(['long_lock', 'may_fail']);
    expect(replace?.up.map((s) => s.sql)).toEqual([
      'ALTER DOMAIN app.amount DROP CONSTRAINT IF EXISTS small',
      expect.stringContaining('ADD CONSTRAINT small CHECK ((VALUE < 10)) NOT VALID'),
      'ALTER DOMAIN app.amount VALIDATE CONSTRAINT small',
    ]);
    // The database's check was NOT VALID: the rollback leaves it so.
    expect(replace?.down.map((s) => s.sql)).toEqual(['ALTER DOMAIN app.amount DROP CONSTRAINT IF EXISTS small', expect.stringContaining('ADD CONSTRAINT small CHECK ((VALUE < 99)) NOT VALID')]);
  });

  test('unexpected checks and domains: kept; with --drop-unexpected dropped, unless a column that stays uses the domain', () => {
    const live = m([domain('app', 'amount', 'integer', { checks: [positive] }), domain('app', 'old', 'text'), domain('app', 'older', 'app.old')], users);
    const expected = m([domain('app', 'amount', 'integer')], users);
    expect(plan(expected, live).kept).toEqual(['domain_check_unexpected:app.amount.positive', 'unexpected_domain:app.old', 'unexpected_domain:app.older']);
    const p = plan(expected, live, true);
    expect(stepsOf(p)).toEqual([
      ['drop_constraints:app.amount.positive', ['ALTER DOMAIN app.amount DROP CONSTRAINT IF EXISTS positive'], [expect.stringContaining('ADD CONSTRAINT positive'), 'ALTER DOMAIN app.amount VALIDATE CONSTRAINT positive']],
      ['drop_types:app.older', ['DROP DOMAIN IF EXISTS app.older'], [expect.stringContaining('CREATE DOMAIN app.older AS app.old')]],
      ['drop_types:app.old', ['DROP DOMAIN IF EXISTS app.old'], [expect.stringContaining('CREATE DOMAIN app.old AS text')]],
    ]);
    const stays = plan(m([], users), m([domain('app', 'amount', 'integer')], users), true);
    expect(stays.steps.filter((s) => s.phase === 'drop_types')).toEqual([]);
    expect(stays.manual.map((x) => x.reason)).toEqual([expect.stringContaining('column app.t.n still uses it')]);
  });
});

test('names from the database are quoted in every statement; a check name is a literal in the guard', () => {
  const odd = 'we"ird; DROP';
  const check = "it's";
  const m = (d: Domain): SchemaModel => ({ ...model({ schemas: ['public', 'app'] }), domains: [d] });
  const p = planRemediation({
    findings: diffSchemas(m(domain('app', odd, 'integer', { default: '1', checks: [{ name: check, definition: 'CHECK ((VALUE > 0))' }] })), m(domain('app', odd, 'integer'))).findings,
    expected: m(domain('app', odd, 'integer', { default: '1', checks: [{ name: check, definition: 'CHECK ((VALUE > 0))' }] })),
    live: m(domain('app', odd, 'integer')),
  });
  const sql = p.steps.flatMap((s) => [...s.up, ...s.down].map((x) => x.sql));
  expect(sql).toContain('ALTER DOMAIN app."we""ird; DROP" SET DEFAULT 1');
  expect(sql).toContain('ALTER DOMAIN app."we""ird; DROP" VALIDATE CONSTRAINT "it\'s"');
  expect(sql.join('\n')).toContain("to_regtype('app.\"we\"\"ird; DROP\"') AND conname = 'it''s'");
});
