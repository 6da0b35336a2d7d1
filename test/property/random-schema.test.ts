import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { diffSchemas, type Finding, type FindingObject } from '../../src/diff/index.js';
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/db.js';
import { introspect } from '../support/introspect.js';
import { applySqlFile } from '../support/psql.js';
import {
  HARD_MUTATIONS,
  MUTATION_KINDS,
  generateSchemaPair,
  generateSchemaPairDetailed,
  type DetailedSchemaPair,
  type MutationStep,
} from '../support/random-schema.js';

/**
 * The random schema-pair generator (test/support/random-schema.ts), checked
 * on a real server: for each seed, A and B load with psql into fresh
 * databases, and `diffSchemas(B, A)` reports drift that every mutation
 * explains — each mutation causes at least one finding about the objects it
 * changed, and no finding is about anything else.
 *
 * - `PROPERTY_SEEDS=N`: seeds 1..N (default 40);
 * - `PROPERTY_SEED=S`: only seed S (replay a failure: its message names the seed);
 * - `PROPERTY_REPORT=FILE`: append one JSON line per mutation (seed, mutation,
 *   the kinds of the findings it caused), for whoever builds migrations from them.
 *
 * Failures print the seed, the mutations and the findings.
 */

function seedsToRun(): number[] {
  const one = process.env.PROPERTY_SEED;
  if (one !== undefined && one !== '') {
    const seed = Number(one);
    if (!Number.isSafeInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got ${one}`);
    return [seed];
  }
  const count = Number(process.env.PROPERTY_SEEDS ?? 40);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`PROPERTY_SEEDS must be a positive integer, got ${process.env.PROPERTY_SEEDS}`);
  return Array.from({ length: count }, (_, i) => i + 1);
}

const SEEDS = seedsToRun();

/** The finding is about `target` or something inside it (every field the target names matches). */
function within(object: FindingObject, target: FindingObject): boolean {
  return (Object.keys(target) as (keyof FindingObject)[]).every((key) => object[key] === target[key]);
}

function explains(step: MutationStep, finding: Finding): boolean {
  return step.targets.some((target) => within(finding.object, target));
}

/** How to replay a pair, for failure messages. */
function replay(pair: DetailedSchemaPair, major: number): string {
  return [
    `seed ${pair.seed} (replay: PROPERTY_SEED=${pair.seed} PG_MAJOR=${major} npm test -- test/property/random-schema.test.ts)`,
    'mutations:',
    ...pair.mutations.map((m) => `  - ${m}`),
  ].join('\n');
}

const findingLines = (findings: readonly Finding[]): string[] => findings.map((f) => `  - ${f.kind} ${f.id}: ${f.message}`);

describe('generateSchemaPair (no database)', () => {
  test('objects: views, functions, triggers, sequences and domains added, dropped and changed; the tables as without them', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const plain = generateSchemaPair(seed, { major: 17 });
      const pair = generateSchemaPair(seed, { major: 17, objects: true });
      expect(generateSchemaPair(seed, { major: 17, objects: true })).toEqual(pair);
      expect(pair.a.startsWith(plain.a)).toBe(true);
      expect(pair.b.startsWith(plain.b)).toBe(true);
      expect(pair.mutations.slice(0, plain.mutations.length)).toEqual(plain.mutations);
      for (const m of pair.mutations.slice(plain.mutations.length)) seen.add(m.split(':')[0]!);
    }
    for (const kind of ['view', 'function', 'trigger', 'sequence', 'domain']) {
      for (const what of ['add', 'drop', 'change']) expect([...seen]).toContain(`${what}_${kind}`);
    }
  });

  const MANY = Array.from({ length: 400 }, (_, i) => i + 1);

  test('is deterministic: the same seed and options give the same pair', () => {
    for (const seed of MANY.slice(0, 100)) {
      expect(generateSchemaPair(seed)).toEqual(generateSchemaPair(seed));
      expect(generateSchemaPair(seed, { major: 17, size: 'small' })).toEqual(generateSchemaPair(seed, { major: 17, size: 'small' }));
    }
    expect(Object.keys(generateSchemaPair(7)).sort()).toEqual(['a', 'b', 'mutations', 'seed']);
    expect(generateSchemaPair(7).seed).toBe(7);
  });

  test('different seeds give different schemas; big and negative seeds work, fractions do not', () => {
    const as = new Set(MANY.slice(0, 100).map((seed) => generateSchemaPair(seed).a.replace(/^--.*\n/, '')));
    expect(as.size).toBe(100);
    const body = (seed: number): string => generateSchemaPair(seed).a.replace(/^--.*\n/, '');
    expect(body(2 ** 40 + 3)).not.toBe(body(3));
    expect(generateSchemaPair(-5).mutations.length).toBeGreaterThan(0);
    expect(() => generateSchemaPair(1.5)).toThrow(/integer/);
  });

  test('mutations are known kinds, never hard ones; every kind occurs; B differs from A', () => {
    expect(HARD_MUTATIONS.filter((k) => (MUTATION_KINDS as readonly string[]).includes(k))).toEqual([]);
    const outOfScope = ['narrow_type', 'change_type_family', 'change_generated_expression', 'remove_enum_value', 'reorder_enum_values', 'change_partitioning'];
    expect(outOfScope.filter((k) => !(HARD_MUTATIONS as readonly string[]).includes(k))).toEqual([]);
    const seen = new Set<string>();
    for (const seed of MANY) {
      const pair = generateSchemaPairDetailed(seed);
      expect(pair.b).not.toBe(pair.a.replace('schema A', 'schema B'));
      expect(pair.mutations.length).toBeGreaterThanOrEqual(1);
      expect(pair.mutations.length).toBeLessThanOrEqual(6);
      for (const [i, line] of pair.mutations.entries()) {
        const kind = line.slice(0, line.indexOf(':'));
        expect(MUTATION_KINDS).toContain(kind);
        expect(HARD_MUTATIONS).not.toContain(kind);
        expect(pair.steps[i]?.kind).toBe(kind);
        expect(pair.steps[i]?.targets.length).toBeGreaterThan(0);
        seen.add(kind);
      }
    }
    expect(MUTATION_KINDS.filter((k) => !seen.has(k))).toEqual([]);
  });

  test('size small: 2–3 tables, 1–3 mutations', () => {
    for (const seed of MANY.slice(0, 100)) {
      const pair = generateSchemaPair(seed, { size: 'small' });
      const tables = pair.a.match(/^CREATE TABLE /gm)?.length ?? 0;
      expect(tables).toBeGreaterThanOrEqual(2);
      expect(tables).toBeLessThanOrEqual(3);
      expect(pair.mutations.length).toBeLessThanOrEqual(3);
    }
  });

  test('schema A covers the types, constraints, indexes and awkward names it promises', () => {
    const ENUM_NAME = '(mood|lead_status|priority|channel|stage|"Channel Kind"|"order"|"état")(_\\d+)?';
    const all = MANY.map((seed) => generateSchemaPair(seed, { major: 15 }).a).join('\n');
    const expectations: [string, RegExp][] = [
      ['integer', / integer[ ,\n]/], ['bigint', / bigint[ ,\n]/], ['smallint', / smallint[ ,\n]/], ['text', / text[ ,\n]/],
      ['varchar(n)', / varchar\(\d+\)/], ['numeric(p,s)', / numeric\(\d+,\d+\)/], ['boolean', / boolean[ ,\n]/],
      ['timestamptz', / timestamptz/], ['timestamp', / timestamp[ ,\n]/], ['date', / date[ ,\n]/], ['uuid', / uuid[ ,\n]/],
      ['jsonb', / jsonb[ ,\n]/], ['bytea', / bytea[ ,\n]/], ['text[]', / text\[\]/], ['double precision', / double precision/],
      ['an enum column', new RegExp(`^ {4}.* \\S+\\.${ENUM_NAME}( |,|$)`, 'm')], ['an enum array', new RegExp(`\\.${ENUM_NAME}\\[\\]`)],
      ['now()', /DEFAULT now\(\)/], ['gen_random_uuid()', /DEFAULT gen_random_uuid\(\)/],
      ['identity ALWAYS', /GENERATED ALWAYS AS IDENTITY/], ['identity BY DEFAULT', /GENERATED BY DEFAULT AS IDENTITY/],
      ['generated stored', /GENERATED ALWAYS AS \(.+\) STORED/], ['composite primary key', /PRIMARY KEY \([^)]*, /],
      ['unique', / UNIQUE \(/], ['unique nulls not distinct (15+)', /UNIQUE NULLS NOT DISTINCT/], ['check', / CHECK \(/],
      ['multi-column foreign key', /FOREIGN KEY \([^)]*, [^)]*\)/], ['ON DELETE CASCADE', /ON DELETE CASCADE/],
      ['ON DELETE SET NULL', /ON DELETE SET NULL/], ['ON UPDATE CASCADE', /ON UPDATE CASCADE/],
      ['multi-column index', /INDEX .* \([^()]*, [^()]*\);/], ['unique index', /CREATE UNIQUE INDEX/], ['partial index', /INDEX .* WHERE /],
      ['expression index', /INDEX .* \(\(lower\(/], ['DESC NULLS FIRST or LAST', /DESC NULLS (FIRST|LAST)/], ['NULLS FIRST', / NULLS FIRST/],
      ['INCLUDE', / INCLUDE \(/], ['gin on jsonb', /USING gin \(\S+ jsonb_path_ops\)/], ['second schema', /^CREATE SCHEMA /m],
      ['enum', /^CREATE TYPE .* AS ENUM/m],
      ['mixed-case name', /"LeadNotes"|"CamelCase"/], ['reserved-word name', /"order"|"user"|"select"/], ['name with a space', /"lead notes"/],
      ['name with a double quote', /"a""b"|"x""y"/], ['non-ASCII name', /"café"|"Größe"|"名前"|"naïve"/],
    ];
    expect(expectations.filter(([, re]) => !re.test(all)).map(([what]) => what)).toEqual([]);
    const on14 = MANY.slice(0, 200).map((seed) => generateSchemaPair(seed, { major: 14 }));
    expect(on14.map((p) => p.a + p.b).join('\n')).not.toMatch(/NULLS NOT DISTINCT/);
  });

  test('no string literal holds a semicolon, every statement ends with one, no rows are inserted', () => {
    for (const seed of MANY.slice(0, 100)) {
      const { a, b } = generateSchemaPair(seed);
      for (const script of [a, b]) {
        expect(script).not.toMatch(/\b(INSERT|COPY)\b/);
        const statements = script.replace(/^--.*\n/gm, '').split(/;\n/);
        expect(statements.pop()).toBe('');
        expect(statements.every((s) => !s.includes(';'))).toBe(true);
      }
    }
  });
});

describe(`generated pairs on the server (${SEEDS.length} seed${SEEDS.length === 1 ? '' : 's'})`, () => {
  let major = 0;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sa-prop-'));
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`select current_setting('server_version_num') as n`);
      major = Math.floor(Number(rows[0]?.n) / 10000);
    } finally {
      await client.end();
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test.each(SEEDS)('seed %i: A and B load with psql, and diffSchemas(B, A) explains every mutation', async (seed) => {
    const pair = generateSchemaPairDetailed(seed, { major });
    const context = replay(pair, major);
    const databases: TestDatabase[] = [];
    try {
      const load = async (label: 'a' | 'b', sql: string): Promise<TestDatabase> => {
        const db = await createTestDatabase(`prop_${label}`);
        databases.push(db);
        const file = path.join(dir, `seed-${seed}-${label}.sql`);
        writeFileSync(file, sql);
        try {
          await applySqlFile(db.url, file);
        } catch (err) {
          throw new Error(`${context}\nschema ${label.toUpperCase()} does not load: ${(err as Error).message}\n--- ${label}.sql ---\n${sql}`);
        }
        return db;
      };
      const [dbA, dbB] = [await load('a', pair.a), await load('b', pair.b)];
      const [modelA, modelB] = await Promise.all([introspect(dbA.url), introspect(dbB.url)]);
      const { findings } = diffSchemas(modelB, modelA);

      const problems: string[] = [];
      if (findings.length === 0) problems.push('diffSchemas(B, A) found no drift at all');
      for (const step of pair.steps) {
        const caused = findings.filter((f) => explains(step, f));
        if (caused.length === 0) problems.push(`mutation caused no finding: ${step.text}`);
        if (process.env.PROPERTY_REPORT) {
          const line = { seed, major, kind: step.kind, mutation: step.text, findings: caused.map((f) => f.kind) };
          appendFileSync(process.env.PROPERTY_REPORT, `${JSON.stringify(line)}\n`);
        }
      }
      for (const f of findings) {
        if (!pair.steps.some((s) => explains(s, f))) problems.push(`finding explained by no mutation: ${f.kind} ${f.id}: ${f.message}`);
      }
      if (problems.length) {
        throw new Error([context, 'problems:', ...problems.map((p) => `  - ${p}`), 'findings:', ...findingLines(findings)].join('\n'));
      }
    } finally {
      for (const db of databases) await db.drop();
    }
  });
});
