import { auditCoverage, coverageGapText } from './audit-coverage.js';
import type { SchemaModel } from './model/schema-model.js';
import { renderTerminal } from './render/terminal.js';
import { audit } from './audit.js';

/** A model with tables in two schemas; only what coverage counts is filled in. */
function model(): SchemaModel {
  const t = (schema: string, name: string, columns: number) =>
    ({ schema, name, columns: Array.from({ length: columns }, (_, i) => ({ name: `c${i}` })), indexes: [], constraints: [], triggers: [] }) as never;
  return {
    schemas: [{ name: 'app' }, { name: 'audit_log' }] as never,
    extensions: [],
    collations: [],
    enums: [{ schema: 'app', name: 'state', values: ['a'] }] as never,
    domains: [],
    types: [],
    sequences: [],
    functions: [],
    eventTriggers: [],
    privileges: [],
    tables: [t('app', 'leads', 3), t('app', 'accounts', 2), t('audit_log', 'events', 4)],
    views: [],
  };
}

test('per kind: live in the schemas read, compared in scope, the rest out of scope; ignored objects counted once', () => {
  const c = auditCoverage({
    live: model(),
    scope: ['app'],
    ignored: [
      { findingId: 'unexpected_column:app.leads.c2', rule: { pattern: 'app.leads.*', reason: 'legacy' } },
      { findingId: 'column_type_mismatch:app.leads.c1', rule: { pattern: 'app.leads.*', reason: 'legacy' } },
      { findingId: 'column_default_mismatch:app.leads.c1', rule: { pattern: 'app.leads.*', reason: 'legacy' } },
    ],
    uncovered: [],
  });
  const of = (kind: string) => c.kinds.find((k) => k.kind === kind);
  expect(of('table')).toEqual({ kind: 'table', live: 3, compared: 2, outOfScope: 1, ignored: 0 });
  expect(of('column')).toEqual({ kind: 'column', live: 9, compared: 5, outOfScope: 4, ignored: 2 });
  expect(of('enum')).toEqual({ kind: 'enum', live: 1, compared: 1, outOfScope: 0, ignored: 0 });
  expect(of('schema')).toEqual({ kind: 'schema', live: 2, compared: 1, outOfScope: 1, ignored: 0 });
  expect(c.schemasOutOfScope).toEqual(['audit_log']);
  expect(c.complete).toBe(true);
  expect(coverageGapText(c)).toBe('');
});

test('objects not compared: those in scope and database-wide ones; complete only without them and without unread tables', () => {
  const c = auditCoverage({
    live: model(),
    scope: ['app'],
    ignored: [],
    uncovered: [
      { kind: 'rule', schema: 'app', name: 'leads.tenant' },
      { kind: 'rule', schema: 'audit_log', name: 'events.mine' },
      { kind: 'publication', schema: null, name: 'everything' },
    ],
    notRead: [{ schema: 'app', name: 'busy', reason: 'locked' }],
  });
  expect(c.notCompared.map((o) => o.name)).toEqual(['leads.tenant', 'everything']);
  expect(c.complete).toBe(false);
  expect(coverageGapText(c)).toBe('2 objects of 2 kinds not compared, 1 table not read');
  expect(coverageGapText(auditCoverage({ live: model(), scope: ['app'], ignored: [], notRead: [{ schema: 'app', name: 'x', reason: 'r' }] }))).toBe(
    '1 table not read',
  );
});

test('the text report names the first five of a kind, escaped, and says the audit is incomplete', () => {
  const live: SchemaModel = { ...model(), tables: [], enums: [] };
  const report = audit({
    live: {
      model: live,
      server: { version: '17.1', major: 17, database: 'app', user: 'u' },
      target: { host: 'h', port: 5432, user: 'u', location: 'h:5432/app' },
      uncovered: [
        ...Array.from({ length: 7 }, (_, i) => ({ kind: 'rule', schema: 'app', name: `leads.r${i}` })),
        { kind: 'publication', schema: null, name: 'evil\n\u001b[31mname' },
      ],
    },
    expected: { model: live, kind: 'snapshot', source: 'x.json', sha256: '0'.repeat(64) },
    toolVersion: '1.0.0',
    generatedAt: '2026-01-01T00:00:00.000Z',
    diff: { schemas: ['app'] },
  });
  const text = renderTerminal(report, { color: false, failOn: 'error' });
  expect(text).toContain('not compared: 7 rules: app.leads.r0, app.leads.r1, app.leads.r2, app.leads.r3, app.leads.r4, and 2 more\n');
  expect(text).toContain('not compared: 1 publication: "evil\\n\\x1b[31mname"\n');
  expect(text).not.toContain('\u001b');
  expect(text.trimEnd().split('\n').at(-1)).toBe('✔ No drift in what was compared (0 expected objects present); 8 objects of 2 kinds not compared.');
  const strict = renderTerminal(report, { color: false, failOn: 'error', strictCoverage: true });
  expect(strict.trimEnd().split('\n').at(-1)).toBe(
    '✖ 0 errors, 0 warnings, 0 info; 0 expected objects present; 8 objects of 2 kinds not compared — objects not compared (--strict-coverage)',
  );
});

test('kinds the role could not read: their expected objects in scope named as not visible, the audit incomplete, the gap in words', () => {
  const expected = model();
  const withTrigger = {
    ...expected,
    functions: [{ schema: 'app', name: 'f', arguments: 'a integer' }, { schema: 'audit_log', name: 'g', arguments: '' }] as never,
    tables: expected.tables.map((t) => (t.name === 'leads' ? { ...t, triggers: [{ name: 'touch' }] } : t)) as never,
  };
  const c = auditCoverage({
    live: { ...model(), functions: [] },
    scope: ['app'],
    ignored: [],
    uncovered: [],
    notVisible: {
      read: { role: 'auditor', kinds: [{ kind: 'function', lacks: ['pg_catalog.pg_proc'] }, { kind: 'trigger', lacks: ['pg_catalog.pg_proc'] }, { kind: 'privilege', lacks: ['pg_catalog.pg_proc'] }] },
      expected: withTrigger,
    },
  });
  expect(c.complete).toBe(false);
  expect(c.notVisible).toEqual({
    role: 'auditor',
    kinds: [
      { kind: 'function', lacks: ['pg_catalog.pg_proc'], expected: 1 },
      { kind: 'trigger', lacks: ['pg_catalog.pg_proc'], expected: 1 },
      { kind: 'privilege', lacks: ['pg_catalog.pg_proc'], expected: 0 },
    ],
    objects: [
      { kind: 'function', schema: 'app', name: 'f(a integer)' },
      { kind: 'trigger', schema: 'app', name: 'leads.touch' },
    ],
  });
  expect(c.kinds.find((k) => k.kind === 'function')).toEqual({ kind: 'function', live: 0, compared: 0, outOfScope: 0, ignored: 0, notVisible: 1 });
  expect(c.kinds.find((k) => k.kind === 'table')!.notVisible).toBeUndefined();
  expect(coverageGapText(c)).toBe('3 kinds not visible to auditor (2 expected objects not compared)');
});

test('not visible: in text and markdown, hostile names and role escaped; the hidden expected function is not missing', async () => {
  const { renderMarkdown } = await import('./render/markdown.js');
  const live = { ...model(), tables: [] };
  const expected = { ...live, functions: [{ schema: 'app', name: 'evil\n\u001b[31m|`*', arguments: '' }] as never };
  const report = audit({
    live: {
      model: live,
      server: { version: '17.1', major: 17, database: 'app', user: 'u' },
      target: { host: 'h', port: 5432, user: 'u', location: 'h:5432/app' },
      uncovered: [],
      notVisible: { role: 'aud|it`*\u001b', kinds: [{ kind: 'function', lacks: ['pg_catalog.pg_proc'] }] },
    },
    expected: { model: expected, kind: 'snapshot', source: 'x.json', sha256: '0'.repeat(64) },
    toolVersion: '1.0.0',
    generatedAt: '2026-01-01T00:00:00.000Z',
    diff: { schemas: ['app'] },
  });
  expect(report.findings).toEqual([]);
  expect(report.coverage.notVisible!.objects).toEqual([{ kind: 'function', schema: 'app', name: 'evil\n\u001b[31m|`*()' }]);
  const text = renderTerminal(report, { color: false, failOn: 'error' });
  expect(text).not.toContain('\u001b');
  expect(text).toMatch(/^not visible: functions not visible to aud\|it`\*\\x1b \(lacks SELECT on pg_catalog\.pg_proc\); 1 expected object not compared: app\.evil\\n\\x1b\[31m\|`\*\(\)\n/m);
  expect(text.trimEnd().split('\n').at(-1)).toBe('✔ No drift in what was compared (1 expected object present); 1 kind not visible to aud|it`*\\x1b (1 expected object not compared).');
  const md = renderMarkdown(report);
  expect(md).not.toContain('\u001b');
  const row = md.split('\n').find((l) => l.startsWith('| functions |'))!;
  // Three cells: the | in the name is escaped, never a cell separator.
  expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(5);
  expect(md).toContain('The audit is not complete: 1 kind not visible to aud|it\\`\\*');
});
