import { enumType, model } from '../../../test/diff/builders.js';
import { domain } from '../../../test/plan/builders.js';
import { bench, sqlOf } from '../../../test/plan/kind-harness.js';
import type { Domain, SchemaModel } from '../../model/schema-model.js';
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
  expect(sqlOf(record, 'down')).toEqual(['DROP SCHEMA IF EXISTS billing', 'DROP DOMAIN IF EXISTS billing.positive', 'DROP DOMAIN IF EXISTS billing.money_amount']);
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
