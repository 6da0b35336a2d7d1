import { diffSchemas, DEFAULT_SEVERITY, type DiffResult, type IgnoreRule } from '../../src/diff/index.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import {
  addTable,
  col,
  crm,
  enumType,
  exclusion,
  idx,
  model,
  patchColumn,
  patchConstraint,
  patchEnum,
  patchIndex,
  patchTable,
  shuffleModel,
  table,
  withoutTable,
} from './builders.js';

const E = crm();
const ids = (r: DiffResult): string[] => r.findings.map((f) => f.id);

/** A drifted copy of the CRM schema with findings of every severity. */
function drifted(): SchemaModel {
  let m = withoutTable(E, 'accounts'); // missing_table (error)
  m = addTable(m, table('tmp_import', { columns: [col('line')] })); // unexpected_table (info)
  m = addTable(m, table('spatial_ref_sys', { columns: [col('srid', 'integer', { nullable: false })] })); // unexpected_table (info)
  m = patchColumn(m, 'leads', 'score', { type: 'bigint' }); // column_type_mismatch (error)
  m = patchColumn(m, 'leads', 'status', { default: null }); // column_default_mismatch (warning)
  m = patchTable(m, 'leads', (t) => ({
    ...t,
    columns: [...t.columns, col('legacy_code', 'text', { nullable: false }), col('legacy_flag', 'boolean')], // 2x unexpected_column (info)
    indexes: [...t.indexes, idx('leads', 'legacy_code_idx', ['legacy_code'])], // unexpected_index (info)
  }));
  m = patchEnum(m, 'lead_status', ['new', 'won', 'contacted', 'lost', 'archived']); // order (warning), unexpected value (warning)
  return m;
}

describe('diffSchemas', () => {
  test('identical models: no findings, everything present and identical', () => {
    const r = diffSchemas(E, E);
    expect(r.findings).toEqual([]);
    expect(r.ignored).toEqual([]);
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0, total: 0 });
    expect(r.present.every((p) => p.identical)).toBe(true);
    // 1 enum + 2 tables + 8 columns + 5 indexes + 5 constraints
    expect(r.present).toHaveLength(21);
  });

  test('a model compared with a structurally equal copy in another input order: no findings', () => {
    expect(diffSchemas(E, shuffleModel(E, 7)).findings).toEqual([]);
  });

  test('a missing table gives one finding, not one per column, index or constraint', () => {
    const r = diffSchemas(E, withoutTable(E, 'leads'));
    expect(ids(r)).toEqual(['missing_table:public.leads']);
    const f = r.findings[0]!;
    expect(f.object).toEqual({ schema: 'public', table: 'leads' });
    expect(f.actual).toBeNull();
    expect(f.expected).toMatchObject({ name: 'leads', description: null, columns: expect.any(Array) });
    expect(f.expected).not.toHaveProperty('rowEstimate');
    expect(f.message).toBe('table public.leads is missing (expected 6 columns)');
    expect(r.present.some((p) => p.object.table === 'leads')).toBe(false);
  });

  test('an unexpected table gives one finding', () => {
    const extra = table('audit_log', {
      rowEstimate: 12345,
      columns: [col('id', 'bigint'), col('at', 'timestamp with time zone')],
      indexes: [idx('audit_log', 'audit_log_at_idx', ['at'])],
    });
    const r = diffSchemas(E, addTable(E, extra));
    expect(ids(r)).toEqual(['unexpected_table:public.audit_log']);
    expect(r.findings[0]!.actual).not.toHaveProperty('rowEstimate');
    expect(r.findings[0]!.message).toBe('table public.audit_log is not in the expected schema (2 columns)');
  });

  test('renames are never guessed', () => {
    const renamed = patchTable(E, 'leads', (t) => ({
      ...t,
      columns: t.columns.map((c) => (c.name === 'score' ? { ...c, name: 'lead_score' } : c)),
    }));
    // Sorted by object: lead_score before score.
    expect(ids(diffSchemas(E, renamed))).toEqual(['unexpected_column:public.leads.lead_score', 'missing_column:public.leads.score']);
  });

  describe('messages and values', () => {
    test('missing column: message and expected value carry the column and its description', () => {
      const actual = patchTable(E, 'leads', (t) => ({ ...t, columns: t.columns.filter((c) => c.name !== 'score' && c.name !== 'email') }));
      const r = diffSchemas(E, actual);
      const byId = new Map(r.findings.map((f) => [f.id, f]));
      const score = byId.get('missing_column:public.leads.score')!;
      // its check goes with it, not as a finding of its own
      expect(score.message).toBe('column public.leads.score is missing (expected integer, nullable; with leads_score_check CHECK ((score >= 0)))');
      expect(score.expected).toMatchObject({ name: 'score', constraints: [{ name: 'leads_score_check', kind: 'check' }] });
      expect(byId.has('missing_constraint:public.leads.leads_score_check')).toBe(false);
      const email = byId.get('missing_column:public.leads.email')!;
      expect(email.message).toBe('column public.leads.email is missing (expected character varying(255), NOT NULL; with leads_email_key UNIQUE (email))');
      expect(email.expected).toMatchObject({ name: 'email', type: 'character varying(255)', description: 'Primary contact address' });
      expect(email.object).toEqual({ schema: 'public', table: 'leads', column: 'email' });
    });

    test('aspect mismatches carry the aspect values', () => {
      const r = diffSchemas(E, patchColumn(E, 'leads', 'score', { type: 'text', collation: 'C', nullable: false }));
      expect(r.findings.map((f) => [f.kind, f.expected, f.actual, f.message])).toEqual([
        [
          'column_type_mismatch',
          { type: 'integer', collation: null },
          { type: 'text', collation: 'C' },
          'column public.leads.score has type text COLLATE C, expected integer',
        ],
        [
          'column_nullability_mismatch',
          { nullable: true },
          { nullable: false },
          'column public.leads.score is NOT NULL, expected nullable',
        ],
      ]);
    });

    test('serial in place of identity: the identity finding names the actual default', () => {
      const r = diffSchemas(E, patchColumn(E, 'leads', 'id', { identity: null, default: "nextval('leads_id_seq'::regclass)" }));
      expect(r.findings[0]!.message).toBe(
        "column public.leads.id has no identity (default nextval('leads_id_seq'::regclass)), expected GENERATED BY DEFAULT AS IDENTITY",
      );
      expect(r.findings[0]!.actual).toEqual({ identity: null, default: "nextval('leads_id_seq'::regclass)" });
    });

    test('an unexpected NOT NULL column without a default says INSERTs will fail', () => {
      const actual = patchTable(E, 'leads', (t) => ({
        ...t,
        columns: [...t.columns, col('tenant_id', 'uuid', { nullable: false }), col('flag', 'boolean', { nullable: false, default: 'false' })],
      }));
      const messages = diffSchemas(E, actual).findings.map((f) => f.message);
      expect(messages).toEqual([
        'column public.leads.flag is not in the expected schema (boolean, NOT NULL, default false)',
        'column public.leads.tenant_id is not in the expected schema (uuid, NOT NULL: INSERTs that omit it will fail)',
      ]);
    });

    test('index and constraint mismatches name the differing fields', () => {
      const r = diffSchemas(
        E,
        patchConstraint(patchIndex(E, 'leads', 'leads_status_idx', { where: null, method: 'hash' }), 'leads', 'leads_account_id_fkey', (c) =>
          c.kind === 'foreign_key' ? { ...c, onDelete: 'NO ACTION', match: 'FULL' } : c,
        ),
      );
      const messages = r.findings.map((f) => f.message);
      expect(messages[0]).toMatch(/^index public\.leads\.leads_status_idx differs in method, where \(expected CREATE INDEX/);
      expect(messages[1]).toMatch(/^constraint public\.leads\.leads_account_id_fkey differs in onDelete, match \(expected FOREIGN KEY/);
    });

    test('enum messages quote labels', () => {
      const r = diffSchemas(E, patchEnum(E, 'lead_status', ['new', 'contacted', 'lost', "o'neil"]));
      expect(r.findings.map((f) => f.message)).toEqual([
        "enum public.lead_status has value 'o''neil', which is not in the expected schema",
        "enum public.lead_status is missing value 'won'",
      ]);
      expect(r.findings.map((f) => f.object)).toEqual([
        { schema: 'public', enum: 'lead_status', value: "o'neil" },
        { schema: 'public', enum: 'lead_status', value: 'won' },
      ]);
    });

    test('quoted names in ids and messages', () => {
      const expected = model({ tables: [table('Lead Notes', { columns: [col('Body')] })] });
      const actual = model({ tables: [table('Lead Notes')] });
      const r = diffSchemas(expected, actual);
      expect(ids(r)).toEqual(['missing_column:public."Lead Notes"."Body"']);
      expect(r.findings[0]!.message).toBe('column public."Lead Notes"."Body" is missing (expected text, nullable)');
    });
  });

  describe('cosmetic fields are not compared', () => {
    test('an index with the same structure but other definition text: no finding', () => {
      const actual = patchIndex(E, 'leads', 'leads_status_idx', {
        definition: "CREATE INDEX leads_status_idx ON crm.leads USING btree (status) WHERE (status <> 'lost'::crm.lead_status)",
        valid: false,
      });
      expect(diffSchemas(E, actual).findings).toEqual([]);
    });

    test('a constraint NOT VALID vs validated: no finding', () => {
      const actual = patchConstraint(E, 'leads', 'leads_account_id_fkey', (c) => ({
        ...c,
        validated: false,
        definition: 'FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE NOT VALID',
      }));
      const r = diffSchemas(E, actual);
      expect(r.findings).toEqual([]);
      expect(r.present.find((p) => p.object.constraint === 'leads_account_id_fkey')?.identical).toBe(true);
    });

    test('column positions and row estimates: no finding; comments: comment_mismatch, the structure still identical', () => {
      let actual = patchColumn(E, 'leads', 'email', { comment: 'changed', position: 9 });
      actual = patchTable(actual, 'accounts', (t) => ({ ...t, comment: null, rowEstimate: 1000 }));
      const r = diffSchemas(E, actual);
      expect(r.findings.map((f) => [f.id, f.severity])).toEqual([
        ['comment_mismatch:table:public.accounts', 'info'],
        ['comment_mismatch:column:public.leads.email', 'info'],
      ]);
      expect(r.present.find((p) => p.kind === 'column' && p.object.column === 'email')?.identical).toBe(true);
    });

    test('exclusion constraints compare by definition', () => {
      const withExcl = (definition: string): SchemaModel =>
        model({ tables: [table('bookings', { constraints: [exclusion('bookings_no_overlap', definition, ['room'])] })] });
      const a = withExcl('EXCLUDE USING gist (room WITH =, during WITH &&)');
      expect(diffSchemas(a, a).findings).toEqual([]);
      expect(ids(diffSchemas(a, withExcl('EXCLUDE USING gist (room WITH =)')))).toEqual([
        'constraint_mismatch:public.bookings.bookings_no_overlap',
      ]);
    });
  });

  describe('ignore rules', () => {
    const rules: IgnoreRule[] = [
      { pattern: 'public.spatial_ref_sys', reason: 'PostGIS' },
      { pattern: '*.tmp_*', reason: 'import scratch tables' },
      { pattern: 'public.leads.legacy_*', kinds: ['unexpected_column'], reason: 'old import columns' },
    ];

    test('table glob, column glob and kinds filter; ignored findings are listed, not returned', () => {
      const r = diffSchemas(E, drifted(), { ignore: rules });
      expect(r.ignored).toEqual([
        { rule: rules[2], findingId: 'unexpected_column:public.leads.legacy_code' },
        { rule: rules[2], findingId: 'unexpected_column:public.leads.legacy_flag' },
        { rule: rules[0], findingId: 'unexpected_table:public.spatial_ref_sys' },
        { rule: rules[1], findingId: 'unexpected_table:public.tmp_import' },
      ]);
      // The kinds filter keeps the index named legacy_* reported.
      expect(ids(r)).toContain('unexpected_index:public.leads.legacy_code_idx');
      expect(ids(r).some((id) => r.ignored.some((i) => i.findingId === id))).toBe(false);
      expect(r.summary.total).toBe(r.findings.length);
    });

    test('a rule on a table covers everything in it; on a schema, everything in the schema', () => {
      const onTable = diffSchemas(E, drifted(), { ignore: [{ pattern: 'public.leads', reason: 'owned by another team' }] });
      expect(ids(onTable).filter((id) => id.includes('public.leads'))).toEqual([]);
      expect(onTable.ignored.map((i) => i.findingId)).toEqual([
        'unexpected_column:public.leads.legacy_code',
        'unexpected_column:public.leads.legacy_flag',
        'column_type_mismatch:public.leads.score',
        'column_default_mismatch:public.leads.status',
        'unexpected_index:public.leads.legacy_code_idx',
      ]);
      const all = diffSchemas(E, drifted(), { ignore: [{ pattern: 'public', reason: 'everything' }] });
      expect(all.findings).toEqual([]);
      expect(all.summary).toEqual({ error: 0, warning: 0, info: 0, total: 0 });
    });

    test('** spans parts; enum values are matched as schema.enum.value', () => {
      const r = diffSchemas(E, drifted(), {
        ignore: [
          { pattern: '**.legacy_*', reason: 'legacy' },
          { pattern: 'public.lead_status.archived', reason: 'kept for old rows' },
        ],
      });
      expect(r.ignored.map((i) => i.findingId)).toEqual([
        'enum_value_unexpected:public.lead_status.archived',
        'unexpected_column:public.leads.legacy_code',
        'unexpected_column:public.leads.legacy_flag',
        'unexpected_index:public.leads.legacy_code_idx',
      ]);
    });

    test('the first matching rule wins', () => {
      const first: IgnoreRule = { pattern: 'public.*', kinds: ['unexpected_table'], reason: 'first' };
      const second: IgnoreRule = { pattern: 'public.tmp_import', reason: 'second' };
      const r = diffSchemas(E, drifted(), { ignore: [first, second] });
      expect(r.ignored.find((i) => i.findingId === 'unexpected_table:public.tmp_import')?.rule).toBe(first);
    });

    test('invalid rules are rejected with a spec error', () => {
      expect(() => diffSchemas(E, E, { ignore: [{ pattern: 'public..x', reason: 'r' }] })).toThrow(/invalid ignore pattern "public..x"/);
      expect(() => diffSchemas(E, E, { ignore: [{ pattern: '', reason: 'r' }] })).toThrow(/empty/);
      expect(() =>
        diffSchemas(E, E, { ignore: [{ pattern: 'a', kinds: ['nope' as 'missing_table'], reason: 'r' }] }),
      ).toThrow(/unknown finding kind "nope"/);
      expect(() => diffSchemas(E, E, { ignore: [{ pattern: 'a', kinds: [], reason: 'r' }] })).toThrow(/kinds list is empty/);
    });
  });

  describe('severity', () => {
    test('defaults come from the one table', () => {
      const r = diffSchemas(E, drifted());
      for (const f of r.findings) expect(f.severity).toBe(DEFAULT_SEVERITY[f.kind as keyof typeof DEFAULT_SEVERITY]);
    });

    test('overrides apply per kind and change the summary', () => {
      const before = diffSchemas(E, drifted());
      const after = diffSchemas(E, drifted(), { severity: { unexpected_table: 'error', column_type_mismatch: 'info' } });
      expect(after.findings.filter((f) => f.kind === 'unexpected_table').map((f) => f.severity)).toEqual(['error', 'error']);
      expect(after.findings.find((f) => f.kind === 'column_type_mismatch')?.severity).toBe('info');
      expect(after.summary).toEqual({
        error: before.summary.error + 2 - 1,
        warning: before.summary.warning,
        info: before.summary.info - 2 + 1,
        total: before.summary.total,
      });
    });

    test('an invalid override is rejected', () => {
      expect(() => diffSchemas(E, E, { severity: { missing_table: 'fatal' as 'error' } })).toThrow(/invalid severity "fatal" for missing_table/);
      expect(() => diffSchemas(E, E, { severity: { nope: 'error' } as Record<string, 'error'> })).toThrow(/unknown finding kind "nope"/);
    });
  });

  test('summary counts the returned findings by severity', () => {
    const r = diffSchemas(E, drifted());
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([
      ['enum_value_order_mismatch:public.lead_status', 'warning'],
      ['enum_value_unexpected:public.lead_status.archived', 'warning'],
      ['missing_table:public.accounts', 'error'],
      ['unexpected_column:public.leads.legacy_code', 'info'],
      ['unexpected_column:public.leads.legacy_flag', 'info'],
      ['column_type_mismatch:public.leads.score', 'error'],
      ['column_default_mismatch:public.leads.status', 'warning'],
      ['unexpected_index:public.leads.legacy_code_idx', 'info'],
      ['unexpected_table:public.spatial_ref_sys', 'info'],
      ['unexpected_table:public.tmp_import', 'info'],
    ]);
    expect(r.summary).toEqual({ error: 2, warning: 3, info: 5, total: 10 });
  });

  test('ids are unique', () => {
    const r = diffSchemas(E, drifted());
    expect(new Set(ids(r)).size).toBe(r.findings.length);
  });

  test('determinism: shuffled inputs give byte-identical JSON', () => {
    const reference = JSON.stringify(diffSchemas(E, drifted(), { ignore: [{ pattern: '*.tmp_*', reason: 'r' }] }));
    for (const seed of [1, 2, 3, 42, 1234]) {
      const again = diffSchemas(shuffleModel(E, seed), shuffleModel(drifted(), seed + 100), {
        ignore: [{ pattern: '*.tmp_*', reason: 'r' }],
      });
      expect(JSON.stringify(again)).toBe(reference);
    }
  });

  test('the inputs are not mutated', () => {
    const expected = crm();
    const actual = drifted();
    const before = JSON.stringify([expected, actual]);
    diffSchemas(expected, actual);
    expect(JSON.stringify([expected, actual])).toBe(before);
  });

  describe('present objects', () => {
    test('expected objects that exist, with descriptions and whether they match', () => {
      const r = diffSchemas(E, drifted());
      const view = r.present.map((p) => [p.kind, Object.values(p.object).join('.'), p.identical, p.description ?? null]);
      expect(view).toEqual([
        ['enum', 'public.lead_status', false, 'Sales pipeline stage'],
        ['table', 'public.leads', false, null],
        ['column', 'public.leads.account_id', true, null],
        ['column', 'public.leads.email', true, 'Primary contact address'],
        ['column', 'public.leads.email_lower', true, null],
        ['column', 'public.leads.id', true, null],
        ['column', 'public.leads.score', false, null],
        ['column', 'public.leads.status', false, null],
        ['index', 'public.leads.leads_email_key', true, null],
        ['index', 'public.leads.leads_email_lower_idx', true, null],
        ['index', 'public.leads.leads_pkey', true, null],
        ['index', 'public.leads.leads_status_idx', true, null],
        ['constraint', 'public.leads.leads_account_id_fkey', true, null],
        ['constraint', 'public.leads.leads_email_key', true, null],
        ['constraint', 'public.leads.leads_pkey', true, null],
        ['constraint', 'public.leads.leads_score_check', true, null],
      ]);
      expect(r.present.find((p) => p.kind === 'column')).not.toHaveProperty('description');
    });

    test('a table whose only drift is ignored is still not identical (identical describes the database)', () => {
      const r = diffSchemas(E, patchColumn(E, 'accounts', 'name', { nullable: true }), {
        ignore: [{ pattern: 'public.accounts', reason: 'r' }],
      });
      expect(r.findings).toEqual([]);
      expect(r.present.find((p) => p.kind === 'table' && p.object.table === 'accounts')?.identical).toBe(false);
    });
  });

  describe('partitions', () => {
    const parent = table('events', {
      kind: 'partitioned_table',
      partitionKey: 'RANGE (created_at)',
      columns: [col('id', 'bigint'), col('created_at', 'timestamp with time zone', { nullable: false })],
    });
    const partition = (name: string, parentName = 'events'): ReturnType<typeof table> =>
      table(name, {
        columns: parent.columns,
        partitionOf: { schema: 'public', table: parentName, bound: "FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')" },
      });

    test('the spec lists no partitions of an expected parent: actual partitions are not reported', () => {
      const r = diffSchemas(model({ tables: [parent] }), model({ tables: [parent, partition('events_2024_01'), partition('events_2024_02')] }));
      expect(r.findings).toEqual([]);
      expect(r.present.filter((p) => p.kind === 'table').map((p) => p.object.table)).toEqual(['events']);
    });

    test('the spec lists some partitions: the others are unexpected, the absent ones missing', () => {
      const r = diffSchemas(
        model({ tables: [parent, partition('events_2024_01'), partition('events_2024_03')] }),
        model({ tables: [parent, partition('events_2024_01'), partition('events_2024_02')] }),
      );
      expect(ids(r)).toEqual(['unexpected_table:public.events_2024_02', 'missing_table:public.events_2024_03']);
      expect(r.findings[1]!.message).toBe('table public.events_2024_03 is missing (expected partition of public.events, 2 columns)');
    });

    test('partitions of a parent that is not expected are reported like tables', () => {
      const r = diffSchemas(model(), model({ tables: [parent, partition('events_2024_01')] }));
      expect(ids(r)).toEqual(['unexpected_table:public.events', 'unexpected_table:public.events_2024_01']);
    });

    test('partitions are compared like tables', () => {
      const p = partition('events_2024_01');
      const drift = { ...p, columns: [...p.columns, col('extra')] };
      const r = diffSchemas(model({ tables: [parent, p] }), model({ tables: [parent, drift] }));
      expect(ids(r)).toEqual(['unexpected_column:public.events_2024_01.extra']);
    });

    test("a column difference the parent has too is reported once, on the parent; a partition's own is its own", () => {
      const withNote = (t: ReturnType<typeof table>, note: ReturnType<typeof col>): ReturnType<typeof table> => ({ ...t, columns: [...t.columns, note] });
      const note = col('note', 'text');
      const p1 = partition('events_2024_01');
      const p2 = partition('events_2024_02');
      const expected = model({ tables: [withNote(parent, note), withNote(p1, note), withNote(p2, { ...note, default: "'x'::text" })] });
      const actual = model({ tables: [parent, p1, p2] });
      expect(ids(diffSchemas(expected, actual))).toEqual(['missing_column:public.events.note']);
      const typed = (t: ReturnType<typeof table>, type: string, nullable = true): ReturnType<typeof table> => withNote(t, { ...note, type, nullable });
      const r = diffSchemas(
        model({ tables: [typed(parent, 'text'), typed(p1, 'text'), typed(p2, 'text', false)] }),
        model({ tables: [typed(parent, 'character varying'), typed(p1, 'character varying'), typed(p2, 'character varying')] }),
      );
      expect(ids(r)).toEqual(['column_type_mismatch:public.events.note', 'column_nullability_mismatch:public.events_2024_02.note']);
    });
  });

  describe('schema scope', () => {
    const other = table('jobs', { schema: 'queue', columns: [col('id', 'bigint')] });

    test('only the expected schemas are compared by default', () => {
      const actual = { ...addTable(E, other), schemas: [...E.schemas, { name: 'queue', comment: null }] };
      const withEnum = { ...actual, enums: [...actual.enums, enumType('state', ['a'], { schema: 'queue' })] };
      expect(diffSchemas(E, withEnum).findings).toEqual([]);
    });

    test('options.schemas widens or narrows the scope', () => {
      const actual = addTable(E, other);
      expect(ids(diffSchemas(E, actual, { schemas: ['public', 'queue'] }))).toEqual(['unexpected_table:queue.jobs']);
      expect(diffSchemas(E, withoutTable(E, 'accounts'), { schemas: ['queue'] }).findings).toEqual([]);
    });

    test('an expected table outside the schemas list is still in scope', () => {
      const expected = { ...addTable(E, other) };
      expect(ids(diffSchemas(expected, E))).toEqual(['missing_table:queue.jobs']);
    });
  });
});
