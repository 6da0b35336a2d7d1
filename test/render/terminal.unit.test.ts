import type { AuditReport } from '../../src/audit.js';
import { renderTerminal, wrap, displayWidth, clean } from '../../src/render/terminal.js';
import { renderText } from '../../src/render/text.js';

/** The text renderer on hand-built reports: no database. */
const ANSI = /\u001b\[/;

/** A report's finding, drift or advice (advice kinds are open-ended strings to this renderer). */
type Finding = AuditReport['findings'][number];
/** A finding as tests write it: any of its fields, of any kind (the renderer must cope with kinds it does not know). */
type LooseFinding = { readonly [K in keyof Finding]?: unknown };

function report(findings: readonly LooseFinding[] = [], extra: Partial<AuditReport> = {}): AuditReport {
  const full = findings.map(
    (f, i) =>
      ({
        id: `${f.kind ?? 'missing_column'}:${i}`,
        kind: 'missing_column',
        category: 'drift',
        severity: 'error',
        object: { schema: 'public', table: 'leads', column: `c${i}` },
        expected: null,
        actual: null,
        message: `column public.leads.c${i} is missing (expected integer, nullable)`,
        ...f,
      }) as Finding,
  );
  const count = (s: string): number => full.filter((f) => f.severity === s).length;
  return {
    formatVersion: 1,
    tool: { name: 'schema-audit', version: '9.8.7' },
    generatedAt: '2026-01-31T09:00:00.000Z',
    target: { host: 'db.internal', port: 5432, user: 'audit', location: 'db.internal:5432/app', database: 'app', serverVersion: '17.10' },
    expected: { kind: 'sql', source: 'db/schema.sql', sha256: '0123456789abcdef'.repeat(4) },
    summary: { error: count('error'), warning: count('warning'), info: count('info'), total: full.length },
    findings: full,
    present: [
      { kind: 'table', object: { schema: 'public', table: 'leads' }, identical: false },
      { kind: 'column', object: { schema: 'public', table: 'leads', column: 'id' }, identical: true },
    ],
    ignored: [],
    coverage: { complete: true, kinds: [], schemasOutOfScope: [], notCompared: [], privileges: { privileges: false, owners: false, roles: [], otherGrantees: [] } },
    inventory: { tables: [], enums: [], foreignKeys: [] },
    ...extra,
  };
}

const EACH_SEVERITY = report([
  { severity: 'error' },
  {
    kind: 'column_default_mismatch',
    severity: 'warning',
    object: { schema: 'public', table: 'leads', column: 'status' },
    message: "default of column public.leads.status differs: expected 'new'::text, actual no default",
  },
  {
    kind: 'unexpected_index',
    severity: 'info',
    object: { schema: 'public', table: 'leads', index: 'leads_tmp_idx' },
    message: 'index public.leads.leads_tmp_idx is not in the expected schema',
  },
  {
    kind: 'missing_table',
    severity: 'error',
    object: { schema: 'billing', table: 'invoices' },
    message: 'table billing.invoices is missing (4 columns)',
  },
  {
    kind: 'missing_index',
    severity: 'error',
    object: { schema: 'public', table: 'leads', index: 'idx_leads_score' },
    message: 'index public.leads.idx_leads_score is missing',
  },
  {
    kind: 'missing_constraint',
    severity: 'error',
    object: { schema: 'public', table: 'leads', constraint: 'leads_score_check' },
    message: 'constraint public.leads.leads_score_check is missing',
  },
]);

const ADVICE = report([
  {
    kind: 'fk_without_index' as Finding['kind'],
    category: 'advice' as Finding['category'],
    severity: 'warning',
    object: { schema: 'public', table: 'leads', constraint: 'leads_client_id_fkey' },
    message: 'foreign key public.leads.leads_client_id_fkey has no index on (client_id): deletes on clients scan leads',
  },
]);

const ODD_NAMES = report([
  {
    kind: 'missing_table',
    object: { schema: 'public', table: 'Pipe|Table' },
    message: 'table public."Pipe|Table" is missing (1 column)',
  },
  {
    kind: 'missing_column',
    object: { schema: 'public', table: 'kunden', column: 'größe_名前' },
    message: 'column public.kunden."größe_名前" is missing (expected text, nullable)',
  },
]);

/** The table body rows (lines starting with `│`), as cell arrays. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => l.slice(1, -1).split('│').map((c) => c.trim()));
}

const ALL = { clean: report(), each: EACH_SEVERITY, advice: ADVICE, odd: ODD_NAMES };

describe('colour', () => {
  test.each(Object.entries(ALL))('%s: no ANSI escape at all with color false, with and without a width', (_name, r) => {
    expect(renderTerminal(r, { color: false })).not.toMatch(ANSI);
    expect(renderTerminal(r, { color: false, width: 60, failOn: 'error' })).not.toMatch(ANSI);
    expect(renderText(r)).not.toMatch(ANSI);
  });

  test.each(Object.entries(ALL))('%s: ANSI present with color true', (_name, r) => {
    expect(renderTerminal(r, { color: true })).toMatch(ANSI);
  });

  test('severities are coloured: error red, warning yellow, info blue; stripped, the text is the plain report', () => {
    const coloured = renderTerminal(EACH_SEVERITY, { color: true, failOn: 'error' });
    expect(coloured).toContain('\u001b[31m\u001b[1merror\u001b[22m\u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).toContain('\u001b[34minfo\u001b[39m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderTerminal(EACH_SEVERITY, { color: false, failOn: 'error' }));
  });

  test('a name holding an escape sequence cannot inject one', () => {
    const hostile = report([
      {
        kind: 'unexpected_table',
        severity: 'info',
        object: { schema: 'public', table: 'evil\u001b[31mred\u0007' },
        message: 'table public."evil\u001b[31mred\u0007" is not in the expected schema',
      },
    ]);
    const text = renderTerminal(hostile, { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).not.toContain('\u0007');
    expect(text).toContain('public."evil\\x1b[31mred\\x07"');
  });
});

describe('layout', () => {
  test('the header names target, server, expected source with a short hash, tool version and time', () => {
    const lines = renderText(report()).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'schema-audit 9.8.7',
      'target:    db.internal:5432/app, PostgreSQL 17.10',
      'expected:  db/schema.sql (sql, sha256 0123456789ab)',
      'generated: 2026-01-31T09:00:00.000Z',
    ]);
  });

  test('one table per section, in order, rows most severe first; each row: severity, object, message', () => {
    const text = renderText(EACH_SEVERITY);
    const titles = text.split('\n').filter((l) => /^[A-Z][a-z ]+ \(\d+\)$/.test(l));
    expect(titles).toEqual(['Missing tables (1)', 'Missing columns (1)', 'Missing indexes (1)', 'Missing constraints (1)', 'Other drift (2)']);
    expect(rows(text)).toEqual([
      ['Severity', 'Object', 'Finding'],
      ['error', 'billing.invoices', 'table billing.invoices is missing (4 columns)'],
      ['Severity', 'Object', 'Finding'],
      ['error', 'public.leads.c0', 'column public.leads.c0 is missing (expected integer, nullable)'],
      ['Severity', 'Object', 'Finding'],
      ['error', 'public.leads.idx_leads_score', 'index public.leads.idx_leads_score is missing'],
      ['Severity', 'Object', 'Finding'],
      ['error', 'public.leads.leads_score_check', 'constraint public.leads.leads_score_check is missing'],
      ['Severity', 'Object', 'Finding'],
      ['warning', 'public.leads.status', "default of column public.leads.status differs: expected 'new'::text, actual no default"],
      ['info', 'public.leads.leads_tmp_idx', 'index public.leads.leads_tmp_idx is not in the expected schema'],
    ]);
  });

  test('advice findings (category advice, any kind) get their own section, rendered generically', () => {
    const text = renderText(ADVICE);
    expect(text).toContain('\nAdvice (1)\n');
    expect(text).not.toContain('Other drift');
    expect(rows(text)[1]).toEqual([
      'warning',
      'public.leads.leads_client_id_fkey',
      'foreign key public.leads.leads_client_id_fkey has no index on (client_id): deletes on clients scan leads',
    ]);
    // Advice is printed after the drift sections.
    const mixed = renderText(report([{ severity: 'error' }, ...ADVICE.findings]));
    expect(mixed.indexOf('Missing columns (1)')).toBeLessThan(mixed.indexOf('Advice (1)'));
  });

  test('`|` and non-ASCII names are kept intact, quoted as PostgreSQL needs', () => {
    const text = renderText(ODD_NAMES);
    expect(rows(text).filter((r) => r[0] === 'error').map((r) => r[1])).toEqual(['public."Pipe|Table"', 'public.kunden."größe_名前"']);
    expect(text).toContain('table public."Pipe|Table" is missing (1 column)');
    // The table's right border lines up although 名前 takes two columns each.
    const widths = new Set(text.split('\n').filter((l) => l.startsWith('│')).map(displayWidth));
    expect(widths.size).toBe(2); // one width per section's table
  });

  test('ignored findings are counted, not listed', () => {
    const r = report([], { ignored: [{ findingId: 'unexpected_table:public.spatial_ref_sys', pattern: 'public.spatial_ref_sys', reason: 'PostGIS' }] });
    expect(renderText(r)).toContain('\nignored: 1 finding matched ignore rules (listed in --format json)\n');
    expect(renderText(report())).not.toContain('ignored');
  });
});

describe('summary line', () => {
  const last = (text: string): string => text.trimEnd().split('\n').at(-1)!;

  test('clean', () => {
    expect(last(renderText(report(), { failOn: 'error' }))).toBe('✔ No drift: the database matches the expected schema (2 expected objects present).');
    expect(renderText(report())).toBe(
      [
        'schema-audit 9.8.7',
        'target:    db.internal:5432/app, PostgreSQL 17.10',
        'expected:  db/schema.sql (sql, sha256 0123456789ab)',
        'generated: 2026-01-31T09:00:00.000Z',
        'privileges: privileges and owners were not compared: the expected schema governs no roles (roles: in a spec, --role, --role-map)',
        '',
        '✔ No drift: the database matches the expected schema (2 expected objects present).',
        '',
      ].join('\n'),
    );
  });

  test('drift at or above --fail-on', () => {
    expect(last(renderText(EACH_SEVERITY, { failOn: 'error' }))).toBe(
      '✖ 4 errors, 1 warning, 1 info; 2 expected objects present — drift at or above --fail-on error',
    );
    expect(last(renderText(report([{}]), { failOn: 'warning' }))).toBe(
      '✖ 1 error, 0 warnings, 0 info; 2 expected objects present — drift at or above --fail-on warning',
    );
  });

  test('findings below the gate, or no gate', () => {
    const infoOnly = report([{ kind: 'unexpected_column', severity: 'info' }]);
    expect(last(renderText(infoOnly, { failOn: 'error' }))).toBe(
      '⚠ 0 errors, 0 warnings, 1 info; 2 expected objects present — nothing at or above --fail-on error',
    );
    expect(last(renderText(EACH_SEVERITY, { failOn: 'never' }))).toBe(
      '⚠ 4 errors, 1 warning, 1 info; 2 expected objects present — not gated (--fail-on never)',
    );
    expect(last(renderText(EACH_SEVERITY))).toBe('✖ 4 errors, 1 warning, 1 info; 2 expected objects present');
  });

  test('advice is counted apart from drift, and fails the gate only with failOnAdvice', () => {
    expect(last(renderText(ADVICE, { failOn: 'warning' }))).toBe(
      '✔ No drift: the database matches the expected schema (2 expected objects present; 1 advice finding).',
    );
    expect(last(renderText(ADVICE, { failOn: 'warning', failOnAdvice: true }))).toBe(
      '✖ 0 errors, 0 warnings, 0 info; 2 expected objects present; 1 advice — drift or advice at or above --fail-on warning',
    );
    expect(last(renderText(ADVICE, { failOn: 'error', failOnAdvice: true }))).toBe(
      '✔ No drift: the database matches the expected schema (2 expected objects present; 1 advice finding).',
    );
    const mixed = report([{ severity: 'error' }, ...ADVICE.findings]);
    expect(last(renderText(mixed, { failOn: 'error' }))).toBe(
      '✖ 1 error, 0 warnings, 0 info; 2 expected objects present; 1 advice — drift at or above --fail-on error',
    );
  });
});

test('deterministic: the same report and options give the same bytes', () => {
  for (const r of Object.values(ALL)) {
    for (const options of [{ color: false }, { color: true }, { color: true, width: 72, failOn: 'info' as const }]) {
      const first = renderTerminal(r, options);
      expect(renderTerminal(structuredClone(r), options)).toBe(first);
    }
  }
});

describe('wrapping', () => {
  const long = report([
    {
      kind: 'missing_column',
      object: { schema: 'public', table: 'lead_campaign_enrollments', column: 'enrolled_by' },
      message:
        'column public.lead_campaign_enrollments.enrolled_by is missing (expected uuid, nullable; with lead_campaign_enrollments_enrolled_by_fkey FOREIGN KEY (enrolled_by) REFERENCES users(id) ON DELETE SET NULL)',
    },
  ]);

  test.each([40, 60, 80, 100])('at width %i no table line is wider than the terminal, and no word is lost', (width) => {
    const text = renderTerminal(long, { color: false, width });
    const tableLines = text.split('\n').filter((l) => /^[│┌├└]/.test(l));
    for (const line of tableLines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    const body = rows(text).slice(1);
    const message = body.map((r) => r[2]).filter(Boolean).join(' ');
    // Words are kept whole unless longer than the column; joined back, nothing is missing.
    expect(message.replace(/\s+/g, '')).toBe(long.findings[0]!.message.replace(/\s+/g, ''));
    expect(body.map((r) => r[1]).join('')).toBe('public.lead_campaign_enrollments.enrolled_by');
    expect(body.length).toBeGreaterThan(1);
  });

  test('narrower than the table can get: wider than asked, but nothing is lost', () => {
    const text = renderTerminal(long, { color: false, width: 20 });
    const body = rows(text).slice(1);
    expect(body.map((r) => r[2]).join('').replace(/\s+/g, '')).toBe(long.findings[0]!.message.replace(/\s+/g, ''));
  });

  test('without a width nothing wraps: one line per finding', () => {
    const text = renderTerminal(long, { color: false });
    expect(rows(text)).toHaveLength(2);
  });

  test('coloured output wraps the same way', () => {
    const plain = renderTerminal(long, { color: false, width: 70 });
    // eslint-disable-next-line no-control-regex
    expect(renderTerminal(long, { color: true, width: 70 }).replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  test('wrap(): words at spaces, names after dots, overlong words cut', () => {
    expect(wrap('aa bb cc dd', 5, 'words')).toBe('aa bb\ncc dd');
    expect(wrap('public.lead_campaign_enrollments.enrolled_by', 30, 'name')).toBe('public.\nlead_campaign_enrollments.\nenrolled_by');
    expect(wrap('abcdefghij k', 4, 'words')).toBe('abcd\nefgh\nij k');
    expect(wrap('名前名前名前', 4, 'words')).toBe('名前\n名前\n名前');
    expect(wrap('', 10, 'words')).toBe('');
  });

  test('clean() makes control characters visible', () => {
    expect(clean('a\nb\tc\u001bd\u202e')).toBe('a\\nb\\tc\\x1bd\\u202e');
  });
});
