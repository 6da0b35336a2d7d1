import { ADVICE_KINDS, ADVICE_SEVERITY, adviseSchema, isAdviceKind, type AdviceKind, type IndexUsageStats } from '../../src/advice/index.js';
import type { Finding } from '../../src/findings/finding.js';
import type { Index, SchemaModel, Table } from '../../src/model/schema-model.js';
import { check, col, exprKey, fk, idx, key, model, pk, table, unique } from '../diff/builders.js';

/** Pure advice checks on hand-built models: every kind, positive and negative. */

const clients = table('clients', { columns: [col('id', 'uuid', { nullable: false })], indexes: [idx('clients', 'clients_pkey', ['id'], { primary: true, unique: true, constraint: 'clients_pkey' })], constraints: [pk('clients_pkey', ['id'])] });

/** `leads` with a primary key, the given extra indexes and constraints. */
function leads(parts: { indexes?: Index[]; constraints?: Table['constraints']; columns?: Table['columns'] } = {}): Table {
  return table('leads', {
    columns: parts.columns ?? [col('id', 'uuid', { nullable: false }), col('client_id', 'uuid'), col('status', 'text'), col('email', 'text'), col('created_at', 'timestamptz')],
    indexes: [idx('leads', 'leads_pkey', ['id'], { primary: true, unique: true, constraint: 'leads_pkey' }), ...(parts.indexes ?? [])],
    constraints: [pk('leads_pkey', ['id']), ...(parts.constraints ?? [])],
  });
}

const clientFk = fk('leads_client_id_fkey', ['client_id'], { table: 'clients', columns: ['id'] });

function advise(m: SchemaModel, options: Parameters<typeof adviseSchema>[1] = {}): Finding[] {
  return adviseSchema(m, options);
}
function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.id);
}
function only(kind: AdviceKind, m: SchemaModel, options: Parameters<typeof adviseSchema>[1] = {}): Finding[] {
  return advise(m, { ...options, disabled: ADVICE_KINDS.filter((k) => k !== kind) });
}

describe('the vocabulary', () => {
  test('kinds, severities and the kind guard', () => {
    expect(ADVICE_KINDS).toEqual([
      'fk_without_index',
      'duplicate_index',
      'redundant_index',
      'table_without_primary_key',
      'invalid_index',
      'constraint_not_valid',
      'unused_index',
    ]);
    expect(ADVICE_SEVERITY).toEqual({
      fk_without_index: 'warning',
      duplicate_index: 'warning',
      redundant_index: 'info',
      table_without_primary_key: 'warning',
      invalid_index: 'warning',
      constraint_not_valid: 'warning',
      unused_index: 'info',
    });
    expect(isAdviceKind('unused_index')).toBe(true);
    expect(isAdviceKind('missing_table')).toBe(false);
  });

  test('a clean schema gets no advice', () => {
    const m = model({ tables: [clients, leads({ indexes: [idx('leads', 'leads_client_id_idx', ['client_id'])], constraints: [clientFk] })] });
    expect(advise(m)).toEqual([]);
  });
});

describe('fk_without_index', () => {
  test('a foreign key without an index: the whole finding', () => {
    const m = model({ tables: [clients, leads({ constraints: [clientFk] })] });
    expect(advise(m)).toEqual([
      {
        id: 'fk_without_index:public.leads.leads_client_id_fkey',
        kind: 'fk_without_index',
        category: 'advice',
        severity: 'warning',
        object: { schema: 'public', table: 'leads', constraint: 'leads_client_id_fkey' },
        expected: null,
        actual: {
          constraint: 'leads_client_id_fkey',
          columns: ['client_id'],
          references: { schema: 'public', table: 'clients', columns: ['id'] },
          onDelete: 'NO ACTION',
          onUpdate: 'NO ACTION',
          alsoForeignKeys: [],
        },
        message:
          'foreign key public.leads.leads_client_id_fkey (client_id) has no index starting with its columns: ' +
          'deletes and key updates on public.clients scan public.leads; create an index on public.leads (client_id)',
      },
    ]);
  });

  test.each<[string, Index[]]>([
    ['an index on the column', [idx('leads', 'i', ['client_id'])]],
    ['the column leading a multicolumn index', [idx('leads', 'i', ['client_id', 'status'])]],
    ['a unique index on it', [idx('leads', 'i', ['client_id', 'email'], { unique: true })]],
    ['a descending key', [idx('leads', 'i', [key('client_id', { order: 'desc' })])]],
    ['a non-default operator class', [idx('leads', 'i', [key('client_id', { opclass: 'uuid_ops' })])]],
    ['an INCLUDE index', [idx('leads', 'i', ['client_id'], { include: ['status'] })]],
  ])('supported by %s: no advice', (_what, indexes) => {
    expect(only('fk_without_index', model({ tables: [clients, leads({ indexes, constraints: [clientFk] })] }))).toEqual([]);
  });

  test.each<[string, Index[]]>([
    ['the column in second position', [idx('leads', 'i', ['status', 'client_id'])]],
    ['a partial index', [idx('leads', 'i', ['client_id'], { where: '(status IS NOT NULL)' })]],
    ['an expression key', [idx('leads', 'i', [exprKey('(client_id)::text')])]],
    ['a hash index', [idx('leads', 'i', ['client_id'], { method: 'hash' })]],
    ['an invalid index', [idx('leads', 'i', ['client_id'], { valid: false })]],
  ])('%s does not count', (_what, indexes) => {
    expect(ids(only('fk_without_index', model({ tables: [clients, leads({ indexes, constraints: [clientFk] })] })))).toEqual([
      'fk_without_index:public.leads.leads_client_id_fkey',
    ]);
  });

  test('a composite key: leading columns in any order count, a strict subset does not', () => {
    const parent = table('accounts', { constraints: [pk('accounts_pkey', ['region', 'id'])] });
    const composite = fk('leads_account_fkey', ['status', 'client_id'], { table: 'accounts', columns: ['region', 'id'] });
    const withIndex = (keys: string[]): SchemaModel => model({ tables: [parent, leads({ indexes: [idx('leads', 'i', keys)], constraints: [composite] })] });
    expect(only('fk_without_index', withIndex(['client_id', 'status', 'email']))).toEqual([]);
    expect(only('fk_without_index', withIndex(['status', 'client_id']))).toEqual([]);
    expect(ids(only('fk_without_index', withIndex(['client_id'])))).toEqual(['fk_without_index:public.leads.leads_account_fkey']);
    expect(ids(only('fk_without_index', withIndex(['client_id', 'email', 'status'])))).toEqual(['fk_without_index:public.leads.leads_account_fkey']);
  });

  test('the primary key index supports a foreign key on the key columns (one-to-one)', () => {
    const profile = table('profiles', {
      indexes: [idx('profiles', 'profiles_pkey', ['id'], { primary: true, unique: true, constraint: 'profiles_pkey' })],
      constraints: [pk('profiles_pkey', ['id']), fk('profiles_id_fkey', ['id'], { table: 'clients', columns: ['id'] })],
    });
    expect(advise(model({ tables: [clients, profile] }))).toEqual([]);
  });

  test('foreign keys on the same columns share one finding', () => {
    const second = fk('leads_client_id_fkey2', ['client_id'], { table: 'accounts', columns: ['id'] });
    const [f, ...rest] = only('fk_without_index', model({ tables: [clients, leads({ constraints: [second, clientFk] })] }));
    expect(rest).toEqual([]);
    expect(f!.id).toBe('fk_without_index:public.leads.leads_client_id_fkey');
    expect(f!.actual).toMatchObject({ alsoForeignKeys: ['leads_client_id_fkey2'] });
    expect(f!.message).toContain('(client_id) (and leads_client_id_fkey2) has no index');
  });

  test("the server's copies for a partitioned referenced table are not reported", () => {
    const customers = table('customers', { kind: 'partitioned_table', constraints: [pk('customers_pkey', ['id'])] });
    const part = (n: number): Table =>
      table(`customers_${n}`, { partitionOf: { schema: 'public', table: 'customers', bound: `FOR VALUES IN (${n})` }, constraints: [pk(`customers_${n}_pkey`, ['id'])] });
    const orders = table('orders', {
      constraints: [
        pk('orders_pkey', ['id']),
        fk('orders_cid_fkey', ['cid'], { table: 'customers', columns: ['id'] }, { validated: false }),
        fk('orders_cid_fkey1', ['cid'], { table: 'customers_1', columns: ['id'] }, { validated: false }),
        fk('orders_cid_fkey2', ['cid'], { table: 'customers_2', columns: ['id'] }, { validated: false }),
      ],
      indexes: [idx('orders', 'orders_pkey', ['id'], { primary: true, unique: true, constraint: 'orders_pkey' })],
    });
    const found = advise(model({ tables: [part(2), orders, customers, part(1)] }));
    expect(ids(found)).toEqual(['fk_without_index:public.orders.orders_cid_fkey', 'constraint_not_valid:public.orders.orders_cid_fkey']);
    expect(found[0]!.actual).toMatchObject({ alsoForeignKeys: [] });
  });
});

describe('duplicate_index', () => {
  test('two indexes with the same structure: the later name is reported', () => {
    const a = idx('leads', 'leads_status_a', ['status']);
    const b = idx('leads', 'leads_status_b', ['status']);
    const found = only('duplicate_index', model({ tables: [leads({ indexes: [b, a] })] }));
    expect(found).toEqual([
      {
        id: 'duplicate_index:public.leads.leads_status_b',
        kind: 'duplicate_index',
        category: 'advice',
        severity: 'warning',
        object: { schema: 'public', table: 'leads', index: 'leads_status_b' },
        expected: null,
        actual: { index: b, duplicateOf: a },
        message:
          'index public.leads.leads_status_b duplicates leads_status_a (CREATE INDEX leads_status_b ON public.leads USING btree (status)): ' +
          'every write maintains both and queries use one; drop index public.leads_status_b',
      },
    ]);
  });

  test('the index backing a constraint is kept, whatever the names', () => {
    const extra = idx('leads', 'a_leads_id', ['id'], { unique: true });
    expect(ids(only('duplicate_index', model({ tables: [leads({ indexes: [extra] })] })))).toEqual(['duplicate_index:public.leads.a_leads_id']);
    const uniqueConstraint = idx('leads', 'a_leads_id_key', ['id'], { unique: true, constraint: 'a_leads_id_key' });
    const [f] = only('duplicate_index', model({ tables: [leads({ indexes: [uniqueConstraint], constraints: [unique('a_leads_id_key', ['id'])] })] }));
    expect(f!.id).toBe('duplicate_index:public.leads.a_leads_id_key');
    expect(f!.actual).toMatchObject({ duplicateOf: { name: 'leads_pkey' } });
    expect(f!.message).toMatch(/drop constraint a_leads_id_key \(which the index implements\) from public\.leads$/);
  });

  test('three copies: two findings, both pointing at the kept one', () => {
    const found = only('duplicate_index', model({ tables: [leads({ indexes: ['x3', 'x1', 'x2'].map((n) => idx('leads', n, ['email'])) })] }));
    expect(found.map((f) => [f.id, (f.actual as { duplicateOf: Index }).duplicateOf.name])).toEqual([
      ['duplicate_index:public.leads.x2', 'x1'],
      ['duplicate_index:public.leads.x3', 'x1'],
    ]);
  });

  test('INCLUDE columns compare as a set', () => {
    const a = idx('leads', 'a', ['email'], { include: ['status', 'created_at'] });
    const b = idx('leads', 'b', ['email'], { include: ['created_at', 'status'] });
    expect(ids(only('duplicate_index', model({ tables: [leads({ indexes: [a, b] })] })))).toEqual(['duplicate_index:public.leads.b']);
  });

  const email = (over: Partial<Index> = {}): Index => idx('leads', 'a', ['email'], over);
  test.each<[string, Index, Index]>([
    ['method', email(), idx('leads', 'b', ['email'], { method: 'hash' })],
    ['uniqueness', email(), idx('leads', 'b', ['email'], { unique: true })],
    ['predicate', email(), idx('leads', 'b', ['email'], { where: '(status IS NOT NULL)' })],
    ['INCLUDE', email(), idx('leads', 'b', ['email'], { include: ['status'] })],
    ['NULLS NOT DISTINCT', email({ unique: true }), idx('leads', 'b', ['email'], { unique: true, nullsNotDistinct: true })],
    ['validity (an invalid copy is invalid_index, not a duplicate)', email(), idx('leads', 'b', ['email'], { valid: false })],
    ['key order', email(), idx('leads', 'b', [key('email', { order: 'desc', nulls: 'first' })])],
    ['nulls order', email(), idx('leads', 'b', [key('email', { nulls: 'first' })])],
    ['operator class', email(), idx('leads', 'b', [key('email', { opclass: 'text_pattern_ops' })])],
    ['collation', email(), idx('leads', 'b', [key('email', { collation: 'C' })])],
    ['expression', email(), idx('leads', 'b', [exprKey('lower(email)')])],
  ])('differing in %s: not duplicates', (_what, a, b) => {
    expect(only('duplicate_index', model({ tables: [leads({ indexes: [a, b] })] }))).toEqual([]);
  });
});

describe('redundant_index', () => {
  const t = (...indexes: Index[]): SchemaModel => model({ tables: [leads({ indexes })] });

  test('a strict leading prefix of another index: the whole finding', () => {
    const short = idx('leads', 'leads_client', ['client_id']);
    const long = idx('leads', 'leads_client_status', ['client_id', key('status', { order: 'desc' })]);
    expect(only('redundant_index', t(long, short))).toEqual([
      {
        id: 'redundant_index:public.leads.leads_client',
        kind: 'redundant_index',
        category: 'advice',
        severity: 'info',
        object: { schema: 'public', table: 'leads', index: 'leads_client' },
        expected: null,
        actual: { index: short, coveredBy: long },
        message:
          'index public.leads.leads_client is redundant: its keys (client_id) lead leads_client_status (client_id, status DESC), ' +
          'which serves the same queries; every write maintains both; drop index public.leads_client unless its smaller size matters',
      },
    ]);
  });

  test('the covering index with the fewest keys is named', () => {
    const found = only('redundant_index', t(idx('leads', 'c3', ['client_id', 'status', 'email']), idx('leads', 'c1', ['client_id']), idx('leads', 'c2', ['client_id', 'status'])));
    expect(found.map((f) => [f.object.index, (f.actual as { coveredBy: Index }).coveredBy.name])).toEqual([
      ['c1', 'c2'],
      ['c2', 'c3'],
    ]);
  });

  test('a plain index beside a unique one on the same keys is redundant', () => {
    const found = only('redundant_index', t(idx('leads', 'plain', ['email']), idx('leads', 'uniq', ['email'], { unique: true })));
    expect(ids(found)).toEqual(['redundant_index:public.leads.plain']);
    expect(found[0]!.message).toContain('unique index uniq has the same keys (email)');
  });

  test.each<[string, Index[]]>([
    ['a unique index (it enforces something)', [idx('leads', 'a', ['email'], { unique: true }), idx('leads', 'b', ['email', 'status'])]],
    ['an index backing a constraint', [idx('leads', 'a', ['email'], { constraint: 'c' }), idx('leads', 'b', ['email', 'status'])]],
    ['another key order', [idx('leads', 'a', [key('email', { order: 'desc' })]), idx('leads', 'b', ['email', 'status'])]],
    ['another operator class', [idx('leads', 'a', [key('email', { opclass: 'text_pattern_ops' })]), idx('leads', 'b', ['email', 'status'])]],
    ['another collation', [idx('leads', 'a', [key('email', { collation: 'C' })]), idx('leads', 'b', ['email', 'status'])]],
    ['another predicate', [idx('leads', 'a', ['email'], { where: '(status = 1)' }), idx('leads', 'b', ['email', 'status'])]],
    ['not a prefix', [idx('leads', 'a', ['status']), idx('leads', 'b', ['email', 'status'])]],
    ['the same keys, neither unique (that is duplicate_index)', [idx('leads', 'a', ['email']), idx('leads', 'b', ['email'])]],
    ['a hash index', [idx('leads', 'a', ['email'], { method: 'hash' }), idx('leads', 'b', ['email', 'status'])]],
    ['a hash covering index', [idx('leads', 'a', ['email']), idx('leads', 'b', ['email', 'status'], { method: 'hash' })]],
    ['an INCLUDE column the other lacks', [idx('leads', 'a', ['email'], { include: ['created_at'] }), idx('leads', 'b', ['email', 'status'])]],
    ['an invalid covering index', [idx('leads', 'a', ['email']), idx('leads', 'b', ['email', 'status'], { valid: false })]],
  ])('not redundant: %s', (_what, indexes) => {
    expect(only('redundant_index', t(...indexes))).toEqual([]);
  });

  test.each<[string, Index[]]>([
    ['the same predicate', [idx('leads', 'a', ['email'], { where: '(status = 1)' }), idx('leads', 'b', ['email', 'status'], { where: '(status = 1)' })]],
    ['an INCLUDE column the other has as a key', [idx('leads', 'a', ['email'], { include: ['status'] }), idx('leads', 'b', ['email', 'status'])]],
    ['an INCLUDE column the other includes', [idx('leads', 'a', ['email'], { include: ['created_at'] }), idx('leads', 'b', ['email', 'status'], { include: ['created_at'] })]],
    ['an expression prefix', [idx('leads', 'a', [exprKey('lower(email)')]), idx('leads', 'b', [exprKey('lower(email)'), 'status'])]],
    ['a unique covering index', [idx('leads', 'a', ['email']), idx('leads', 'b', ['email', 'status'], { unique: true })]],
  ])('redundant: %s', (_what, indexes) => {
    expect(ids(only('redundant_index', t(...indexes)))).toEqual(['redundant_index:public.leads.a']);
  });

  test('duplicates: the kept twin may be redundant, the reported twin is only a duplicate', () => {
    const found = advise(t(idx('leads', 'a1', ['email']), idx('leads', 'a2', ['email']), idx('leads', 'b', ['email', 'status'])), { disabled: ['unused_index'] });
    expect(ids(found)).toEqual(['redundant_index:public.leads.a1', 'duplicate_index:public.leads.a2']);
  });
});

describe('table_without_primary_key', () => {
  test('a table without a primary key: the whole finding, with a unique candidate', () => {
    const events = table('events', {
      rowEstimate: 1200,
      columns: [col('code', 'text', { nullable: false }), col('ref', 'text')],
      indexes: [idx('events', 'events_code_key', ['code'], { unique: true, constraint: 'events_code_key' }), idx('events', 'events_ref_key', ['ref'], { unique: true })],
      constraints: [unique('events_code_key', ['code'])],
    });
    expect(advise(model({ tables: [events] }))).toEqual([
      {
        id: 'table_without_primary_key:public.events',
        kind: 'table_without_primary_key',
        category: 'advice',
        severity: 'warning',
        object: { schema: 'public', table: 'events' },
        expected: null,
        actual: { kind: 'table', rowEstimate: 1200, partitions: 0, uniqueCandidates: [{ index: 'events_code_key', constraint: 'events_code_key', columns: ['code'] }] },
        message:
          'table public.events has no primary key: its rows have no guaranteed identity (logical replication cannot replicate its UPDATEs and DELETEs, ' +
          'tools and ORMs expect one); add a primary key (unique events_code_key on NOT NULL columns (code) could become it)',
      },
    ]);
  });

  test('a table with a primary key gets none', () => {
    expect(only('table_without_primary_key', model({ tables: [clients] }))).toEqual([]);
  });

  const parent = table('ev', { kind: 'partitioned_table', partitionKey: 'RANGE (at)' });
  const part = (name: string, schema = 'public'): Table =>
    table(name, { schema, partitionOf: { schema: 'public', table: 'ev', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" } });

  test('a partitioned table: reported once, on the parent', () => {
    const found = only('table_without_primary_key', model({ tables: [part('ev_2025'), parent, part('ev_2024')] }));
    expect(ids(found)).toEqual(['table_without_primary_key:public.ev']);
    expect(found[0]!.message).toMatch(/^table public\.ev \(partitioned, 2 partitions\) has no primary key/);
  });

  test('a partition whose parent is out of scope is reported itself', () => {
    const found = only('table_without_primary_key', model({ schemas: ['public', 'archive'], tables: [parent, part('ev_2024', 'archive')] }), { schemas: ['archive'] });
    expect(ids(found)).toEqual(['table_without_primary_key:archive.ev_2024']);
  });
});

describe('invalid_index', () => {
  test('an invalid index on a table: the whole finding', () => {
    const bad = idx('leads', 'leads_email_key', ['email'], { unique: true, valid: false });
    expect(only('invalid_index', model({ tables: [leads({ indexes: [bad] })] }))).toEqual([
      {
        id: 'invalid_index:public.leads.leads_email_key',
        kind: 'invalid_index',
        category: 'advice',
        severity: 'warning',
        object: { schema: 'public', table: 'leads', index: 'leads_email_key' },
        expected: null,
        actual: bad,
        message:
          'index public.leads.leads_email_key is invalid (a failed or cancelled CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY): ' +
          'no query uses it, yet writes may still maintain it and check its uniqueness; ' +
          'drop it and create it again, or REINDEX INDEX CONCURRENTLY public.leads_email_key',
      },
    ]);
  });

  test('an invalid index on a partitioned table says how to finish it', () => {
    const ev = table('ev', { kind: 'partitioned_table', constraints: [pk('ev_pkey', ['id'])], indexes: [idx('ev', 'ev_at_idx', ['at'], { valid: false })] });
    const [f] = only('invalid_index', model({ tables: [ev] }));
    expect(f!.message).toMatch(/created ON ONLY the partitioned table .* ATTACH PARTITION them$/);
  });

  test('valid indexes get none', () => {
    expect(only('invalid_index', model({ tables: [leads({ indexes: [idx('leads', 'x', ['email'])] })] }))).toEqual([]);
  });
});

describe('constraint_not_valid', () => {
  test('NOT VALID foreign key and check: the whole findings', () => {
    const notValidFk = fk('leads_client_id_fkey', ['client_id'], { table: 'clients', columns: ['id'] }, { validated: false });
    const notValidCheck = check('leads_status_check', "status <> ''::text", ['status'], { validated: false });
    const m = model({ tables: [clients, leads({ indexes: [idx('leads', 'i', ['client_id'])], constraints: [notValidFk, notValidCheck, check('ok_check', 'true', [])] })] });
    expect(advise(m)).toEqual([
      {
        id: 'constraint_not_valid:public.leads.leads_client_id_fkey',
        kind: 'constraint_not_valid',
        category: 'advice',
        severity: 'warning',
        object: { schema: 'public', table: 'leads', constraint: 'leads_client_id_fkey' },
        expected: null,
        actual: notValidFk,
        message:
          'foreign key public.leads.leads_client_id_fkey (client_id) referencing public.clients is NOT VALID: rows written before it was added were never checked ' +
          '(new writes are) and the planner cannot rely on it; fix violating rows, then ALTER TABLE public.leads VALIDATE CONSTRAINT leads_client_id_fkey (it does not block writes)',
      },
      {
        id: 'constraint_not_valid:public.leads.leads_status_check',
        kind: 'constraint_not_valid',
        category: 'advice',
        severity: 'warning',
        object: { schema: 'public', table: 'leads', constraint: 'leads_status_check' },
        expected: null,
        actual: notValidCheck,
        message:
          "check constraint public.leads.leads_status_check CHECK (status <> ''::text) is NOT VALID: rows written before it was added were never checked " +
          '(new writes are) and the planner cannot rely on it; fix violating rows, then ALTER TABLE public.leads VALIDATE CONSTRAINT leads_status_check (it does not block writes)',
      },
    ]);
  });

  test("a partition's copy of its parent's NOT VALID check is folded into the parent's", () => {
    const c = check('ev_chk', 'n > 0', ['n'], { validated: false });
    const ev = table('ev', { kind: 'partitioned_table', constraints: [pk('ev_pkey', ['id']), c] });
    const ev1 = table('ev_1', { partitionOf: { schema: 'public', table: 'ev', bound: 'DEFAULT' }, constraints: [pk('ev_1_pkey', ['id']), c] });
    const own = check('ev_1_own', 'n < 9', ['n'], { validated: false });
    const ev2 = table('ev_2', { partitionOf: { schema: 'public', table: 'ev', bound: 'x' }, constraints: [pk('ev_2_pkey', ['id']), c, own] });
    expect(ids(advise(model({ tables: [ev2, ev1, ev] })))).toEqual(['constraint_not_valid:public.ev.ev_chk', 'constraint_not_valid:public.ev_2.ev_1_own']);
  });
});

describe('unused_index', () => {
  const stats = (scans: Record<string, number>, over: Partial<IndexUsageStats> = {}): IndexUsageStats => ({
    since: '2026-01-01T00:00:00.000Z',
    sinceKind: 'stats_reset',
    indexes: Object.entries(scans).map(([name, n]) => {
      const [t, i] = name.split('.');
      return { schema: 'public', table: t!, index: i!, scans: n };
    }),
    ...over,
  });
  const m = model({
    tables: [
      leads({
        indexes: [idx('leads', 'leads_email', ['email']), idx('leads', 'leads_status', ['status']), idx('leads', 'leads_code_key', ['email', 'status'], { unique: true })],
      }),
    ],
  });

  test('an index with no scans: the whole finding; used, unique and primary key indexes are not reported', () => {
    const s = stats({ 'leads.leads_email': 0, 'leads.leads_status': 12, 'leads.leads_code_key': 0, 'leads.leads_pkey': 0 });
    expect(only('unused_index', m, { stats: s })).toEqual([
      {
        id: 'unused_index:public.leads.leads_email',
        kind: 'unused_index',
        category: 'advice',
        severity: 'info',
        object: { schema: 'public', table: 'leads', index: 'leads_email' },
        expected: null,
        actual: {
          index: 'leads_email',
          definition: 'CREATE INDEX leads_email ON public.leads USING btree (email)',
          scans: 0,
          since: '2026-01-01T00:00:00.000Z',
          sinceKind: 'stats_reset',
          supportsForeignKeys: [],
        },
        message:
          'index public.leads.leads_email (email) has no recorded scans since statistics were reset at 2026-01-01T00:00:00.000Z: ' +
          'every write maintains it for nothing; consider dropping it (check replicas first: they count their own scans)',
      },
    ]);
  });

  test('statistics never reset: counted since at least the server start', () => {
    const [f] = only('unused_index', m, { stats: stats({ 'leads.leads_email': 0 }, { sinceKind: 'server_start', since: '2026-02-02T10:00:00.000Z' }) });
    expect(f!.message).toContain('has no recorded scans since at least the server start at 2026-02-02T10:00:00.000Z (statistics never reset):');
    expect(f!.actual).toMatchObject({ since: '2026-02-02T10:00:00.000Z', sinceKind: 'server_start' });
  });

  test('no statistics, or no counter for the index: nothing is said', () => {
    expect(only('unused_index', m)).toEqual([]);
    expect(only('unused_index', m, { stats: stats({ 'leads.leads_status': 0 }) }).map((f) => f.object.index)).toEqual(['leads_status']);
  });

  test('the only index supporting a foreign key says what it is for', () => {
    const withFk = model({ tables: [clients, leads({ indexes: [idx('leads', 'leads_client', ['client_id'])], constraints: [clientFk] })] });
    const [f] = only('unused_index', withFk, { stats: stats({ 'leads.leads_client': 0 }) });
    expect(f!.actual).toMatchObject({ supportsForeignKeys: ['leads_client_id_fkey'] });
    expect(f!.message).toMatch(
      /but it is the only index supporting foreign key leads_client_id_fkey, used when rows of public\.clients are deleted or their keys change: keep it unless that never happens$/,
    );
  });

  test('a partitioned table: judged on the sum over its partitions, reported on the parent only', () => {
    const parentIndex = idx('ev', 'ev_kind_idx', ['kind']);
    const ev = table('ev', { kind: 'partitioned_table', constraints: [pk('ev_pkey', ['id'])], indexes: [parentIndex] });
    const part = (n: number): Table =>
      table(`ev_${n}`, {
        partitionOf: { schema: 'public', table: 'ev', bound: `FOR VALUES IN (${n})` },
        constraints: [pk(`ev_${n}_pkey`, ['id'])],
        indexes: [idx(`ev_${n}`, `ev_${n}_kind_idx`, ['kind']), idx(`ev_${n}`, `ev_${n}_local`, ['note'])],
      });
    const pm = model({ tables: [ev, part(1), part(2)] });
    const unused = only('unused_index', pm, { stats: stats({ 'ev_1.ev_1_kind_idx': 0, 'ev_2.ev_2_kind_idx': 0, 'ev_1.ev_1_local': 3, 'ev_2.ev_2_local': 0 }) });
    expect(ids(unused)).toEqual(['unused_index:public.ev.ev_kind_idx', 'unused_index:public.ev_2.ev_2_local']);
    expect(unused[0]!.actual).toMatchObject({ partitions: 2, scans: 0 });
    expect(unused[0]!.message).toContain('has no recorded scans on any of its 2 partitions since');
    // One partition used it: the parent's index is in use.
    expect(ids(only('unused_index', pm, { stats: stats({ 'ev_1.ev_1_kind_idx': 0, 'ev_2.ev_2_kind_idx': 4 }) }))).toEqual([]);
    // A partition without a counter: no evidence, no advice.
    expect(ids(only('unused_index', pm, { stats: stats({ 'ev_1.ev_1_kind_idx': 0 }) }))).toEqual([]);
  });
});

describe('options and determinism', () => {
  const messy = (): SchemaModel =>
    model({
      schemas: ['public', 'billing'],
      tables: [
        clients,
        leads({
          indexes: [idx('leads', 'dup_b', ['status']), idx('leads', 'dup_a', ['status']), idx('leads', 'short', ['email']), idx('leads', 'long', ['email', 'status']), idx('leads', 'broken', ['created_at'], { valid: false })],
          constraints: [clientFk, check('leads_chk', 'true', [], { validated: false })],
        }),
        table('nopk', { schema: 'billing' }),
        table('also_nopk'),
      ],
    });

  test('every kind at once, sorted by schema, table, member, then kind', () => {
    expect(ids(advise(messy()))).toEqual([
      'table_without_primary_key:billing.nopk',
      'table_without_primary_key:public.also_nopk',
      'invalid_index:public.leads.broken',
      'duplicate_index:public.leads.dup_b',
      'redundant_index:public.leads.short',
      'constraint_not_valid:public.leads.leads_chk',
      'fk_without_index:public.leads.leads_client_id_fkey',
    ]);
  });

  test('disabled kinds are not checked', () => {
    const found = advise(messy(), { disabled: ['table_without_primary_key', 'invalid_index', 'fk_without_index'] });
    expect(ids(found)).toEqual(['duplicate_index:public.leads.dup_b', 'redundant_index:public.leads.short', 'constraint_not_valid:public.leads.leads_chk']);
    expect(advise(messy(), { disabled: [...ADVICE_KINDS] })).toEqual([]);
  });

  test('an unknown kind in disabled is a usage error', () => {
    expect(() => advise(messy(), { disabled: ['nope' as AdviceKind] })).toThrow(/unknown advice kind "nope": expected one of fk_without_index, /);
  });

  test('schemas limit the tables advised on', () => {
    expect(ids(advise(messy(), { schemas: ['billing'] }))).toEqual(['table_without_primary_key:billing.nopk']);
    expect(advise(messy(), { schemas: [] })).toEqual([]);
  });

  test('the same findings whatever the order of the input lists, and no input is modified', () => {
    const a = messy();
    const frozen = JSON.stringify(a);
    const reversed: SchemaModel = {
      ...a,
      tables: [...a.tables].reverse().map((t) => ({ ...t, indexes: [...t.indexes].reverse(), constraints: [...t.constraints].reverse(), columns: [...t.columns].reverse() })),
    };
    expect(JSON.stringify(advise(reversed))).toBe(JSON.stringify(advise(a)));
    expect(JSON.stringify(advise(a))).toBe(JSON.stringify(advise(a)));
    expect(JSON.stringify(a)).toBe(frozen);
  });

  test('ids are unique, every finding is advice with expected null and a one-line message', () => {
    const found = advise(messy());
    expect(new Set(ids(found)).size).toBe(found.length);
    for (const f of found) {
      expect(f.category).toBe('advice');
      expect(f.expected).toBeNull();
      expect(f.severity).toBe(ADVICE_SEVERITY[f.kind as AdviceKind]);
      expect(f.message).not.toMatch(/\n/);
    }
  });
});
