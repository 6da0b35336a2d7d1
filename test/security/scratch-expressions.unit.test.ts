import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sqlFragmentChecker, type SqlFragmentChecker } from '../../src/spec-file/expressions.js';
import { loadSpecChecked } from '../../src/spec-file/load-spec.js';
import { formatProblems, SpecError } from '../../src/spec-file/spec-error.js';
import { checkedSnapshotModel } from '../../src/snapshot/snapshot-check.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * Spec and snapshot SQL fragments are parsed (PostgreSQL's own parser) as
 * exactly the one expression, type or clause they stand for: what a
 * legitimate schema writes passes, every way of smuggling a second statement
 * or swallowing the rest of one is refused.
 */
let checker: SqlFragmentChecker;
let dir: string;
beforeAll(async () => {
  checker = await sqlFragmentChecker();
  dir = makeTempDir('scratch-expr');
});
afterAll(() => removeTempDir(dir));

const COPY = "COPY (SELECT 1) TO PROGRAM 'touch /tmp/sa-pwned'";

describe('legitimate fragments pass', () => {
  test.each([
    ['expression', 'gen_random_uuid()'],
    ['expression', "'new'"],
    ['expression', "'new'::lead_status"],
    ['expression', 'score BETWEEN 0 AND 100'],
    ['expression', "btrim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))"],
    ['expression', "status IN ('a', 'b')"],
    ['expression', "(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])"],
    ['expression', "'it''s; -- not a comment /* nor this */'"],
    ['expression', '$$a;b$$'],
    ['expression', 'VALUE >= 1901 AND VALUE <= 2155'],
    ['expression', 'nextval(\'"Weird""seq"\'::regclass)'],
    ['expression', '(SELECT 1)'],
    ['type', 'integer'],
    ['type', 'character varying(255)'],
    ['type', 'timestamp(3) with time zone[]'],
    ['type', 'text ARRAY'],
    ['type', 'double precision'],
    ['type', 'billing."Currency"'],
    ['type', 'numeric(10,2)'],
    ['type', 'interval day to second'],
    ['bound', "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"],
    ['bound', 'FOR VALUES FROM (MINVALUE) TO (10)'],
    ['bound', "FOR VALUES IN ('a', 'b')"],
    ['bound', 'FOR VALUES WITH (modulus 4, remainder 1)'],
    ['bound', 'DEFAULT'],
    ['partitionBy', 'RANGE (created_at)'],
    ['partitionBy', 'LIST (lower(region))'],
    ['partitionBy', 'HASH (id)'],
    ['collation', '"C"'],
    ['collation', 'public."de-x-icu"'],
    ['opclass', 'gist_trgm_ops(siglen=32)'],
    ['opclass', '"text_pattern_ops"'],
    ['constraint', 'EXCLUDE USING gist (room WITH =, during WITH &&)'],
    ['constraint', 'CHECK ((score >= 0)) NOT VALID'],
    ['constraint', 'FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE'],
    ['domainConstraint', 'CHECK ((VALUE > 0))'],
    ['createIndex', 'CREATE INDEX idx ON leads (lower(email))'],
    ['createIndex', 'CREATE UNIQUE INDEX idx ON public.leads USING btree (client_id, email) WHERE (email IS NOT NULL);'],
    ['indexKey', 'lower(email)'],
    ['indexKey', '"Mixed Case"'],
    ['query', "SELECT id,\n    name\n   FROM leads\n  WHERE (status = 'new'::text)"],
    ['query', 'WITH x AS (SELECT 1 AS a) SELECT a FROM x UNION ALL SELECT 2;'],
    ['query', 'VALUES (1), (2)'],
    ['createTrigger', 'CREATE TRIGGER t BEFORE UPDATE OF a, b ON public.leads FOR EACH ROW WHEN ((old.a IS DISTINCT FROM new.a)) EXECUTE FUNCTION touch()'],
    ['createTrigger', "CREATE CONSTRAINT TRIGGER t AFTER INSERT ON leads DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION f('a;b', '--c');"],
  ] as const)('%s: %s', (kind, text) => {
    expect(checker.check(kind, text)).toBeNull();
  });
});

describe('smuggled statements and swallowed text are refused', () => {
  test.each([
    ['expression', `1); ${COPY}; SELECT (1`, /closes a parenthesis/],
    ['expression', `1; ${COPY}`, /";"/],
    ['expression', '1 -- the rest is a comment', /comment/],
    ['expression', '1 /* swallow', /not valid SQL|comment/],
    ['expression', "'unterminated", /not valid SQL/],
    ['expression', '1) , (2', /closes a parenthesis/],
    ['expression', '1 FROM pg_class', /nothing more|rejects/],
    ['expression', '1 UNION SELECT 2', /nothing more|rejects/],
    ['expression', '(1', /open/],
    ['type', 'int) ; DROP TABLE x; --', /parenthesis|";"|comment/],
    ['type', `int; ${COPY}`, /";"/],
    ['type', 'int DEFAULT 1', /nothing more|rejects/],
    ['type', 'int FROM pg_class', /nothing more|rejects/],
    ['type', 'text COLLATE "C"', /nothing more|rejects/],
    ['bound', `FOR VALUES IN (1); ${COPY}`, /";"/],
    ['bound', 'DEFAULT PARTITION BY LIST (id)', /nothing more/],
    ['bound', "DEFAULT WITH (fillfactor = 10)", /nothing more|rejects/],
    ['partitionBy', `RANGE (id); ${COPY}`, /";"/],
    ['collation', '"C") , x int --', /parenthesis|comment/],
    ['opclass', 'text_ops DESC', /nothing more/],
    ['constraint', `CHECK (true); ${COPY}`, /";"/],
    ['constraint', 'CHECK (true), ADD COLUMN x int', /nothing more|rejects/],
    ['domainConstraint', 'CHECK (true) -- x', /comment/],
    ['createIndex', 'CREATE INDEX i ON t (id); DROP TABLE t', /";"/],
    ['createIndex', COPY, /nothing more/],
    ['indexKey', 'lower(x) /* y */', /comment/],
    ['query', `SELECT 1; ${COPY}`, /";"/],
    ['query', 'SELECT 1 -- WITH CHECK OPTION', /comment/],
    ['query', 'SELECT * INTO sa_copy FROM leads', /nothing more/],
    ['query', COPY, /nothing more/],
    ['query', 'DELETE FROM leads', /nothing more/],
    ['createTrigger', `CREATE TRIGGER t BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); ${COPY}`, /";"/],
    ['createTrigger', COPY, /nothing more/],
    ['createTrigger', 'CREATE TRIGGER t BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f() -- x', /comment/],
  ] as const)('%s: %s', (kind, text, message) => {
    expect(checker.check(kind, text)).toMatch(message);
  });
});

describe('a spec with injected SQL fails to load, naming file and line, before any database', () => {
  test('every SQL field of every kind', async () => {
    const file = path.join(dir, 'attack.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'domains:',
        `  d: { type: "int; ${COPY}", default: "1); ${COPY}; SELECT (1", checks: { c: "VALUE > 0 -- x" } }`,
        'tables:',
        '  t:',
        '    columns:',
        `      a: { type: int, default: "1); ${COPY}; SELECT (1" }`,
        `      b: { type: "int; ${COPY}" }`,
        `      c: { type: int, check: "c > 0); ${COPY}; SELECT (1" }`,
        `      e: { type: int, generated: "a); ${COPY}; SELECT (1" }`,
        `      f: { type: int, backfill: "1; ${COPY}" }`,
        `      g: { type: text, collation: '"C"; ${COPY.replace(/'/g, "''")}' }`,
        '    checks:',
        `      - { expression: "true); ${COPY}; SELECT (1" }`,
        '    exclusions:',
        `      x: "EXCLUDE USING gist (a WITH =); ${COPY}"`,
        '    indexes:',
        `      i1: { columns: [a], where: "a > 0); ${COPY}; SELECT (1" }`,
        `      i2: { columns: ["lower(b::text)); ${COPY}; SELECT (1"] }`,
        `      i3: "CREATE INDEX i3 ON t (a); ${COPY}"`,
        `      i4: { columns: [{ column: a, opclass: "int4_ops); ${COPY}; SELECT (1" }] }`,
        '    triggers:',
        `      t1: "CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); ${COPY}"`,
        `      t2: { definition: "CREATE TRIGGER t2 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); ${COPY}" }`,
        '  p:',
        '    columns:',
        '      id: { type: int }',
        `    partitionBy: "RANGE (id); ${COPY}"`,
        '  p1:',
        `    partitionOf: { table: p, bound: "FOR VALUES FROM (1) TO (2); ${COPY}" }`,
        '',
      ].join('\n'),
    );
    const err = await loadSpecChecked(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    const text = formatProblems((err as SpecError).problems);
    const expected = [
      [3, 'domains.d.type'],
      [3, 'domains.d.default'],
      [3, 'domains.d.checks.c'],
      [7, 'tables.t.columns.a.default'],
      [8, 'tables.t.columns.b.type'],
      [9, 'tables.t.columns.c.check'],
      [10, 'tables.t.columns.e.generated'],
      [11, 'tables.t.columns.f.backfill'],
      [12, 'tables.t.columns.g.collation'],
      [14, 'tables.t.checks.0.expression'],
      [16, 'tables.t.exclusions.x'],
      [18, 'tables.t.indexes.i1.where'],
      [19, 'tables.t.indexes.i2.columns.0'],
      [20, 'tables.t.indexes.i3'],
      [21, 'tables.t.indexes.i4.columns.0.opclass'],
      [23, 'tables.t.triggers.t1'],
      [24, 'tables.t.triggers.t2.definition'],
      [28, 'tables.p.partitionBy'],
      [30, 'tables.p1.partitionOf.bound'],
    ] as const;
    for (const [line, at] of expected) expect(text).toContain(`${file}:${line}: ${at}: must be`);
    expect((err as SpecError).problems).toHaveLength(expected.length);
  });

  test('the shipped example spec passes', async () => {
    await expect(loadSpecChecked('expected-schema/onekeel-swarm')).resolves.toBeDefined();
  });
});

describe('a snapshot used as an expected source', () => {
  const column = { name: 'id', position: 1, type: 'integer', nullable: false, default: null, identity: null, generated: null, collation: null, comment: null };
  const doc = (columns: unknown[], extra: Record<string, unknown> = {}): unknown => ({
    formatVersion: 1,
    source: { database: 'app', serverVersion: '17.10', schemas: null },
    schema: {
      schemas: [{ name: 'public', comment: null }],
      extensions: [],
      enums: [],
      domains: [],
      sequences: [],
      tables: [
        {
          schema: 'public', name: 't', kind: 'table', comment: null, partitionKey: null, partitionOf: null, unlogged: false,
          columns, indexes: [], constraints: [], triggers: [], ...extra,
        },
      ],
      views: [],
      functions: [],
    },
  });

  const trigger = {
    name: 'stamp',
    enabled: 'disabled',
    definition: 'CREATE TRIGGER stamp BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION touch()',
    constraint: false,
    function: 'function:public\u0000touch\u0000',
    dependsOn: [],
    comment: null,
  };

  test('a well-formed one is used as is', async () => {
    await expect(checkedSnapshotModel('s.json', doc([column]))).resolves.toMatchObject({ tables: [{ name: 't' }] });
    await expect(checkedSnapshotModel('s.json', doc([column], { triggers: [trigger] }))).resolves.toMatchObject({ tables: [{ triggers: [{ name: 'stamp' }] }] });
  });

  test.each([
    ['an injected default', doc([{ ...column, default: `1); ${COPY}; SELECT (1` }]), /schema\.tables\.0\.columns\.0\.default: must be a single SQL expression/],
    ['an injected type', doc([{ ...column, type: `int; ${COPY}` }]), /columns\.0\.type: must be a single type name/],
    ['an injected bound', doc([column], { partitionOf: { schema: 'public', table: 'p', bound: `DEFAULT; ${COPY}` } }), /partitionOf\.bound: must be/],
    ['an unknown key', doc([{ ...column, sql: COPY }]), /must NOT have additional properties 'sql'/],
    [
      'an injected trigger definition',
      doc([column], { triggers: [{ ...trigger, definition: `${trigger.definition}; ${COPY}` }] }),
      /triggers\.0\.definition: must be a single CREATE TRIGGER statement/,
    ],
    [
      'a trigger definition on another table',
      doc([column], { triggers: [{ ...trigger, definition: trigger.definition.replace('public.t', 'public.other') }] }),
      /triggers\.0\.definition: the statement creates the trigger on public\.other, not on public\.t/,
    ],
    [
      'a trigger definition that is no CREATE TRIGGER as the server prints it',
      doc([column], { triggers: [{ ...trigger, definition: trigger.definition.replace('CREATE TRIGGER', 'CREATE OR REPLACE TRIGGER') }] }),
      /triggers\.0\.definition: must start CREATE \[CONSTRAINT\] TRIGGER/,
    ],
    [
      'a sequence number that is not one',
      (() => {
        const d = doc([column]) as { schema: { sequences: unknown[] } };
        d.schema.sequences.push({
          schema: 'public', name: 's', dataType: 'bigint', start: `1; ${COPY}`, increment: '1', min: '1', max: '10', cache: '1',
          cycle: false, ownedBy: null, identity: false,
        });
        return d;
      })(),
      /schema\.sequences\.0\.start: must match pattern/,
    ],
  ] as const)('%s is refused', async (_what, d, message) => {
    await expect(checkedSnapshotModel('s.json', d)).rejects.toThrow(message);
  });
});

test('an index key naming a column with an unusual name is that column, not an expression', async () => {
  const file = path.join(dir, 'odd-column.yaml');
  writeFileSync(file, 'version: 1\ntables:\n  t:\n    columns:\n      "my col": { type: int }\n    indexes:\n      t_idx: { columns: ["my col"] }\n');
  await expect(loadSpecChecked(file)).resolves.toBeDefined();
});

describe('checked many at once (checkMany: one parse per batch), each fragment gets the answer it gets alone', () => {
  // Fragments that try to reach into their neighbours' slots when joined: open quotes,
  // comments, dollar quotes, brackets, commas, and what is fine alone.
  const EXPRESSIONS = [
    'gen_random_uuid()', "'new'::lead_status", "'it''s; -- not a comment /* nor this */'", '$$a;b$$', '(SELECT 1)', "status IN ('a', 'b')",
    `1); ${COPY}; SELECT (1`, '1) , (2', '(1', '1 -- x', '1 /* swallow', "'unterminated", "'", '$$', '$x$ open', '"', '1, 2', 'x AS y',
    '1 FROM pg_class', '', ' ', 'é || ünï', "E'\\''", "U&'\\0041'", '1 + ', '- 1', "'a'\n'b'", 'a)::text, (b',
    // Plain text (no quote, $, ;, backslash or comment opener: checked without the scanner), good and bad.
    'a)(b', 'x[1]', 'x[1', '1 - -1', 'a/b', 'a */ b', '123abc', '{', 'a-', '1 --', '1 /', 'f(a, (b))', 'ARRAY[1,2]::int[]',
  ];
  const TYPES = ['integer', 'numeric(10,2)', 'numeric(10', 'int[]', 'int)(', 'x.y.z', 'text ARRAY', 'billing."Currency"', 'int, NULL::text', 'int) , NULL::(text', 'int DEFAULT 1', "int -- x", '"unterminated', 'timestamp(3) with time zone[]', ':int', ''];
  const CONSTRAINTS = [
    'CHECK ((score >= 0)) NOT VALID', 'FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE', 'PRIMARY KEY (id)', 'UNIQUE (a, b)',
    'EXCLUDE USING gist (room WITH =, during WITH &&)', 'CHECK (true), ADD CONSTRAINT sa_c CHECK (false)', 'CHECK (true), ADD COLUMN x int',
    'CHECK (true), DROP CONSTRAINT x', `CHECK (true); ${COPY}`, 'CHECK (true) -- x', 'CHECK (', 'CHECK (a)) , ADD CONSTRAINT sa_c CHECK ((b)', '', 'NOT NULL x',
    "CHECK (s = 'a''b')", 'CHECK (x > 0) NO INHERIT',
  ];
  const INDEXES = [
    'CREATE INDEX idx ON leads (lower(email))', 'CREATE UNIQUE INDEX idx ON public.leads USING btree (client_id, email) WHERE (email IS NOT NULL);',
    'CREATE INDEX i ON t (id); DROP TABLE t', 'CREATE INDEX i ON t (id);;', COPY, ';', '', '  ', 'CREATE INDEX i ON t (id) -- x', 'CREATE INDEX i ON t ((a;b))',
    "CREATE INDEX i ON t (id) WHERE s = 'x;y';", 'CREATE INDEX i ON t (id', 'SELECT 1',
  ];
  const cases = [
    ...EXPRESSIONS.map((text) => ({ kind: 'expression' as const, text })),
    ...TYPES.map((text) => ({ kind: 'type' as const, text })),
    ...CONSTRAINTS.map((text) => ({ kind: 'constraint' as const, text })),
    ...INDEXES.map((text) => ({ kind: 'createIndex' as const, text })),
  ];

  test.each([
    ['in order', cases],
    ['reversed', [...cases].reverse()],
    ['each bad one among many good ones', cases.flatMap((c) => [{ kind: 'expression' as const, text: '1' }, c, { kind: 'type' as const, text: 'int' }, { kind: 'expression' as const, text: "'x'" }])],
    ['more than a batch', Array.from({ length: 600 }, (_, i) => cases[i % cases.length]!)],
    ['good ones only, more than a batch', Array.from({ length: 700 }, (_, i) => (i % 2 ? { kind: 'type' as const, text: `varchar(${i})` } : { kind: 'expression' as const, text: `c${i} >= ${i}` }))],
    [
      'good constraints and indexes only, more than a batch',
      Array.from({ length: 600 }, (_, i) => (i % 2 ? { kind: 'constraint' as const, text: `CHECK ((c${i} >= ${i}))` } : { kind: 'createIndex' as const, text: `CREATE INDEX i${i} ON s.t${i} USING btree (c${i})${i % 4 ? ';' : ''}` })),
    ],
  ])('%s', (_what, list) => {
    expect(checker.checkMany(list)).toEqual(list.map((f) => checker.check(f.kind, f.text)));
  });

  test('every single one of them alone and with each other one', () => {
    for (const a of cases) for (const b of cases) expect(checker.checkMany([a, b])).toEqual([checker.check(a.kind, a.text), checker.check(b.kind, b.text)]);
  });
});
