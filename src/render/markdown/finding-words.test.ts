/**
 * Guards on what the markdown report takes from the registry: every finding
 * kind has words, its cell is null exactly for the kinds the document gives
 * sections of their own, and objects are named by their most specific kind.
 */
import { readFileSync } from 'node:fs';
import type { AuditReport } from '../../audit.js';
import { FINDING_KINDS, type DriftFinding, type FindingKind } from '../../findings/kinds.js';
import { findingObjectText, findingWords, otherDriftCell } from './finding-words.js';

/** The everything fixture has a finding of each kind but one (a real run, see test/render/markdown-e2e.test.ts). */
const everything = JSON.parse(readFileSync(new URL('../../../test/render/fixtures/everything-report.json', import.meta.url), 'utf8')) as AuditReport;

const plain = { kind: 'table', partitionKey: null, partitionOf: null, unlogged: false } as const;
const tableMismatch: DriftFinding = {
  id: 'table_mismatch:public.events',
  kind: 'table_mismatch',
  category: 'drift',
  severity: 'error',
  object: { schema: 'public', table: 'events' },
  expected: plain,
  actual: { ...plain, unlogged: true },
  message: 'table public.events differs in unlogged (is an UNLOGGED table; expected a table)',
};

const drift = { category: 'drift', severity: 'warning', message: '' } as const;
const seq = { dataType: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false, ownedBy: null } as const;
const seqComment = { comment: null } as const;
const wholeSeq = { ...seq, ...seqComment, schema: 'public', name: 's', identity: false } as const;
const dom = { schema: 'public', name: 'd', baseType: 'integer', notNull: false, default: null, checks: [], collation: null, comment: null } as const;
const domSettings = { baseType: 'integer', default: null, notNull: false, collation: null } as const;
const check = { name: 'c', definition: 'CHECK ((VALUE > 0))' } as const;
const sObject = { schema: 'public', sequence: 's' } as const;
const dObject = { schema: 'public', domain: 'd' } as const;
const cObject = { ...dObject, constraint: 'c' } as const;
const tObject = { schema: 'public', type: 'address' } as const;
const composite = { kind: 'composite', attributes: [{ name: 'street', type: 'text', collation: null }], range: null } as const;
const wholeType = { ...composite, schema: 'public', name: 'address', comment: null } as const;

/** Sequences and domains, which the everything fixture predates. */
const coObject = { schema: 'public', collation: 'numeric' } as const;
const coShape = { provider: 'icu', locale: 'en-u-kn-true', lcCollate: null, lcCtype: null, rules: null, deterministic: true } as const;
const wholeCollation = { ...coShape, schema: 'public', name: 'numeric', comment: null } as const;

const LATER_KINDS: DriftFinding[] = [
  { ...drift, id: 'missing_schema:reports', kind: 'missing_schema', object: { schema: 'reports' }, expected: { name: 'reports', comment: null }, actual: null },
  { ...drift, id: 'unexpected_schema:scratch', kind: 'unexpected_schema', object: { schema: 'scratch' }, expected: null, actual: { name: 'scratch', comment: null } },
  { ...drift, id: 'missing_collation:public.numeric', kind: 'missing_collation', object: coObject, expected: wholeCollation, actual: null },
  { ...drift, id: 'unexpected_collation:public.numeric', kind: 'unexpected_collation', object: coObject, expected: null, actual: wholeCollation },
  { ...drift, id: 'collation_mismatch:public.numeric', kind: 'collation_mismatch', object: coObject, expected: coShape, actual: { ...coShape, deterministic: false } },
  { ...drift, id: 'missing_sequence:public.s', kind: 'missing_sequence', object: sObject, expected: wholeSeq, actual: null },
  { ...drift, id: 'unexpected_sequence:public.s', kind: 'unexpected_sequence', object: sObject, expected: null, actual: wholeSeq },
  { ...drift, id: 'sequence_mismatch:public.s', kind: 'sequence_mismatch', object: sObject, expected: seq, actual: { ...seq, increment: '2' } },
  { ...drift, id: 'missing_domain:public.d', kind: 'missing_domain', object: dObject, expected: dom, actual: null },
  { ...drift, id: 'unexpected_domain:public.d', kind: 'unexpected_domain', object: dObject, expected: null, actual: dom },
  { ...drift, id: 'domain_mismatch:public.d', kind: 'domain_mismatch', object: dObject, expected: domSettings, actual: { ...domSettings, notNull: true } },
  { ...drift, id: 'domain_check_missing:public.d.c', kind: 'domain_check_missing', object: cObject, expected: check, actual: null },
  { ...drift, id: 'domain_check_unexpected:public.d.c', kind: 'domain_check_unexpected', object: cObject, expected: null, actual: check },
  { ...drift, id: 'domain_check_mismatch:public.d.c', kind: 'domain_check_mismatch', object: cObject, expected: check, actual: { ...check, definition: 'CHECK ((VALUE > 1))' } },
  { ...drift, id: 'missing_type:public.address', kind: 'missing_type', object: tObject, expected: wholeType, actual: null },
  { ...drift, id: 'unexpected_type:public.address', kind: 'unexpected_type', object: tObject, expected: null, actual: wholeType },
  { ...drift, id: 'type_mismatch:public.address', kind: 'type_mismatch', object: tObject, expected: composite, actual: { ...composite, attributes: [] } },
];

const driftInfo = { category: 'drift', severity: 'info' } as const;
const trgm = { name: 'pg_trgm', schema: 'public', version: '1.4', relocatable: true, comment: null };
/** The kinds issue 11 added, which the everything report predates. */
const ADDED: readonly DriftFinding[] = [
  { ...driftInfo, id: 'missing_extension:public.pg_trgm', kind: 'missing_extension', object: { schema: 'public', extension: 'pg_trgm' }, expected: trgm, actual: null, message: '' },
  { ...driftInfo, id: 'unexpected_extension:public.pg_trgm', kind: 'unexpected_extension', object: { schema: 'public', extension: 'pg_trgm' }, expected: null, actual: trgm, message: '' },
  {
    ...driftInfo,
    id: 'extension_mismatch:public.pg_trgm',
    kind: 'extension_mismatch',
    object: { schema: 'public', extension: 'pg_trgm' },
    expected: { schema: 'public', version: '1.4' },
    actual: { schema: 'ext', version: '1.3' },
    message: '',
  },
  {
    ...driftInfo,
    id: 'comment_mismatch:column:public.leads.score',
    kind: 'comment_mismatch',
    object: { schema: 'public', table: 'leads', column: 'score', kind: 'column' },
    expected: 'the score',
    actual: null,
    message: '',
  },
  {
    ...driftInfo,
    id: 'privilege_missing:table:public.leads',
    kind: 'privilege_missing',
    object: { schema: 'public', table: 'leads', kind: 'table' },
    expected: [{ grantee: 'readonly', privilege: 'SELECT', grantable: false }],
    actual: [],
    message: '',
  },
  {
    ...driftInfo,
    id: 'privilege_unexpected:table:public.leads',
    kind: 'privilege_unexpected',
    object: { schema: 'public', table: 'leads', kind: 'table' },
    expected: [],
    actual: [{ grantee: 'PUBLIC', privilege: 'SELECT', grantable: true }],
    message: '',
  },
  {
    ...driftInfo,
    id: 'owner_mismatch:table:public.leads',
    kind: 'owner_mismatch',
    object: { schema: 'public', table: 'leads', kind: 'table' },
    expected: 'app',
    actual: 'Odd `Role`',
    message: '',
  },
];

/** The view kinds (fixtures/drift/views has a real run of each). */
const viewObject = { schema: 'reporting', view: 'daily_sales' } as const;
const daily = {
  schema: 'reporting',
  name: 'daily_sales',
  kind: 'materialized_view',
  definition: 'SELECT 1 AS one',
  columns: [{ name: 'one', type: 'integer' }],
  options: [],
  populated: true,
  indexes: [],
  rowEstimate: null,
  comment: null,
  triggers: [],
  dependsOn: [],
} as const;
const shape = { kind: 'materialized_view', columns: [], options: [], populated: true, indexes: [] } as const;
const viewFindings: DriftFinding[] = [
  { id: 'missing_view:reporting.daily_sales', kind: 'missing_view', category: 'drift', severity: 'error', object: viewObject, expected: { ...daily, description: null }, actual: null, message: '' },
  { id: 'unexpected_view:reporting.daily_sales', kind: 'unexpected_view', category: 'drift', severity: 'info', object: viewObject, expected: null, actual: daily, message: '' },
  {
    id: 'view_definition_mismatch:reporting.daily_sales',
    kind: 'view_definition_mismatch',
    category: 'drift',
    severity: 'error',
    object: viewObject,
    expected: { kind: 'materialized_view', definition: 'SELECT 1 AS one' },
    actual: { kind: 'materialized_view', definition: 'SELECT 2 AS one' },
    message: '',
  },
  { id: 'view_mismatch:reporting.daily_sales', kind: 'view_mismatch', category: 'drift', severity: 'warning', object: viewObject, expected: shape, actual: { ...shape, populated: false }, message: '' },
];

const trigger = {
  name: 'stamp',
  enabled: 'origin',
  definition: 'CREATE TRIGGER stamp BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch()',
  constraint: false,
  function: 'function:public\u0000touch\u0000',
  dependsOn: ['function:public\u0000touch\u0000'],
  comment: null,
} as const;
const triggerObject = { schema: 'public', table: 'events', trigger: 'stamp' };
const triggerSamples: DriftFinding[] = [
  { id: 'missing_trigger:public.events.stamp', kind: 'missing_trigger', category: 'drift', severity: 'error', object: triggerObject, expected: { ...trigger, description: null }, actual: null, message: 'm' },
  { id: 'unexpected_trigger:public.events.stamp', kind: 'unexpected_trigger', category: 'drift', severity: 'warning', object: triggerObject, expected: null, actual: { ...trigger, enabled: 'always' }, message: 'm' },
  {
    id: 'trigger_mismatch:public.events.stamp',
    kind: 'trigger_mismatch',
    category: 'drift',
    severity: 'warning',
    object: triggerObject,
    expected: trigger,
    actual: { ...trigger, definition: trigger.definition.replace('BEFORE UPDATE', 'AFTER INSERT'), enabled: 'disabled' },
    message: 'm',
  },
  { id: 'trigger_enabled_mismatch:public.events.stamp', kind: 'trigger_enabled_mismatch', category: 'drift', severity: 'warning', object: triggerObject, expected: 'origin', actual: 'replica', message: 'm' },
];

const eventTrigger = {
  name: 'log_ddl',
  event: 'ddl_command_end',
  tags: ['CREATE TABLE'],
  function: 'function:audit\u0000log_ddl\u0000',
  enabled: 'origin',
  comment: null,
} as const;
const eventObject = { schema: 'audit', eventTrigger: 'log_ddl' };
const policy = { name: 'tenant', command: 'all', permissive: true, roles: ['public'], using: '(tenant_id = 1)', check: null, comment: null } as const;
const policyObject = { schema: 'public', table: 'events', policy: 'tenant' };
const policySamples: DriftFinding[] = [
  { id: 'rls_enabled_mismatch:public.events', kind: 'rls_enabled_mismatch', category: 'drift', severity: 'error', object: { schema: 'public', table: 'events' }, expected: true, actual: false, message: 'm' },
  { id: 'rls_forced_mismatch:public.events', kind: 'rls_forced_mismatch', category: 'drift', severity: 'warning', object: { schema: 'public', table: 'events' }, expected: true, actual: false, message: 'm' },
  { id: 'missing_policy:public.events.tenant', kind: 'missing_policy', category: 'drift', severity: 'error', object: policyObject, expected: { ...policy, description: null }, actual: null, message: 'm' },
  { id: 'unexpected_policy:public.events.tenant', kind: 'unexpected_policy', category: 'drift', severity: 'error', object: policyObject, expected: null, actual: policy, message: 'm' },
  {
    id: 'policy_mismatch:public.events.tenant',
    kind: 'policy_mismatch',
    category: 'drift',
    severity: 'error',
    object: policyObject,
    expected: policy,
    actual: { ...policy, permissive: false, roles: ['app_user'] },
    message: 'm',
  },
];

const eventTriggerSamples: DriftFinding[] = [
  { id: 'missing_event_trigger:audit.log_ddl', kind: 'missing_event_trigger', category: 'drift', severity: 'error', object: eventObject, expected: { ...eventTrigger, description: null }, actual: null, message: 'm' },
  { id: 'unexpected_event_trigger:audit.log_ddl', kind: 'unexpected_event_trigger', category: 'drift', severity: 'warning', object: eventObject, expected: null, actual: eventTrigger, message: 'm' },
  {
    id: 'event_trigger_mismatch:audit.log_ddl',
    kind: 'event_trigger_mismatch',
    category: 'drift',
    severity: 'warning',
    object: eventObject,
    expected: eventTrigger,
    actual: { ...eventTrigger, tags: [], enabled: 'disabled' },
    message: 'm',
  },
];

/** One finding of each kind. */
const SAMPLES: ReadonlyMap<FindingKind, DriftFinding> = new Map(
  [...everything.findings.filter((f): f is DriftFinding => f.category === 'drift'), tableMismatch, ...LATER_KINDS, ...ADDED, ...viewFindings, ...triggerSamples, ...eventTriggerSamples, ...policySamples].map((f) => [f.kind, f]),
);

/** The finding kinds that have sections of their own in the document (Missing Tables, Missing Columns, Index Optimization Opportunities). */
const OWN_SECTIONS: readonly FindingKind[] = ['missing_table', 'missing_column', 'missing_index'];

test('there is a sample of every finding kind (a new kind needs one here)', () => {
  expect([...SAMPLES.keys()].sort()).toEqual([...FINDING_KINDS].sort());
});

test.each(FINDING_KINDS.map((k) => [k]))('%s: words, and an Other Drift cell unless it has a section of its own', (kind) => {
  const words = findingWords(kind);
  expect(words.subject.one).not.toBe('');
  expect(words.subject.many).not.toBe('');
  const cell = otherDriftCell(SAMPLES.get(kind)!);
  if (OWN_SECTIONS.includes(kind)) expect(cell).toBeNull();
  else expect(cell).toMatch(/\S/);
});

test('the trigger cells say the definitions, the enabled states and what differs', () => {
  expect(otherDriftCell(SAMPLES.get('trigger_mismatch')!)).toBe(
    'Trigger differs (timing, events, enabled): is `CREATE TRIGGER stamp AFTER INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION touch()`, disabled; ' +
      'expected `CREATE TRIGGER stamp BEFORE UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION touch()`, enabled',
  );
  expect(otherDriftCell(SAMPLES.get('trigger_enabled_mismatch')!)).toBe('Trigger is enabled replica; expected enabled');
  expect(otherDriftCell(SAMPLES.get('unexpected_trigger')!)).toMatch(/, enabled always$/);
  expect(otherDriftCell(SAMPLES.get('event_trigger_mismatch')!)).toBe(
    'Event trigger differs (tags, enabled): is `CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION audit.log_ddl() (disabled)`; ' +
      "expected `CREATE EVENT TRIGGER log_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION audit.log_ddl()`",
  );
});

test('row-level security in the words of the reports', () => {
  expect(otherDriftCell(SAMPLES.get('rls_enabled_mismatch')!)).toBe(
    'Row-level security is disabled; expected enabled (the policies do not apply: every role with privileges reaches every row)',
  );
  expect(otherDriftCell(SAMPLES.get('policy_mismatch')!)).toBe(
    'Policy differs (permissive, roles): is `RESTRICTIVE FOR ALL TO app_user USING ((tenant_id = 1))`; expected `PERMISSIVE FOR ALL TO public USING ((tenant_id = 1))`',
  );
});

test('aspects come from the finding, not from its message', () => {
  const index = SAMPLES.get('index_mismatch')!;
  expect(otherDriftCell({ ...index, message: 'no words of the engine here' })).toMatch(/^Index differs \(keys\): /);
});

test.each([
  [{ schema: 'public', table: 'leads', column: 'score' }, 'column `leads.score`'],
  [{ schema: 'crm', table: 'leads', index: 'leads_idx' }, 'index `crm.leads.leads_idx`'],
  [{ schema: 'public', table: 'leads', constraint: 'leads_fkey' }, 'constraint `leads.leads_fkey`'],
  [{ schema: 'public', enum: 'status', value: 'won' }, 'enum `status`'],
  [{ schema: 'app', sequence: 'orders_id_seq' }, 'sequence `app.orders_id_seq`'],
  [{ schema: 'public', domain: 'year' }, 'domain `year`'],
  [{ schema: 'public', domain: 'year', constraint: 'year_check' }, 'constraint `year.year_check`'],
  [{ schema: 'public', table: 'Odd Name' }, 'table `"Odd Name"`'],
  [{ schema: 'reporting', view: 'daily_sales' }, 'view `reporting.daily_sales`'],
  [{ schema: 'app', table: 'leads', trigger: 'Stamp' }, 'trigger `app.leads."Stamp"`'],
  [{ schema: 'audit', eventTrigger: 'log_ddl' }, 'event trigger `audit.log_ddl`'],
  [{ schema: 'audit' }, 'schema `audit`'],
  [{ schema: 'public', extension: 'pg_trgm' }, 'extension `pg_trgm`'],
  [{ schema: 'ext', sequence: 'seq' }, 'sequence `ext.seq`'],
  [{ schema: 'public', domain: 'year' }, 'domain `year`'],
  [{ schema: 'public', table: 'leads', column: 'score', kind: 'column' }, 'column `leads.score`'],
  [{ schema: 'app', kind: 'schema' }, 'schema `app`'],
])('findingObjectText(%j) = %s', (object, text) => {
  expect(findingObjectText(object)).toBe(text);
});
