import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SEVERITIES } from '../../src/findings/finding.js';
import { FINDING_KINDS } from '../../src/findings/kinds.js';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import type {
  SpecFunction,
  SpecCheck,
  SpecColumn,
  SpecDomain,
  SpecEnum,
  SpecFile,
  SpecForeignKey,
  SpecIgnoreRule,
  SpecIndex,
  SpecIndexKey,
  SpecNamedColumns,
  SpecReference,
  SpecSequence,
  SpecTable,
  SpecView,
  SpecTriggerObject,
  SpecPolicyObject,
  SpecUnique,
} from '../../src/spec-file/spec-types.js';
import { specJsonSchema } from '../../src/spec-file/spec-schema.js';
import { createAjv } from '../../src/spec-file/validate-spec.js';
import { FIXTURES, lines, problemsOf, scratchSpecs } from './helpers.js';

const { specDir } = scratchSpecs();

/** The problems of a one-file spec `spec.yaml`. */
const problems = (...text: string[]): ReturnType<typeof problemsOf> => problemsOf(specDir({ 'spec.yaml': lines(...text) }));
const at = (line: number, path: string, message: string): { file: string; line: number; path: string; message: string } => ({
  file: 'spec.yaml',
  line,
  path,
  message,
});

const COLUMN_KEYS = 'type, nullable, default, identity, generated, collation, references, unique, check, description, grants, backfill';

describe('structure: each problem at its file, line and path', () => {
  test('unknown key', () => {
    expect(
      problems(
        'tables:', //
        '  leads:',
        '    columns:',
        '      id: { type: uuid, nulable: false }',
      ),
    ).toEqual([at(4, 'tables.leads.columns.id', `unknown key 'nulable' (allowed: ${COLUMN_KEYS})`)]);
  });

  test('unknown key at the top, in block style: the key\'s own line', () => {
    expect(problems('version: 1', 'tabels:', '  leads: {}')).toEqual([
      at(2, '', "unknown key 'tabels' (allowed: version, schema, roles, database, schemas, extensions, collations, enums, domains, types, sequences, functions, tables, views, default_privileges, ignore, severity)"),
    ]);
  });

  test('wrong type', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns:',
        '      id:',
        '        type: 5',
        '        nullable: "no"',
        '    primaryKey: id',
        '    indexes:',
        '      idx: 12',
      ),
    ).toEqual([
      at(5, 'tables.leads.columns.id.type', 'expected a string, got a number'),
      at(6, 'tables.leads.columns.id.nullable', 'expected a boolean, got a string'),
      at(7, 'tables.leads.primaryKey', 'expected an array or an object, got a string'),
      at(9, 'tables.leads.indexes.idx', 'expected a string or an object, got a number'),
    ]);
  });

  test('a value left empty is null', () => {
    expect(problems('tables:', '  leads:', '    columns:', '      id: { type: }')).toEqual([
      at(4, 'tables.leads.columns.id.type', 'expected a string, got null'),
    ]);
  });

  test('the whole file must be a map', () => {
    expect(problems('- leads', '- clients')).toEqual([at(1, '', 'expected an object, got an array')]);
  });

  test('bad enum value', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns:',
        '      id: { type: int, identity: alway }',
        '      client_id: { type: int, references: { table: leads, column: id, onDelete: cascades } }',
      ),
    ).toEqual([
      at(4, 'tables.leads.columns.id.identity', 'must be one of: always, by default'),
      at(5, 'tables.leads.columns.client_id.references.onDelete', 'must be one of: no action, restrict, cascade, set null, set default'),
    ]);
  });

  test('identity and default together: at the later of the two', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns:',
        '      id:',
        '        type: bigint',
        '        identity: always',
        '        default: 0',
        '      total: { type: int, generated: a + b, default: 0 }',
      ),
    ).toEqual([
      at(7, 'tables.leads.columns.id', "'identity' and 'default' cannot be used together"),
      at(8, 'tables.leads.columns.total', "'default' and 'generated' cannot be used together"),
    ]);
  });

  test('duplicate key in YAML: the same table twice in one file', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns: { id: { type: int } }',
        '  leads:',
        '    columns: { id: { type: int } }',
      ),
    ).toEqual([at(4, 'tables', "duplicate key 'leads' (first at line 2)")]);
  });

  test('duplicate key in JSON', () => {
    const dir = specDir({ 'spec.json': '{\n  "version": 1,\n  "version": 1\n}\n' });
    expect(problemsOf(dir)).toEqual([{ file: 'spec.json', line: 3, path: '', message: "duplicate key 'version' (first at line 2)" }]);
  });

  test('the same table in two files: at the second, naming the first', () => {
    const dir = specDir({
      'a.yaml': lines('tables:', '  leads:', '    columns: { id: { type: int } }'),
      'b.yaml': lines('schema: public', 'tables:', '  public.leads:', '    columns: { id: { type: int } }'),
    });
    expect(problemsOf(dir)).toEqual([
      { file: 'b.yaml', line: 3, path: 'tables.public.leads', message: `table public.leads is already defined at ${path.join(dir, 'a.yaml')}:2` },
    ]);
  });

  test('duplicate enum value', () => {
    expect(
      problems(
        'enums:',
        '  lead_status:',
        '    values: [new, contacted, new]',
        '  channel:',
        '    values:',
        '      - email',
        '      - sms',
        '      - email',
      ),
    ).toEqual([
      at(3, 'enums.lead_status.values.2', "duplicate value 'new' (same as item 0)"),
      at(8, 'enums.channel.values.2', "duplicate value 'email' (same as line 6)"),
    ]);
  });

  test('an empty enum is allowed', () => {
    expect(loadSpec(specDir({ 'spec.yaml': lines('enums:', '  nothing_yet: { values: [] }') })).enums.get('public.nothing_yet')).toEqual({ values: [] });
  });

  test('unknown finding kind: in severity keys and ignore kinds; bad severities', () => {
    expect(
      problems(
        'severity:',
        '  missing_tabel: error',
        '  unexpected_column: fatal',
        '  no_such_thing_at_all: info',
        'ignore:',
        '  - pattern: public.legacy_*',
        '    kinds: [unexpected_tables]',
        '    reason: old',
      ),
    ).toEqual([
      at(2, 'severity', "unknown finding kind 'missing_tabel' (did you mean 'missing_table'?)"),
      at(3, 'severity.unexpected_column', 'must be one of: error, warning, info'),
      at(4, 'severity', `unknown finding kind 'no_such_thing_at_all' (known: ${FINDING_KINDS.join(', ')})`),
      at(7, 'ignore.0.kinds.0', "unknown finding kind 'unexpected_tables' (did you mean 'unexpected_table'?)"),
    ]);
  });

  test('bad ignore pattern; missing reason; empty kinds', () => {
    expect(
      problems(
        'ignore:',
        '  - pattern: public..leads',
        '    reason: typo',
        '  - pattern: public."leads',
        '    reason: typo',
        '  - pattern: public.x',
        '    kinds: []',
      ),
    ).toEqual([
      at(2, 'ignore.0.pattern', 'invalid ignore pattern "public..leads": it has an empty name part'),
      at(4, 'ignore.1.pattern', 'invalid ignore pattern "public.\\"leads": it has an unterminated quote'),
      at(6, 'ignore.2', "missing required key 'reason'"),
      at(7, 'ignore.2.kinds', 'must not be empty'),
    ]);
  });

  test('version must be 1', () => {
    expect(problems('version: 2')).toEqual([at(1, 'version', 'must be 1')]);
  });

  test('indexes: sql excludes the structural keys; an object needs columns or sql', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns: { id: { type: int } }',
        '    indexes:',
        '      a:',
        '        sql: CREATE INDEX a ON leads (id)',
        '        unique: true',
        '      b: { description: nothing else }',
        '      c: { columns: [] }',
      ),
    ).toEqual([
      at(7, 'tables.leads.indexes.a', "'sql' and 'unique' cannot be used together"),
      at(8, 'tables.leads.indexes.b', "needs 'columns' or 'sql'"),
      at(9, 'tables.leads.indexes.c.columns', 'must not be empty'),
    ]);
  });

  test('a table lists its columns, none (`{}`) included (CREATE TABLE t ()); a partition need not', () => {
    expect(
      problems(
        'tables:',
        '  events: { partitionBy: RANGE (at), columns: { at: { type: date } } }',
        '  events_2026: { partitionOf: { table: events, bound: DEFAULT } }',
        '  nothing: { description: no columns }',
        '  empty: { columns: {} }',
        '  empty_parent: { partitionBy: RANGE (id), columns: {} }',
        '  wrong: { columns: [] }',
      ),
    ).toEqual([
      at(4, 'tables.nothing', "missing required key 'columns'"),
      at(7, 'tables.wrong.columns', 'expected an object, got an array'),
    ]);
  });

  test('`numeric(12,2)` in a { } map: the comma ends the value, and the message says so', () => {
    expect(problems('tables:', '  t:', '    columns:', '      net: { type: numeric(12,2) }')).toEqual([
      at(4, 'tables.t.columns.net', `unknown key '2)' (allowed: ${COLUMN_KEYS}); in a { } map a comma ends the value: quote values with commas, e.g. 'numeric(12,2)'`),
    ]);
  });

  test('wrong shapes everywhere are reported, and the checks of meaning never trip over them', () => {
    const found = problems(
      'schema: 5',
      'schemas: public',
      'extensions: [1, pgcrypto]',
      'enums:',
      '  e1: { values: abc }',
      '  e2: 5',
      'domains: { d: { type: [int] } }',
      'sequences: { s: 5, t: { ownedBy: 7 } }',
      'tables:',
      '  a: 5',
      '  b: { columns: [id] }',
      '  c:',
      '    columns: { id: 5, x: { type: int, references: clients } }',
      '    primaryKey: { columns: 5 }',
      '    unique: [5, { columns: id }]',
      '    foreignKeys: [{ columns: [1], references: x }]',
      '    indexes: [a]',
      '    partitionOf: events',
      '  d:',
      '    columns: { id: { type: int } }',
      '    indexes: { i: { columns: [5, { column: 6 }], include: id } }',
      '    partitionOf: { table: 5, bound: DEFAULT }',
      'ignore: [5, { pattern: 5, reason: x }]',
      'severity: [error]',
    );
    expect(found.length).toBeGreaterThanOrEqual(20);
    for (const problem of found) {
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.message).not.toMatch(/undefined|\[object Object\]/);
    }
    expect(found).toContainEqual(at(13, 'tables.c.columns.id', 'expected an object, got a number'));
    expect(found).toContainEqual(at(24, 'severity', 'expected an object, got an array'));
  });

  test('sequence numbers: integers or strings of digits', () => {
    expect(problems('sequences:', '  s: { start: 1, max: "9223372036854775807", cache: ten }')).toEqual([
      at(2, 'sequences.s.cache', "expected an integer (or a string of digits), got 'ten'"),
    ]);
  });
});

describe('meaning: checks across the merged spec', () => {
  test('reference to a missing table; a table in a schema the spec does not own is external', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns:',
        '      client_id: { type: uuid, references: { table: clients } }',
        '      owner_id: { type: uuid, references: { table: auth.users } }',
        '      campaign_id: { type: uuid }',
        '    foreignKeys:',
        '      - columns: [campaign_id]',
        '        references: { table: public.campaigns, column: id }',
      ),
    ).toEqual([
      at(4, 'tables.leads.columns.client_id.references.table', 'references unknown table public.clients'),
      at(9, 'tables.leads.foreignKeys.0.references.table', 'references unknown table public.campaigns'),
    ]);
  });

  test('a schema listed in `schemas` is owned: references into it are checked', () => {
    expect(
      problems(
        'schemas: [public, auth]',
        'tables:',
        '  leads:',
        '    columns:',
        '      owner_id: { type: uuid, references: { table: auth.users } }',
      ),
    ).toEqual([at(5, 'tables.leads.columns.owner_id.references.table', 'references unknown table auth.users')]);
  });

  test('reference to a missing column; to a table without primary key; column counts', () => {
    expect(
      problems(
        'tables:',
        '  clients:',
        '    columns: { id: { type: uuid }, region: { type: text } }',
        '    primaryKey: [id, region]',
        '  notes:',
        '    columns: { body: { type: text } }',
        '  leads:',
        '    columns:',
        '      client_id: { type: uuid, references: { table: clients, column: uid } }',
        '      client2_id: { type: uuid, references: { table: clients } }',
        '      note_id: { type: uuid, references: { table: notes } }',
        '    foreignKeys:',
        '      - columns: [client_id, client2_id]',
        '        references: { table: clients, columns: [id, regio] }',
      ),
    ).toEqual([
      at(9, 'tables.leads.columns.client_id.references.column', "public.clients has no column 'uid'"),
      at(10, 'tables.leads.columns.client2_id.references', '1 column cannot reference 2 (id, region)'),
      at(11, 'tables.leads.columns.note_id.references.table', 'public.notes has no primary key: name the referenced column'),
      at(14, 'tables.leads.foreignKeys.0.references.columns.1', "public.clients has no column 'regio'"),
    ]);
  });

  test('primary key, unique, index, include and foreign-key columns the table lacks', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns:',
        '      id: { type: uuid }',
        '      email: { type: text }',
        '    primaryKey: [idd]',
        '    unique:',
        '      - { columns: [id, mail] }',
        '    foreignKeys:',
        '      - { columns: [owner], references: { table: leads, column: id } }',
        '    indexes:',
        '      a: { columns: [id, emial, lower(email)] }',
        '      b: { columns: [{ column: emali }], include: [scor] }',
        '      c: { columns: [{ expression: lower(nope) }, \'"Email"\'] }',
      ),
    ).toEqual([
      at(6, 'tables.leads.primaryKey.0', "public.leads has no column 'idd'"),
      at(8, 'tables.leads.unique.0.columns.1', "public.leads has no column 'mail'"),
      at(10, 'tables.leads.foreignKeys.0.columns.0', "public.leads has no column 'owner'"),
      at(12, 'tables.leads.indexes.a.columns.1', "public.leads has no column 'emial'"),
      at(13, 'tables.leads.indexes.b.columns.0.column', "public.leads has no column 'emali'"),
      at(13, 'tables.leads.indexes.b.include.0', "public.leads has no column 'scor'"),
      at(14, 'tables.leads.indexes.c.columns.1', "public.leads has no column 'Email'"),
    ]);
  });

  test('identity on text; identity that is nullable', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns:',
        '      code: { type: text, identity: always }',
        '      n: { type: Integer, identity: by default }',
        '      m: { type: bigint, identity: always, nullable: true }',
      ),
    ).toEqual([
      at(4, 'tables.leads.columns.code.identity', 'identity needs an integer type (smallint, integer or bigint), not text'),
      at(6, 'tables.leads.columns.m.nullable', 'an identity column cannot be nullable'),
    ]);
  });

  test('partitionOf a table without partitionBy, of an unknown table; a partition column its parent lacks', () => {
    expect(
      problems(
        'tables:',
        '  events:',
        '    columns: { at: { type: date } }',
        '  events_2026:',
        '    partitionOf: { table: events, bound: DEFAULT }',
        '  logs:',
        '    partitionBy: RANGE (at)',
        '    columns: { at: { type: date } }',
        '  logs_2026:',
        '    partitionOf:',
        '      table: logs',
        "      bound: FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
        '    columns: { at: { type: date }, extra: { type: int } }',
        '  orphans:',
        '    partitionOf: { table: nowhere, bound: DEFAULT }',
      ),
    ).toEqual([
      at(5, 'tables.events_2026.partitionOf.table', 'public.events is not partitioned: give it a partitionBy'),
      at(13, 'tables.logs_2026.columns.extra', "public.logs has no column 'extra' (a partition has exactly its parent's columns)"),
      at(15, 'tables.orphans.partitionOf.table', 'partition of unknown table public.nowhere'),
    ]);
  });

  test('a partition\'s keys may use its parent\'s columns', () => {
    const spec = loadSpec(
      specDir({
        'spec.yaml': lines(
          'tables:',
          '  events: { partitionBy: LIST (kind), columns: { id: { type: int }, kind: { type: text } } }',
          '  events_a:',
          '    partitionOf: { table: events, bound: "FOR VALUES IN (\'a\')" }',
          '    primaryKey: [id, kind]',
          '    indexes: { events_a_kind: { columns: [kind] } }',
        ),
      }),
    );
    expect(spec.tables.get('public.events_a')?.primaryKey).toEqual(['id', 'kind']);
  });

  test('qualified types must exist in schemas the spec owns; unqualified and external types are left to PostgreSQL', () => {
    expect(
      problems(
        'enums:',
        '  billing.currency: { values: [EUR] }',
        'tables:',
        '  billing.invoices:',
        '    columns:',
        '      a: { type: billing.currency }',
        '      b: { type: billing.curency }',
        "      c: { type: 'billing.currency[]' }",
        '      d: { type: public.no_such_type }',
        '      e: { type: mystery_type }',
        '      f: { type: extensions.citext }',
        '      g: { type: pg_catalog.int4 }',
        '      h: { type: timestamp(3) with time zone }',
        'domains:',
        '  amount: { type: billing.money_amount }',
      ),
    ).toEqual([
      at(7, 'tables.billing.invoices.columns.b.type', 'unknown type billing.curency: the spec defines no enum or domain of that name'),
      at(9, 'tables.billing.invoices.columns.d.type', 'unknown type public.no_such_type: the spec defines no enum or domain of that name'),
      at(15, 'domains.amount.type', 'unknown type billing.money_amount: the spec defines no enum or domain of that name'),
    ]);
  });

  test('ownedBy: unknown table, unknown column, another schema', () => {
    expect(
      problems(
        'tables:',
        '  orders: { columns: { id: { type: int } } }',
        'sequences:',
        '  a: { ownedBy: order.id }',
        '  b: { ownedBy: orders.number }',
        '  billing.c: { ownedBy: public.orders.id }',
        '  d: { ownedBy: orders }',
        '  e: { ownedBy: orders.id }',
      ),
    ).toEqual([
      at(4, 'sequences.a.ownedBy', 'unknown table public."order"'),
      at(5, 'sequences.b.ownedBy', "public.orders has no column 'number'"),
      at(6, 'sequences.billing.c.ownedBy', 'a sequence must be in the same schema as the table that owns it (public, not billing)'),
      at(7, 'sequences.d.ownedBy', 'expected table.column or schema.table.column'),
    ]);
  });

  test('CREATE INDEX statements: the index and table they name', () => {
    expect(
      problems(
        'tables:',
        '  leads:',
        '    columns: { email: { type: text } }',
        '    indexes:',
        '      idx_ok: CREATE UNIQUE INDEX IF NOT EXISTS idx_ok ON ONLY public.leads (email)',
        '      idx_name: CREATE INDEX idx_other ON leads (email)',
        '      idx_Case: CREATE INDEX idx_Case ON leads (email)',
        '      idx_none: CREATE INDEX ON leads (email)',
        '      idx_table: { sql: CREATE INDEX idx_table ON clients (email) }',
        '      idx_junk: DROP TABLE leads',
      ),
    ).toEqual([
      at(6, 'tables.leads.indexes.idx_name', 'the statement creates index idx_other, not idx_name'),
      at(7, 'tables.leads.indexes.idx_Case', 'the statement creates index idx_case, not "idx_Case" (PostgreSQL folds unquoted names to lower case: quote it)'),
      at(8, 'tables.leads.indexes.idx_none', 'the statement does not name the index; name it idx_none'),
      at(9, 'tables.leads.indexes.idx_table.sql', 'the statement creates the index on clients, not on public.leads'),
      at(10, 'tables.leads.indexes.idx_junk', 'expected a CREATE INDEX statement (CREATE [UNIQUE] INDEX name ON table ...)'),
    ]);
  });

  test('names PostgreSQL shares between kinds of object, and names it would truncate', () => {
    const long = 'x'.repeat(64);
    const dir = specDir({
      'a.yaml': lines(
        'enums:',
        '  leads: { values: [a] }',
        'tables:',
        '  leads:',
        '    columns: { id: { type: int } }',
        '    indexes: { idx_id: { columns: [id] } }',
        '  clients:',
        `    columns: { ${long}: { type: int }, id: { type: int } }`,
        '    indexes: { idx_id: { columns: [id] } }',
      ),
    });
    expect(problemsOf(dir)).toEqual([
      {
        file: 'a.yaml',
        line: 4,
        path: 'tables.leads',
        message: `table public.leads has the same name as the enum at ${path.join(dir, 'a.yaml')}:2 (a table is also a type: enums, domains and tables share one namespace per schema)`,
      },
      { file: 'a.yaml', line: 8, path: `tables.clients.columns.${long}`, message: 'column name is 64 bytes long; PostgreSQL truncates names to 63 bytes' },
      {
        file: 'a.yaml',
        line: 9,
        path: 'tables.clients.indexes.idx_id',
        message: `index public.idx_id has the same name as the index at ${path.join(dir, 'a.yaml')}:6 (tables, sequences and indexes share one namespace per schema)`,
      },
    ]);
  });

  test('a file with five different problems reports all five at once, sorted by line', () => {
    expect(problemsOf(path.join(FIXTURES, 'five-problems.yaml'), FIXTURES)).toEqual([
      { file: 'five-problems.yaml', line: 4, path: 'tables.leads.columns.client_id.references.table', message: 'references unknown table public.clients' },
      {
        file: 'five-problems.yaml',
        line: 5,
        path: 'tables.leads.columns.code.identity',
        message: 'identity needs an integer type (smallint, integer or bigint), not text',
      },
      { file: 'five-problems.yaml', line: 6, path: 'tables.leads.columns.id', message: `unknown key 'nulable' (allowed: ${COLUMN_KEYS})` },
      { file: 'five-problems.yaml', line: 7, path: 'tables.leads.columns.score.type', message: 'expected a string, got a number' },
      { file: 'five-problems.yaml', line: 11, path: 'enums.lead_status.values.2', message: "duplicate value 'new' (same as item 0)" },
    ]);
  });

  test('problems in several files: all reported, sorted by file then line', () => {
    const dir = specDir({
      'b.yaml': lines('tables:', '  leads:', '    columns:', '      a: { type: int, references: { table: nope } }', '      b: { type: 1 }'),
      'a.yaml': lines('severity:', '  bogus: info', 'version: 7'),
    });
    expect(problemsOf(dir).map((p) => `${p.file}:${p.line}`)).toEqual(['a.yaml:2', 'a.yaml:3', 'b.yaml:4', 'b.yaml:5']);
  });

  test('the example spec loads without problems', () => {
    expect(() => loadSpec(path.join(FIXTURES, 'valid'))).not.toThrow();
  });
});

describe('the JSON Schema', () => {
  const schema = specJsonSchema() as unknown as Record<string, unknown>;
  type Node = Record<string, unknown>;

  /** Every subschema, with its JSON pointer. */
  function* subschemas(node: unknown, pointer = ''): Generator<[string, Node]> {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const n = node as Node;
    yield [pointer, n];
    for (const key of ['properties', 'definitions']) {
      const map = n[key];
      if (map && typeof map === 'object') for (const [k, v] of Object.entries(map)) yield* subschemas(v, `${pointer}/${key}/${k}`);
    }
    for (const key of ['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else']) yield* subschemas(n[key], `${pointer}/${key}`);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      if (Array.isArray(n[key])) for (const [i, v] of (n[key] as unknown[]).entries()) yield* subschemas(v, `${pointer}/${key}/${i}`);
    }
  }

  test('has $id, title and $schema, and compiles in ajv strict mode', () => {
    expect(schema.$id).toBe('urn:schema-audit:spec:1');
    expect(schema.title).toBe('schema-audit expected-schema spec');
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => createAjv().compile(schema)).not.toThrow();
  });

  test('every property has a description; every object with properties allows no others', () => {
    const undocumented: string[] = [];
    const open: string[] = [];
    for (const [pointer, node] of subschemas(schema)) {
      const properties = node.properties as Record<string, Node> | undefined;
      if (properties === undefined) continue;
      for (const [name, property] of Object.entries(properties)) {
        if (typeof property.description !== 'string' || property.description === '') undocumented.push(`${pointer}/properties/${name}`);
      }
      // `then` of a table only tightens `columns`.
      if (node.additionalProperties !== false && !pointer.endsWith('/then')) open.push(pointer || '/');
    }
    expect(undocumented).toEqual([]);
    expect(open).toEqual([]);
  });

  test('closed vocabularies match the code: finding kinds and severities', () => {
    const definitions = schema.definitions as Record<string, Node>;
    expect(definitions.findingKind?.enum).toEqual([...FINDING_KINDS]);
    expect(definitions.severity?.enum).toEqual([...SEVERITIES]);
  });

  test('every example in the schema is valid where it stands', () => {
    const ajv = createAjv();
    ajv.addSchema(schema);
    let count = 0;
    for (const [pointer, node] of subschemas(schema)) {
      if (!Array.isArray(node.examples)) continue;
      const validate = ajv.getSchema(`${String(schema.$id)}#${pointer}`);
      expect(validate).toBeDefined();
      for (const example of node.examples) {
        count++;
        const ok = validate!(example);
        if (!ok) throw new Error(`example at ${pointer} is invalid: ${JSON.stringify(example)} ${JSON.stringify(validate!.errors)}`);
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  test('the top-level example loads without problems', () => {
    const example = (schema.examples as unknown[])[0];
    const dir = specDir({
      'example.json': JSON.stringify(example, null, 2),
      'clients.yaml': lines('tables:', '  clients: { columns: { id: { type: uuid } }, primaryKey: [id] }'),
    });
    expect([...loadSpec(dir).tables.keys()]).toEqual(['public.clients', 'public.leads']);
  });

  test('every file of the example spec is valid against the schema on its own', () => {
    const validate = createAjv().compile(schema);
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? walk(full) : /\.(ya?ml|json)$/.test(entry) ? [full] : [];
      });
    const files = [...walk(path.join(FIXTURES, 'valid')), path.join(FIXTURES, 'single.yaml'), path.join(FIXTURES, 'single.json')];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const data = parse(readFileSync(file, 'utf8')) as unknown;
      // `default: 0` is allowed by the schema too (the loader keeps it as SQL text).
      expect({ file, valid: validate(data), errors: validate.errors ?? null }).toEqual({ file, valid: true, errors: null });
    }
  });

  test('keys match spec-types.ts, both ways', () => {
    // Each record must list exactly the interface's keys (the compiler checks that).
    const keys = {
      file: { version: 1, schema: 1, roles: 1, database: 1, schemas: 1, extensions: 1, collations: 1, enums: 1, domains: 1, types: 1, sequences: 1, functions: 1, tables: 1, views: 1, default_privileges: 1, ignore: 1, severity: 1 } satisfies Record<keyof SpecFile, 1>,
      enum: { values: 1, description: 1, owner: 1, grants: 1 } satisfies Record<keyof SpecEnum, 1>,
      domain: { type: 1, nullable: 1, default: 1, collation: 1, checks: 1, description: 1, owner: 1, grants: 1 } satisfies Record<keyof SpecDomain, 1>,
      sequence: { type: 1, start: 1, increment: 1, min: 1, max: 1, cache: 1, cycle: 1, ownedBy: 1, owner: 1, grants: 1 } satisfies Record<keyof SpecSequence, 1>,
      reference: {
        table: 1,
        column: 1,
        columns: 1,
        onDelete: 1,
        onUpdate: 1,
        match: 1,
        deferrable: 1,
        initiallyDeferred: 1,
        name: 1,
      } satisfies Record<keyof SpecReference, 1>,
      column: {
        type: 1,
        nullable: 1,
        default: 1,
        identity: 1,
        generated: 1,
        collation: 1,
        references: 1,
        unique: 1,
        check: 1,
        description: 1,
        backfill: 1,
        grants: 1,
      } satisfies Record<keyof SpecColumn, 1>,
      indexKey: { column: 1, expression: 1, order: 1, nulls: 1, opclass: 1, collation: 1 } satisfies Record<keyof SpecIndexKey, 1>,
      indexObject: {
        columns: 1,
        unique: 1,
        method: 1,
        where: 1,
        include: 1,
        nullsNotDistinct: 1,
        sql: 1,
        description: 1,
      } satisfies Record<keyof SpecIndex, 1>,
      namedColumns: { name: 1, columns: 1 } satisfies Record<keyof SpecNamedColumns, 1>,
      unique: { name: 1, columns: 1, nullsNotDistinct: 1, deferrable: 1, initiallyDeferred: 1 } satisfies Record<keyof SpecUnique, 1>,
      foreignKey: { name: 1, columns: 1, references: 1 } satisfies Record<keyof SpecForeignKey, 1>,
      check: { name: 1, expression: 1, noInherit: 1 } satisfies Record<keyof SpecCheck, 1>,
      table: {
        description: 1,
        columns: 1,
        primaryKey: 1,
        unique: 1,
        foreignKeys: 1,
        checks: 1,
        exclusions: 1,
        indexes: 1,
        triggers: 1,
        partitionBy: 1,
        partitionOf: 1,
        unlogged: 1,
        inherits: 1,
        rowSecurity: 1,
        forceRowSecurity: 1,
        policies: 1,
        owner: 1,
        grants: 1,
      } satisfies Record<keyof SpecTable, 1>,
      policyObject: { command: 1, restrictive: 1, roles: 1, using: 1, withCheck: 1, description: 1 } satisfies Record<keyof SpecPolicyObject, 1>,
      view: { definition: 1, materialized: 1, options: 1, with_data: 1, indexes: 1, triggers: 1, description: 1, owner: 1, grants: 1, column_grants: 1 } satisfies Record<keyof SpecView, 1>,
      triggerObject: { definition: 1, enabled: 1, description: 1 } satisfies Record<keyof SpecTriggerObject, 1>,
      ignoreRule: { pattern: 1, kinds: 1, reason: 1, owner: 1, expires: 1, ticket: 1 } satisfies Record<keyof SpecIgnoreRule, 1>,
      function: {
        kind: 1,
        arguments: 1,
        returns: 1,
        language: 1,
        body: 1,
        sqlBody: 1,
        library: 1,
        volatility: 1,
        strict: 1,
        securityDefiner: 1,
        leakproof: 1,
        parallel: 1,
        cost: 1,
        rows: 1,
        set: 1,
        aggregate: 1,
        description: 1,
        owner: 1,
        grants: 1,
      } satisfies Record<keyof SpecFunction, 1>,
    };
    const definitions = schema.definitions as Record<string, Node>;
    for (const [name, expected] of Object.entries(keys)) {
      const node = name === 'file' ? schema : definitions[name];
      expect({ name, keys: Object.keys((node?.properties ?? {}) as object).sort() }).toEqual({ name, keys: Object.keys(expected).sort() });
    }
  });
});
