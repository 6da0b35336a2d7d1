/**
 * The terminal report's sections, without a database: derived from the
 * registry (a kind that lists its missing objects apart gets a section
 * `Missing <its noun>`), every finding in exactly one of them.
 */
import { readFileSync } from 'node:fs';
import type { AuditReport } from '../audit.js';
import type { ObjectKind } from '../kinds/kind.js';
import { KINDS } from '../kinds/registry.js';
import { renderTerminal } from './terminal.js';

const everything = JSON.parse(readFileSync(new URL('../../test/render/fixtures/everything-report.json', import.meta.url), 'utf8')) as AuditReport;

/** `Missing tables (1)` and the like: the section headings of a plain-text report. */
function sections(text: string): string[] {
  return text.split('\n').filter((line) => /^[A-Z][a-z ]+ \(\d+\)$/.test(line));
}

test('the sections: one per kind that lists its missing objects apart, in registry order, then other drift, then advice', () => {
  const missing = KINDS.filter((k: ObjectKind) => k.listsMissingApart).map((k: ObjectKind) => `Missing ${k.noun.many}`);
  expect(missing).toEqual(['Missing tables', 'Missing columns', 'Missing indexes', 'Missing constraints']);
  const titles = sections(renderTerminal(everything, { color: false })).map((s) => s.replace(/ \(\d+\)$/, ''));
  expect(titles).toEqual([...missing, 'Other drift', 'Advice']);
});

test('every finding is counted in exactly one section; missing enums and enum values are other drift', () => {
  const counts = sections(renderTerminal(everything, { color: false })).map((s) => Number(/\((\d+)\)$/.exec(s)![1]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(everything.findings.length);
  const other = everything.findings.filter(
    (f) => f.category === 'drift' && !['missing_table', 'missing_column', 'missing_index', 'missing_constraint'].includes(f.kind),
  );
  expect(sections(renderTerminal(everything, { color: false }))).toContain(`Other drift (${other.length})`);
  expect(other.map((f) => f.kind)).toEqual(expect.arrayContaining(['missing_enum', 'enum_value_missing']));
});
