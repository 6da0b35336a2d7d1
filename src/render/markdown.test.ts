/**
 * The markdown report without a database: targeted sentences on reports
 * built from the checked-in fixtures (the goldens are test/render/).
 */
import { readFileSync } from 'node:fs';
import type { AuditReport } from '../audit.js';
import { findingId } from '../findings/finding.js';
import type { DriftFinding } from '../findings/kinds.js';
import { renderMarkdown } from './markdown.js';

function fixture(name: string): AuditReport {
  return JSON.parse(readFileSync(new URL(`../../test/render/fixtures/${name}-report.json`, import.meta.url), 'utf8')) as AuditReport;
}

/** The report's text under `## Conclusion`. */
function conclusion(markdown: string): string {
  return markdown.slice(markdown.indexOf('## Conclusion\n\n') + '## Conclusion\n\n'.length).trim();
}

/** A partitioned table where a plain one is expected: one `table_mismatch` error. */
function tableMismatch(table: string): DriftFinding {
  const plain = { kind: 'table', partitionKey: null, partitionOf: null, unlogged: false } as const;
  const object = { schema: 'public', table };
  return {
    id: findingId('table_mismatch', object),
    kind: 'table_mismatch',
    category: 'drift',
    severity: 'error',
    object,
    expected: plain,
    actual: { ...plain, kind: 'partitioned_table', partitionKey: 'RANGE (created_at)' },
    message: `table public.${table} differs in kind, partitionKey (is a table partitioned by RANGE (created_at); expected a table)`,
  };
}

function withErrors(findings: readonly DriftFinding[]): AuditReport {
  const n = findings.length;
  return { ...fixture('clean'), findings, summary: { error: n, warning: 0, info: 0, total: n } };
}

describe('the conclusion names the errors to fix first by their nouns', () => {
  test('one table_mismatch error is a table structure difference', () => {
    expect(conclusion(renderMarkdown(withErrors([tableMismatch('leads')])))).toContain(
      'The error, to fix first, is 1 table structure difference.',
    );
  });

  test('several are counted in the plural', () => {
    expect(conclusion(renderMarkdown(withErrors([tableMismatch('leads'), tableMismatch('users')])))).toContain(
      'The 2 errors, to fix first, are 2 table structure differences.',
    );
  });
});

describe('the conclusion counts what is missing by what each finding kind is about', () => {
  test('every kind of missing object, in report order, each with what its section adds', () => {
    expect(conclusion(renderMarkdown(fixture('everything')))).toContain(
      'Missing: 1 table (`campaign_steps`), 1 column (in `leads`), 1 index (composite), 1 enum, 1 enum value, 1 constraint and 1 function.',
    );
  });

  test('plurals come from the words of the kinds', () => {
    const report = fixture('everything');
    const values = report.findings.filter((f) => f.kind === 'enum_value_missing');
    const more = values.map((f) => ({ ...f, id: `${f.id}2`, object: { ...f.object, value: 'other' }, expected: 'other' }));
    expect(conclusion(renderMarkdown({ ...report, findings: [...report.findings, ...more] }))).toContain('1 enum, 2 enum values, 1 constraint and 1 function');
  });
});
