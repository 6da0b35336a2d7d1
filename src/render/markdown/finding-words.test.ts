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

/** One finding of each kind. */
const SAMPLES: ReadonlyMap<FindingKind, DriftFinding> = new Map(
  [...everything.findings.filter((f): f is DriftFinding => f.category === 'drift'), tableMismatch, ...viewFindings].map((f) => [f.kind, f]),
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
  [{ schema: 'reporting', view: 'daily_sales' }, 'view `reporting.daily_sales`'],
  [{ schema: 'audit' }, 'schema `audit`'],
])('findingObjectText(%j) = %s', (object, text) => {
  expect(findingObjectText(object)).toBe(text);
});
