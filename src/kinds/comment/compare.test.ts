import { crm, model, patchColumn, patchConstraint, patchIndex, patchTable } from '../../../test/diff/builders.js';
import { domain, extension, sequence } from '../../../test/plan/builders.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { KINDS } from '../registry.js';
import { compareComments } from './compare.js';

const all = (): boolean => true;
const E = crm();

function compare(expected: SchemaModel, actual: SchemaModel, inScope: (s: string) => boolean = all) {
  return compareComments(KINDS, expected, actual, inScope).findings;
}

describe('compareComments', () => {
  test('the same model: no finding', () => {
    expect(compare(E, E)).toEqual([]);
  });

  test('changed, added and removed, on a table, a column, an index, a constraint and an enum; each names its object and kind', () => {
    let actual = patchTable(E, 'accounts', (t) => ({ ...t, comment: 'Accounts' }));
    actual = patchColumn(actual, 'leads', 'email', { comment: null });
    actual = patchIndex(actual, 'leads', 'leads_status_idx', { comment: 'open leads' });
    actual = patchConstraint(actual, 'leads', 'leads_score_check', (c) => ({ ...c, comment: 'score' }));
    actual = { ...actual, enums: actual.enums.map((e) => ({ ...e, comment: null })) };
    expect(compare(E, actual).map((f) => [f.object, f.expected, f.actual, f.message])).toEqual([
      [{ schema: 'public', enum: 'lead_status', kind: 'enum' }, 'Sales pipeline stage', null, "enum public.lead_status has no comment, expected 'Sales pipeline stage'"],
      [{ schema: 'public', table: 'accounts', kind: 'table' }, 'Customer accounts', 'Accounts', "table public.accounts has comment 'Accounts', expected 'Customer accounts'"],
      [{ schema: 'public', table: 'leads', column: 'email', kind: 'column' }, 'Primary contact address', null, "column public.leads.email has no comment, expected 'Primary contact address'"],
      [{ schema: 'public', table: 'leads', index: 'leads_status_idx', kind: 'index' }, null, 'open leads', "index public.leads.leads_status_idx has comment 'open leads', expected none"],
      [{ schema: 'public', table: 'leads', constraint: 'leads_score_check', kind: 'constraint' }, null, 'score', "constraint public.leads.leads_score_check has comment 'score', expected none"],
    ]);
  });

  test('schemas, extensions, domains and sequences too', () => {
    const base = model({ schemas: ['public', 'app'] });
    const side = (comment: string | null): SchemaModel => ({
      ...base,
      schemas: base.schemas.map((s) => ({ ...s, comment })),
      extensions: [extension('citext', 'public', { comment })],
      domains: [domain('app', 'year', 'integer', { comment })],
      sequences: [sequence('app', 'seq', null, { comment })],
    });
    expect(compare(side('x'), side('y')).map((f) => f.object)).toEqual([
      { schema: 'public', kind: 'schema' },
      { schema: 'app', kind: 'schema' },
      { schema: 'public', extension: 'citext', kind: 'extension' },
      { schema: 'app', domain: 'year', kind: 'domain' },
      { schema: 'app', sequence: 'seq', kind: 'sequence' },
    ]);
  });

  test('an object one side lacks is not compared (its own finding covers it), nor one outside the audited schemas', () => {
    const withoutAccounts = { ...E, tables: E.tables.filter((t) => t.name !== 'accounts') };
    expect(compare(E, withoutAccounts)).toEqual([]);
    const changed = patchTable(E, 'accounts', (t) => ({ ...t, comment: 'Accounts' }));
    expect(compare(E, changed, (s) => s !== 'public')).toEqual([]);
  });

  test('an empty comment is no comment', () => {
    expect(compare(patchTable(E, 'accounts', (t) => ({ ...t, comment: '' })), patchTable(E, 'accounts', (t) => ({ ...t, comment: null })))).toEqual([]);
  });

  test('untrusted text: one line in the message, cut at 80 characters, quoted as a literal', () => {
    const long = `it's\nmulti-line \\ ${'x'.repeat(100)}`;
    const [f] = compare(patchTable(E, 'accounts', (t) => ({ ...t, comment: long })), E);
    expect(f?.expected).toBe(long);
    expect(f?.message).not.toMatch(/\n/);
    expect(f?.message).toBe(`table public.accounts has comment 'Customer accounts', expected E'it''s multi-line \\\\ ${'x'.repeat(62)}…'`);
  });
});
