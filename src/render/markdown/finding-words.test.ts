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

const drift = { category: 'drift', severity: 'info' } as const;
const trgm = { name: 'pg_trgm', schema: 'public', version: '1.4', relocatable: true, comment: null };
/** The kinds issue 11 added, which the everything report predates. */
const ADDED: readonly DriftFinding[] = [
  { ...drift, id: 'missing_extension:public.pg_trgm', kind: 'missing_extension', object: { schema: 'public', extension: 'pg_trgm' }, expected: trgm, actual: null, message: '' },
  { ...drift, id: 'unexpected_extension:public.pg_trgm', kind: 'unexpected_extension', object: { schema: 'public', extension: 'pg_trgm' }, expected: null, actual: trgm, message: '' },
  {
    ...drift,
    id: 'extension_mismatch:public.pg_trgm',
    kind: 'extension_mismatch',
    object: { schema: 'public', extension: 'pg_trgm' },
    expected: { schema: 'public', version: '1.4' },
    actual: { schema: 'ext', version: '1.3' },
    message: '',
  },
  {
    ...drift,
    id: 'comment_mismatch:column:public.leads.score',
    kind: 'comment_mismatch',
    object: { schema: 'public', table: 'leads', column: 'score', kind: 'column' },
    expected: 'the score',
    actual: null,
    message: '',
  },
];

/** One finding of each kind. */
const SAMPLES: ReadonlyMap<FindingKind, DriftFinding> = new Map(
  [...everything.findings.filter((f): f is DriftFinding => f.category === 'drift'), tableMismatch, ...ADDED].map((f) => [f.kind, f]),
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
  [{ schema: 'audit' }, 'schema `audit`'],
  [{ schema: 'public', extension: 'pg_trgm' }, 'extension `pg_trgm`'],
  [{ schema: 'ext', sequence: 'seq' }, 'sequence `ext.seq`'],
  [{ schema: 'public', domain: 'year' }, 'domain `year`'],
  [{ schema: 'public', table: 'leads', column: 'score', kind: 'column' }, 'column `leads.score`'],
  [{ schema: 'app', kind: 'schema' }, 'schema `app`'],
])('findingObjectText(%j) = %s', (object, text) => {
  expect(findingObjectText(object)).toBe(text);
});
