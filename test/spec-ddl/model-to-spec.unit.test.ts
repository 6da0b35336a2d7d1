import { parse } from 'yaml';
import type { Table } from '../../src/model/schema-model.js';
import { splitQualified } from '../../src/spec-file/names.js';
import { modelToSpec, oneLine } from '../../src/spec-file/model-to-spec.js';
import { renderSpecJson, renderSpecYaml } from '../../src/spec-file/spec-yaml.js';
import { check, col, enumType, fk, idx, key, model, pk, table, unique } from '../diff/builders.js';
import { sequence } from '../spec-file/unit-helpers.js';

/** modelToSpec and the renderers on hand-built models: no database. */

const withTables = (...tables: Table[]) => ({ ...model({ schemas: [...new Set(['public', ...tables.map((t) => t.schema)])] }), tables });

test('default names are left out, other names kept; shorthands for one-column constraints', () => {
  const clients = table('clients', { columns: [col('id', 'uuid', { nullable: false })], constraints: [pk('clients_pkey', ['id'])] });
  const leads = table('leads', {
    columns: [
      col('id', 'bigint', { nullable: false, identity: 'always' }),
      col('client_id', 'uuid', { nullable: false }),
      col('email', 'text', { comment: 'where we write' }),
      col('score', 'integer'),
      col('a', 'integer'),
      col('b', 'integer'),
    ],
    constraints: [
      pk('leads_pk', ['id']),
      fk('leads_client_id_fkey', ['client_id'], { table: 'clients', columns: ['id'] }, { onDelete: 'CASCADE' }),
      fk('leads_email_ref', ['email'], { table: 'clients', columns: ['code'] }),
      unique('leads_email_key', ['email']),
      unique('leads_a_b_key', ['a', 'b']),
      unique('ab_nnd', ['b', 'a'], { nullsNotDistinct: true }),
      check('leads_score_check', '((score >= 0))', ['score']),
      check('leads_check', '((a > b))', ['a', 'b']),
      check('positive_a', '((a > 0))', ['a'], { noInherit: true }),
    ],
  });
  const spec = modelToSpec(withTables(clients, leads));
  expect(spec.tables!.leads).toEqual({
    columns: {
      id: { type: 'bigint', nullable: false, identity: 'always' },
      client_id: { type: 'uuid', nullable: false, references: { table: 'clients', onDelete: 'cascade' } },
      email: { type: 'text', unique: true, references: { table: 'clients', column: 'code', name: 'leads_email_ref' }, description: 'where we write' },
      score: { type: 'integer', check: '((score >= 0))' },
      a: { type: 'integer' },
      b: { type: 'integer' },
    },
    primaryKey: { name: 'leads_pk', columns: ['id'] },
    unique: [{ columns: ['a', 'b'] }, { name: 'ab_nnd', columns: ['b', 'a'], nullsNotDistinct: true }],
    checks: [{ expression: '((a > b))' }, { name: 'positive_a', expression: '((a > 0))', noInherit: true }],
  });
});

test('a default name another object of the schema holds is written out (PostgreSQL would number it)', () => {
  const a = table('a', { columns: [col('x', 'integer')], constraints: [check('b_x_fkey', '((x > 0))', ['x'])] });
  const b = table('b', {
    columns: [col('x', 'integer')],
    constraints: [fk('b_x_fkey', ['x'], { table: 'c', columns: ['id'] })],
  });
  const c = table('c', { columns: [col('id', 'integer', { nullable: false })], constraints: [pk('c_pkey', ['id'])] });
  const spec = modelToSpec(withTables(a, b, c));
  expect(spec.tables!.b!.columns.x!.references).toEqual({ table: 'c', name: 'b_x_fkey' });
});

test('sequences: only what differs from the defaults; identity sequences only when they are not the default', () => {
  const t = table('t', {
    columns: [
      col('id', 'integer', { nullable: false, identity: 'always' }),
      col('other', 'bigint', { nullable: false, identity: 'by_default' }),
      col('n', 'integer', { nullable: false, default: "nextval('t_n_seq'::regclass)" }),
    ],
  });
  const m = {
    ...withTables(t),
    sequences: [
      sequence('t_id_seq', { dataType: 'integer', max: '2147483647', identity: true, ownedBy: { schema: 'public', table: 't', column: 'id' } }),
      sequence('custom_ids', { start: '100', increment: '10', min: '100', identity: true, ownedBy: { schema: 'public', table: 't', column: 'other' } }),
      sequence('t_n_seq', { dataType: 'integer', max: '2147483647', ownedBy: { schema: 'public', table: 't', column: 'n' } }),
      sequence('down', { dataType: 'smallint', increment: '-1', min: '-32768', max: '-1', start: '-1' }),
      sequence('odd', { start: '5', max: '9007199254740993', cache: '10', cycle: true }),
    ],
  };
  expect(modelToSpec(m).sequences).toEqual({
    // START defaults to MINVALUE: not written
    custom_ids: { increment: 10, min: 100, ownedBy: 't.other' },
    t_n_seq: { type: 'integer', ownedBy: 't.n' },
    down: { type: 'smallint', increment: -1 },
    odd: { max: '9007199254740993', start: 5, cache: 10, cycle: true },
  });
});

test('names: public unqualified; other schemas, dots and quotes written so splitQualified reads them back', () => {
  const tables = [
    table('my.table', { columns: [col('id', 'integer')] }),
    table('we"ird', { columns: [col('id', 'integer')] }),
    table('Lead Notes', { schema: 'Odd Schema', columns: [col('id', 'integer')] }),
    table('invoices', {
      schema: 'billing',
      columns: [col('c', 'integer'), col('s', 'lead_status[]'), col('own', 'billing.currency')],
      constraints: [fk('invoices_c_fkey', ['c'], { table: 'clients', columns: ['id'] })],
    }),
    table('clients', { columns: [col('id', 'integer', { nullable: false })], constraints: [pk('clients_pkey', ['id'])] }),
  ];
  const spec = modelToSpec({ ...withTables(...tables), enums: [enumType('lead_status', ['a'])] });
  const keys = Object.keys(spec.tables!);
  expect(keys).toEqual(['"my.table"', '"we""ird"', 'Odd Schema.Lead Notes', 'billing.invoices', 'clients']);
  expect(keys.map((k) => splitQualified(k, 'public'))).toEqual([
    { schema: 'public', name: 'my.table' },
    { schema: 'public', name: 'we"ird' },
    { schema: 'Odd Schema', name: 'Lead Notes' },
    { schema: 'billing', name: 'invoices' },
    { schema: 'public', name: 'clients' },
  ]);
  // from another schema, public's table and type are written qualified
  expect(spec.tables!['billing.invoices']!.columns).toEqual({
    c: { type: 'integer', references: { table: 'public.clients' } },
    s: { type: 'public.lead_status[]' },
    own: { type: 'billing.currency' },
  });
});

test('partitions list only what they do not get from their parent', () => {
  const parent = table('events', {
    kind: 'partitioned_table',
    partitionKey: 'RANGE (at)',
    columns: [
      col('id', 'bigint', { nullable: false }),
      col('at', 'timestamp with time zone', { nullable: false }),
      col('kind', 'text', { default: "'x'::text" }),
    ],
    constraints: [pk('events_pkey', ['id', 'at']), check('events_kind_check', "((kind <> ''::text))", ['kind'])],
    indexes: [idx('events', 'events_kind', ['kind'])],
  });
  const copy = (name: string, over: Partial<Table> = {}): Table =>
    table(name, {
      partitionOf: { schema: 'public', table: 'events', bound: "FOR VALUES IN ('x')" },
      columns: parent.columns,
      constraints: [pk(`${name}_pkey`, ['id', 'at']), check('events_kind_check', "((kind <> ''::text))", ['kind'])],
      indexes: [idx(name, `${name}_kind_idx`, ['kind'])],
      ...over,
    });
  const plain = copy('events_a');
  const own = copy('events_b', {
    columns: [parent.columns[0]!, parent.columns[1]!, col('kind', 'text', { nullable: false, comment: 'own' })],
    constraints: [pk('events_b_own_pk', ['id', 'at']), check('events_kind_check', "((kind <> ''::text))", ['kind'])],
    indexes: [idx('events_b', 'events_b_own_kind', ['kind']), idx('events_b', 'events_b_at_idx', [key('at', { order: 'desc', nulls: 'first' })])],
  });
  const spec = modelToSpec(withTables(parent, plain, own));
  expect(spec.tables!.events_a).toEqual({ partitionOf: { table: 'events', bound: "FOR VALUES IN ('x')" }, columns: {} });
  expect(spec.tables!.events_b).toEqual({
    partitionOf: { table: 'events', bound: "FOR VALUES IN ('x')" },
    columns: { kind: { type: 'text', nullable: false, description: 'own' } },
    primaryKey: { name: 'events_b_own_pk', columns: ['id', 'at'] },
    indexes: { events_b_at_idx: { columns: [{ column: 'at', order: 'desc' }] }, events_b_own_kind: { columns: ['kind'] } },
  });
});

test('indexes: structural, with only non-default options; sql when the structure cannot say it', () => {
  const t = table('t', {
    kind: 'partitioned_table',
    partitionKey: 'LIST (a)',
    columns: [col('a', 'text'), col('b', 'integer')],
    indexes: [
      idx('t', 't_mixed', [key('a', { collation: 'C', opclass: 'text_pattern_ops' }), key('b', { nulls: 'first' })], {
        method: 'btree',
        include: ['b'],
        where: '(b > 0)',
        unique: true,
        nullsNotDistinct: true,
      }),
      idx('t', 't_case', [{ column: null, expression: '(\nCASE\n    WHEN b > 0 THEN \'a\n b\'::text\n    ELSE NULL::text\nEND)', order: 'asc', nulls: 'last', opclass: null, collation: null }]),
      idx('t', 't_fill', ['a'], { definition: "CREATE INDEX t_fill ON ONLY public.t USING btree (a) WITH (fillfactor='70')" }),
    ],
  });
  expect(modelToSpec(withTables(t)).tables!.t!.indexes).toEqual({
    t_mixed: {
      columns: [{ column: 'a', opclass: 'text_pattern_ops', collation: 'C' }, { column: 'b', nulls: 'first' }],
      unique: true,
      include: ['b'],
      nullsNotDistinct: true,
      where: '(b > 0)',
    },
    t_case: { columns: ["(CASE WHEN b > 0 THEN 'a\n b'::text ELSE NULL::text END)"] },
    // ON ONLY would leave the partitions without the index
    t_fill: { sql: "CREATE INDEX t_fill ON public.t USING btree (a) WITH (fillfactor='70')" },
  });
});

test('oneLine joins pretty-printed lines outside literals and quoted names', () => {
  expect(oneLine('(\nCASE\n    WHEN "a\nb" = \'x\n  y\' THEN 1\n    ELSE 2\nEND)')).toBe('(CASE WHEN "a\nb" = \'x\n  y\' THEN 1 ELSE 2 END)');
  expect(oneLine('a  =  b')).toBe('a  =  b');
});

test('schemas: listed only when they differ from those of the objects', () => {
  const t = table('t', { columns: [col('a')] });
  expect(modelToSpec(withTables(t)).schemas).toBeUndefined();
  expect(modelToSpec({ ...withTables(t), schemas: [{ name: 'public', comment: null }, { name: 'empty', comment: null }] }).schemas).toEqual([
    'empty',
    'public',
  ]);
  expect(Object.keys(modelToSpec(withTables(t, table('x', { schema: 'other', columns: [col('a')] })), { schemas: ['other'] }).tables!)).toEqual([
    'other.x',
  ]);
});

describe('rendering', () => {
  const spec = modelToSpec({
    ...withTables(
      table('clients', {
        comment: 'Customers',
        columns: [col('id', 'uuid', { nullable: false, default: 'gen_random_uuid()' }), col('active', 'boolean', { default: 'true' }), col('n', 'integer', { default: '0' })],
        constraints: [pk('clients_pkey', ['id'])],
        indexes: [idx('clients', 'clients_active', ['active'], { where: "(n > 0 AND 'a, b' <> '')" })],
      }),
    ),
    enums: [enumType('status', ['yes', 'no', 'null', 'a: b', '1'], { comment: 'Lead status' })],
  });

  test('YAML: header without a date, one line per column and index, and it parses back to the spec', () => {
    const text = renderSpecYaml(spec);
    expect(text).toBe(
      [
        '# Expected schema, generated by `schema-audit snapshot` from a database.',
        '# Review it and commit it; from now on it is the schema the application expects.',
        '',
        'version: 1',
        '',
        'enums:',
        '  status:',
        '    values: [ yes, no, "null", "a: b", "1" ]',
        '    description: Lead status',
        '',
        'tables:',
        '  clients:',
        '    description: Customers',
        '    columns:',
        '      id: { type: uuid, nullable: false, default: gen_random_uuid() }',
        '      active: { type: boolean, default: "true" }',
        '      n: { type: integer, default: "0" }',
        '    primaryKey: [ id ]',
        '    indexes:',
        '      clients_active: { columns: [ active ], where: "(n > 0 AND \'a, b\' <> \'\')" }',
        '',
      ].join('\n'),
    );
    expect(parse(text)).toEqual(spec);
    expect(renderSpecYaml(spec)).toBe(text);
  });

  test('JSON: two-space indented with a final newline', () => {
    const text = renderSpecJson(spec);
    expect(JSON.parse(text)).toEqual(spec);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": 1,\n');
  });

  test('a multi-line string stays in block style', () => {
    const text = renderSpecYaml({ tables: { t: { columns: { a: { type: 'int', check: 'a > 0\n  AND a < 9' } } } } });
    expect(parse(text)).toEqual({ tables: { t: { columns: { a: { type: 'int', check: 'a > 0\n  AND a < 9' } } } } });
    expect(text).not.toContain('{ type');
  });
});
