import path from 'node:path';
import { runCli } from '../support/cli.js';
import { createTestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';
import { describeRoundTripCases, type RoundTripCase } from './roundtrip.js';

/**
 * Composite and range types on a real server (src/kinds/type/): each case is
 * a database (a.sql) audited against an expected schema (b.sql) with
 * --drop-unexpected --verify; up.sql and down.sql applied with psql (twice
 * each): after up.sql the database audits clean against b.sql (but for the
 * plan's manual steps), after down.sql against a.sql. Then a spec round
 * trip: snapshot (YAML and SQL) of a database with such types, audited
 * against itself.
 */
const BASE = `create schema geo;
  create type geo.point2 as (x float8, y float8);
  create table places (id integer primary key, at geo.point2);`;
const ROWS = 'insert into places values (1, row(1, 2));';

type Case = RoundTripCase;

const CASES: Record<string, Case> = {
  'missing composite types (one over the other) and a range type with its functions; an unexpected type dropped': {
    a: `${BASE} ${ROWS} create type leftover as (a int);`,
    b: `${BASE}
        create type address as (street text collate "C", loc geo.point2, tags text[]);
        create type geo.route as (start address, stops address[]);
        create type float_span as range (subtype = float8, subtype_diff = float8mi);
        comment on type address is 'postal';
        create table shipments (id integer primary key, dest address, window_ float_span);`,
    steps: [/^types:public\.address$/, /^types:public\.float_span$/, /^types:geo\.route$/, /^tables:public\.shipments$/, /^drop_types:public\.leftover$/],
  },
  'attributes added, dropped and retyped in place; an unused range type recreated': {
    a: `${BASE} ${ROWS} create type tag as (label varchar(10), weight int, old text);
        create type span as range (subtype = int4);`,
    b: `${BASE.replace('(x float8, y float8)', '(x float8, y float8, z float8)')}
        create type tag as (label text, weight int);
        create type span as range (subtype = int8);`,
    steps: [/^types:geo\.point2$/, /^types:public\.span$/, /^types:public\.tag$/],
  },
  'a range type a column uses, redefined: manual': {
    a: `${BASE} ${ROWS} create type span as range (subtype = int4); create table booked (s span);`,
    b: `${BASE} create type span as range (subtype = int8); create table booked (s span);`,
    steps: [],
    kept: ['type_mismatch:public.span'],
  },
};

const { databases, dir } = describeRoundTripCases('types', CASES);

test('spec round trip: snapshot of a database with composite and range types, audited against itself, is clean', async () => {
  const db = await createTestDatabase('types_spec');
  databases.push(db);
  await db.exec(`${BASE}
    create schema "Odd";
    create type "Odd"."Pair Type" as ("First" text collate "C", second geo.point2[]);
    create type tr as range (subtype = text, collation = "C");
    create type fr as range (subtype = float8, subtype_diff = float8mi);
    comment on type fr is 'floats';
    create table uses (p "Odd"."Pair Type", r tr, f fr);`);
  const model = await introspect(db.url);
  expect(model.types.map((t) => `${t.schema}.${t.name}:${t.kind}`)).toEqual(['Odd.Pair Type:composite', 'geo.point2:composite', 'public.fr:range', 'public.tr:range']);
  expect(model.types.find((t) => t.name === 'Pair Type')!.attributes).toEqual([
    { name: 'First', type: 'text', collation: 'C' },
    { name: 'second', type: 'geo.point2[]', collation: null },
  ]);
  expect(model.types.find((t) => t.name === 'tr')!.range).toEqual({ subtype: 'text', collation: 'C', canonical: null, subtypeDiff: null });
  // The range types' constructor functions belong to them, not to the functions section.
  expect(model.functions).toEqual([]);
  for (const [file, format] of [['types.yaml', 'yaml'], ['types.sql', 'sql']] as const) {
    const out = path.join(dir(), file);
    expect((await runCli(['snapshot', '--db', db.url, '--format', format, '--out', out])).code).toBe(0);
    const audit = await runCli(['audit', '--db', db.url, '--expected', out, '--format', 'json', '--no-advice']);
    expect([file, JSON.parse(audit.stdout).findings]).toEqual([file, []]);
  }
});
