import type { Index, IndexKeyPart } from '../../src/model/schema-model.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { index, introspect, table } from '../support/introspect.js';
import { serverMajor } from './helpers.js';

/** Indexes: keys, order, method, uniqueness, predicates, expressions, INCLUDE, opclass, validity. */

let db: TestDatabase;
let major: number;

/** A plain ascending column key part. */
function col(name: string, extra: Partial<IndexKeyPart> = {}): IndexKeyPart {
  return { column: name, expression: null, order: 'asc', nulls: 'last', opclass: null, collation: null, ...extra };
}
function expr(text: string, extra: Partial<IndexKeyPart> = {}): IndexKeyPart {
  return { column: null, expression: text, order: 'asc', nulls: 'last', opclass: null, collation: null, ...extra };
}

beforeAll(async () => {
  db = await createTestDatabase('indexes');
  major = await serverMajor(db);
  await db.exec(`
    create extension if not exists pg_trgm;
    create schema other;
    create operator class other.int4_plain_ops for type int4 using btree as
      operator 1 <, operator 2 <=, operator 3 =, operator 4 >=, operator 5 >, function 1 btint4cmp(int4, int4);

    create table people (
      id int,
      email text,
      name text,
      score int,
      a int,
      b int,
      tags text[],
      doc jsonb,
      during tsrange,
      seen_at timestamptz,
      code text collate "C",
      constraint people_pkey primary key (id),
      constraint people_email_key unique (email)
    );
    create index people_order on people (score desc nulls first, name asc nulls first, a desc nulls last, b);
    create unique index people_name_a on people (name, a);
    create index people_hash on people using hash (email);
    create index people_gin_doc on people using gin (doc);
    create index people_gin_tags on people using gin (tags);
    create index people_gist on people using gist (during);
    create index people_brin on people using brin (seen_at);
    create index people_spgist on people using spgist (name);
    create index people_partial on people (score) where score > 10 and name is not null;
    create index people_lower_email on people (lower(email));
    create index people_mixed on people (lower(name) desc, score, (a + b));
    create index people_include on people (score) include (name, email);
    create index people_pattern on people (name text_pattern_ops);
    create index people_trgm on people using gin (name gin_trgm_ops);
    create index people_other_ops on people (a other.int4_plain_ops);
    create index people_collate on people (name collate "C", code collate "POSIX", code);

    create table dupes (v int);
    insert into dupes values (1), (1), (2);
  `);
});
afterAll(async () => {
  await db.drop();
});

test('name, method, uniqueness and the full definition of a primary key index', async () => {
  const t = table(await introspect(db.url), 'people');
  const expected: Index = {
    name: 'people_pkey',
    method: 'btree',
    unique: true,
    primary: true,
    keys: [col('id')],
    include: [],
    where: null,
    nullsNotDistinct: false,
    valid: true,
    constraint: 'people_pkey',
    definition: 'CREATE UNIQUE INDEX people_pkey ON public.people USING btree (id)',
    comment: null,
  };
  expect(index(t, 'people_pkey')).toEqual(expected);
});

test('indexes are listed by name', async () => {
  const t = table(await introspect(db.url), 'people');
  const names = t.indexes.map((i) => i.name);
  expect(names).toEqual([...names].sort());
  expect(names).toHaveLength(18);
});

test('keys in order with sort order and nulls order', async () => {
  const i = index(table(await introspect(db.url), 'people'), 'people_order');
  expect(i.keys).toEqual([
    col('score', { order: 'desc', nulls: 'first' }),
    col('name', { order: 'asc', nulls: 'first' }),
    col('a', { order: 'desc', nulls: 'last' }),
    col('b'),
  ]);
  expect(i.definition).toBe('CREATE INDEX people_order ON public.people USING btree (score DESC, name NULLS FIRST, a DESC NULLS LAST, b)');
  expect(i).toMatchObject({ unique: false, primary: false, constraint: null });
});

test('a unique index that backs no constraint', async () => {
  const i = index(table(await introspect(db.url), 'people'), 'people_name_a');
  expect(i).toMatchObject({ unique: true, primary: false, constraint: null, keys: [col('name'), col('a')] });
  expect(i.definition).toBe('CREATE UNIQUE INDEX people_name_a ON public.people USING btree (name, a)');
});

test('a unique constraint index names its constraint', async () => {
  const i = index(table(await introspect(db.url), 'people'), 'people_email_key');
  expect(i).toMatchObject({ unique: true, primary: false, constraint: 'people_email_key', keys: [col('email')] });
});

test('access methods: btree, hash, gin (jsonb and array), gist, brin, spgist', async () => {
  const t = table(await introspect(db.url), 'people');
  const method = (n: string): [string, string, IndexKeyPart[]] => [n, index(t, n).method, [...index(t, n).keys]];
  expect([
    method('people_hash'),
    method('people_gin_doc'),
    method('people_gin_tags'),
    method('people_gist'),
    method('people_brin'),
    method('people_spgist'),
  ]).toEqual([
    ['people_hash', 'hash', [col('email')]],
    ['people_gin_doc', 'gin', [col('doc')]],
    ['people_gin_tags', 'gin', [col('tags')]],
    ['people_gist', 'gist', [col('during')]],
    ['people_brin', 'brin', [col('seen_at')]],
    ['people_spgist', 'spgist', [col('name')]],
  ]);
  expect(index(t, 'people_gin_doc').definition).toBe('CREATE INDEX people_gin_doc ON public.people USING gin (doc)');
  expect(index(t, 'people_brin').definition).toBe('CREATE INDEX people_brin ON public.people USING brin (seen_at)');
});

test('a partial index carries its predicate', async () => {
  const i = index(table(await introspect(db.url), 'people'), 'people_partial');
  expect(i.where).toBe('score > 10 AND name IS NOT NULL');
  expect(i.definition).toBe('CREATE INDEX people_partial ON public.people USING btree (score) WHERE ((score > 10) AND (name IS NOT NULL))');
  expect(index(table(await introspect(db.url), 'people'), 'people_pkey').where).toBeNull();
});

test('expression keys, alone and mixed with columns', async () => {
  const t = table(await introspect(db.url), 'people');
  expect(index(t, 'people_lower_email').keys).toEqual([expr('lower(email)')]);
  expect(index(t, 'people_mixed').keys).toEqual([
    expr('lower(name)', { order: 'desc', nulls: 'first' }),
    col('score'),
    expr('(a + b)'),
  ]);
  expect(index(t, 'people_mixed').definition).toBe(
    'CREATE INDEX people_mixed ON public.people USING btree (lower(name) DESC, score, ((a + b)))',
  );
});

test('INCLUDE columns are listed apart from the keys', async () => {
  const i = index(table(await introspect(db.url), 'people'), 'people_include');
  expect(i.keys).toEqual([col('score')]);
  expect(i.include).toEqual(['name', 'email']);
  expect(i.definition).toBe('CREATE INDEX people_include ON public.people USING btree (score) INCLUDE (name, email)');
});

test('non-default operator classes, qualified exactly as the definition qualifies them', async () => {
  const t = table(await introspect(db.url), 'people');
  expect(index(t, 'people_pattern').keys).toEqual([col('name', { opclass: 'text_pattern_ops' })]);
  // pg_trgm lives in public, which is on the pinned search_path: unqualified
  expect(index(t, 'people_trgm').keys).toEqual([col('name', { opclass: 'gin_trgm_ops' })]);
  expect(index(t, 'people_trgm').definition).toBe('CREATE INDEX people_trgm ON public.people USING gin (name gin_trgm_ops)');
  expect(index(t, 'people_other_ops').keys).toEqual([col('a', { opclass: 'other.int4_plain_ops' })]);
  expect(index(t, 'people_other_ops').definition).toBe(
    'CREATE INDEX people_other_ops ON public.people USING btree (a other.int4_plain_ops)',
  );
  expect(index(t, 'people_order').keys.every((k) => k.opclass === null)).toBe(true);
});

test('non-default key collations; a column’s own collation is not reported', async () => {
  const i = index(table(await introspect(db.url), 'people'), 'people_collate');
  expect(i.keys).toEqual([col('name', { collation: 'C' }), col('code', { collation: 'POSIX' }), col('code')]);
  expect(i.definition).toBe('CREATE INDEX people_collate ON public.people USING btree (name COLLATE "C", code COLLATE "POSIX", code)');
});

test('a failed CREATE UNIQUE INDEX CONCURRENTLY leaves an invalid index', async () => {
  // CONCURRENTLY cannot run in a transaction block: one statement per query.
  await expect(db.exec(`create unique index concurrently dupes_v_key on dupes (v)`)).rejects.toThrow(/could not create unique index/);
  const t = table(await introspect(db.url), 'dupes');
  expect(index(t, 'dupes_v_key')).toEqual({
    name: 'dupes_v_key',
    method: 'btree',
    unique: true,
    primary: false,
    keys: [col('v')],
    include: [],
    where: null,
    nullsNotDistinct: false,
    valid: false,
    constraint: null,
    definition: 'CREATE UNIQUE INDEX dupes_v_key ON public.dupes USING btree (v)',
    comment: null,
  });
  await db.exec(`delete from dupes where v = 1`);
  await db.exec(`reindex index concurrently dupes_v_key`);
  expect(index(table(await introspect(db.url), 'dupes'), 'dupes_v_key').valid).toBe(true);
});

test('an index on a partitioned table and its partitions’ attached indexes', async () => {
  await db.exec(`
    create table parted (id int, at date) partition by range (at);
    create table parted_2024 partition of parted for values from ('2024-01-01') to ('2025-01-01');
    create index parted_at on parted (at);
  `);
  const model = await introspect(db.url);
  expect(index(table(model, 'parted'), 'parted_at').definition).toBe('CREATE INDEX parted_at ON ONLY public.parted USING btree (at)');
  expect(index(table(model, 'parted_2024'), 'parted_2024_at_idx')).toMatchObject({
    keys: [col('at')],
    valid: true,
    definition: 'CREATE INDEX parted_2024_at_idx ON public.parted_2024 USING btree (at)',
  });
});

test('UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+)', async () => {
  if (major < 15) {
    await expect(db.exec(`create unique index nnd_idx on people (a) nulls not distinct`)).rejects.toThrow(/syntax error/);
    expect(table(await introspect(db.url), 'people').indexes.every((i) => !i.nullsNotDistinct)).toBe(true);
    return;
  }
  await db.exec(`
    create table nnd (a int, b int);
    create unique index nnd_a on nnd (a) nulls not distinct;
    create unique index nnd_b on nnd (b);
  `);
  const t = table(await introspect(db.url), 'nnd');
  expect(index(t, 'nnd_a').nullsNotDistinct).toBe(true);
  expect(index(t, 'nnd_a').definition).toBe('CREATE UNIQUE INDEX nnd_a ON public.nnd USING btree (a) NULLS NOT DISTINCT');
  expect(index(t, 'nnd_b').nullsNotDistinct).toBe(false);
});

test('an index comment (the spec\'s description: the query it serves)', async () => {
  await db.exec(`create table commented (a int, b int);
    create index commented_a_b_idx on commented (a, b);
    comment on index commented_a_b_idx is 'WHERE a = $1 ORDER BY b';`);
  const t = table(await introspect(db.url), 'commented');
  expect(index(t, 'commented_a_b_idx').comment).toBe('WHERE a = $1 ORDER BY b');
});
