import { makeObjectName } from '../../src/model/naming.js';
import { specToDdl, type DdlStatement } from '../../src/spec-file/spec-to-ddl.js';
import type { SpecFile } from '../../src/spec-file/spec-types.js';
import { loaded } from './builders.js';

/** specToDdl is pure: these tests read its statements, no database involved. */

const sql = (file: SpecFile): string[] => specToDdl(loaded(file)).map((s) => s.sql);
const find = (file: SpecFile, pattern: RegExp): DdlStatement[] => specToDdl(loaded(file)).filter((s) => pattern.test(s.sql));

test('statements come in dependency order, each with the path of its spec node', () => {
  const ddl = specToDdl(
    loaded({
      extensions: ['btree_gist'],
      enums: { 'billing.currency': { values: ['EUR', "it's"], description: 'Money kinds' } },
      domains: { positive: { type: 'numeric(10,2)', nullable: false, default: '0', checks: { positive_check: 'VALUE >= 0' } } },
      sequences: {
        ticket_seq: { type: 'integer', start: 10, increment: 5, cache: 2, cycle: true },
        orders_serial_seq: { type: 'integer', ownedBy: 'orders.serial' },
      },
      tables: {
        orders: {
          description: 'One row per order',
          columns: {
            id: { type: 'bigint', identity: 'always', nullable: false },
            client_id: { type: 'uuid', nullable: false, references: { table: 'clients', onDelete: 'cascade' } },
            serial: { type: 'integer', nullable: false, default: "nextval('orders_serial_seq'::regclass)" },
            amount: { type: 'positive', check: 'amount < 1000', description: 'In cents' },
            code: { type: 'text', unique: true, collation: 'C' },
          },
          primaryKey: ['id'],
          indexes: { orders_amount: { columns: ['amount'], description: 'reports by amount' } },
        },
        clients: { columns: { id: { type: 'uuid', nullable: false, default: 'gen_random_uuid()' } }, primaryKey: ['id'] },
      },
    }),
  );
  expect(ddl).toEqual([
    { sql: 'CREATE SCHEMA IF NOT EXISTS billing', path: ['enums', 'billing', 'currency'] },
    { sql: 'CREATE EXTENSION IF NOT EXISTS btree_gist', path: ['extensions', '0'] },
    { sql: "CREATE TYPE billing.currency AS ENUM ('EUR', 'it''s')", path: ['enums', 'billing', 'currency'] },
    {
      sql: 'CREATE DOMAIN public.positive AS numeric(10,2) DEFAULT 0 NOT NULL CONSTRAINT positive_check CHECK (VALUE >= 0)',
      path: ['domains', 'public', 'positive'],
    },
    { sql: 'CREATE SEQUENCE public.ticket_seq AS integer INCREMENT BY 5 START WITH 10 CACHE 2 CYCLE', path: ['sequences', 'public', 'ticket_seq'] },
    { sql: 'CREATE SEQUENCE public.orders_serial_seq AS integer', path: ['sequences', 'public', 'orders_serial_seq'] },
    {
      sql: [
        'CREATE TABLE public.orders (',
        '  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,',
        '  client_id uuid NOT NULL,',
        "  serial integer DEFAULT nextval('orders_serial_seq'::regclass) NOT NULL,",
        '  amount positive,',
        '  code text COLLATE "C"',
        ')',
      ].join('\n'),
      path: ['tables', 'public', 'orders'],
    },
    { sql: 'CREATE TABLE public.clients (\n  id uuid DEFAULT gen_random_uuid() NOT NULL\n)', path: ['tables', 'public', 'clients'] },
    { sql: 'ALTER TABLE public.orders ADD PRIMARY KEY (id)', path: ['tables', 'public', 'orders', 'primaryKey'] },
    { sql: 'ALTER TABLE public.clients ADD PRIMARY KEY (id)', path: ['tables', 'public', 'clients', 'primaryKey'] },
    { sql: 'ALTER TABLE public.orders ADD UNIQUE (code)', path: ['tables', 'public', 'orders', 'columns', 'code', 'unique'] },
    {
      sql: 'ALTER TABLE public.orders ADD CONSTRAINT orders_amount_check CHECK (amount < 1000)',
      path: ['tables', 'public', 'orders', 'columns', 'amount', 'check'],
    },
    {
      sql: 'ALTER TABLE public.orders ADD FOREIGN KEY (client_id) REFERENCES public.clients ON DELETE CASCADE',
      path: ['tables', 'public', 'orders', 'columns', 'client_id', 'references'],
    },
    { sql: 'ALTER SEQUENCE public.orders_serial_seq OWNED BY public.orders.serial', path: ['sequences', 'public', 'orders_serial_seq', 'ownedBy'] },
    { sql: 'CREATE INDEX orders_amount ON public.orders (amount)', path: ['tables', 'public', 'orders', 'indexes', 'orders_amount'] },
    { sql: "COMMENT ON TYPE billing.currency IS 'Money kinds'", path: ['enums', 'billing', 'currency', 'description'] },
    { sql: "COMMENT ON TABLE public.orders IS 'One row per order'", path: ['tables', 'public', 'orders', 'description'] },
    { sql: "COMMENT ON COLUMN public.orders.amount IS 'In cents'", path: ['tables', 'public', 'orders', 'columns', 'amount', 'description'] },
    { sql: "COMMENT ON INDEX public.orders_amount IS 'reports by amount'", path: ['tables', 'public', 'orders', 'indexes', 'orders_amount', 'description'] },
  ]);
});

test('unnamed constraints are left to PostgreSQL to name; named ones keep their name', () => {
  const statements = sql({
    tables: {
      t: {
        columns: {
          a: { type: 'int', unique: 'a_is_unique', references: { table: 'u', column: 'x', name: 'a_to_u' } },
          b: { type: 'int', unique: true },
        },
        primaryKey: { name: 't_key', columns: ['a'] },
        unique: [{ columns: ['a', 'b'] }, { name: 'ab', columns: ['b', 'a'], nullsNotDistinct: true, deferrable: true }],
        checks: [{ expression: 'a > b' }, { name: 'pos', expression: 'a > 0', noInherit: true }],
        foreignKeys: [{ columns: ['a', 'b'], references: { table: 'u', columns: ['x', 'y'], match: 'full', initiallyDeferred: true } }],
        exclusions: { t_excl: 'EXCLUDE USING gist (a WITH =)' },
      },
      u: { columns: { x: { type: 'int' }, y: { type: 'int' } } },
    },
  }).filter((s) => s.startsWith('ALTER TABLE public.t'));
  expect(statements).toEqual([
    'ALTER TABLE public.t ADD CONSTRAINT t_key PRIMARY KEY (a)',
    'ALTER TABLE public.t ADD CONSTRAINT a_is_unique UNIQUE (a)',
    'ALTER TABLE public.t ADD UNIQUE (b)',
    'ALTER TABLE public.t ADD UNIQUE (a, b)',
    'ALTER TABLE public.t ADD CONSTRAINT ab UNIQUE NULLS NOT DISTINCT (b, a) DEFERRABLE',
    'ALTER TABLE public.t ADD CHECK (a > b)',
    'ALTER TABLE public.t ADD CONSTRAINT pos CHECK (a > 0) NO INHERIT',
    'ALTER TABLE public.t ADD CONSTRAINT t_excl EXCLUDE USING gist (a WITH =)',
    'ALTER TABLE public.t ADD CONSTRAINT a_to_u FOREIGN KEY (a) REFERENCES public.u (x)',
    'ALTER TABLE public.t ADD FOREIGN KEY (a, b) REFERENCES public.u (x, y) MATCH FULL DEFERRABLE INITIALLY DEFERRED',
  ]);
});

test('the column check shorthand is named <table>_<column>_check, truncated as PostgreSQL truncates', () => {
  const table = 'a_table_name_that_is_quite_long_enough_to_need_truncating_x';
  const [check] = find({ tables: { [table]: { columns: { some_long_column_name: { type: 'int', check: 'some_long_column_name > 0' } } } } }, /CHECK/);
  const name = makeObjectName(table, 'some_long_column_name', 'check');
  expect(Buffer.byteLength(name)).toBe(63);
  // the longer name gives way first: 35 bytes of the table's, all 21 of the column's
  expect(name).toBe(`${table.slice(0, 35)}_some_long_column_name_check`);
  expect(check!.sql).toBe(`ALTER TABLE public.${table} ADD CONSTRAINT ${name} CHECK (some_long_column_name > 0)`);
});

test('makeObjectName clips multibyte names at a character boundary, the longer name first', () => {
  const name = makeObjectName('я'.repeat(40), 'ü'.repeat(10), 'fkey');
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
  // 57 bytes for both: 37 for the longer, clipped to 36 at a character boundary
  expect(name).toBe(`${'я'.repeat(18)}_${'ü'.repeat(10)}_fkey`);
  expect(makeObjectName('t', null, 'pkey')).toBe('t_pkey');
});

test('references, partition parents and sequence owners are in the schema of the object naming them', () => {
  const statements = sql({
    sequences: { 'billing.s': { ownedBy: 'invoices.n' }, 't': { ownedBy: 'billing.invoices.n' } },
    tables: {
      'billing.invoices': {
        columns: {
          n: { type: 'int' },
          c: { type: 'int', references: { table: 'clients' } },
          p: { type: 'int', references: { table: 'public.people' } },
        },
      },
      'billing.clients': { columns: { id: { type: 'int' } }, primaryKey: ['id'] },
      people: { columns: { id: { type: 'int' } }, primaryKey: ['id'] },
      'billing.parts': { columns: { k: { type: 'int' } }, partitionBy: 'LIST (k)' },
      'billing.parts_1': { columns: {}, partitionOf: { table: 'parts', bound: 'FOR VALUES IN (1)' } },
    },
  });
  expect(statements).toEqual(
    expect.arrayContaining([
      'ALTER TABLE billing.invoices ADD FOREIGN KEY (c) REFERENCES billing.clients',
      'ALTER TABLE billing.invoices ADD FOREIGN KEY (p) REFERENCES public.people',
      'CREATE TABLE billing.parts_1 PARTITION OF billing.parts FOR VALUES IN (1)',
      'ALTER SEQUENCE billing.s OWNED BY billing.invoices.n',
      'ALTER SEQUENCE public.t OWNED BY billing.invoices.n',
    ]),
  );
});

test('names are quoted exactly where PostgreSQL needs it', () => {
  const statements = sql({
    tables: {
      'Odd Schema.Lead Notes': {
        columns: { ID: { type: 'int' }, order: { type: 'text' }, 'we"ird': { type: 'text' }, 'has.dot': { type: 'text' } },
        primaryKey: ['ID'],
        indexes: { 'Note Index': { columns: ['order', 'we"ird', '"has.dot"'] } },
      },
      '"my.table"': { columns: { id: { type: 'int', references: { table: 'Odd Schema.Lead Notes' } } } },
    },
  });
  expect(statements).toEqual([
    'CREATE SCHEMA IF NOT EXISTS "Odd Schema"',
    'CREATE TABLE "Odd Schema"."Lead Notes" (\n  "ID" int,\n  "order" text,\n  "we""ird" text,\n  "has.dot" text\n)',
    'CREATE TABLE public."my.table" (\n  id int\n)',
    'ALTER TABLE "Odd Schema"."Lead Notes" ADD PRIMARY KEY ("ID")',
    'ALTER TABLE public."my.table" ADD FOREIGN KEY (id) REFERENCES "Odd Schema"."Lead Notes"',
    'CREATE INDEX "Note Index" ON "Odd Schema"."Lead Notes" ("order", "we""ird", "has.dot")',
  ]);
});

describe('types', () => {
  const spec: SpecFile = {
    enums: {
      'billing.currency': { values: ['EUR'] },
      lead_status: { values: ['new'] },
      'Mixed Case': { values: ['x'] },
      'audit.level': { values: ['low'] },
      'billing.level': { values: ['b'] },
    },
    domains: { 'billing.amount': { type: 'numeric' }, 'billing.money': { type: 'amount' } },
    tables: {
      'billing.invoices': {
        columns: {
          a: { type: 'currency' },
          b: { type: 'currency[]' },
          c: { type: 'Currency ARRAY' },
          d: { type: 'lead_status' },
          e: { type: '"Mixed Case"' },
          f: { type: 'amount' },
          g: { type: 'text' },
          h: { type: 'level' },
          i: { type: 'public.lead_status' },
          j: { type: '"currency"[][]' },
        },
      },
      orders: { columns: { a: { type: 'currency' }, b: { type: 'level' }, c: { type: 'varchar(10)' } } },
    },
  };
  const table = (name: string): string => sql(spec).find((s) => s.startsWith(`CREATE TABLE ${name} `))!;

  test("a bare enum or domain name resolves in the naming object's schema, then public, then the one schema that has it", () => {
    expect(table('billing.invoices')).toBe(
      [
        'CREATE TABLE billing.invoices (',
        '  a billing.currency,',
        '  b billing.currency[],',
        '  c billing.currency ARRAY,',
        '  d lead_status,',
        '  e "Mixed Case",',
        '  f billing.amount,',
        '  g text,',
        '  h billing.level,',
        '  i public.lead_status,',
        '  j billing.currency[][]',
        ')',
      ].join('\n'),
    );
    // from public: billing.currency is the only currency; `level` is ambiguous (audit, billing): left to PostgreSQL
    expect(table('public.orders')).toBe('CREATE TABLE public.orders (\n  a billing.currency,\n  b level,\n  c varchar(10)\n)');
  });

  test('a domain over another spec domain comes after it, whatever the spec order', () => {
    const domains = sql(spec).filter((s) => s.startsWith('CREATE DOMAIN'));
    expect(domains).toEqual(['CREATE DOMAIN billing.amount AS numeric', 'CREATE DOMAIN billing.money AS billing.amount']);
    const reversed = sql({ domains: { 'b.derived': { type: 'a.base' }, 'a.base': { type: 'int' } } }).filter((s) => s.startsWith('CREATE DOMAIN'));
    expect(reversed).toEqual(['CREATE DOMAIN a.base AS int', 'CREATE DOMAIN b.derived AS a.base']);
  });
});

test('an identity column gets the options of the sequence it owns; a serial sequence is owned after the tables', () => {
  const statements = sql({
    sequences: {
      ids: { start: 100, increment: 10, min: 1, max: '9223372036854775807', cache: 5 },
      t_id_seq: { start: 7, ownedBy: 't.id' },
      t_n_seq: { type: 'integer', ownedBy: 't.n' },
    },
    tables: {
      t: {
        columns: {
          id: { type: 'bigint', identity: 'by default' },
          n: { type: 'integer', default: "nextval('t_n_seq')" },
        },
      },
    },
  });
  expect(statements).toEqual([
    'CREATE SEQUENCE public.ids INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 5',
    'CREATE SEQUENCE public.t_n_seq AS integer',
    "CREATE TABLE public.t (\n  id bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME public.t_id_seq START WITH 7),\n  n integer DEFAULT nextval('t_n_seq')\n)",
    'ALTER SEQUENCE public.t_n_seq OWNED BY public.t.n',
  ]);
});

test('partitions: parents first; their constraints and indexes before the parent adopts them', () => {
  const statements = sql({
    tables: {
      events_2024: {
        partitionOf: { table: 'events', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
        columns: { kind: { type: 'text', nullable: false }, note: { type: 'text', default: "'y'", description: 'own' } },
        primaryKey: { name: 'events_2024_own_pk', columns: ['id', 'at'] },
        indexes: { events_2024_kind: { columns: ['kind'] } },
      },
      events: {
        partitionBy: 'RANGE (at)',
        columns: {
          id: { type: 'bigint', nullable: false },
          at: { type: 'timestamptz', nullable: false },
          kind: { type: 'text', default: "'x'" },
          note: { type: 'text' },
        },
        primaryKey: ['id', 'at'],
        checks: [{ expression: "kind <> ''" }],
        indexes: { events_kind: { columns: ['kind'] } },
      },
      events_2025: {
        partitionOf: { table: 'events', bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')" },
        partitionBy: 'HASH (id)',
        columns: {},
      },
      events_2025_0: { partitionOf: { table: 'events_2025', bound: 'FOR VALUES WITH (modulus 2, remainder 0)' }, columns: {} },
    },
  });
  expect(statements).toEqual([
    'CREATE TABLE public.events (\n  id bigint NOT NULL,\n  at timestamptz NOT NULL,\n  kind text DEFAULT \'x\',\n  note text\n) PARTITION BY RANGE (at)',
    "CREATE TABLE public.events_2024 PARTITION OF public.events (\n  kind WITH OPTIONS NOT NULL,\n  note WITH OPTIONS DEFAULT 'y'\n) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
    // listed without a default: the parent's is dropped
    'ALTER TABLE public.events_2024 ALTER COLUMN kind DROP DEFAULT',
    "CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id)",
    'CREATE TABLE public.events_2025_0 PARTITION OF public.events_2025 FOR VALUES WITH (modulus 2, remainder 0)',
    'ALTER TABLE public.events_2024 ADD CONSTRAINT events_2024_own_pk PRIMARY KEY (id, at)',
    'ALTER TABLE public.events ADD PRIMARY KEY (id, at)',
    "ALTER TABLE public.events ADD CHECK (kind <> '')",
    'CREATE INDEX events_2024_kind ON public.events_2024 (kind)',
    'CREATE INDEX events_kind ON public.events (kind)',
    "COMMENT ON COLUMN public.events_2024.note IS 'own'",
  ]);
});

test('indexes: keys, options, methods, INCLUDE, NULLS NOT DISTINCT, WHERE; SQL as written', () => {
  const statements = sql({
    schemas: ['ext'],
    tables: {
      t: {
        columns: { a: { type: 'text' }, 'B c': { type: 'int' }, d: { type: 'tsrange' } },
        indexes: {
          t_keys: {
            columns: [
              'a',
              'B c',
              'lower(a)',
              '(a || \'x\')',
              { column: 'a', order: 'desc', nulls: 'last', opclass: 'text_pattern_ops', collation: 'C' },
              { expression: 'upper(a)', order: 'asc', nulls: 'first', collation: 'en_US.utf8' },
              { column: 'B c', opclass: 'ext.int4_ops' },
            ],
            unique: true,
            include: ['d'],
            nullsNotDistinct: true,
            where: 'a IS NOT NULL',
          },
          t_gist: { columns: ['d'], method: 'gist' },
          t_sql: { sql: 'CREATE INDEX t_sql ON public.t USING btree (a) WITH (fillfactor=70);' },
          t_string: 'CREATE INDEX t_string ON t (a)',
        },
      },
    },
  }).filter((s) => s.startsWith('CREATE') && s.includes('INDEX'));
  expect(statements).toEqual([
    'CREATE UNIQUE INDEX t_keys ON public.t (a, "B c", (lower(a)), ((a || \'x\')), a COLLATE "C" text_pattern_ops DESC NULLS LAST, (upper(a)) COLLATE "en_US.utf8" NULLS FIRST, "B c" ext.int4_ops) INCLUDE (d) NULLS NOT DISTINCT WHERE (a IS NOT NULL)',
    'CREATE INDEX t_gist ON public.t USING gist (d)',
    'CREATE INDEX t_sql ON public.t USING btree (a) WITH (fillfactor=70)',
    'CREATE INDEX t_string ON t (a)',
  ]);
});

test('the same spec always gives the same statements', () => {
  const file: SpecFile = { tables: { b: { columns: { x: { type: 'int' } } }, a: { columns: { y: { type: 'int', references: { table: 'b', column: 'x' } } } } } };
  expect(sql(file)).toEqual(sql(file));
  // spec order, not alphabetical: the tables come as written
  expect(sql(file)[0]).toBe('CREATE TABLE public.b (\n  x int\n)');
});
