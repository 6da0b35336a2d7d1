import { check, col, exclusion, fk, idx, model, pk, table, unique } from '../../../test/diff/builders.js';
import { bench, run } from '../../../test/plan/kind-harness.js';
import type { Constraint, Index, Table } from '../../model/schema-model.js';
import { addConstraintOnExisting, CONSTRAINT_PLAN, constraintNoun } from './plan.js';

const orders = (constraints: Constraint[] = [], indexes: Index[] = [], over: Partial<Table> = {}): Table =>
  table('orders', {
    rowEstimate: 2000,
    columns: [col('id', 'integer', { position: 1 }), col('customer_id', 'integer', { position: 2 }), col('total', 'numeric', { position: 3 })],
    constraints,
    indexes,
    ...over,
  });
const customers = table('customers', { columns: [col('id', 'integer', { position: 1, nullable: false })], constraints: [pk('customers_pkey', ['id'])] });
const toCustomer = fk('orders_customer_fkey', ['customer_id'], { table: 'customers', columns: ['id'] });
const positive = check('orders_total_check', '(total >= 0)', ['total']);
const orderPk = pk('orders_pkey', ['id']);
const orderPkIndex = idx('orders', 'orders_pkey', ['id'], { unique: true, primary: true, constraint: 'orders_pkey' });

/** The kinds of a step's hazards, and its up SQL's first lines. */
const shape = (r: { up: readonly { sql: string }[]; hazards: readonly { kind: string }[] }) => ({
  up: r.up.map((s) => s.sql.split('\n')[0]),
  hazards: r.hazards.map((h) => h.kind),
});

test.each([
  ['a foreign key: NOT VALID, then VALIDATE', toCustomer, {}, 'foreign_keys', ['DO $sa$', 'ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_fkey'], ['validation_scan', 'may_fail']],
  ['a check', positive, {}, 'constraints', ['DO $sa$', 'ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check'], ['validation_scan', 'may_fail']],
  ['a check not validated in the expected schema: NOT VALID only', { ...positive, validated: false }, {}, 'constraints', ['DO $sa$'], ['may_fail']],
  ['a check on a partitioned table: one step', positive, { kind: 'partitioned_table' as const, partitionKey: 'RANGE (id)' }, 'constraints', ['DO $sa$'], ['long_lock', 'may_fail']],
  ['an exclusion constraint', exclusion('orders_excl', 'EXCLUDE USING gist (id WITH =)', ['id']), {}, 'constraints', ['DO $sa$'], ['long_lock', 'may_fail']],
  ['a unique constraint without its index', unique('orders_id_key', ['id']), {}, 'constraints', ['DO $sa$'], ['long_lock', 'may_fail']],
])('on an existing table, %s', (_, c, over, phase, up, hazards) => {
  const t = orders([c], [], over);
  const { ctx } = bench(model({ tables: [t, customers] }), model({ tables: [orders([], [], over), customers] }));
  const r = addConstraintOnExisting(ctx, t, c);
  expect({ phase: r.phase, ...shape(r) }).toEqual({ phase, up, hazards });
  expect(r.down[0]?.sql).toBe(`ALTER TABLE IF EXISTS public.orders DROP CONSTRAINT IF EXISTS ${c.name}`);
});

test('a primary key on an existing table: its unique index built CONCURRENTLY, then ADD CONSTRAINT … USING INDEX', () => {
  const t = orders([orderPk], [orderPkIndex]);
  const { ctx } = bench(model({ tables: [t] }), model({ tables: [orders()] }));
  const r = addConstraintOnExisting(ctx, t, orderPk);
  expect(r.up.map((s) => s.sql)).toEqual([
    expect.stringContaining('NOT indisvalid'),
    'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_pkey ON public.orders USING btree (id)',
    expect.stringContaining('ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_pkey'),
  ]);
  expect(r.down.map((s) => s.sql)).toEqual(['ALTER TABLE IF EXISTS public.orders DROP CONSTRAINT IF EXISTS orders_pkey', 'DROP INDEX CONCURRENTLY IF EXISTS public.orders_pkey']);
  // The live id column is nullable: the primary key sets NOT NULL under a lock.
  expect(r.hazards.map((h) => h.message)).toEqual([
    'the unique index fails to build if public.orders (about 2,000 rows) holds duplicate (id) values: remove the duplicates first',
    'the primary key sets NOT NULL on id, scanning public.orders (about 2,000 rows) under an ACCESS EXCLUSIVE lock',
  ]);
});

test('a missing constraint is one step, named after the constraint', () => {
  const b = bench(model({ tables: [orders([positive])] }), model({ tables: [orders()] }));
  run(CONSTRAINT_PLAN.findings.missing_constraint, b.finding('missing_constraint'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.summary])).toEqual([['constraints:public.orders.orders_total_check', 'add check orders_total_check to public.orders']]);
});

test('a check or foreign key of another definition is added under a temporary name, the old one dropped, the new one renamed', () => {
  const b = bench(model({ tables: [orders([check('orders_total_check', '(total > 0)', ['total'])])] }), model({ tables: [orders([positive])] }));
  run(CONSTRAINT_PLAN.findings.constraint_mismatch, b.finding('constraint_mismatch'), b.ctx);
  const [step] = b.record.steps;
  expect(step?.summary).toBe('replace check public.orders.orders_total_check with the expected definition');
  expect(step?.up.map((s) => s.sql.split('\n')[0])).toEqual([
    'DO $sa$',
    'ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check_sa_new',
    'ALTER TABLE IF EXISTS public.orders DROP CONSTRAINT IF EXISTS orders_total_check',
    'DO $sa$',
  ]);
  expect(step?.up[0]?.sql).toContain('CHECK ((total > 0)) NOT VALID');
  // What a failed VALIDATE of the way up left under the temporary name goes first.
  expect(step?.down[0]?.sql).toBe('ALTER TABLE IF EXISTS public.orders DROP CONSTRAINT IF EXISTS orders_total_check_sa_new');
  expect(step?.down[1]?.sql).toContain('CHECK ((total >= 0)) NOT VALID');
});

test('a key of another definition is swapped onto a new unique index; a key foreign keys reference is manual', () => {
  const wide = pk('orders_pkey', ['id', 'customer_id']);
  const wideIndex = idx('orders', 'orders_pkey', ['id', 'customer_id'], { unique: true, primary: true, constraint: 'orders_pkey' });
  const swapped = bench(model({ tables: [orders([wide], [wideIndex])] }), model({ tables: [orders([orderPk], [orderPkIndex])] }));
  run(CONSTRAINT_PLAN.findings.constraint_mismatch, swapped.finding('constraint_mismatch'), swapped.ctx);
  expect(swapped.record.steps.map((s) => shape(s))).toEqual([
    { up: ['DO $sa$', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_pkey_sa_new ON public.orders USING btree (id, customer_id)', 'DO $sa$'], hazards: ['may_fail', 'long_lock'] },
  ]);
  const refs = table('refs', { columns: [col('order_id', 'integer', { position: 1 })], constraints: [fk('refs_order_fkey', ['order_id'], { table: 'orders', columns: ['id'] })] });
  const referenced = bench(model({ tables: [orders([wide], [wideIndex]), refs] }), model({ tables: [orders([orderPk], [orderPkIndex]), refs] }));
  run(CONSTRAINT_PLAN.findings.constraint_mismatch, referenced.finding('constraint_mismatch'), referenced.ctx);
  expect(referenced.record.steps).toEqual([]);
  expect(referenced.record.manual.map((m) => m.reason)).toEqual([expect.stringContaining('is referenced by foreign keys')]);
});

test('a constraint of another kind is manual, with SQL to start from', () => {
  const b = bench(model({ tables: [orders([unique('orders_x', ['id'])])] }), model({ tables: [orders([check('orders_x', '(id > 0)', ['id'])])] }));
  run(CONSTRAINT_PLAN.findings.constraint_mismatch, b.finding('constraint_mismatch'), b.ctx);
  expect(b.record.manual[0]?.reason).toBe(
    'public.orders.orders_x is a check in the database and a unique constraint in the expected schema, or cannot be replaced without blocking writes: decide how',
  );
  expect(b.record.manual[0]?.suggestion).toEqual(['ALTER TABLE IF EXISTS public.orders DROP CONSTRAINT IF EXISTS orders_x;', 'ALTER TABLE public.orders ADD CONSTRAINT orders_x UNIQUE (id);']);
});

test('the drop pass drops unexpected constraints, foreign keys first; down adds each back in its safe form', () => {
  const b = bench(model({ tables: [orders(), customers] }), model({ tables: [orders([positive, toCustomer]), customers] }));
  CONSTRAINT_PLAN.drop?.(b.all('unexpected_constraint'), b.ctx);
  expect(b.record.steps.map((s) => [s.id, s.summary])).toEqual([
    ['drop_constraints:public.orders.orders_customer_fkey', 'drop unexpected foreign key orders_customer_fkey on public.orders'],
    ['drop_constraints:public.orders.orders_total_check', 'drop unexpected check orders_total_check on public.orders'],
  ]);
  expect(b.record.steps[0]?.down.map((s) => s.sql.split('\n')[0])).toEqual(['DO $sa$', 'ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_fkey']);
});

test('constraint nouns', () => {
  expect([orderPk, unique('u', ['id']), toCustomer, positive, exclusion('x', 'EXCLUDE', [])].map(constraintNoun)).toEqual([
    'primary key',
    'unique constraint',
    'foreign key',
    'check',
    'exclusion constraint',
  ]);
});
