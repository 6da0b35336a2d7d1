import type { InventoryForeignKey } from '../../audit-relations.js';
import type { AuditReport } from '../../audit.js';
import type { DriftFinding } from '../../findings/kinds.js';
import { driftDiagram, MAX_COLUMNS, MAX_TABLES, mermaidText } from './diagram.js';

/** Mermaid's own parser (the package GitHub and GitLab draw with): the diagram must parse, whatever the names. */
async function parses(section: readonly string[]): Promise<void> {
  const mermaid = (await import('mermaid')).default;
  const fenced = section[section.length - 1]!;
  const body = fenced.replace(/^```mermaid\n/, '').replace(/\n```$/, '');
  await expect(mermaid.parse(body)).resolves.toMatchObject({ diagramType: 'er' });
}

function finding(kind: string, object: DriftFinding['object']): DriftFinding {
  return { id: `${kind}:${JSON.stringify(object)}`, kind, category: 'drift', severity: 'error', object, expected: null, actual: null, message: kind } as unknown as DriftFinding;
}

function fk(table: string, references: string, side: InventoryForeignKey['side'], name = `${table}_${references}_fkey`, schema = 'public'): InventoryForeignKey {
  return { schema, table, name, columns: ['x'], references: { schema, table: references, columns: ['id'] }, side };
}

function report(foreignKeys: readonly InventoryForeignKey[]): AuditReport {
  return { inventory: { tables: [], enums: [], foreignKeys } } as unknown as AuditReport;
}

test('no table with drift, no diagram', () => {
  expect(driftDiagram(report([]), [finding('missing_enum', { schema: 'public', enum: 'mood' })])).toEqual([]);
});

test('tables marked, columns with drift listed, neighbours drawn, one-sided foreign keys dashed', async () => {
  const drift = [
    finding('missing_table', { schema: 'public', table: 'notes' }),
    finding('missing_column', { schema: 'public', table: 'leads', column: 'score' }),
    finding('column_type_mismatch', { schema: 'public', table: 'leads', column: 'status' }),
    finding('unexpected_index', { schema: 'public', table: 'leads', index: 'leads_x_idx' }),
    finding('unexpected_table', { schema: 'crm', table: 'old' }),
  ];
  const section = driftDiagram(report([fk('leads', 'clients', 'both'), fk('leads', 'users', 'live'), fk('notes', 'leads', 'expected')]), drift);
  expect(section[0]).toBe('### Drift Diagram');
  expect(section[2]!.split('\n')).toEqual([
    '```mermaid',
    'erDiagram',
    '  "crm.old (unexpected)"',
    '  "clients"',
    '  "leads (3 differences)" {',
    '    missing score',
    '    differs status',
    '  }',
    '  "notes (missing)"',
    '  "users"',
    '  "leads (3 differences)" }o--|| "clients" : "leads_clients_fkey"',
    '  "leads (3 differences)" }o..|| "users" : "unexpected: leads_users_fkey"',
    '  "notes (missing)" }o..|| "leads (3 differences)" : "missing: notes_leads_fkey"',
    '```',
  ]);
  await parses(section);
});

test('hostile names cannot close a string, start a directive or a comment, or end the fence; the diagram still parses', async () => {
  const evil = ['a"b', '%%{init: {"theme":"dark"}}%%', 'x\n```\n# heading', 'c`d`', 'e<script>f', 'g#quot;h;', 'ünïcödé', '}o--||'];
  const drift = evil.flatMap((name) => [
    finding('missing_column', { schema: 'public', table: name, column: name }),
    finding('missing_column', { schema: name, table: 't', column: 'c' }),
  ]);
  const fks = evil.map((name, i) => fk(name, evil[(i + 1) % evil.length]!, 'expected', name));
  const section = driftDiagram(report(fks), drift);
  const body = section[2]!;
  expect(body.split('\n').filter((l) => l.startsWith('```'))).toEqual(['```mermaid', '```']);
  for (const bad of ['"b', '%%', '#', '<', '`d']) expect(body.replace(/^```(mermaid)?$/gm, '')).not.toContain(bad);
  expect(body).toContain('"ünïcödé');
  await parses(section);
});

test('a big drift is cut to the most drifted tables and says how many are left out', async () => {
  const drift: DriftFinding[] = [];
  for (let t = 0; t < MAX_TABLES + 5; t++) {
    const columns = t === 0 ? MAX_COLUMNS + 3 : 1;
    for (let c = 0; c < columns; c++) drift.push(finding('missing_column', { schema: 'public', table: `t${String(t).padStart(2, '0')}`, column: `c${c}` }));
  }
  const section = driftDiagram(report([fk('t00', 't01', 'both'), fk('t00', 'zz', 'both')]), drift);
  expect(section[1]).toContain('6 more tables with drift or next to it are not drawn');
  expect(section[2]).toContain('    more columns "3 more with drift"');
  // t00 has the most findings: drawn; the neighbour zz (no finding) is among the ones left out, and so is its line.
  expect(section[2]).toContain('"t00 (15 differences)" }o--|| "t01 (1 difference)"');
  expect(section[2]).not.toContain('"zz"');
  await parses(section);
});

test('mermaidText keeps letters, digits and a few signs, and cuts long text', () => {
  expect(mermaidText('a"b%c#d;e')).toBe('a_b_c_d_e');
  expect(mermaidText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
});
