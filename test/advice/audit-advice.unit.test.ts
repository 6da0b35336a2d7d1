import { audit, failsGate, type AuditInput } from '../../src/audit.js';
import type { IndexUsageStats } from '../../src/advice/index.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { col, fk, idx, model, pk, table } from '../diff/builders.js';

/** audit(): advice after drift, its own summary, outside --fail-on unless asked; unchanged when off. */

const clients = table('clients', {
  columns: [col('id', 'uuid', { nullable: false })],
  indexes: [idx('clients', 'clients_pkey', ['id'], { primary: true, unique: true, constraint: 'clients_pkey' })],
  constraints: [pk('clients_pkey', ['id'])],
});
const leads = table('leads', {
  columns: [col('id', 'uuid', { nullable: false }), col('client_id', 'uuid'), col('email', 'text')],
  indexes: [idx('leads', 'leads_pkey', ['id'], { primary: true, unique: true, constraint: 'leads_pkey' }), idx('leads', 'leads_email', ['email'])],
  constraints: [pk('leads_pkey', ['id']), fk('leads_client_id_fkey', ['client_id'], { table: 'clients', columns: ['id'] })],
});
const audit_log = table('audit_log', { schema: 'ops', columns: [col('at', 'timestamptz')] });

/** Expected: clients and leads, plus an `email_verified` column the live side lacks (one drift error). */
const expected: SchemaModel = model({
  tables: [clients, { ...leads, columns: [...leads.columns, col('email_verified', 'boolean')] }],
});
const live: SchemaModel = model({ schemas: ['public', 'ops'], tables: [clients, leads, audit_log] });

const stats: IndexUsageStats = {
  since: '2026-03-01T00:00:00.000Z',
  sinceKind: 'server_start',
  indexes: [
    { schema: 'public', table: 'leads', index: 'leads_email', scans: 0 },
    { schema: 'public', table: 'leads', index: 'leads_pkey', scans: 0 },
  ],
};

function input(extra: Partial<AuditInput> = {}): AuditInput {
  return {
    live: {
      model: live,
      server: { version: '17.10', major: 17, database: 'app', user: 'audit' },
      target: { host: 'db', port: 5432, user: 'audit', location: 'db:5432/app' },
    },
    expected: { model: expected, kind: 'spec', source: 'schema.yaml', sha256: 'abc' },
    toolVersion: '0.1.0',
    generatedAt: '2026-03-02T00:00:00.000Z',
    ...extra,
  };
}

test('advice off (absent or disabled): the report is exactly the drift report', () => {
  const plain = audit(input());
  expect(plain.findings.map((f) => f.id)).toEqual(['missing_column:public.leads.email_verified']);
  expect(Object.keys(plain)).not.toContain('adviceSummary');
  expect(Object.keys(plain)).not.toContain('advice');
  expect(JSON.stringify(audit(input({ advice: { enabled: false, stats } })))).toBe(JSON.stringify(plain));
});

test('advice on: drift findings first, then advice (live model, drift scope), with its own summary', () => {
  const report = audit(input({ advice: { enabled: true, stats } }));
  expect(report.findings.map((f) => [f.category, f.id])).toEqual([
    ['drift', 'missing_column:public.leads.email_verified'],
    ['advice', 'unused_index:public.leads.leads_email'],
    ['advice', 'fk_without_index:public.leads.leads_client_id_fkey'],
  ]);
  // ops.audit_log (no primary key) is outside the drift scope (the expected schemas: public).
  expect(report.summary).toEqual({ error: 1, warning: 0, info: 0, total: 1 });
  expect(report.adviceSummary).toEqual({ error: 0, warning: 1, info: 1, total: 2 });
  expect(report.advice).toEqual({
    checked: ['fk_without_index', 'duplicate_index', 'redundant_index', 'table_without_primary_key', 'invalid_index', 'constraint_not_valid', 'unused_index'],
    indexUsage: { since: '2026-03-01T00:00:00.000Z', sinceKind: 'server_start' },
  });
  const keys = Object.keys(report);
  expect(keys.indexOf('adviceSummary')).toBe(keys.indexOf('ignored') + 1);
});

test('--schema scope applies to advice; disabled kinds and missing statistics show in report.advice', () => {
  const report = audit(input({ diff: { schemas: ['ops'] }, advice: { enabled: true, disabled: ['fk_without_index'] } }));
  // The expected side has no schema ops: named by --schema, it is compared, and unexpected.
  expect(report.findings.map((f) => f.id)).toEqual(['unexpected_schema:ops', 'unexpected_table:ops.audit_log', 'table_without_primary_key:ops.audit_log']);
  expect(report.advice).toEqual({
    checked: ['duplicate_index', 'redundant_index', 'table_without_primary_key', 'invalid_index', 'constraint_not_valid'],
    indexUsage: null,
  });
});

test('failsGate counts advice only with includeAdvice', () => {
  const adviceOnly = audit(input({ expected: { model: { ...live, schemas: [{ name: 'public', comment: null }], tables: [clients, leads] }, kind: 'spec', source: 's', sha256: 'x' }, advice: { enabled: true, stats } }));
  expect(adviceOnly.summary.total).toBe(0);
  expect(adviceOnly.adviceSummary).toEqual({ error: 0, warning: 1, info: 1, total: 2 });
  expect(failsGate(adviceOnly, 'info')).toBe(false);
  expect(failsGate(adviceOnly, 'info', { includeAdvice: false })).toBe(false);
  expect(failsGate(adviceOnly, 'warning', { includeAdvice: true })).toBe(true);
  expect(failsGate(adviceOnly, 'info', { includeAdvice: true })).toBe(true);
  expect(failsGate(adviceOnly, 'error', { includeAdvice: true })).toBe(false);
  expect(failsGate(adviceOnly, 'never', { includeAdvice: true })).toBe(false);

  const drift = audit(input({ advice: { enabled: true, stats } }));
  expect(failsGate(drift, 'error')).toBe(true);
  expect(failsGate(drift, 'error', { includeAdvice: true })).toBe(true);
});
