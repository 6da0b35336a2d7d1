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
  [...everything.findings.filter((f): f is DriftFinding => f.category === 'drift'), tableMismatch, ...triggerSamples, ...eventTriggerSamples].map((f) => [f.kind, f]),
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

test('aspects come from the finding, not from its message', () => {
  const index = SAMPLES.get('index_mismatch')!;
  expect(otherDriftCell({ ...index, message: 'no words of the engine here' })).toMatch(/^Index differs \(keys\): /);
});

test.each([
  [{ schema: 'public', table: 'leads', column: 'score' }, 'column `leads.score`'],
  [{ schema: 'crm', table: 'leads', index: 'leads_idx' }, 'index `crm.leads.leads_idx`'],
  [{ schema: 'public', table: 'leads', constraint: 'leads_fkey' }, 'constraint `leads.leads_fkey`'],
  [{ schema: 'public', enum: 'status', value: 'won' }, 'enum `status`'],
  [{ schema: 'public', table: 'Odd Name' }, 'table `"Odd Name"`'],
  [{ schema: 'app', table: 'leads', trigger: 'Stamp' }, 'trigger `app.leads."Stamp"`'],
  [{ schema: 'audit', eventTrigger: 'log_ddl' }, 'event trigger `audit.log_ddl`'],
  [{ schema: 'audit' }, 'schema `audit`'],
])('findingObjectText(%j) = %s', (object, text) => {
  expect(findingObjectText(object)).toBe(text);
});
