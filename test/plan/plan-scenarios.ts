/**
 * Drift to plan, without a database: hand-built models (test/diff/builders.ts)
 * with at least one finding of every kind and every branch the planner takes
 * on it (safe forms, manual steps, kept and dropped objects, backfills,
 * partitions, schemas, domains, extensions and sequences new objects need).
 * The plan guard (src/plan/plan-snapshot.test.ts) plans each one with and
 * without `dropUnexpected` and compares with the recorded plans.
 */
import type { SchemaModel, Table } from '../../src/model/schema-model.js';
import { backfillKey } from '../../src/plan/types.js';
import { check, col, crm, enumType, exclusion, fk, idx, key, model, patchColumn, patchConstraint, patchIndex, patchTable, pk, table, unique } from '../diff/builders.js';
import { domain, extension, sequence } from './builders.js';

/** One drift to plan: both models and the plan options besides `dropUnexpected`. */
export interface PlanScenario {
  readonly name: string;
  readonly expected: SchemaModel;
  readonly live: SchemaModel;
  readonly backfills?: ReadonlyMap<string, string>;
  readonly batchSize?: number;
}

/** `crm()` with more of everything on both sides: the live database as it was, the expected schema as it should be. */
function crmLive(): SchemaModel {
  const base = crm();
  let m = patchTable(base, 'leads', (t) => ({
    ...t,
    rowEstimate: 25_000,
    columns: [
      ...t.columns,
      col('legacy', 'text', { position: 7, comment: 'old import key' }),
      col('legacy_upper', 'text', { position: 8, generated: { expression: 'upper(legacy)', kind: 'stored' } }),
      col('legacy_no', 'integer', { position: 9, nullable: false, default: "nextval('leads_legacy_no_seq'::regclass)" }),
      col('notes', 'character varying(100)', { position: 10 }),
      col('code', 'character varying(40)', { position: 11, nullable: false }),
      col('ref', 'integer', { position: 12 }),
      col('title', 'text', { position: 13, collation: 'en_US' }),
      col('region', 'text', { position: 14, nullable: false }),
      col('phone', 'text', { position: 15 }),
      col('zip', 'text', { position: 16 }),
      col('seq_no', 'integer', { position: 17, default: "nextval('leads_seq_no_seq'::regclass)" }),
      col('counter', 'integer', { position: 18, nullable: false }),
      col('ext_id', 'bigint', { position: 19, identity: 'always', nullable: false }),
      col('rank', 'integer', { position: 20, identity: 'by_default', nullable: false }),
      col('serial_no', 'integer', { position: 21, nullable: false, default: "nextval('leads_serial_no_seq'::regclass)" }),
      col('total', 'numeric(10,2)', { position: 22, generated: { expression: '(score * 2)', kind: 'stored' } }),
      col('half', 'numeric', { position: 23, generated: { expression: '(score / 2)', kind: 'stored' } }),
      col('frozen', 'numeric', { position: 24 }),
    ],
    indexes: [
      ...t.indexes,
      idx('leads', 'leads_legacy_idx', ['legacy'], { comment: 'import lookups' }),
      idx('leads', 'leads_score_idx', ['score']),
      idx('leads', 'leads_code_key', ['code'], { unique: true, constraint: 'leads_code_key' }),
    ],
    constraints: [
      ...t.constraints,
      check('leads_legacy_check', '(legacy <> \'\'::text)', ['legacy']),
      fk('leads_ref_fkey', ['ref'], { table: 'accounts', columns: ['id'] }),
      unique('leads_code_key', ['code']),
    ],
  }));
  m = patchTable(m, 'accounts', (t) => ({ ...t, rowEstimate: 0, unlogged: true }));
  const tmp = table('tmp', {
    rowEstimate: 12,
    columns: [col('id', 'integer', { position: 1, nullable: false, default: "nextval('tmp_id_seq'::regclass)" }), col('account_id', 'bigint', { position: 2 })],
    indexes: [idx('tmp', 'tmp_pkey', ['id'], { unique: true, primary: true, constraint: 'tmp_pkey' }), idx('tmp', 'tmp_account_idx', ['account_id'], { comment: 'by account' })],
    constraints: [pk('tmp_pkey', ['id']), fk('tmp_account_id_fkey', ['account_id'], { table: 'accounts', columns: ['id'] })],
    comment: 'scratch',
  });
  const logs = table('logs', { kind: 'partitioned_table', partitionKey: 'RANGE (at)', columns: [col('at', 'date', { position: 1 })], rowEstimate: null });
  const logs2024 = table('logs_2024', {
    partitionOf: { schema: 'public', table: 'logs', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
    columns: [col('at', 'date', { position: 1 })],
    rowEstimate: 300,
  });
  const events = table('events', { kind: 'partitioned_table', partitionKey: 'RANGE (at)', columns: [col('at', 'date', { position: 1 }), col('kind', 'text', { position: 2 })] });
  const metrics = table('metrics', { columns: [col('at', 'date', { position: 1 })], rowEstimate: 10 });
  return {
    ...m,
    tables: [...m.tables, tmp, logs, logs2024, events, metrics],
    enums: [enumType('lead_status', ['new', 'won', 'lost', 'archived']), enumType('priority', ['high', 'low']), enumType('legacy_kind', ['a', 'b'], { comment: 'old' })],
    sequences: [
      sequence('public', 'leads_legacy_no_seq', { schema: 'public', table: 'leads', column: 'legacy_no' }),
      sequence('public', 'tmp_id_seq', { schema: 'public', table: 'tmp', column: 'id' }),
      sequence('public', 'leads_serial_no_seq', { schema: 'public', table: 'leads', column: 'serial_no' }),
      sequence('public', 'leads_ext_id_seq', { schema: 'public', table: 'leads', column: 'ext_id' }, { identity: true, dataType: 'bigint' }),
    ],
    extensions: [extension('plpgsql', 'pg_catalog')],
  };
}

function crmExpected(live: SchemaModel): SchemaModel {
  let m = live;
  m = { ...m, tables: m.tables.filter((t) => !['tmp', 'logs', 'logs_2024'].includes(t.name)) };
  m = patchTable(m, 'leads', (t) => ({
    ...t,
    columns: [
      ...t.columns.filter((c) => !['legacy', 'legacy_upper', 'legacy_no'].includes(c.name)),
      col('token', 'uuid', { position: 30, nullable: false, default: 'gen_random_uuid()' }),
      col('region_code', 'text', { position: 31, nullable: false }),
      col('tier', 'integer', { position: 32, comment: 'loyalty tier' }),
      col('owner_id', 'bigint', { position: 33 }),
      col('amount', 'crm.money_amount', { position: 34 }),
      col('ticket', 'integer', { position: 35, nullable: false, default: "nextval('leads_ticket_seq'::regclass)" }),
      col('row_no', 'bigint', { position: 36, nullable: false, identity: 'always' }),
      col('doubled', 'integer', { position: 37, generated: { expression: '(score * 2)', kind: 'stored' } }),
      col('plain_default', 'integer', { position: 38, nullable: false, default: '0' }),
      col('filled', 'text', { position: 39, nullable: false }),
    ],
    indexes: [
      ...t.indexes.filter((i) => i.name !== 'leads_legacy_idx'),
      idx('leads', 'leads_account_idx', ['account_id'], { comment: 'account page' }),
      idx('leads', 'leads_region_key', ['region'], { unique: true, constraint: 'leads_region_key' }),
    ],
    constraints: [
      ...t.constraints.filter((c) => c.name !== 'leads_legacy_check'),
      fk('leads_owner_id_fkey', ['owner_id'], { table: 'accounts', columns: ['id'] }),
      check('leads_tier_check', '(tier > 0)', ['tier']),
      unique('leads_region_key', ['region']),
      check('leads_phone_check', "(phone <> ''::text)", ['phone'], { validated: false, definition: "CHECK (phone <> ''::text) NOT VALID" }),
      fk('leads_zip_fkey', ['zip'], { table: 'zips', columns: ['zip'], schema: 'geo' }),
      exclusion('leads_no_overlap', 'EXCLUDE USING gist (region WITH =)', ['region']),
    ],
  }));
  m = patchColumn(m, 'leads', 'notes', { type: 'text' });
  m = patchColumn(m, 'leads', 'code', { type: 'character varying(20)' });
  m = patchColumn(m, 'leads', 'ref', { type: 'bigint' });
  m = patchColumn(m, 'leads', 'title', { collation: 'C' });
  m = patchColumn(m, 'leads', 'region', { nullable: true });
  m = patchColumn(m, 'leads', 'phone', { nullable: false });
  m = patchColumn(m, 'leads', 'zip', { nullable: false });
  m = patchColumn(m, 'leads', 'score', { type: 'bigint', default: '0' });
  m = patchColumn(m, 'leads', 'seq_no', { default: "nextval('leads_seq_no_seq2'::regclass)" });
  m = patchColumn(m, 'leads', 'counter', { identity: 'by_default' });
  m = patchColumn(m, 'leads', 'ext_id', { identity: 'by_default' });
  m = patchColumn(m, 'leads', 'rank', { identity: null, default: '0' });
  m = patchColumn(m, 'leads', 'serial_no', { identity: 'always', default: null });
  m = patchColumn(m, 'leads', 'total', { generated: { expression: '(score * 3)', kind: 'stored' } });
  m = patchColumn(m, 'leads', 'half', { generated: null });
  m = patchColumn(m, 'leads', 'frozen', { generated: { expression: '(score + 1)', kind: 'stored' } });
  m = patchColumn(m, 'leads', 'status', { default: "'contacted'::lead_status" });
  m = patchIndex(m, 'leads', 'leads_score_idx', { definition: 'CREATE INDEX leads_score_idx ON public.leads USING btree (score DESC)', keys: [{ column: 'score', expression: null, order: 'desc', nulls: 'first', opclass: null, collation: null }] });
  m = patchIndex(m, 'leads', 'leads_email_key', { where: '(email IS NOT NULL)', definition: 'CREATE UNIQUE INDEX leads_email_key ON public.leads USING btree (email) WHERE (email IS NOT NULL)' });
  m = patchConstraint(m, 'leads', 'leads_account_id_fkey', (c) => ({ ...c, definition: 'FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL', ...(c.kind === 'foreign_key' ? { onDelete: 'SET NULL' as const } : {}) }));
  m = patchConstraint(m, 'leads', 'leads_score_check', (c) => ({ ...c, definition: 'CHECK ((score >= 1))', ...(c.kind === 'check' ? { expression: '(score >= 1)' } : {}) }));
  m = patchConstraint(m, 'leads', 'leads_code_key', (c) => ({ ...c, deferrable: true, definition: 'UNIQUE (code) DEFERRABLE' }));
  m = patchConstraint(m, 'leads', 'leads_ref_fkey', () => check('leads_ref_fkey', '(ref > 0)', ['ref']));
  m = patchTable(m, 'accounts', (t) => ({ ...t, unlogged: false }));
  m = patchTable(m, 'events', (t) => ({ ...t, partitionKey: 'LIST (kind)' }));
  m = patchTable(m, 'metrics', (t) => ({
    ...t,
    constraints: [pk('metrics_pkey', ['at']), check('metrics_at_check', "(at > '2000-01-01'::date)", ['at'])],
    indexes: [idx('metrics', 'metrics_pkey', ['at'], { unique: true, primary: true, constraint: 'metrics_pkey' })],
  }));
  m = patchTable(m, 'events', (t) => ({
    ...t,
    constraints: [unique('events_at_key', ['at']), check('events_kind_check', "(kind <> '')", ['kind'])],
    indexes: [idx('events', 'events_at_key', ['at'], { unique: true, constraint: 'events_at_key' }), idx('events', 'events_kind_idx', ['kind'])],
  }));
  const contacts = table('contacts', {
    schema: 'crm',
    comment: 'People at accounts',
    columns: [
      col('id', 'integer', { position: 1, nullable: false, default: "nextval('crm.contacts_id_seq'::regclass)" }),
      col('account_id', 'bigint', { position: 2, comment: 'owner' }),
      col('email', 'crm.email', { position: 3, collation: 'crm.ci' }),
      col('channel', 'crm.channel', { position: 4 }),
    ],
    indexes: [
      idx('contacts', 'contacts_pkey', ['id'], { unique: true, primary: true, constraint: 'contacts_pkey', definition: 'CREATE UNIQUE INDEX contacts_pkey ON crm.contacts USING btree (id)' }),
      idx('contacts', 'contacts_email_idx', ['email'], { comment: 'lookup', definition: 'CREATE INDEX contacts_email_idx ON crm.contacts USING btree (email)' }),
    ],
    constraints: [pk('contacts_pkey', ['id']), fk('contacts_account_id_fkey', ['account_id'], { table: 'accounts', columns: ['id'] })],
  });
  const audits = table('audits', { kind: 'partitioned_table', partitionKey: 'RANGE (at)', columns: [col('at', 'date', { position: 1 })] });
  const audits2025 = table('audits_2025', {
    partitionOf: { schema: 'public', table: 'audits', bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')" },
    columns: [col('at', 'date', { position: 1 })],
    constraints: [check('audits_2025_at_check', "(at IS NOT NULL)", ['at'])],
  });
  const audits2025a = table('audits_2025_a', {
    partitionOf: { schema: 'public', table: 'audits_2025', bound: 'DEFAULT' },
    unlogged: true,
    columns: [col('at', 'date', { position: 1 })],
  });
  const empty = table('empty', {});
  return {
    ...m,
    schemas: [...m.schemas, { name: 'crm', comment: null }],
    tables: [...m.tables, audits2025a, contacts, audits2025, audits, empty],
    enums: [
      enumType('lead_status', ['draft', 'new', 'contacted', 'won', 'lost']),
      enumType('priority', ['low', 'high']),
      enumType('channel', ['email', 'phone'], { schema: 'crm', comment: 'How we reach them' }),
    ],
    domains: [domain('crm', 'email', 'text', { checks: [{ name: 'email_check', definition: "CHECK ((VALUE ~~ '%@%'::text)) NOT VALID" }], collation: 'crm.ci' }), domain('crm', 'money_amount', 'crm.positive'), domain('crm', 'positive', 'numeric', { notNull: true, default: '0' })],
    sequences: [
      ...m.sequences.filter((s) => s.name !== 'leads_legacy_no_seq' && s.name !== 'tmp_id_seq'),
      sequence('crm', 'contacts_id_seq', { schema: 'crm', table: 'contacts', column: 'id' }),
      sequence('public', 'leads_ticket_seq', { schema: 'public', table: 'leads', column: 'ticket' }),
      sequence('public', 'leads_seq_no_seq2', null),
    ],
    extensions: [...m.extensions, extension('citext'), extension('pg_trgm', 'crm')],
  };
}

/** Every scenario, by name. */
export function planScenarios(): PlanScenario[] {
  const live = crmLive();
  const expected = crmExpected(live);
  const backfills = new Map([
    [backfillKey('public', 'leads', 'filled'), "'n/a'"],
    [backfillKey('public', 'leads', 'zip'), "'00000'"],
  ]);
  const small = (over: Partial<Table> = {}): Table =>
    table('leads', { columns: [col('id', 'integer', { position: 1, nullable: false }), col('email', 'text', { position: 2 })], ...over });
  return [
    { name: 'crm: every kind of drift', expected, live, backfills, batchSize: 1000 },
    { name: 'crm: every kind of drift, no backfills', expected, live },
    { name: 'crm: from an empty database', expected, live: model({ schemas: [] }) },
    { name: 'crm: to an empty schema', expected: model(), live },
    {
      name: 'a new column with a foreign key on an empty table, and on a table of unknown size',
      expected: model({
        tables: [
          small({ rowEstimate: 0, columns: [...small().columns, col('account_id', 'bigint', { position: 3 })], constraints: [fk('leads_account_fkey', ['account_id'], { table: 'accounts', columns: ['id'] })] }),
          table('accounts', {
            columns: [col('id', 'bigint', { position: 1, nullable: false }), col('lead_id', 'integer', { position: 2, default: '1' })],
            constraints: [pk('accounts_pkey', ['id']), fk('accounts_lead_fkey', ['lead_id'], { table: 'leads', columns: ['id'] })],
            indexes: [idx('accounts', 'accounts_pkey', ['id'], { unique: true, primary: true, constraint: 'accounts_pkey' })],
          }),
        ],
      }),
      live: model({ tables: [small({ rowEstimate: 0 }), table('accounts', { columns: [col('id', 'bigint', { position: 1, nullable: false })], constraints: [pk('accounts_pkey', ['id'])], indexes: [idx('accounts', 'accounts_pkey', ['id'], { unique: true, primary: true, constraint: 'accounts_pkey' })] })] }),
    },
    {
      name: 'a primary key referenced by a foreign key, a primary key on nullable columns, a partition',
      expected: model({
        tables: [
          table('parents', {
            columns: [col('id', 'integer', { position: 1, nullable: false }), col('code', 'text', { position: 2, nullable: false })],
            constraints: [pk('parents_pkey', ['id', 'code'])],
            indexes: [idx('parents', 'parents_pkey', ['id', 'code'], { unique: true, primary: true, constraint: 'parents_pkey' })],
          }),
          table('children', { columns: [col('parent_id', 'integer', { position: 1 })], constraints: [fk('children_parent_fkey', ['parent_id'], { table: 'parents', columns: ['id'] })] }),
          table('pairs', {
            columns: [col('a', 'integer', { position: 1, nullable: false }), col('b', 'integer', { position: 2, nullable: false })],
            constraints: [pk('pairs_pkey', ['a', 'b'])],
            indexes: [idx('pairs', 'pairs_pkey', ['a', 'b'], { unique: true, primary: true, constraint: 'pairs_pkey' })],
          }),
          table('loose', {
            rowEstimate: 5,
            columns: [col('a', 'integer', { position: 1 })],
            constraints: [pk('loose_pkey', ['a'])],
            indexes: [idx('loose', 'loose_pkey', ['a'], { unique: true, primary: true, constraint: 'loose_pkey' })],
          }),
          table('part', {
            partitionOf: { schema: 'public', table: 'parents', bound: 'DEFAULT' },
            columns: [col('a', 'integer', { position: 1 })],
            indexes: [idx('part', 'part_a_idx', [key('a', { order: 'desc', nulls: 'first' })], { definition: 'CREATE INDEX part_a_idx ON public.part USING btree (a DESC)' })],
          }),
        ],
      }),
      live: model({
        tables: [
          table('parents', {
            columns: [col('id', 'integer', { position: 1, nullable: false }), col('code', 'text', { position: 2, nullable: false })],
            constraints: [pk('parents_pkey', ['id'])],
            indexes: [idx('parents', 'parents_pkey', ['id'], { unique: true, primary: true, constraint: 'parents_pkey' })],
          }),
          table('children', { columns: [col('parent_id', 'integer', { position: 1 })], constraints: [fk('children_parent_fkey', ['parent_id'], { table: 'parents', columns: ['id'] })] }),
          table('pairs', {
            columns: [col('a', 'integer', { position: 1, nullable: false }), col('b', 'integer', { position: 2, nullable: false })],
            constraints: [pk('pairs_pkey', ['a'])],
            indexes: [idx('pairs', 'pairs_pkey', ['a'], { unique: true, primary: true, constraint: 'pairs_pkey' })],
          }),
          table('loose', { rowEstimate: 5, columns: [col('a', 'integer', { position: 1 })] }),
          table('part', {
            partitionOf: { schema: 'public', table: 'parents', bound: 'DEFAULT' },
            columns: [col('a', 'integer', { position: 1 })],
            indexes: [idx('part', 'part_a_idx', ['a'])],
          }),
        ],
      }),
    },
    {
      name: 'two unexpected tables that reference each other',
      expected: model({ tables: [small(), table('series', { kind: 'partitioned_table', partitionKey: 'RANGE (at)', columns: [col('at', 'date', { position: 1 })] })] }),
      live: model({
        tables: [
          small({
            constraints: [check('leads_email_check', "(email <> ''::text)", ['email']), fk('leads_z_fkey', ['email'], { table: 'b', columns: ['id'] })],
          }),
          table('series', {
            kind: 'partitioned_table',
            partitionKey: 'RANGE (at)',
            columns: [col('at', 'date', { position: 1 })],
            indexes: [idx('series', 'series_at_idx', ['at'], { definition: 'CREATE INDEX series_at_idx ON ONLY public.series USING btree (at)' })],
          }),
          table('a', { columns: [col('id', 'integer', { position: 1, nullable: false }), col('b_id', 'integer', { position: 2 })], constraints: [pk('a_pkey', ['id']), fk('a_b_fkey', ['b_id'], { table: 'b', columns: ['id'] })] }),
          table('b', { columns: [col('id', 'integer', { position: 1, nullable: false }), col('a_id', 'integer', { position: 2 })], constraints: [pk('b_pkey', ['id']), fk('b_a_fkey', ['a_id'], { table: 'a', columns: ['id'] })] }),
        ],
        enums: [enumType('mood', ['ok'])],
      }),
    },
  ];
}
