/**
 * Table-driven: every finding kind, with exactly the findings each change
 * must produce (kind, id, severity) and nothing else.
 */
import { diffSchemas, FINDING_KINDS, type DiffOptions, type FindingKind, type Severity } from '../../src/diff/index.js';
import type { AclObject, Collation, Domain, EventTrigger, SchemaModel, Sequence, UserType } from '../../src/model/schema-model.js';
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
  trig,
  unique,
  view,
  withoutTable,
} from './builders.js';
import { extension } from '../plan/builders.js';

interface Case {
  name: string;
  expected: SchemaModel;
  actual: SchemaModel;
  findings: [FindingKind, string, Severity][];
  options?: DiffOptions;
}

/** Privileges of public.accounts on both sides, the roles app and readonly governed. */
const GOVERN: DiffOptions = { privileges: { roles: [{ expected: 'app', live: 'app' }, { expected: 'readonly', live: 'readonly' }], privileges: true, owners: true } };
function withAcl(owner: string, grants: AclObject['grants']): SchemaModel {
  return { ...E, privileges: [{ kind: 'table', schema: 'public', name: 'accounts', owner, grants }] };
}

const E = crm();
const EVT: EventTrigger = { name: 'log_ddl', event: 'ddl_command_end', tags: ['CREATE TABLE'], function: 'function:public\u0000log_ddl\u0000', enabled: 'origin', comment: null };
const T = patchTable(E, 'leads', (t) => ({ ...t, triggers: [trig('leads', 'leads_stamp'), trig('leads', 'leads_audit', { body: 'AFTER INSERT OR DELETE' })] }));

/** E with a view over leads and a materialized view. */
const V: SchemaModel = {
  ...E,
  views: [
    view('lead_emails', 'SELECT id,\n    email\n   FROM leads', {
      columns: [
        { name: 'id', type: 'bigint' },
        { name: 'email', type: 'text' },
      ],
    }),
    view('lead_counts', 'SELECT count(*) AS count\n   FROM leads', { kind: 'materialized_view', columns: [{ name: 'count', type: 'bigint' }] }),
  ],
};
const withViews = (m: SchemaModel, views: SchemaModel['views']): SchemaModel => ({ ...m, views });

const ADDRESS: UserType = { schema: 'public', name: 'address', kind: 'composite', attributes: [{ name: 'street', type: 'text', collation: null }], range: null, comment: null };
const NUMERIC: Collation = { schema: 'public', name: 'numeric', provider: 'icu', locale: 'en-u-kn-true', lcCollate: null, lcCtype: null, rules: null, deterministic: true, comment: null };
const SPAN: UserType = { schema: 'public', name: 'span', kind: 'range', attributes: [], range: { subtype: 'double precision', collation: null, canonical: null, subtypeDiff: 'float8mi' }, comment: null };

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
    name: 'missing_schema (empty, in the expected schemas), unexpected_schema (named by --schema)',
    expected: { ...E, schemas: [...E.schemas, { name: 'reports', comment: null }] },
    actual: { ...E, schemas: [...E.schemas, { name: 'scratch', comment: null }] },
    options: { schemas: ['public', 'reports', 'scratch'] },
    findings: [
      ['missing_schema', 'missing_schema:reports', 'error'],
      ['unexpected_schema', 'unexpected_schema:scratch', 'info'],
    ],
  },
  {
    name: 'a schema only the live side has, outside the audit scope: not compared',
    expected: E,
    actual: { ...E, schemas: [...E.schemas, { name: 'scratch', comment: null }] },
    findings: [],
  },
  {
    name: 'missing_collation, unexpected_collation',
    expected: { ...E, collations: [NUMERIC] },
    actual: { ...E, collations: [{ ...NUMERIC, name: 'posix', provider: 'libc', locale: 'POSIX' }] },
    findings: [
      ['missing_collation', 'missing_collation:public.numeric', 'error'],
      ['unexpected_collation', 'unexpected_collation:public.posix', 'info'],
    ],
  },
  {
    name: 'collation_mismatch (nondeterministic)',
    expected: { ...E, collations: [NUMERIC] },
    actual: { ...E, collations: [{ ...NUMERIC, deterministic: false }] },
    findings: [['collation_mismatch', 'collation_mismatch:public.numeric', 'warning']],
  },
  {
    name: 'missing_type, unexpected_type',
    expected: { ...E, types: [ADDRESS] },
    actual: { ...E, types: [{ ...SPAN, name: 'other' }] },
    findings: [
      ['missing_type', 'missing_type:public.address', 'error'],
      ['unexpected_type', 'unexpected_type:public.other', 'info'],
    ],
  },
  {
    name: 'type_mismatch (a composite attribute retyped; a range subtype)',
    expected: { ...E, types: [ADDRESS, SPAN] },
    actual: { ...E, types: [{ ...ADDRESS, attributes: [{ name: 'street', type: 'character varying', collation: null }] }, { ...SPAN, range: { ...SPAN.range!, subtype: 'numeric' } }] },
    findings: [
      ['type_mismatch', 'type_mismatch:public.address', 'warning'],
      ['type_mismatch', 'type_mismatch:public.span', 'warning'],
    ],
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
  ...sequenceAndDomainCases(),
  {
    name: 'missing_extension, unexpected_extension',
    expected: { ...E, extensions: [extension('citext', 'public', { version: '1.6' })] },
    actual: { ...E, extensions: [extension('hstore')] },
    findings: [
      ['missing_extension', 'missing_extension:public.citext', 'error'],
      ['unexpected_extension', 'unexpected_extension:public.hstore', 'info'],
    ],
  },
  {
    name: 'extension_mismatch (version; a version of null expects any)',
    expected: { ...E, extensions: [extension('pg_trgm', 'public', { version: '1.4' }), extension('citext', 'public', { version: null })] },
    actual: { ...E, extensions: [extension('pg_trgm', 'public', { version: '1.3' }), extension('citext', 'public', { version: '1.6' })] },
    findings: [['extension_mismatch', 'extension_mismatch:public.pg_trgm', 'warning']],
  },
  {
    name: 'comment_mismatch (a table; an index and a constraint of the same name, told apart by their kind)',
    expected: E,
    actual: patchIndex(
      patchConstraint(patchTable(E, 'leads', (t) => ({ ...t, comment: 'other' })), 'leads', 'leads_email_key', (c) => ({ ...c, comment: 'k' })),
      'leads',
      'leads_email_key',
      { comment: 'i' },
    ),
    findings: [
      ['comment_mismatch', 'comment_mismatch:table:public.leads', 'info'],
      ['comment_mismatch', 'comment_mismatch:index:public.leads.leads_email_key', 'info'],
      ['comment_mismatch', 'comment_mismatch:constraint:public.leads.leads_email_key', 'info'],
    ],
  },
  {
    name: 'missing_view (a materialized view)',
    expected: V,
    actual: withViews(V, V.views.slice(0, 1)),
    findings: [['missing_view', 'missing_view:public.lead_counts', 'error']],
  },
  {
    name: 'unexpected_view',
    expected: E,
    actual: withViews(E, V.views.slice(0, 1)),
    findings: [['unexpected_view', 'unexpected_view:public.lead_emails', 'info']],
  },
  {
    name: 'view_definition_mismatch',
    expected: V,
    actual: withViews(V, [{ ...V.views[0]!, definition: 'SELECT id,\n    lower(email) AS email\n   FROM leads' }, V.views[1]!]),
    findings: [['view_definition_mismatch', 'view_definition_mismatch:public.lead_emails', 'error']],
  },
  {
    name: 'view_mismatch (options; a materialized view never refreshed)',
    expected: V,
    actual: withViews(V, [{ ...V.views[0]!, options: ['security_barrier=true'] }, { ...V.views[1]!, populated: false }]),
    findings: [
      ['view_mismatch', 'view_mismatch:public.lead_counts', 'warning'],
      ['view_mismatch', 'view_mismatch:public.lead_emails', 'warning'],
    ],
  },
  {
    name: 'missing_trigger',
    expected: T,
    actual: patchTable(T, 'leads', (t) => ({ ...t, triggers: t.triggers.filter((tr) => tr.name !== 'leads_audit') })),
    findings: [['missing_trigger', 'missing_trigger:public.leads.leads_audit', 'error']],
  },
  {
    name: 'unexpected_trigger',
    expected: T,
    actual: patchTable(T, 'leads', (t) => ({ ...t, triggers: [...t.triggers, trig('leads', 'zz_extra')] })),
    findings: [['unexpected_trigger', 'unexpected_trigger:public.leads.zz_extra', 'warning']],
  },
  {
    name: 'trigger_mismatch (another event)',
    expected: T,
    actual: patchTable(T, 'leads', (t) => ({ ...t, triggers: t.triggers.map((tr) => (tr.name === 'leads_stamp' ? trig('leads', 'leads_stamp', { body: 'BEFORE INSERT' }) : tr)) })),
    findings: [['trigger_mismatch', 'trigger_mismatch:public.leads.leads_stamp', 'warning']],
  },
  {
    name: 'trigger_enabled_mismatch (disabled)',
    expected: T,
    actual: patchTable(T, 'leads', (t) => ({ ...t, triggers: t.triggers.map((tr) => (tr.name === 'leads_stamp' ? { ...tr, enabled: 'disabled' as const } : tr)) })),
    findings: [['trigger_enabled_mismatch', 'trigger_enabled_mismatch:public.leads.leads_stamp', 'warning']],
  },
  {
    name: 'row-level security: switched off and unforced, a policy missing, one unexpected, one changed',
    expected: patchTable(E, 'leads', (t) => ({
      ...t,
      rowSecurity: true,
      forceRowSecurity: true,
      policies: [
        { name: 'a_tenant', command: 'all', permissive: true, roles: ['public'], using: '(tenant_id = 1)', check: null, comment: null },
        { name: 'b_read', command: 'select', permissive: true, roles: ['app_user'], using: 'true', check: null, comment: null },
      ],
    })),
    actual: patchTable(E, 'leads', (t) => ({
      ...t,
      policies: [
        { name: 'b_read', command: 'select', permissive: true, roles: ['app_user', 'writer'], using: 'true', check: null, comment: null },
        { name: 'c_debug', command: 'all', permissive: true, roles: ['public'], using: 'true', check: null, comment: null },
      ],
    })),
    findings: [
      ['rls_enabled_mismatch', 'rls_enabled_mismatch:public.leads', 'error'],
      ['rls_forced_mismatch', 'rls_forced_mismatch:public.leads', 'warning'],
      ['missing_policy', 'missing_policy:public.leads.a_tenant', 'error'],
      ['policy_mismatch', 'policy_mismatch:public.leads.b_read', 'error'],
      ['unexpected_policy', 'unexpected_policy:public.leads.c_debug', 'error'],
    ],
  },
  {
    name: 'missing_event_trigger',
    expected: { ...E, eventTriggers: [EVT] },
    actual: E,
    findings: [['missing_event_trigger', 'missing_event_trigger:public.log_ddl', 'error']],
  },
  {
    name: 'unexpected_event_trigger',
    expected: E,
    actual: { ...E, eventTriggers: [EVT] },
    findings: [['unexpected_event_trigger', 'unexpected_event_trigger:public.log_ddl', 'warning']],
  },
  {
    name: 'event_trigger_mismatch (tags)',
    expected: { ...E, eventTriggers: [EVT] },
    actual: { ...E, eventTriggers: [{ ...EVT, tags: [] }] },
    findings: [['event_trigger_mismatch', 'event_trigger_mismatch:public.log_ddl', 'warning']],
  },
  {
    name: 'privilege_missing (a governed role lacks a grant)',
    expected: withAcl('app', [{ grantee: 'readonly', privilege: 'SELECT', grantable: false }]),
    actual: withAcl('app', []),
    findings: [['privilege_missing', 'privilege_missing:table:public.accounts', 'error']],
    options: GOVERN,
  },
  {
    name: 'privilege_unexpected (a grant to PUBLIC)',
    expected: withAcl('app', []),
    actual: withAcl('app', [{ grantee: 'PUBLIC', privilege: 'SELECT', grantable: false }]),
    findings: [['privilege_unexpected', 'privilege_unexpected:table:public.accounts', 'error']],
    options: GOVERN,
  },
  {
    name: 'owner_mismatch (handed to another governed role)',
    expected: withAcl('app', []),
    actual: withAcl('readonly', []),
    findings: [['owner_mismatch', 'owner_mismatch:table:public.accounts', 'error']],
    options: GOVERN,
  },
];

/** Sequences and domains: crm() with one of each, changed. */
function sequenceAndDomainCases(): Case[] {
  const seq: Sequence = { schema: 'public', name: 'ticket_seq', dataType: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false, ownedBy: null, identity: false, comment: null };
  const dom: Domain = { schema: 'public', name: 'year', baseType: 'integer', notNull: false, default: null, checks: [{ name: 'year_check', definition: 'CHECK ((VALUE > 1900))' }], collation: null, comment: null };
  const withBoth = (s: Sequence[], d: Domain[]): SchemaModel => ({ ...E, sequences: s, domains: d });
  const X = withBoth([seq], [dom]);
  // The sequence of an identity column is its column's: never a sequence finding.
  const identity: Sequence = { ...seq, name: 'leads_id_seq', identity: true, ownedBy: { schema: 'public', table: 'leads', column: 'id' } };
  return [
    { name: 'missing_sequence', expected: X, actual: withBoth([], [dom]), findings: [['missing_sequence', 'missing_sequence:public.ticket_seq', 'error']] },
    { name: 'unexpected_sequence', expected: withBoth([], [dom]), actual: X, findings: [['unexpected_sequence', 'unexpected_sequence:public.ticket_seq', 'info']] },
    {
      name: "sequence_mismatch (options and owner; an identity column's sequence compared with the expected one of its column)",
      expected: withBoth([seq, identity], [dom]),
      actual: withBoth([{ ...seq, increment: '5', cycle: true, ownedBy: { schema: 'public', table: 'leads', column: 'score' } }, { ...identity, increment: '9' }], [dom]),
      findings: [
        ['sequence_mismatch', 'sequence_mismatch:public.leads_id_seq', 'warning'],
        ['sequence_mismatch', 'sequence_mismatch:public.ticket_seq', 'warning'],
      ],
    },
    { name: 'missing_domain', expected: X, actual: withBoth([seq], []), findings: [['missing_domain', 'missing_domain:public.year', 'error']] },
    { name: 'unexpected_domain', expected: withBoth([seq], []), actual: X, findings: [['unexpected_domain', 'unexpected_domain:public.year', 'info']] },
    {
      name: 'domain_mismatch, and the checks by name (NOT VALID is no difference)',
      expected: withBoth([seq], [{ ...dom, checks: [...dom.checks, { name: 'odd', definition: 'CHECK (((VALUE % 2) = 1))' }] }]),
      actual: withBoth([seq], [{ ...dom, notNull: true, default: '2000', checks: [{ name: 'year_check', definition: 'CHECK ((VALUE > 1800)) NOT VALID' }, { name: 'z', definition: 'CHECK ((VALUE < 3000))' }] }]),
      findings: [
        ['domain_mismatch', 'domain_mismatch:public.year', 'warning'],
        ['domain_check_missing', 'domain_check_missing:public.year.odd', 'warning'],
        ['domain_check_mismatch', 'domain_check_mismatch:public.year.year_check', 'warning'],
        ['domain_check_unexpected', 'domain_check_unexpected:public.year.z', 'warning'],
      ],
    },
    {
      name: 'a check that is NOT VALID in the database only: no drift',
      expected: X,
      actual: withBoth([seq], [{ ...dom, checks: [{ name: 'year_check', definition: 'CHECK ((VALUE > 1900)) NOT VALID' }] }]),
      findings: [],
    },
  ];
}

describe('every finding kind', () => {
  test('the cases cover every kind', () => {
    const covered = new Set(cases.flatMap((c) => c.findings.map(([kind]) => kind)));
    expect([...FINDING_KINDS].filter((k) => !covered.has(k))).toEqual([]);
  });

  test.each(cases)('$name', ({ expected, actual, findings, options }) => {
    const result = diffSchemas(expected, actual, options);
    expect(result.findings.map((f) => [f.kind, f.id, f.severity])).toEqual(findings);
    expect(result.ignored).toEqual([]);
    for (const f of result.findings) {
      expect(f.category).toBe('drift');
      expect(f.message).not.toMatch(/\n/);
      expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    }
  });
});

