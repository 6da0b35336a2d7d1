import { modelToDdl, renderDdlScript } from '../../src/ddl/model-to-ddl.js';
import { inMemorySpec } from '../../src/spec-file/in-memory-spec.js';
import { modelToSpec } from '../../src/spec-file/model-to-spec.js';
import { specToDdl } from '../../src/spec-file/spec-to-ddl.js';
import { createTestDatabase } from '../support/db.js';
import { constraint, serverMajor } from '../introspect/helpers.js';
import { table } from '../support/introspect.js';
import { ddlFixtureSql } from './fixture.js';
import { ddlPart, ddlRoundTrip, drift, type DdlRoundTrip } from './roundtrip.js';

/**
 * modelToDdl on the hand-written fixture: quoted names, NOT VALID, INCLUDE
 * and storage parameters on constraints, a deferrable primary key, identity,
 * generated columns, every kind of index key, enum arrays, partitions, an
 * extension in its own schema, comments everywhere; on 18, virtual columns
 * and NOT ENFORCED. Written by the API here (the CLI writes the fixtures'),
 * loaded with psql into an empty database, read back: the same schema.
 */

let major: number;
let result: DdlRoundTrip;

beforeAll(async () => {
  const probe = await createTestDatabase('ddl_major');
  major = await serverMajor(probe);
  await probe.drop();
  result = await ddlRoundTrip(ddlFixtureSql(major), 'api');
});

test('the script, loaded with psql, gives back the same schema', () => {
  expect(drift(result)).toEqual([]);
  expect(ddlPart(result.after)).toEqual(ddlPart(result.before));
});

test('the fixture has what the round trip claims', () => {
  const { before } = result;
  const order = table(before, 'Order');
  const lineItem = table(before, 'Line Item', 'Odd "Schema"');
  expect(constraint(order, 'not valid check').validated).toBe(false);
  expect(constraint(lineItem, 'fk not valid').validated).toBe(false);
  expect(constraint(lineItem, 'qty_small').validated).toBe(false);
  expect(constraint(table(before, 'events'), 'kind_nonempty').validated).toBe(false);
  expect(before.domains.find((d) => d.name === 'positive_int')!.checks.map((c) => c.definition)).toEqual([
    'CHECK (VALUE > 0)',
    'CHECK (VALUE < 1000000) NOT VALID',
  ]);
  expect(constraint(table(before, 'deferred_pk'), 'deferred_pk_pkey')).toMatchObject({ deferrable: true, initiallyDeferred: true });
  expect(constraint(order, 'Order PK').definition).toBe('PRIMARY KEY ("ID") INCLUDE ("select")');
  expect(order.indexes.find((i) => i.name === 'Unique Weird')!.definition).toMatch(/INCLUDE \("Has Space"\) WITH \(fillfactor='70'\)$/);
  expect(order.columns.map((c) => c.name)).toEqual(['ID', 'select', 'we"ird', 'Has Space', '1', 'plain_col', 'Mixed', 'statuses', 'total', 'amount']);
  expect(order.columns.find((c) => c.name === 'ID')!.identity).toBe('always');
  expect(order.columns.find((c) => c.name === 'total')!.generated).toMatchObject({ kind: 'stored' });
  expect(order.columns.find((c) => c.name === 'Mixed')!.type).toBe('"Mixed Enum"[]');
  expect(lineItem.indexes.map((i) => i.name)).toEqual(['Line Item_pkey', 'line_desc', 'line_expr', 'line_include', 'line_trgm', 'partial idx']);
  expect(before.extensions.map((e) => `${e.schema}.${e.name}`)).toEqual(['public.btree_gist', 'ext.pg_trgm']);
  expect(table(before, 'events_other').partitionOf!.bound).toBe('DEFAULT');
  expect(order.constraints.find((c) => c.name === 'Unique Weird')!.comment).toBe("the constraint's comment");
  expect(before.schemas.find((s) => s.name === 'Odd "Schema"')!.comment).toBe('quotes, spaces and a capital');
  if (major >= 18) {
    const v18 = table(before, 'v18');
    expect(v18.columns.find((c) => c.name === 'b')!.generated).toMatchObject({ kind: 'virtual' });
    expect(constraint(v18, 'a_unenforced').definition).toMatch(/NOT ENFORCED$/);
    expect(constraint(v18, 'd_fk').definition).toMatch(/NOT ENFORCED$/);
    expect(constraint(table(before, 'events'), 'events_fk_nv').validated).toBe(false);
  }
});

test('what the spec alone would lose comes through the DDL', () => {
  const viaSpec = specToDdl(inMemorySpec(modelToSpec(result.before))).map((s) => s.sql);
  const ddl = modelToDdl(result.before);
  const trgm = `CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ext VERSION '${result.before.extensions.find((e) => e.name === 'pg_trgm')?.version ?? '?'}' CASCADE`;
  // the spec has no NOT VALID, no INCLUDE on constraints, no deferrable primary key
  expect(viaSpec.filter((s) => s.includes('NOT VALID'))).toEqual([]);
  expect(ddl).toEqual(
    expect.arrayContaining([
      `ALTER TABLE public."Order" ADD CONSTRAINT "not valid check" CHECK (("Has Space" < 100)) NOT VALID`,
      `ALTER TABLE "Odd ""Schema"""."Line Item" ADD CONSTRAINT "fk not valid" FOREIGN KEY (order_id) REFERENCES "Order"("ID") ON DELETE CASCADE NOT VALID`,
      'ALTER DOMAIN public.positive_int ADD CONSTRAINT small CHECK (VALUE < 1000000) NOT VALID',
      `ALTER TABLE public."Order" ADD CONSTRAINT "Order PK" PRIMARY KEY ("ID") INCLUDE ("select")`,
      `ALTER INDEX public."Unique Weird" SET (fillfactor='70')`,
      'ALTER TABLE public.deferred_pk ADD CONSTRAINT deferred_pk_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED',
      trgm,
      `COMMENT ON SCHEMA "Odd ""Schema""" IS 'quotes, spaces and a capital'`,
      `COMMENT ON INDEX public."Order PK" IS 'the primary key''s index'`,
    ]),
  );
  // the schema for the extension comes before it
  expect(ddl.indexOf('CREATE SCHEMA IF NOT EXISTS ext')).toBeLessThan(ddl.indexOf(trgm));
  // every table constraint is named, as PostgreSQL named it
  expect(ddl.filter((s) => /^ALTER TABLE \S+ ADD (?!CONSTRAINT )/.test(s))).toEqual([]);
});

test('the script: header, session settings, one statement per paragraph; deterministic', () => {
  const script = result.script;
  expect(script.startsWith(`-- The schema of ${'sa_ddl_src_'}`)).toBe(true);
  expect(script).toContain('\nSET search_path = pg_catalog, public;\n');
  expect(script).toContain('\nSET check_function_bodies = false;\n\n');
  // The comment's line break is written as an escape of the same value (src/safe-text.ts): no line of the script starts inside a literal.
  expect(script).toContain(`\nCOMMENT ON TABLE public."Order" IS E'backslash \\\\ and ''quotes''\\u000aand a new line';\n\n`);
  expect(script.endsWith(';\n\n')).toBe(true);
  const again = renderDdlScript(modelToDdl(result.before), { toolVersion: 'test', source: script.slice(17, script.indexOf(', as DDL.')) });
  expect(again).toBe(script);
});

test('--schema: only those schemas, their objects still complete', () => {
  const ddl = modelToDdl(result.before, { schemas: ['Odd "Schema"'] });
  expect(ddl.some((s) => s.startsWith('CREATE TABLE "Odd ""Schema"""."Line Item"'))).toBe(true);
  expect(ddl.some((s) => s.includes('public."Order"') && s.startsWith('CREATE TABLE'))).toBe(false);
  expect(ddl).toContain(`ALTER TABLE "Odd ""Schema"""."Line Item" ADD CONSTRAINT qty_small CHECK ((qty < 1000)) NOT VALID`);
  expect(ddl.some((s) => s.startsWith('COMMENT ON SCHEMA public'))).toBe(false);
});
