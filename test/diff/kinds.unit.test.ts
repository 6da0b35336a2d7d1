/**
 * Table-driven: every finding kind, with exactly the findings each change
 * must produce (kind, id, severity) and nothing else.
 */
import { diffSchemas, FINDING_KINDS, type FindingKind, type Severity } from '../../src/diff/index.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import {
  addTable,
  check,
  col,
  crm,
  enumType,
  fk,
  idx,
  key,
  patchColumn,
  patchConstraint,
  patchEnum,
  patchIndex,
  patchTable,
  pk,
  routine,
  table,
  unique,
  withoutTable,
} from './builders.js';

interface Case {
  name: string;
  expected: SchemaModel;
  actual: SchemaModel;
  findings: [FindingKind, string, Severity][];
}

const E = crm();

const cases: Case[] = [
  {
    name: 'missing_table',
    expected: E,
    actual: withoutTable(E, 'accounts'),
    findings: [['missing_table', 'missing_table:public.accounts', 'error']],
  },
  {
    name: 'unexpected_table',
    expected: E,
    actual: addTable(E, table('tmp_import', { columns: [col('line', 'text')] })),
    findings: [['unexpected_table', 'unexpected_table:public.tmp_import', 'info']],
  },
  {
    name: 'missing_column',
    expected: E,
    actual: patchTable(E, 'leads', (t) => ({ ...t, columns: t.columns.filter((c) => c.name !== 'score') })),
    findings: [['missing_column', 'missing_column:public.leads.score', 'error']],
  },
  {
    name: 'unexpected_column',
    expected: E,
    actual: patchTable(E, 'leads', (t) => ({ ...t, columns: [...t.columns, col('legacy_code', 'text')] })),
    findings: [['unexpected_column', 'unexpected_column:public.leads.legacy_code', 'info']],
  },
  {
    name: 'column_type_mismatch',
    expected: E,
    actual: patchColumn(E, 'leads', 'score', { type: 'bigint' }),
    findings: [['column_type_mismatch', 'column_type_mismatch:public.leads.score', 'error']],
  },
  {
    name: 'column_type_mismatch (collation only)',
    expected: E,
    actual: patchColumn(E, 'accounts', 'name', { collation: 'C' }),
    findings: [['column_type_mismatch', 'column_type_mismatch:public.accounts.name', 'error']],
  },
  {
    name: 'column_nullability_mismatch',
    expected: E,
    actual: patchColumn(E, 'leads', 'email', { nullable: true }),
    findings: [['column_nullability_mismatch', 'column_nullability_mismatch:public.leads.email', 'error']],
  },
  {
    name: 'column_default_mismatch',
    expected: E,
    actual: patchColumn(E, 'leads', 'status', { default: "'contacted'::lead_status" }),
    findings: [['column_default_mismatch', 'column_default_mismatch:public.leads.status', 'warning']],
  },
  {
    name: 'column_default_mismatch (default dropped)',
    expected: E,
    actual: patchColumn(E, 'leads', 'status', { default: null }),
    findings: [['column_default_mismatch', 'column_default_mismatch:public.leads.status', 'warning']],
  },
  {
    name: 'column_identity_mismatch',
    expected: E,
    actual: patchColumn(E, 'leads', 'id', { identity: 'always' }),
    findings: [['column_identity_mismatch', 'column_identity_mismatch:public.leads.id', 'warning']],
  },
  {
    name: 'column_identity_mismatch (serial instead of identity: no separate default finding)',
    expected: E,
    actual: patchColumn(E, 'leads', 'id', { identity: null, default: "nextval('leads_id_seq'::regclass)" }),
    findings: [['column_identity_mismatch', 'column_identity_mismatch:public.leads.id', 'warning']],
  },
  {
    name: 'column_generated_mismatch',
    expected: E,
    actual: patchColumn(E, 'leads', 'email_lower', { generated: { expression: 'upper((email)::text)', kind: 'stored' } }),
    findings: [['column_generated_mismatch', 'column_generated_mismatch:public.leads.email_lower', 'warning']],
  },
  {
    name: 'column_generated_mismatch (plain column with a default: no default finding)',
    expected: E,
    actual: patchColumn(E, 'leads', 'email_lower', { generated: null, default: "''::text" }),
    findings: [['column_generated_mismatch', 'column_generated_mismatch:public.leads.email_lower', 'warning']],
  },
  {
    name: 'several aspects of one column: one finding each',
    expected: E,
    actual: patchColumn(E, 'leads', 'score', { type: 'numeric', nullable: false, default: '0' }),
    findings: [
      ['column_type_mismatch', 'column_type_mismatch:public.leads.score', 'error'],
      ['column_nullability_mismatch', 'column_nullability_mismatch:public.leads.score', 'error'],
      ['column_default_mismatch', 'column_default_mismatch:public.leads.score', 'warning'],
    ],
  },
  {
    name: 'missing_index',
    expected: E,
    actual: patchTable(E, 'leads', (t) => ({ ...t, indexes: t.indexes.filter((i) => i.name !== 'leads_status_idx') })),
    findings: [['missing_index', 'missing_index:public.leads.leads_status_idx', 'error']],
  },
  {
    name: 'unexpected_index',
    expected: E,
    actual: patchTable(E, 'leads', (t) => ({ ...t, indexes: [...t.indexes, idx('leads', 'leads_score_idx', ['score'])] })),
    findings: [['unexpected_index', 'unexpected_index:public.leads.leads_score_idx', 'info']],
  },
  {
    name: 'index_mismatch (predicate)',
    expected: E,
    actual: patchIndex(E, 'leads', 'leads_status_idx', { where: null }),
    findings: [['index_mismatch', 'index_mismatch:public.leads.leads_status_idx', 'warning']],
  },
  {
    name: 'index_mismatch (key order)',
    expected: E,
    actual: patchIndex(E, 'leads', 'leads_status_idx', { keys: [key('status', { order: 'desc', nulls: 'first' })] }),
    findings: [['index_mismatch', 'index_mismatch:public.leads.leads_status_idx', 'warning']],
  },
  {
    name: 'index_mismatch (opclass of an expression key)',
    expected: E,
    actual: patchIndex(E, 'leads', 'leads_email_lower_idx', {
      keys: [{ column: null, expression: 'lower((email)::text)', order: 'asc', nulls: 'last', opclass: null, collation: null }],
    }),
    findings: [['index_mismatch', 'index_mismatch:public.leads.leads_email_lower_idx', 'warning']],
  },
  {
    name: 'index_mismatch (method)',
    expected: E,
    actual: patchIndex(E, 'leads', 'leads_status_idx', { method: 'hash' }),
    findings: [['index_mismatch', 'index_mismatch:public.leads.leads_status_idx', 'warning']],
  },
  {
    name: 'missing_enum',
    expected: E,
    actual: { ...E, enums: [] },
    findings: [['missing_enum', 'missing_enum:public.lead_status', 'error']],
  },
  {
    name: 'unexpected_enum',
    expected: E,
    actual: { ...E, enums: [...E.enums, enumType('priority', ['low', 'high'])] },
    findings: [['unexpected_enum', 'unexpected_enum:public.priority', 'info']],
  },
  {
    name: 'enum_value_missing (one per value, a gap is not a reorder)',
    expected: E,
    actual: patchEnum(E, 'lead_status', ['new', 'lost']),
    findings: [
      ['enum_value_missing', 'enum_value_missing:public.lead_status.contacted', 'error'],
      ['enum_value_missing', 'enum_value_missing:public.lead_status.won', 'error'],
    ],
  },
  {
    name: 'enum_value_unexpected',
    expected: E,
    actual: patchEnum(E, 'lead_status', ['new', 'contacted', 'Won Back', 'won', 'lost']),
    findings: [['enum_value_unexpected', 'enum_value_unexpected:public.lead_status."Won Back"', 'warning']],
  },
  {
    name: 'enum_value_order_mismatch',
    expected: E,
    actual: patchEnum(E, 'lead_status', ['new', 'won', 'contacted', 'lost']),
    findings: [['enum_value_order_mismatch', 'enum_value_order_mismatch:public.lead_status', 'warning']],
  },
  {
    name: 'enum values missing, unexpected and reordered at once',
    expected: E,
    actual: patchEnum(E, 'lead_status', ['lost', 'archived', 'new', 'contacted']),
    findings: [
      ['enum_value_order_mismatch', 'enum_value_order_mismatch:public.lead_status', 'warning'],
      ['enum_value_unexpected', 'enum_value_unexpected:public.lead_status.archived', 'warning'],
      ['enum_value_missing', 'enum_value_missing:public.lead_status.won', 'error'],
    ],
  },
  {
    name: 'missing_function, unexpected_function (overloads are distinct: another argument type is another function)',
    expected: { ...E, functions: [routine('score', { signature: 'integer', arguments: 'n integer', argumentList: 'n integer' })] },
    actual: { ...E, functions: [routine('score', { signature: 'bigint', arguments: 'n bigint', argumentList: 'n bigint' })] },
    findings: [
      ['unexpected_function', 'unexpected_function:public.score(bigint)', 'info'],
      ['missing_function', 'missing_function:public.score(integer)', 'error'],
    ],
  },
  {
    name: 'function_definition_mismatch',
    expected: { ...E, functions: [routine('touch', { returns: 'trigger', language: 'plpgsql', body: 'begin return new; end' })] },
    actual: { ...E, functions: [routine('touch', { returns: 'trigger', language: 'plpgsql', body: 'begin return null; end' })] },
    findings: [['function_definition_mismatch', 'function_definition_mismatch:public.touch()', 'warning']],
  },
  {
    name: 'missing_constraint',
    expected: E,
    actual: patchTable(E, 'leads', (t) => ({ ...t, constraints: t.constraints.filter((c) => c.name !== 'leads_score_check') })),
    findings: [['missing_constraint', 'missing_constraint:public.leads.leads_score_check', 'error']],
  },
  {
    name: 'missing_constraint (primary key: its index is not reported separately)',
    expected: E,
    actual: patchTable(E, 'leads', (t) => ({
      ...t,
      constraints: t.constraints.filter((c) => c.name !== 'leads_pkey'),
      indexes: t.indexes.filter((i) => i.name !== 'leads_pkey'),
    })),
    findings: [['missing_constraint', 'missing_constraint:public.leads.leads_pkey', 'error']],
  },
  {
    name: 'missing_constraint (unique constraint replaced by a unique index of the same name)',
    expected: E,
    actual: patchTable(E, 'leads', (t) => ({
      ...t,
      constraints: t.constraints.filter((c) => c.name !== 'leads_email_key'),
      indexes: t.indexes.map((i) => (i.name === 'leads_email_key' ? { ...i, constraint: null } : i)),
    })),
    findings: [['missing_constraint', 'missing_constraint:public.leads.leads_email_key', 'error']],
  },
  {
    name: 'unexpected_constraint',
    expected: E,
    actual: patchTable(E, 'accounts', (t) => ({ ...t, constraints: [...t.constraints, check('accounts_name_check', "(name <> ''::text)", ['name'])] })),
    findings: [['unexpected_constraint', 'unexpected_constraint:public.accounts.accounts_name_check', 'warning']],
  },
  {
    name: 'unexpected_constraint (unique: its index is not reported separately)',
    expected: E,
    actual: patchTable(E, 'accounts', (t) => ({
      ...t,
      constraints: [...t.constraints, unique('accounts_name_key', ['name'])],
      indexes: [...t.indexes, idx('accounts', 'accounts_name_key', ['name'], { unique: true, constraint: 'accounts_name_key' })],
    })),
    findings: [['unexpected_constraint', 'unexpected_constraint:public.accounts.accounts_name_key', 'warning']],
  },
  {
    name: 'table_mismatch (UNLOGGED in production)',
    expected: E,
    actual: patchTable(E, 'accounts', (t) => ({ ...t, unlogged: true })),
    findings: [['table_mismatch', 'table_mismatch:public.accounts', 'error']],
  },
  {
    name: 'table_mismatch (a plain table where a partitioned one is expected)',
    expected: patchTable(E, 'accounts', (t) => ({ ...t, kind: 'partitioned_table', partitionKey: 'HASH (id)' })),
    actual: E,
    findings: [['table_mismatch', 'table_mismatch:public.accounts', 'error']],
  },
  {
    name: 'constraint_mismatch (foreign key action)',
    expected: E,
    actual: patchConstraint(E, 'leads', 'leads_account_id_fkey', () =>
      fk('leads_account_id_fkey', ['account_id'], { table: 'accounts', columns: ['id'] }, { onDelete: 'SET NULL' }),
    ),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_account_id_fkey', 'error']],
  },
  {
    name: 'constraint_mismatch (check expression)',
    expected: E,
    actual: patchConstraint(E, 'leads', 'leads_score_check', () => check('leads_score_check', '(score > 0)', ['score'])),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_score_check', 'error']],
  },
  {
    name: 'constraint_mismatch (deferrable)',
    expected: E,
    actual: patchConstraint(E, 'leads', 'leads_email_key', (c) => ({ ...c, deferrable: true })),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_email_key', 'error']],
  },
  {
    name: 'constraint_mismatch (kind changed, same name)',
    expected: E,
    actual: patchConstraint(E, 'leads', 'leads_score_check', () => unique('leads_score_check', ['score'])),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_score_check', 'error']],
  },
  {
    name: 'constraint_mismatch (primary key columns: the backing index difference is folded in)',
    expected: E,
    actual: patchTable(
      patchConstraint(E, 'leads', 'leads_pkey', () => pk('leads_pkey', ['id', 'account_id'])),
      'leads',
      (t) => ({
        ...t,
        indexes: t.indexes.map((i) =>
          i.name === 'leads_pkey' ? idx('leads', 'leads_pkey', ['id', 'account_id'], { unique: true, primary: true, constraint: 'leads_pkey' }) : i,
        ),
      }),
    ),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_pkey', 'error']],
  },
  {
    name: 'column_generated_mismatch (stored vs virtual)',
    expected: E,
    actual: patchColumn(E, 'leads', 'email_lower', { generated: { expression: 'lower((email)::text)', kind: 'virtual' } }),
    findings: [['column_generated_mismatch', 'column_generated_mismatch:public.leads.email_lower', 'warning']],
  },
  {
    name: 'constraint_mismatch (check NO INHERIT)',
    expected: E,
    actual: patchConstraint(E, 'leads', 'leads_score_check', (c) => (c.kind === 'check' ? { ...c, noInherit: true } : c)),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_score_check', 'error']],
  },
  {
    name: 'constraint_mismatch (foreign key to a table in another schema)',
    expected: E,
    actual: patchConstraint(E, 'leads', 'leads_account_id_fkey', () =>
      fk('leads_account_id_fkey', ['account_id'], { schema: 'crm', table: 'accounts', columns: ['id'] }, { onDelete: 'CASCADE' }),
    ),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_account_id_fkey', 'error']],
  },
  {
    name: 'constraint_mismatch (UNIQUE NULLS NOT DISTINCT: the backing index difference is folded in)',
    expected: E,
    actual: patchIndex(
      patchConstraint(E, 'leads', 'leads_email_key', (c) => (c.kind === 'unique' ? { ...c, nullsNotDistinct: true } : c)),
      'leads',
      'leads_email_key',
      { nullsNotDistinct: true },
    ),
    findings: [['constraint_mismatch', 'constraint_mismatch:public.leads.leads_email_key', 'error']],
  },
  {
    name: 'index_mismatch behind an equal constraint (INCLUDE columns)',
    expected: E,
    actual: patchIndex(E, 'leads', 'leads_email_key', { include: ['status'] }),
    findings: [['index_mismatch', 'index_mismatch:public.leads.leads_email_key', 'warning']],
  },
];

describe('every finding kind', () => {
  test('the cases cover every kind', () => {
    const covered = new Set(cases.flatMap((c) => c.findings.map(([kind]) => kind)));
    expect([...FINDING_KINDS].filter((k) => !covered.has(k))).toEqual([]);
  });

  test.each(cases)('$name', ({ expected, actual, findings }) => {
    const result = diffSchemas(expected, actual);
    expect(result.findings.map((f) => [f.kind, f.id, f.severity])).toEqual(findings);
    expect(result.ignored).toEqual([]);
    for (const f of result.findings) {
      expect(f.category).toBe('drift');
      expect(f.message).not.toMatch(/\n/);
      expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    }
  });
});

