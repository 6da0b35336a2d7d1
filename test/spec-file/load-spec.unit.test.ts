import { createHash } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, exitCodeFor } from '../../src/cli/exit-codes.js';
import { AuditError, UsageError } from '../../src/errors.js';
import { loadSpec, qualifiedKey, splitIdentifiers, splitQualified } from '../../src/spec-file/load-spec.js';
import { formatProblems, SpecError } from '../../src/spec-file/spec-error.js';
import type { LoadedSpec } from '../../src/spec-file/spec-types.js';
import { FIXTURES, lines, problemsOf, scratchSpecs } from './helpers.js';

const VALID = path.join(FIXTURES, 'valid');
const { specDir, root } = scratchSpecs();

describe('loading one file', () => {
  test('a YAML file: sections, qualified keys, column order, default schema', () => {
    const file = path.join(FIXTURES, 'single.yaml');
    const spec = loadSpec(file);
    expect(spec.files).toEqual([file]);
    expect([...spec.tables.keys()]).toEqual(['public.clients', 'public.leads']);
    expect([...spec.enums.keys()]).toEqual(['public.lead_status']);
    const leads = spec.tables.get('public.leads')!;
    expect(Object.keys(leads.columns)).toEqual(['id', 'client_id', 'status', 'score']);
    expect(leads.columns.client_id).toEqual({ type: 'uuid', nullable: false, references: { table: 'clients', onDelete: 'cascade' } });
    expect(leads.indexes).toEqual({ idx_leads_score: { columns: ['score'], description: 'filter by score' } });
    expect(spec.enums.get('public.lead_status')).toEqual({ values: ['new', 'contacted', 'qualified'] });
    expect(spec.extensions).toEqual([]);
    expect(spec.schemas).toEqual([]);
    expect(spec.ignore).toEqual([]);
    expect(spec.severity).toEqual({});
    expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('`default: 0` and other numbers and booleans are SQL text, as written', () => {
    const dir = specDir({
      'spec.yaml': lines(
        'tables:',
        '  t:',
        '    columns:',
        '      a: { type: int, default: 0 }',
        '      b: { type: numeric, default: 1.50 }',
        '      c: { type: boolean, default: false }',
        '      d: { type: text, default: "\'x\'" }',
        'domains:',
        '  pct: { type: int, default: 100 }',
      ),
    });
    const spec = loadSpec(dir);
    const columns = spec.tables.get('public.t')!.columns;
    expect([columns.a?.default, columns.b?.default, columns.c?.default, columns.d?.default]).toEqual(['0', '1.50', 'false', "'x'"]);
    expect(spec.domains.get('public.pct')?.default).toBe('100');
  });

  test('a JSON file loads like the same YAML, with line numbers', () => {
    const json = loadSpec(path.join(FIXTURES, 'single.json'));
    const yaml = loadSpec(path.join(FIXTURES, 'single.yaml'));
    expect([...json.tables]).toEqual([...yaml.tables]);
    expect([...json.enums]).toEqual([...yaml.enums]);
    expect(json.locate(['tables', 'public', 'leads', 'columns', 'client_id', 'references', 'table'])).toEqual({
      file: path.join(FIXTURES, 'single.json'),
      line: 41,
      path: 'tables.leads.columns.client_id.references.table',
    });
    expect(json.sha256).not.toBe(yaml.sha256);
  });

  test('problems in a JSON file have lines too', () => {
    const dir = specDir({ 'spec.json': '{\n  "tables": {\n    "t": {\n      "columns": { "a": { "type": "int", "nullable": "no" } }\n    }\n  }\n}\n' });
    expect(problemsOf(dir)).toEqual([
      { file: 'spec.json', line: 4, path: 'tables.t.columns.a.nullable', message: 'expected a boolean, got a string' },
    ]);
  });

  test('an empty file is an empty spec; a file of comments too', () => {
    const dir = specDir({ 'a.yaml': '', 'b.yaml': '# nothing yet\n', 'c.yaml': lines('tables:', '  t: { columns: { id: { type: int } } }') });
    expect([...loadSpec(dir).tables.keys()]).toEqual(['public.t']);
  });
});

describe('loading a directory', () => {
  let spec: LoadedSpec;
  beforeAll(() => {
    spec = loadSpec(VALID);
  });

  test('every .yaml / .yml / .json below it, in sorted path order; other files ignored', () => {
    expect(spec.files.map((f) => path.relative(VALID, f))).toEqual([
      'billing/invoices.yaml',
      'enums.yaml',
      'settings.yaml',
      'tables/events.yaml',
      'tables/leads.yaml',
      'tables/tenants.yaml',
      'tables/users.yaml',
    ]);
  });

  test('objects from every file, qualified by the file\'s schema or public', () => {
    expect([...spec.tables.keys()]).toEqual([
      'billing.invoices',
      'public.events',
      'public.events_2026_01',
      'public.events_default',
      'public.leads',
      'public.tenants',
      'public.users',
    ]);
    expect([...spec.enums.keys()]).toEqual(['public.lead_status', 'public.channel', 'billing.currency']);
    expect([...spec.domains.keys()]).toEqual(['public.email_address']);
    expect([...spec.sequences.keys()]).toEqual(['billing.invoice_number_seq']);
    expect(spec.extensions).toEqual(['pgcrypto', 'citext']);
    expect(spec.schemas).toEqual(['public', 'billing']);
    expect(spec.severity).toEqual({ unexpected_column: 'warning', unexpected_index: 'info' });
    expect(spec.ignore.map((r) => r.pattern)).toEqual(['public.spatial_ref_sys', 'public.leads.legacy_*']);
  });

  test('a partition without columns gets an empty columns map (its columns are its parent\'s)', () => {
    expect(spec.tables.get('public.events_2026_01')).toEqual({
      partitionOf: { table: 'events', bound: "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')" },
      columns: {},
    });
    expect(Object.keys(spec.tables.get('public.events_default')!.columns)).toEqual(['payload']);
  });

  test('indexes in all three forms are kept as written', () => {
    expect(spec.tables.get('public.leads')!.indexes).toEqual({
      idx_leads_tenant_status: {
        columns: ['tenant_id', 'status', { column: 'created_at', order: 'desc' }],
        include: ['score'],
        description: 'the lead list, filtered by status, newest first',
      },
      idx_leads_email: { sql: 'CREATE INDEX idx_leads_email ON leads (lower(email::text))', description: 'lookup by e-mail' },
      idx_leads_open: "CREATE INDEX idx_leads_open ON public.leads (tenant_id) WHERE status <> 'lost'",
    });
  });

  test('ignore lists concatenate and severity maps merge across files; an agreeing repeat is fine', () => {
    const dir = specDir({
      'a.yaml': lines('extensions: [pgcrypto]', 'ignore:', '  - { pattern: a.*, reason: one }', 'severity: { unexpected_table: warning }'),
      'b.yaml': lines(
        'extensions: [citext, pgcrypto]',
        'schemas: [public]',
        'ignore:',
        '  - { pattern: b.*, reason: two }',
        'severity: { unexpected_table: warning, unexpected_enum: error }',
      ),
    });
    const merged = loadSpec(dir);
    expect(merged.ignore).toEqual([
      { pattern: 'a.*', reason: 'one' },
      { pattern: 'b.*', reason: 'two' },
    ]);
    expect(merged.severity).toEqual({ unexpected_table: 'warning', unexpected_enum: 'error' });
    expect(merged.extensions).toEqual(['pgcrypto', 'citext']);
    expect(merged.schemas).toEqual(['public']);
    expect(merged.locate(['ignore', '1', 'reason'])).toEqual({ file: path.join(dir, 'b.yaml'), line: 4, path: 'ignore.0.reason' });
    expect(merged.locate(['ignore', '1', 'kinds'])).toEqual({ file: path.join(dir, 'b.yaml'), line: 4, path: 'ignore.0' });
    expect(merged.locate(['extensions', '1'])).toEqual({ file: path.join(dir, 'b.yaml'), line: 1, path: 'extensions.0' });
  });

  test('conflicting severities are a problem naming both places', () => {
    const dir = specDir({
      'a.yaml': lines('severity:', '  unexpected_table: warning'),
      'b.yaml': lines('severity:', '  unexpected_table: error'),
    });
    expect(problemsOf(dir)).toEqual([
      {
        file: 'b.yaml',
        line: 2,
        path: 'severity.unexpected_table',
        message: `severity of unexpected_table is already set to "warning" at ${path.join(dir, 'a.yaml')}:2`,
      },
    ]);
  });

  test('hidden files and directories are skipped', () => {
    const dir = specDir({
      'spec.yaml': lines('tables:', '  t: { columns: { id: { type: int } } }'),
      '.hidden.yaml': 'not: [valid',
      '.git/config.yml': 'not: [valid',
    });
    expect(loadSpec(dir).files).toEqual([path.join(dir, 'spec.yaml')]);
  });
});

describe('names', () => {
  test.each([
    ['leads', { schema: 'public', name: 'leads' }],
    ['billing.invoices', { schema: 'billing', name: 'invoices' }],
    ['"my.table"', { schema: 'public', name: 'my.table' }],
    ['billing."my.table"', { schema: 'billing', name: 'my.table' }],
    ['Lead Notes', { schema: 'public', name: 'Lead Notes' }],
    ['"Lead Notes"', { schema: 'public', name: 'Lead Notes' }],
    ['"say ""hi"""', { schema: 'public', name: 'say "hi"' }],
    ['"a.b"."c.d"', { schema: 'a.b', name: 'c.d' }],
  ])('splitQualified(%j)', (name, expected) => {
    expect(splitQualified(name, 'public')).toEqual(expected);
  });

  test.each([
    ['', 'the name is empty'],
    ['a..b', 'empty name part in "a..b"'],
    ['.a', 'empty name part in ".a"'],
    ['a.', 'empty name part in "a."'],
    ['"abc', 'unterminated quote in "\\"abc"'],
    ['a.b.c', '"a.b.c" has 3 parts (expected name or schema.name)'],
  ])('splitQualified(%j) throws', (name, message) => {
    expect(() => splitQualified(name, 'public')).toThrow(message);
  });

  test('splitIdentifiers keeps three parts (ownedBy: schema.table.column)', () => {
    expect(splitIdentifiers('billing.invoices.number')).toEqual(['billing', 'invoices', 'number']);
  });

  test('qualified keys quote what needs quoting, and split back', () => {
    for (const [schema, name] of [
      ['public', 'leads'],
      ['public', 'my.table'],
      ['Billing', 'Lead Notes'],
      ['public', 'user'],
      ['public', 'say "hi"'],
    ] as const) {
      expect(splitQualified(qualifiedKey(schema, name), 'other')).toEqual({ schema, name });
    }
    expect(qualifiedKey('public', 'leads')).toBe('public.leads');
    expect(qualifiedKey('public', 'my.table')).toBe('public."my.table"');
  });

  test('keys in files: the file\'s schema, an explicit schema, a quoted dotted name', () => {
    const dir = specDir({
      'billing.yaml': lines(
        'schema: billing',
        'tables:',
        '  invoices: { columns: { id: { type: int } } }',
        '  public.tenants: { columns: { id: { type: int } } }',
        '  \'"my.table"\': { columns: { id: { type: int } } }',
      ),
      'public.yaml': lines('tables:', '  leads: { columns: { id: { type: int } } }'),
    });
    const spec = loadSpec(dir);
    expect([...spec.tables.keys()]).toEqual(['billing.invoices', 'public.tenants', 'billing."my.table"', 'public.leads']);
    expect(spec.locate(['tables', 'billing', 'my.table', 'columns', 'id'])).toEqual({
      file: path.join(dir, 'billing.yaml'),
      line: 5,
      path: 'tables."my.table".columns.id',
    });
    expect(spec.locate(['tables', 'public', 'tenants'])).toEqual({ file: path.join(dir, 'billing.yaml'), line: 4, path: 'tables.public.tenants' });
  });

  test('the same object written two ways in one file is defined twice', () => {
    const dir = specDir({
      'spec.yaml': lines('tables:', '  leads: { columns: { id: { type: int } } }', '  public.leads: { columns: { id: { type: int } } }'),
    });
    expect(problemsOf(dir)).toEqual([
      { file: 'spec.yaml', line: 3, path: 'tables.public.leads', message: `table public.leads is already defined at ${path.join(dir, 'spec.yaml')}:2` },
    ]);
  });
});

describe('sha256', () => {
  test('stable: the same files give the same hash, wherever the directory is', () => {
    const copy = path.join(root(), 'valid-copy');
    cpSync(VALID, copy, { recursive: true });
    expect(loadSpec(VALID).sha256).toBe(loadSpec(VALID).sha256);
    expect(loadSpec(copy).sha256).toBe(loadSpec(VALID).sha256);
  });

  test('over the relative names and bytes, in load order', () => {
    const dir = specDir({ 'b.yaml': 'version: 1\n', 'a/x.yml': '# x\n' });
    const expected = createHash('sha256');
    for (const name of ['a/x.yml', 'b.yaml']) {
      const bytes = readFileSync(path.join(dir, name));
      expected.update(name).update(`\0${bytes.length}\0`).update(bytes);
    }
    expect(loadSpec(dir).sha256).toBe(expected.digest('hex'));
  });

  test('changes when a byte, a file name or the set of files changes', () => {
    const base = { 'a.yaml': 'tables:\n  t: { columns: { id: { type: int } } }\n', 'b.yaml': 'version: 1\n' };
    const hash = (files: Record<string, string>): string => loadSpec(specDir(files)).sha256;
    const original = hash(base);
    expect(hash(base)).toBe(original);
    expect(hash({ ...base, 'a.yaml': base['a.yaml'].replace('int', 'bigint') })).not.toBe(original);
    expect(hash({ 'a.yaml': base['a.yaml'], 'c.yaml': base['b.yaml'] })).not.toBe(original);
    expect(hash({ 'a.yaml': base['a.yaml'] })).not.toBe(original);
    expect(hash({ ...base, 'b.yaml': 'version: 1 \n' })).not.toBe(original);
  });
});

describe('locate', () => {
  let spec: LoadedSpec;
  const file = (name: string): string => path.join(VALID, name);
  beforeAll(() => {
    spec = loadSpec(VALID);
  });

  test.each([
    [['tables', 'public', 'leads'], 'tables/leads.yaml', 2, 'tables.leads'],
    [['tables', 'public', 'leads', 'columns', 'score'], 'tables/leads.yaml', 14, 'tables.leads.columns.score'],
    [['tables', 'public', 'leads', 'columns', 'score', 'check'], 'tables/leads.yaml', 14, 'tables.leads.columns.score.check'],
    [['tables', 'public', 'leads', 'indexes', 'idx_leads_email', 'sql'], 'tables/leads.yaml', 31, 'tables.leads.indexes.idx_leads_email.sql'],
    [['tables', 'public', 'leads', 'indexes', 'idx_leads_tenant_status', 'columns', '2', 'order'], 'tables/leads.yaml', 27, 'tables.leads.indexes.idx_leads_tenant_status.columns.2.order'],
    [['tables', 'public', 'leads', 'foreignKeys', '0', 'references', 'table'], 'tables/leads.yaml', 24, 'tables.leads.foreignKeys.0.references.table'],
    [['tables', 'billing', 'invoices', 'checks', '0'], 'billing/invoices.yaml', 26, 'tables.invoices.checks.0'],
    [['tables', 'billing', 'invoices', 'columns', 'gross', 'generated'], 'billing/invoices.yaml', 20, 'tables.invoices.columns.gross.generated'],
    [['enums', 'public', 'lead_status'], 'enums.yaml', 2, 'enums.lead_status'],
    [['enums', 'public', 'lead_status', 'values', '3'], 'enums.yaml', 4, 'enums.lead_status.values.3'],
    [['enums', 'billing', 'currency'], 'enums.yaml', 7, 'enums.billing.currency'],
    [['sequences', 'billing', 'invoice_number_seq', 'ownedBy'], 'billing/invoices.yaml', 6, 'sequences.invoice_number_seq.ownedBy'],
    [['domains', 'public', 'email_address', 'checks', 'email_has_at'], 'enums.yaml', 13, 'domains.email_address.checks.email_has_at'],
    [['ignore', '1', 'kinds', '0'], 'settings.yaml', 9, 'ignore.1.kinds.0'],
    [['severity', 'unexpected_index'], 'settings.yaml', 13, 'severity.unexpected_index'],
    [['version'], 'settings.yaml', 2, 'version'],
  ])('%j', (logical, name, line, written) => {
    expect(spec.locate(logical)).toEqual({ file: file(name), line, path: written });
  });

  test('a path deeper than what was written resolves to the nearest written ancestor', () => {
    // `type` of a column written, but not `nullable`: the column itself.
    expect(spec.locate(['tables', 'public', 'users', 'columns', 'email', 'collation'])).toEqual({
      file: file('tables/users.yaml'),
      line: 10,
      path: 'tables.users.columns.email',
    });
    // A partition without columns: the partition.
    expect(spec.locate(['tables', 'public', 'events_2026_01', 'columns', 'id'])).toEqual({
      file: file('tables/events.yaml'),
      line: 15,
      path: 'tables.events_2026_01',
    });
    expect(spec.locate(['tables', 'public', 'leads', 'checks', '0'])).toEqual({ file: file('tables/leads.yaml'), line: 2, path: 'tables.leads' });
  });

  test('unknown objects resolve to a section of their schema; nothing written resolves to nothing', () => {
    expect(spec.locate(['tables', 'public', 'nope'])).toEqual({ file: file('tables/events.yaml'), line: 1, path: 'tables' });
    expect(spec.locate(['tables', 'elsewhere', 'nope'])).toEqual({ file: file('billing/invoices.yaml'), line: 7, path: 'tables' });
    expect(spec.locate([])).toBeUndefined();
    expect(spec.locate(['views', 'public', 'v'])).toBeUndefined();
  });
});

describe('errors', () => {
  test('a SpecError: code spec, exit 2, one summary line, the problems sorted; formatProblems prints them', () => {
    const dir = specDir({
      'b.yaml': lines('tables:', '  t:', '    columns:', '      id: { type: int, nulable: true }'),
      'a.yaml': lines('version: 2'),
    });
    let error: unknown;
    try {
      loadSpec(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect(error).toBeInstanceOf(AuditError);
    const specError = error as SpecError;
    expect(specError.code).toBe('spec');
    expect(exitCodeFor(specError.code)).toBe(ExitCode.Usage);
    expect(specError.message).toBe('spec has 2 errors');
    expect(formatProblems(specError.problems.map((p) => ({ ...p, file: path.relative(dir, p.file) })))).toBe(
      [
        'a.yaml:1: version: must be 1',
        "b.yaml:4: tables.t.columns.id: unknown key 'nulable' (allowed: type, nullable, default, identity, generated, collation, references, unique, check, description, grants, backfill)",
      ].join('\n'),
    );
    expect(new SpecError([{ file: 'x.yaml', line: 1, path: '', message: 'm' }]).message).toBe('spec has 1 error');
    expect(formatProblems([{ file: 'x.yaml', line: 3, path: '', message: 'invalid YAML: m' }])).toBe('x.yaml:3: invalid YAML: m');
  });

  test('a source that cannot be read is a usage error', () => {
    const missing = path.join(root(), 'nope.yaml');
    expect(() => loadSpec(missing)).toThrow(new UsageError(`spec not found: ${missing}`));
    const empty = specDir({});
    expect(() => loadSpec(empty)).toThrow(new UsageError(`no .yaml, .yml or .json files in ${empty}`));
    const onlyReadme = specDir({ 'README.md': '# spec\n' });
    expect(() => loadSpec(onlyReadme)).toThrow(UsageError);
    const text = path.join(specDir({ 'spec.txt': 'tables: {}\n' }), 'spec.txt');
    expect(() => loadSpec(text)).toThrow(new UsageError(`${text} is not a spec: expected a .yaml, .yml or .json file, or a directory of them`));
  });

  test('YAML syntax errors: file and line; other files are still checked', () => {
    const dir = specDir({
      'a.yaml': lines('tables:', '  t:', '    columns: [', '      id'),
      'b.yaml': lines('version: 3'),
    });
    expect(problemsOf(dir)).toEqual([
      { file: 'a.yaml', line: 5, path: '', message: 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' },
      { file: 'b.yaml', line: 1, path: 'version', message: 'must be 1' },
    ]);
  });

  test('several YAML documents in one file are refused', () => {
    const dir = specDir({ 'a.yaml': lines('version: 1', '---', 'version: 1') });
    expect(problemsOf(dir)).toEqual([
      { file: 'a.yaml', line: 2, path: '', message: 'invalid YAML: Source contains multiple documents; please use YAML.parseAllDocuments()' },
    ]);
  });

  test('aliases work; an alias without its anchor is a problem', () => {
    const ok = specDir({
      'a.yaml': lines('tables:', '  a: { columns: &cols { id: { type: int } } }', '  b: { columns: *cols }'),
    });
    expect(Object.keys(loadSpec(ok).tables.get('public.b')!.columns)).toEqual(['id']);
    const bad = specDir({ 'a.yaml': lines('tables:', '  b: { columns: *cols }') });
    expect(problemsOf(bad)).toEqual([{ file: 'a.yaml', line: 2, path: 'tables.b.columns', message: 'invalid YAML: unresolved alias *cols' }]);
  });
});
