import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { driftFindings, runCli } from '../support/cli.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import { specToDdl } from '../../src/spec-file/spec-to-ddl.js';

/**
 * Objects named like the properties every JavaScript object inherits
 * (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, `valueOf`):
 * schemas, tables, columns, indexes, constraints, sequences, domains, enums
 * and enum labels. A plain object used as a map loses `__proto__` (the
 * assignment sets the prototype) and finds `toString` where there is none;
 * every name-keyed structure must keep them as ordinary names.
 */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const q = (name: string): string => `"${name}"`;

const DDL = `
${NAMES.map((n) => `CREATE SCHEMA ${q(n)};`).join('\n')}
CREATE TYPE "hasOwnProperty"."__proto__" AS ENUM (${NAMES.map((n) => `'${n}'`).join(', ')});
CREATE TYPE public."toString" AS ENUM ('constructor', 'valueOf');
CREATE TABLE public."__proto__" (
  "__proto__" int PRIMARY KEY,
  "constructor" text NOT NULL DEFAULT 'x',
  "toString" text,
  "hasOwnProperty" int,
  "valueOf" public."toString"
);
CREATE UNIQUE INDEX "toString" ON public."__proto__" ("toString");
CREATE INDEX "valueOf" ON public."__proto__" ("valueOf");
ALTER TABLE public."__proto__" ADD CONSTRAINT "constructor" CHECK (length("constructor") > 0);
CREATE TABLE public."constructor" (id int PRIMARY KEY, "valueOf" int CONSTRAINT "hasOwnProperty" REFERENCES public."__proto__" ("__proto__"));
CREATE TABLE public."hasOwnProperty" (id int PRIMARY KEY, "toString" "hasOwnProperty"."__proto__");
CREATE TABLE "toString"."toString" ("constructor" int, "__proto__" text, CONSTRAINT "__proto__" UNIQUE ("constructor"));
CREATE TABLE "valueOf"."valueOf" ("valueOf" int);
CREATE TABLE "__proto__"."__proto__" ("hasOwnProperty" bigint GENERATED ALWAYS AS IDENTITY);
CREATE SEQUENCE "__proto__"."constructor";
CREATE DOMAIN "__proto__"."toString" AS text CONSTRAINT "valueOf" CHECK (VALUE <> '');
`;

interface SpecLike {
  schemas?: string[];
  enums: Record<string, { values: string[] }>;
  tables: Record<string, { columns: Record<string, unknown>; indexes?: Record<string, unknown> }>;
  sequences?: Record<string, unknown>;
  domains?: Record<string, { checks?: Record<string, unknown> }>;
}

const keys = (o: object | undefined): string[] => (o === undefined ? [] : Object.keys(o));

/** Everything the spec of DDL must hold, by own keys only. */
function expectAllNames(spec: SpecLike): void {
  expect(keys(spec.tables)).toEqual(
    expect.arrayContaining(['__proto__', 'constructor', 'hasOwnProperty', 'toString.toString', 'valueOf.valueOf', '__proto__.__proto__']),
  );
  const proto = Object.getOwnPropertyDescriptor(spec.tables, '__proto__')?.value as SpecLike['tables'][string];
  expect(keys(proto.columns).sort()).toEqual([...NAMES].sort());
  expect(keys(proto.indexes)).toEqual(expect.arrayContaining(['toString', 'valueOf']));
  expect(keys(spec.enums)).toEqual(expect.arrayContaining(['hasOwnProperty.__proto__', 'toString']));
  expect(spec.enums['hasOwnProperty.__proto__']!.values).toEqual([...NAMES]);
  expect(keys(spec.sequences)).toContain('__proto__.constructor');
  expect(keys(spec.domains?.['__proto__.toString']?.checks)).toEqual(['valueOf']);
  expect(Object.getPrototypeOf(spec.tables)).toBe(Object.prototype);
}

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  dir = makeTempDir('proto-names');
  db = await createTestDatabase('proto');
  await db.exec(DDL);
});
afterAll(async () => {
  await db?.drop();
  removeTempDir(dir);
});

async function snapshot(format: string, target = db): Promise<string> {
  const r = await runCli(['snapshot', '--db', target.url, '--format', format]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

test('snapshot (yaml, json, sql, model) writes every object named like an Object property', async () => {
  expectAllNames(parseYaml(await snapshot('yaml')) as SpecLike);
  expectAllNames(JSON.parse(await snapshot('json')) as SpecLike);
  const sql = await snapshot('sql');
  // Identifiers are quoted only where PostgreSQL needs it.
  for (const statement of [
    'CREATE SCHEMA IF NOT EXISTS __proto__;',
    'CREATE SCHEMA IF NOT EXISTS constructor;',
    'CREATE SCHEMA IF NOT EXISTS "hasOwnProperty";',
    'CREATE TABLE public.__proto__ (',
    '  constructor text',
    '  "hasOwnProperty" integer,',
    'ADD CONSTRAINT constructor CHECK',
    'ADD CONSTRAINT "hasOwnProperty" FOREIGN KEY',
    'ADD CONSTRAINT __proto__ UNIQUE',
    'CREATE UNIQUE INDEX "toString"',
    'CREATE INDEX "valueOf"',
    'CREATE TABLE __proto__.__proto__ (',
    `CREATE TYPE "hasOwnProperty".__proto__ AS ENUM (${NAMES.map((n) => `'${n}'`).join(', ')})`,
    'CREATE SEQUENCE __proto__.constructor',
    'CREATE DOMAIN __proto__."toString" AS text CONSTRAINT "valueOf" CHECK',
  ]) {
    expect(sql).toContain(statement);
  }
  const model = JSON.parse(await snapshot('model')) as { schema: { tables: { schema: string; name: string; columns: { name: string }[] }[] } };
  const protoTable = model.schema.tables.find((t) => t.schema === 'public' && t.name === '__proto__');
  expect(protoTable?.columns.map((c) => c.name).sort()).toEqual([...NAMES].sort());
});

test.each(['yaml', 'json'])('the %s snapshot audited against its database: no drift, exit 0', async (format) => {
  const file = path.join(dir, `self.${format}`);
  writeFileSync(file, await snapshot(format));
  const r = await runCli(['audit', '--db', db.url, '--expected', file, '--format', 'json', '--drop-unexpected', '--migration-dir', path.join(dir, `self-${format}`)]);
  expect(r.stderr).toBe('');
  expect(driftFindings(r.stdout)).toEqual([]);
  expect(r.code).toBe(0);
});

test('a spec without one of them: only that one is unexpected, and only it is dropped', async () => {
  const spec = parseYaml(await snapshot('yaml')) as SpecLike;
  const proto = Object.getOwnPropertyDescriptor(spec.tables, '__proto__')?.value as SpecLike['tables'][string];
  Reflect.deleteProperty(proto.columns, 'hasOwnProperty');
  Reflect.deleteProperty(spec.tables, 'constructor');
  const file = path.join(dir, 'lacking.json');
  writeFileSync(file, JSON.stringify(spec));
  const out = path.join(dir, 'lacking');
  const r = await runCli(['audit', '--db', db.url, '--expected', file, '--format', 'json', '--fail-on', 'info', '--drop-unexpected', '--migration-dir', out]);
  const found = driftFindings(r.stdout).map((f) => f.kind).sort();
  expect(found).toEqual(['unexpected_column', 'unexpected_table']);
  expect(r.stdout).toContain('"hasOwnProperty"');
  expect(r.code).toBe(1);
  for (const format of ['markdown', 'text']) {
    const report = await runCli(['audit', '--db', db.url, '--expected', file, '--format', format, '--fail-on', 'info']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(/hasOwnProperty/);
    expect(report.stdout).toMatch(/constructor/);
  }
  const up = readFileSync(path.join(out, 'up.sql'), 'utf8');
  const drops = up.split('\n').filter((line) => /^\s*(ALTER TABLE .* )?DROP /.test(line));
  // The dropped table's foreign key goes first, then the column and the table.
  expect(drops).toHaveLength(3);
  expect(drops.join('\n')).toMatch(/ALTER TABLE IF EXISTS public\.constructor DROP CONSTRAINT IF EXISTS "hasOwnProperty"/);
  expect(drops.join('\n')).toMatch(/ALTER TABLE IF EXISTS public\.__proto__ DROP COLUMN IF EXISTS "hasOwnProperty"/);
  expect(drops.join('\n')).toMatch(/DROP TABLE (IF EXISTS )?public\.constructor\b/);
});

test('a spec holding them round-trips: spec -> DDL -> database -> the same spec', async () => {
  const written = await snapshot('yaml');
  const file = path.join(dir, 'roundtrip.yaml');
  writeFileSync(file, written);
  const spec = loadSpec(file);
  expect([...spec.tables.keys()]).toEqual(expect.arrayContaining(['public.__proto__', 'public.constructor', 'public."hasOwnProperty"', '"toString"."toString"', '__proto__.__proto__']));
  const copy = await createTestDatabase('proto_copy');
  try {
    await copy.exec(`${NAMES.map((n) => `CREATE SCHEMA IF NOT EXISTS ${q(n)};`).join('\n')}`);
    for (const statement of specToDdl(spec)) await copy.exec(statement.sql);
    expect(await snapshot('yaml', copy)).toBe(written);
  } finally {
    await copy.drop();
  }
});
