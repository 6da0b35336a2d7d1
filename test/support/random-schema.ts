/**
 * A seeded random generator of schema PAIRS, for property tests of generated
 * migrations: `a` is a random schema, `b` is `a` after a few random
 * mutations, both as SQL scripts that build the schema in an empty database.
 *
 * How it works: a small in-memory description of the schema (tables with
 * columns, keys, checks, foreign keys and indexes; enums) is generated, then
 * rendered to SQL as `a`; a deep copy is mutated and rendered as `b`. SQL is
 * never edited as text. Everything random comes from one mulberry32 stream
 * seeded by `seed`, so the same seed (and options) always gives the same
 * pair: print `seed` and `mutations` when a property fails, and replay it with
 * `generateSchemaPair(seed)`.
 *
 * Guarantees, for the property test that uses it:
 * - both scripts load into an empty database (schema `public` exists) on
 *   PostgreSQL 14–18, with `psql -v ON_ERROR_STOP=1` or as one multi-statement
 *   query; every statement ends with `;` and a newline, and no string literal
 *   holds a `;`; no script inserts rows;
 * - every name is quoted as PostgreSQL needs (via src/model/identifiers.ts);
 *   some names are mixed case, reserved words, hold spaces, a double quote or
 *   non-ASCII letters; every name is at most 48 bytes (never truncated);
 * - each mutation changes objects no other mutation of the same pair touches
 *   (mutations never cancel each other out), so `b` really differs from `a`
 *   and each mutation line can be matched with the findings it causes;
 * - only mutations a migration tool can carry out without a human decision
 *   (see {@link MUTATION_KINDS}); {@link HARD_MUTATIONS} lists those left out.
 */
import type { FindingObject } from '../../src/findings/finding.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../../src/model/identifiers.js';

// ---------------------------------------------------------------- public API

/** How big schema A is: `small` 2–3 tables and 1–3 mutations, `medium` 2–6 tables and 1–6 mutations. */
export type SchemaSize = 'small' | 'medium';

export interface SchemaPairOptions {
  /**
   * The server major the scripts are for (default 14: features every
   * supported major has). 15+ adds UNIQUE NULLS NOT DISTINCT.
   */
  readonly major?: number;
  /** Default `medium`. */
  readonly size?: SchemaSize;
  /**
   * Also views, functions, triggers, sequences and domains, in a schema of
   * their own (`objects`) over a table no mutation touches: added, dropped
   * or changed between A and B (see {@link generateObjects}). Off by
   * default: `steps` do not describe these changes.
   */
  readonly objects?: boolean;
}

export interface SchemaPair {
  readonly seed: number;
  /** SQL building schema A in an empty database. */
  readonly a: string;
  /** SQL building schema B (A after `mutations`) in an empty database. */
  readonly b: string;
  /** One line per mutation from A to B, `kind: what`, e.g. `widen_varchar: public.leads.email varchar(40) -> varchar(255)`. */
  readonly mutations: string[];
}

/**
 * The mutations the generator makes from A to B. Each can be carried out on
 * a live database without a human decision (on an empty table at least):
 * nothing is narrowed, no type changes family, no data must be invented.
 */
export const MUTATION_KINDS = [
  'add_table', // possibly with foreign keys to existing tables
  'drop_table', // and the foreign keys of other tables that reference it
  'add_column', // nullable, no default
  'add_column_not_null_default', // NOT NULL with a constant default
  'add_column_default', // nullable, with a default (constant or function)
  'add_column_identity', // GENERATED ALWAYS / BY DEFAULT AS IDENTITY
  'add_column_generated', // GENERATED ALWAYS AS (...) STORED
  'add_column_check', // with a check constraint over it
  'add_column_fk', // with a foreign key to a single-column key
  'drop_column', // and the indexes, constraints, generated columns that use it
  'widen_varchar', // varchar(n) -> varchar(m > n)
  'varchar_to_text', // varchar(n) -> text
  'widen_numeric', // numeric(p,s) -> numeric(p+k,s)
  'change_default',
  'add_default',
  'drop_default',
  'drop_not_null',
  'set_not_null',
  'change_identity', // ALWAYS <-> BY DEFAULT
  'add_index',
  'drop_index',
  'change_index', // same name: other columns, a WHERE added or removed, unique or not
  'add_check',
  'drop_check',
  'change_check', // same name, other expression
  'add_foreign_key',
  'drop_foreign_key', // a foreign key alone
  'change_fk_on_delete', // same name, other ON DELETE action
  'add_unique',
  'drop_unique', // and the foreign keys that reference it
  'add_enum',
  'add_enum_value', // at the end
  'add_enum_value_before', // BEFORE an existing value
  'drop_enum', // an enum no column uses
] as const;

/** One of {@link MUTATION_KINDS}. */
export type MutationKind = (typeof MUTATION_KINDS)[number];

/**
 * Out of scope: schema changes that no tool should make without a person
 * deciding how, so the generator never produces them. Listed so a test can
 * assert they never appear in `mutations`.
 */
export const HARD_MUTATIONS = [
  // varchar(m) -> varchar(n < m), text -> varchar(n), numeric(p,s) -> numeric(p-k,s) or a smaller
  // scale: existing values may not fit; someone must say whether to truncate, round or refuse.
  'narrow_type',
  // integer -> text, text -> uuid, timestamp -> date, scalar <-> array ...: needs a USING
  // expression, whose meaning only a person knows.
  'change_type_family',
  // another GENERATED ALWAYS AS expression: every row's stored value changes meaning.
  'change_generated_expression',
  // PostgreSQL cannot drop an enum label: the type must be rebuilt and rows using the
  // label mapped to another one (which one is a decision).
  'remove_enum_value',
  // labels in another order: a rebuild of the type, and the sort order of existing data changes.
  'reorder_enum_values',
  // partitioned <-> plain, another partition key or bound: rows must move between tables.
  'change_partitioning',
  // the diff never guesses renames (a renamed column is one missing and one unexpected column);
  // migrating it as drop + add loses the data, so a rename must be declared by a person.
  'rename_table',
  'rename_column',
] as const;

/** One mutation, with the objects whose findings it explains. */
export interface MutationStep {
  readonly kind: MutationKind;
  /** The line in `mutations`: `kind: what`. */
  readonly text: string;
  /**
   * The objects the mutation changes (the first is the one named by the
   * kind; then what it took along: cascaded indexes, constraints, columns).
   * Every finding of `diffSchemas(B, A)` caused by this mutation is about
   * one of these objects or something inside one (an enum's value).
   */
  readonly targets: readonly FindingObject[];
}

/** The pair plus the structured mutations (for tests that match findings with mutations). */
export interface DetailedSchemaPair extends SchemaPair {
  readonly steps: readonly MutationStep[];
}

/** A random pair of schemas: A, and B = A after 1–6 random mutations. Deterministic in `seed` and `options`. */
export function generateSchemaPair(seed: number, options: SchemaPairOptions = {}): SchemaPair {
  const { a, b, mutations } = generateSchemaPairDetailed(seed, options);
  return { seed, a, b, mutations };
}

/** {@link generateSchemaPair}, with the mutations' target objects. */
export function generateSchemaPairDetailed(seed: number, options: SchemaPairOptions = {}): DetailedSchemaPair {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const ctx: Ctx = {
    rng: new Rng(seed),
    names: new Names(),
    major: options.major ?? 14,
    size: options.size ?? 'medium',
  };
  const modelA = generateSchema(ctx);
  const a = renderSchema(modelA, `schema A of seed ${seed}`);
  const modelB = structuredClone(modelA);
  const steps = mutateSchema(ctx, modelB);
  const b = renderSchema(modelB, `schema B of seed ${seed}: A after ${steps.length} mutation(s)`);
  if (options.objects) {
    const objects = generateObjects(seed);
    return { seed, a: a + objects.a, b: b + objects.b, mutations: [...steps.map((s) => s.text), ...objects.mutations], steps };
  }
  return { seed, a, b, mutations: steps.map((s) => s.text), steps };
}

// ---------------------------------------------------------------- randomness

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; plenty for test data. */
class Rng {
  private state: number;

  constructor(seed: number) {
    // Fold the high bits in, so seeds past 2^32 differ too.
    this.state = (seed ^ Math.floor(seed / 2 ** 32)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** An item, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of entries) {
      r -= w;
      if (r < 0) return item;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `n` distinct items in random order (fewer when the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

// ---------------------------------------------------------------- names

/** Longest name the generator makes, in UTF-8 bytes: well under PostgreSQL's 63, so nothing is truncated. */
const MAX_NAME_BYTES = 48;

/**
 * Every name ever handed out, per namespace; a name is never reused, not even
 * after its object was dropped (so a mutation never re-creates an object A
 * had under another shape).
 */
class Names {
  private readonly used = new Map<string, Set<string>>();

  /** `base` (shortened to fit), or `base_2`, `base_3`, ... when taken in `namespace`. */
  fresh(namespace: string, base: string): string {
    let set = this.used.get(namespace);
    if (!set) this.used.set(namespace, (set = new Set()));
    let stem = truncateBytes(base, MAX_NAME_BYTES - 4);
    // Identity sequences are named <table>_<column>_seq; never collide with one.
    if (stem.endsWith('_seq')) stem += 'x';
    let name = stem;
    for (let i = 2; set.has(name); i++) name = `${stem}_${i}`;
    set.add(name);
    return name;
  }
}

function truncateBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/** Relations, types and constraints share one namespace per schema (a superset of what PostgreSQL requires). */
const relNs = (schema: string): string => `rel\u0000${schema}`;
const colNs = (t: TableDef): string => `col\u0000${t.schema}\u0000${t.name}`;
const labelNs = (e: EnumDef): string => `label\u0000${e.schema}\u0000${e.name}`;

const PLAIN_SCHEMAS = ['billing', 'reporting', 'crm'];
const QUOTED_SCHEMAS = ['Sales Ops', 'Ärzte'];
const PLAIN_TABLES = [
  'accounts', 'leads', 'campaigns', 'invoices', 'events', 'notes', 'contacts', 'payments',
  'teams', 'projects', 'tasks', 'messages', 'products', 'regions', 'tickets', 'visits',
];
const QUOTED_TABLES = ['LeadNotes', 'order', 'user', 'select', 'lead notes', 'a"b', 'café', 'Größe', '顧客', 'Order Items'];
const PLAIN_COLUMNS = [
  'name', 'email', 'title', 'score', 'amount', 'status', 'note', 'created_at', 'updated_at', 'due_on',
  'price', 'qty', 'payload', 'labels', 'data', 'flag', 'active', 'code', 'label', 'ref_no', 'weight',
  'starts_at', 'body', 'kind', 'level', 'rating',
];
const QUOTED_COLUMNS = ['Order', 'user', 'select', 'group', 'due date', 'lead notes', 'x"y', 'naïve', 'Größe', 'CamelCase', 'from', '名前'];
const PLAIN_ENUMS = ['mood', 'lead_status', 'priority', 'channel', 'stage'];
const QUOTED_ENUMS = ['Channel Kind', 'order', 'état'];
const ENUM_LABELS = ['new', 'open', 'closed', 'archived', 'low', 'high', "it's", 'café', 'with space', 'UPPER', 'a"b', 'ünïcode'];

/** A fresh name from the plain pool, or (with probability `quoted`) from the pool of names that need quoting. */
function pickName(ctx: Ctx, namespace: string, plain: readonly string[], quotedPool: readonly string[], quoted = 0.2): string {
  return ctx.names.fresh(namespace, ctx.rng.pick(ctx.rng.chance(quoted) ? quotedPool : plain));
}

/** `<part>_<part>_<suffix>` with each part shortened, fresh in the schema's namespace. */
function derivedName(ctx: Ctx, schema: string, parts: readonly string[], suffix: string): string {
  return ctx.names.fresh(relNs(schema), [...parts.map((p) => truncateBytes(p, 14)), suffix].join('_'));
}

// ---------------------------------------------------------------- the description

type ScalarKind =
  | 'integer' | 'bigint' | 'smallint' | 'text' | 'boolean' | 'timestamptz' | 'timestamp'
  | 'date' | 'uuid' | 'jsonb' | 'bytea' | 'text[]' | 'double precision';

type ColumnType =
  | { readonly kind: ScalarKind }
  | { readonly kind: 'varchar'; readonly length: number }
  | { readonly kind: 'numeric'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'enum'; readonly schema: string; readonly name: string; readonly array: boolean };

/** SQL text over some columns of one table (already quoted), and the columns it uses. */
interface Expr {
  sql: string;
  columns: string[];
}

interface ColumnDef {
  name: string;
  type: ColumnType;
  notNull: boolean;
  default: string | null;
  identity: 'always' | 'by_default' | null;
  generated: Expr | null;
}

interface PrimaryKeyDef {
  name: string;
  columns: string[];
}

interface UniqueDef {
  name: string;
  columns: string[];
  nullsNotDistinct: boolean;
}

interface CheckDef {
  name: string;
  expr: Expr;
}

type FkAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';
const FK_ACTIONS: readonly FkAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

interface ForeignKeyDef {
  name: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
  onDelete: FkAction;
  onUpdate: FkAction;
}

interface IndexKeyDef {
  /** A column, or else `expr`. */
  column: string | null;
  expr: Expr | null;
  desc: boolean;
  /** Explicit NULLS FIRST / LAST, or the default for the order. */
  nulls: 'first' | 'last' | null;
  opclass: string | null;
}

interface IndexDef {
  name: string;
  method: 'btree' | 'gin';
  unique: boolean;
  keys: IndexKeyDef[];
  include: string[];
  where: Expr | null;
  nullsNotDistinct: boolean;
}

interface TableDef {
  schema: string;
  name: string;
  columns: ColumnDef[];
  primaryKey: PrimaryKeyDef | null;
  uniques: UniqueDef[];
  checks: CheckDef[];
  foreignKeys: ForeignKeyDef[];
  indexes: IndexDef[];
}

interface EnumDef {
  schema: string;
  name: string;
  values: string[];
}

interface SchemaDef {
  /** Schemas to create (`public` exists already). */
  schemas: string[];
  enums: EnumDef[];
  tables: TableDef[];
}

interface Ctx {
  readonly rng: Rng;
  readonly names: Names;
  readonly major: number;
  readonly size: SchemaSize;
}

// ---------------------------------------------------------------- types, defaults, expressions

const INTEGER_KINDS: ReadonlySet<string> = new Set(['integer', 'bigint', 'smallint']);
/** Types with a btree operator class: usable in keys, unique constraints, plain indexes. */
const BTREE_KINDS: ReadonlySet<string> = new Set([
  'integer', 'bigint', 'smallint', 'numeric', 'double precision', 'text', 'varchar', 'boolean',
  'timestamptz', 'timestamp', 'date', 'uuid',
]);
const NUMBER_KINDS: ReadonlySet<string> = new Set(['integer', 'bigint', 'smallint', 'numeric', 'double precision']);
const TEXT_KINDS: ReadonlySet<string> = new Set(['text', 'varchar']);

function isBtree(type: ColumnType): boolean {
  return BTREE_KINDS.has(type.kind) || (type.kind === 'enum' && !type.array);
}

function typeSql(type: ColumnType): string {
  switch (type.kind) {
    case 'varchar':
      return `varchar(${type.length})`;
    case 'numeric':
      return `numeric(${type.precision},${type.scale})`;
    case 'enum':
      return qualifiedName(type.schema, type.name) + (type.array ? '[]' : '');
    default:
      return type.kind;
  }
}

/** Types that can be compared by a foreign key: the same family (integers, text, numeric), else the same type. */
function fkFamily(type: ColumnType): string {
  if (INTEGER_KINDS.has(type.kind)) return 'int';
  if (TEXT_KINDS.has(type.kind)) return 'text';
  if (type.kind === 'numeric') return 'numeric';
  return typeSql(type);
}

function randomType(ctx: Ctx, model: SchemaDef): ColumnType {
  const { rng } = ctx;
  const enums = model.enums;
  const kind = rng.weighted<ScalarKind | 'varchar' | 'numeric' | 'enum' | 'enum[]'>([
    ['integer', 3], ['bigint', 2], ['smallint', 1], ['text', 3], ['varchar', 3], ['numeric', 2],
    ['boolean', 2], ['timestamptz', 2], ['timestamp', 1], ['date', 1], ['uuid', 1], ['jsonb', 2],
    ['bytea', 1], ['text[]', 1], ['double precision', 1], ['enum', enums.length ? 2 : 0], ['enum[]', enums.length ? 1 : 0],
  ]);
  switch (kind) {
    case 'varchar':
      return { kind, length: rng.pick([10, 20, 40, 80, 255]) };
    case 'numeric': {
      const scale = rng.pick([0, 2, 4]);
      return { kind, precision: scale + rng.pick([4, 8, 10, 14]), scale };
    }
    case 'enum':
    case 'enum[]': {
      const e = rng.pick(enums);
      return { kind: 'enum', schema: e.schema, name: e.name, array: kind === 'enum[]' };
    }
    default:
      return { kind };
  }
}

function findEnum(model: SchemaDef, schema: string, name: string): EnumDef {
  const e = model.enums.find((x) => x.schema === schema && x.name === name);
  if (!e) throw new Error(`enum ${schema}.${name} not in the description`);
  return e;
}

/** Candidate defaults of a type (SQL); `constant` leaves out now(), CURRENT_DATE, gen_random_uuid() and the like. */
function defaultCandidates(ctx: Ctx, model: SchemaDef, type: ColumnType, constant: boolean): string[] {
  const volatile = (xs: string[]): string[] => (constant ? [] : xs);
  switch (type.kind) {
    case 'integer':
    case 'bigint':
    case 'smallint':
      return ['0', '1', '42'];
    case 'numeric':
      return ['0', '1', '10'];
    case 'double precision':
      return ['0', '1.5', '100'];
    case 'text':
    case 'varchar':
      return [quoteLiteral(''), quoteLiteral('n/a'), quoteLiteral("it's"), quoteLiteral('café')];
    case 'boolean':
      return ['true', 'false'];
    case 'timestamptz':
      return [quoteLiteral('2000-01-01 00:00:00+00'), ...volatile(['now()', 'CURRENT_TIMESTAMP'])];
    case 'timestamp':
      return [quoteLiteral('2000-01-01 00:00:00'), ...volatile(['LOCALTIMESTAMP'])];
    case 'date':
      return [quoteLiteral('2000-01-01'), ...volatile(['CURRENT_DATE'])];
    case 'uuid':
      // gen_random_uuid() is core since PostgreSQL 13.
      return [quoteLiteral('00000000-0000-0000-0000-000000000000'), ...volatile(ctx.major >= 13 ? ['gen_random_uuid()'] : [])];
    case 'jsonb':
      return [`${quoteLiteral('{}')}::jsonb`, `${quoteLiteral('[]')}::jsonb`];
    case 'bytea':
      return [`${quoteLiteral('')}::bytea`, `${quoteLiteral('\\x00ff')}::bytea`];
    case 'text[]':
      return [`${quoteLiteral('{}')}::text[]`, `ARRAY[${quoteLiteral('a')}, ${quoteLiteral('b')}]`];
    case 'enum': {
      const e = findEnum(model, type.schema, type.name);
      const t = qualifiedName(type.schema, type.name);
      if (type.array) return [`${quoteLiteral('{}')}::${t}[]`, `ARRAY[${quoteLiteral(e.values[0] ?? '')}::${t}]`];
      return e.values.slice(0, 2).map((v) => `${quoteLiteral(v)}::${t}`);
    }
  }
}

/** Check expressions over one column (or two of a comparable type). */
function checkCandidates(model: SchemaDef, t: TableDef, c: ColumnDef): Expr[] {
  const q = quoteIdent(c.name);
  const one = (...sqls: string[]): Expr[] => sqls.map((sql) => ({ sql, columns: [c.name] }));
  const type = c.type;
  const out: Expr[] = [];
  if (NUMBER_KINDS.has(type.kind)) out.push(...one(`${q} >= 0`, `${q} > 0`, `${q} BETWEEN 0 AND 1000`, `${q} <> 13`));
  else if (TEXT_KINDS.has(type.kind)) {
    out.push(...one(`length(${q}) > 0`, `${q} <> ${quoteLiteral('')}`, `length(${q}) <= 200`, `${q} <> ${quoteLiteral('n/a')}`));
  } else if (type.kind === 'date' || type.kind === 'timestamp') {
    out.push(...one(`${q} >= ${quoteLiteral('2000-01-01')}`, `${q} < ${quoteLiteral('2100-01-01')}`));
  } else if (type.kind === 'timestamptz') {
    // With the offset, the stored constant does not depend on the session's TimeZone.
    out.push(...one(`${q} >= ${quoteLiteral('2000-01-01 00:00:00+00')}`, `${q} < ${quoteLiteral('2100-01-01 00:00:00+00')}`));
  } else if (type.kind === 'boolean') out.push(...one(`${q} IS NOT NULL`, `${q} IS NOT FALSE`));
  else if (type.kind === 'jsonb') out.push(...one(`jsonb_typeof(${q}) = ${quoteLiteral('object')}`, `${q} <> ${quoteLiteral('null')}::jsonb`));
  else if (type.kind === 'bytea') out.push(...one(`octet_length(${q}) < 1024`, `octet_length(${q}) > 0`));
  else if (type.kind === 'text[]') out.push(...one(`cardinality(${q}) <= 10`, `array_position(${q}, NULL) IS NULL`));
  else if (type.kind === 'uuid') out.push(...one(`${q} <> ${quoteLiteral('00000000-0000-0000-0000-000000000000')}`, `${q} IS NOT NULL`));
  else if (type.kind === 'enum' && type.array) out.push(...one(`cardinality(${q}) < 5`, `${q} IS NOT NULL`));
  else if (type.kind === 'enum') {
    const first = findEnum(model, type.schema, type.name).values[0] ?? '';
    out.push(...one(`${q} <> ${quoteLiteral(first)}::${qualifiedName(type.schema, type.name)}`, `${q} IS NOT NULL`));
  }
  // Two columns of the same comparable kind: c <= other.
  const family = (x: ColumnType): string | null =>
    NUMBER_KINDS.has(x.kind) ? 'number' : ['date', 'timestamp', 'timestamptz'].includes(x.kind) ? x.kind : null;
  const f = family(type);
  if (f !== null) {
    for (const other of t.columns) {
      if (other.name !== c.name && other.generated === null && family(other.type) === f) {
        out.push({ sql: `${q} <= ${quoteIdent(other.name)}`, columns: [c.name, other.name] });
        break;
      }
    }
  }
  return out;
}

/** Partial-index predicates over a column. */
function predicateCandidates(c: ColumnDef): Expr[] {
  const q = quoteIdent(c.name);
  const out = [`${q} IS NOT NULL`];
  if (c.type.kind === 'boolean') out.push(q, `NOT ${q}`);
  if (NUMBER_KINDS.has(c.type.kind)) out.push(`${q} > 0`);
  if (TEXT_KINDS.has(c.type.kind)) out.push(`${q} <> ${quoteLiteral('')}`);
  return out.map((sql) => ({ sql, columns: [c.name] }));
}

/** Columns an index uses anywhere: keys, expressions, INCLUDE, WHERE. */
function indexColumns(i: IndexDef): string[] {
  return [
    ...i.keys.flatMap((k) => (k.column !== null ? [k.column] : (k.expr?.columns ?? []))),
    ...i.include,
    ...(i.where?.columns ?? []),
  ];
}

/** Is the column used by an expression (check, index expression or predicate, generated column)? Casts in printed expressions depend on its type. */
function usedInExpression(t: TableDef, column: string): boolean {
  return (
    t.checks.some((k) => k.expr.columns.includes(column)) ||
    t.columns.some((c) => c.generated?.columns.includes(column)) ||
    t.indexes.some((i) => i.where?.columns.includes(column) || i.keys.some((k) => k.expr?.columns.includes(column)))
  );
}

/** A plain column: no identity, not generated. */
const isPlain = (c: ColumnDef): boolean => c.identity === null && c.generated === null;

// ---------------------------------------------------------------- schema A

function generateSchema(ctx: Ctx): SchemaDef {
  const { rng } = ctx;
  const model: SchemaDef = { schemas: [], enums: [], tables: [] };
  const schemas = ['public'];
  if (rng.chance(0.5)) {
    const s = pickName(ctx, 'schemas', PLAIN_SCHEMAS, QUOTED_SCHEMAS, 0.4);
    model.schemas.push(s);
    schemas.push(s);
  }
  const schemaFor = (): string => (schemas.length > 1 && rng.chance(0.35) ? (schemas[1] as string) : 'public');

  for (let n = rng.int(1, 2); n > 0; n--) model.enums.push(newEnum(ctx, schemaFor()));

  const tableCount = ctx.size === 'small' ? rng.int(2, 3) : rng.int(2, 6);
  for (let n = 0; n < tableCount; n++) model.tables.push(newTableSkeleton(ctx, model, schemaFor()));
  for (const t of model.tables) if (rng.chance(0.4)) addUnique(ctx, t);
  // References after every table exists: any table (itself included) may be referenced.
  for (const t of model.tables) {
    for (let n = rng.int(0, 2); n > 0; n--) addReference(ctx, model, t, rng.chance(0.7));
  }
  for (const t of model.tables) for (let n = rng.int(0, 2); n > 0; n--) addCheck(ctx, model, t);
  const maxIndexes = ctx.size === 'small' ? 1 : 3;
  for (const t of model.tables) {
    for (let n = rng.int(0, maxIndexes); n > 0; n--) {
      const i = newIndex(ctx, t);
      if (i) t.indexes.push(i);
    }
  }
  return model;
}

function newEnum(ctx: Ctx, schema: string): EnumDef {
  const e: EnumDef = { schema, name: pickName(ctx, relNs(schema), PLAIN_ENUMS, QUOTED_ENUMS), values: [] };
  for (const label of ctx.rng.sample(ENUM_LABELS, ctx.rng.int(2, 4))) e.values.push(ctx.names.fresh(labelNs(e), label));
  return e;
}

function newColumn(ctx: Ctx, t: TableDef, type: ColumnType, base?: string): ColumnDef {
  const name = base !== undefined ? ctx.names.fresh(colNs(t), base) : pickName(ctx, colNs(t), PLAIN_COLUMNS, QUOTED_COLUMNS);
  return { name, type, notNull: false, default: null, identity: null, generated: null };
}

/** A table with its primary key, plain columns and maybe generated columns (no constraints between tables yet). */
function newTableSkeleton(ctx: Ctx, model: SchemaDef, schema: string): TableDef {
  const { rng } = ctx;
  const t: TableDef = {
    schema,
    name: pickName(ctx, relNs(schema), PLAIN_TABLES, QUOTED_TABLES),
    columns: [],
    primaryKey: null,
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [],
  };
  const identityColumn = (base: string): ColumnDef => ({
    ...newColumn(ctx, t, { kind: rng.weighted<ScalarKind>([['bigint', 5], ['integer', 4], ['smallint', 1]]) }, base),
    notNull: true,
    identity: rng.chance(0.6) ? 'always' : 'by_default',
  });
  const style = rng.weighted([['identity', 4], ['uuid', 2], ['composite', 2], ['natural', 1], ['none', 1]] as const);
  const pk: ColumnDef[] = [];
  if (style === 'identity') pk.push(identityColumn(rng.chance(0.1) ? 'ID' : 'id'));
  else if (style === 'uuid') {
    const id = { ...newColumn(ctx, t, { kind: 'uuid' }, 'id'), notNull: true };
    if (ctx.major >= 13 && rng.chance(0.8)) id.default = 'gen_random_uuid()';
    pk.push(id);
  } else if (style === 'composite') {
    pk.push({ ...newColumn(ctx, t, { kind: rng.pick(['integer', 'uuid'] as const) }, 'tenant_id'), notNull: true });
    pk.push(rng.chance(0.5) ? identityColumn('id') : { ...newColumn(ctx, t, { kind: 'integer' }, 'line_no'), notNull: true });
  } else if (style === 'natural') {
    pk.push({ ...newColumn(ctx, t, { kind: 'varchar', length: rng.pick([10, 20, 40]) }, 'code'), notNull: true });
  }
  t.columns.push(...pk);
  if (pk.length) t.primaryKey = { name: derivedName(ctx, schema, [t.name], 'pkey'), columns: pk.map((c) => c.name) };

  const plain = ctx.size === 'small' ? rng.int(2, 4) : rng.int(3, 8);
  for (let n = 0; n < plain; n++) {
    const c = newColumn(ctx, t, randomType(ctx, model));
    if (rng.chance(0.35)) c.default = rng.pick(defaultCandidates(ctx, model, c.type, false));
    c.notNull = rng.chance(0.3);
    t.columns.push(c);
  }
  if (rng.chance(0.5)) {
    const g = newGeneratedColumn(ctx, t);
    if (g) t.columns.push(g);
  }
  return t;
}

/** A stored generated column over one or two plain columns of `t`, or null when none fits. */
function newGeneratedColumn(ctx: Ctx, t: TableDef): ColumnDef | null {
  const { rng } = ctx;
  const options: { type: ColumnType; expr: Expr; base: string }[] = [];
  const plain = t.columns.filter(isPlain);
  for (const c of plain) {
    const q = quoteIdent(c.name);
    const of = (sql: string): Expr => ({ sql, columns: [c.name] });
    const base = `${truncateBytes(c.name, 14)}_gen`;
    if (c.type.kind === 'integer' || c.type.kind === 'smallint') options.push({ type: { kind: 'integer' }, expr: of(`${q} * 2`), base });
    if (c.type.kind === 'bigint') options.push({ type: { kind: 'bigint' }, expr: of(`${q} + 1`), base });
    if (c.type.kind === 'numeric') {
      options.push({ type: { kind: 'numeric', precision: c.type.precision + 2, scale: c.type.scale }, expr: of(`${q} * 2`), base });
    }
    if (c.type.kind === 'double precision') options.push({ type: { kind: 'double precision' }, expr: of(`${q} / 2`), base });
    if (TEXT_KINDS.has(c.type.kind)) {
      options.push({ type: { kind: 'text' }, expr: of(rng.chance(0.5) ? `lower(${q})` : `upper(${q})`), base });
    }
    if (c.type.kind === 'boolean') options.push({ type: { kind: 'boolean' }, expr: of(`NOT ${q}`), base });
    if (c.type.kind === 'date') options.push({ type: { kind: 'date' }, expr: of(`${q} + 1`), base });
  }
  const ints = plain.filter((c) => INTEGER_KINDS.has(c.type.kind));
  if (ints.length >= 2) {
    const [x, y] = rng.sample(ints, 2) as [ColumnDef, ColumnDef];
    options.push({
      type: { kind: 'bigint' },
      expr: { sql: `${quoteIdent(x.name)} + ${quoteIdent(y.name)}`, columns: [x.name, y.name] },
      base: 'total',
    });
  }
  if (options.length === 0) return null;
  const pick = rng.pick(options);
  return { ...newColumn(ctx, t, pick.type, pick.base), generated: pick.expr };
}

/** Column sets that are unique already (PK, unique constraints, plain unique indexes): a new one must differ. */
function uniqueSets(t: TableDef): Set<string> {
  const key = (cols: readonly string[]): string => [...cols].sort().join('\u0000');
  const out = new Set<string>();
  if (t.primaryKey) out.add(key(t.primaryKey.columns));
  for (const u of t.uniques) out.add(key(u.columns));
  for (const i of t.indexes) {
    if (i.unique && i.where === null && i.keys.every((k) => k.column !== null)) out.add(key(i.keys.map((k) => k.column as string)));
  }
  return out;
}

const sortedKey = (cols: readonly string[]): string => [...cols].sort().join('\u0000');

/** Columns a unique constraint or key may use. */
function keyableColumns(t: TableDef): ColumnDef[] {
  return t.columns.filter((c) => c.generated === null && isBtree(c.type));
}

/** Add a unique constraint over 1–2 columns of `t`; returns it, or null when no new column set fits. */
function addUnique(ctx: Ctx, t: TableDef, exclude: ReadonlySet<string> = new Set()): UniqueDef | null {
  const { rng } = ctx;
  const candidates = keyableColumns(t).filter((c) => !exclude.has(c.name));
  const taken = uniqueSets(t);
  for (let attempt = 0; attempt < 4 && candidates.length; attempt++) {
    const cols = rng.sample(candidates, rng.int(1, Math.min(2, candidates.length))).map((c) => c.name);
    if (taken.has(sortedKey(cols))) continue;
    const u: UniqueDef = {
      name: derivedName(ctx, t.schema, [t.name, cols[0] as string], 'key'),
      columns: cols,
      nullsNotDistinct: ctx.major >= 15 && rng.chance(0.25),
    };
    t.uniques.push(u);
    return u;
  }
  return null;
}

/** The keys a foreign key can reference: the primary key and unique constraints. */
function keysOf(t: TableDef): { name: string; columns: string[] }[] {
  return [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques];
}

function column(t: TableDef, name: string): ColumnDef {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`column ${name} not in ${t.schema}.${t.name}`);
  return c;
}

/** The type a referencing column gets: the referenced column's, without identity. */
function referencingType(ref: ColumnDef): ColumnType {
  return structuredClone(ref.type);
}

function randomActions(ctx: Ctx, nullable: boolean): { onDelete: FkAction; onUpdate: FkAction } {
  const { rng } = ctx;
  const allowed = FK_ACTIONS.filter((a) => nullable || a !== 'SET NULL');
  return {
    onDelete: rng.chance(0.3) ? 'NO ACTION' : rng.pick(allowed),
    onUpdate: rng.chance(0.7) ? 'NO ACTION' : rng.pick(allowed),
  };
}

/**
 * New columns in `t` matching a key of some table (maybe `t`), and with
 * `withFk` the foreign key over them. Returns the foreign key (or null).
 */
function addReference(ctx: Ctx, model: SchemaDef, t: TableDef, withFk: boolean): ForeignKeyDef | null {
  const { rng } = ctx;
  const targets = model.tables.flatMap((r) => keysOf(r).map((k) => ({ r, k })));
  if (targets.length === 0) return null;
  const { r, k } = rng.pick(targets);
  const nullable = rng.chance(0.5);
  const cols = k.columns.map((name) => ({
    ...newColumn(ctx, t, referencingType(column(r, name)), `${truncateBytes(r.name, 14)}_${name}`),
    notNull: !nullable,
  }));
  t.columns.push(...cols);
  if (!withFk) return null;
  const fk: ForeignKeyDef = {
    name: derivedName(ctx, t.schema, [t.name, (cols[0] as ColumnDef).name], 'fkey'),
    columns: cols.map((c) => c.name),
    refSchema: r.schema,
    refTable: r.name,
    refColumns: [...k.columns],
    ...randomActions(ctx, nullable),
  };
  t.foreignKeys.push(fk);
  return fk;
}

/** Add a check over a random column of `t`; returns it, or null. */
function addCheck(ctx: Ctx, model: SchemaDef, t: TableDef, only?: ColumnDef): CheckDef | null {
  const { rng } = ctx;
  const candidates = only ? [only] : t.columns.filter((c) => c.identity === null);
  const c = candidates.length ? rng.pick(candidates) : null;
  if (!c) return null;
  const exprs = checkCandidates(model, t, c).filter((e) => !only || e.columns.length === 1);
  if (exprs.length === 0) return null;
  const k: CheckDef = { name: derivedName(ctx, t.schema, [t.name, c.name], 'check'), expr: rng.pick(exprs) };
  t.checks.push(k);
  return k;
}

type IndexStyle = 'plain' | 'multi' | 'unique' | 'partial' | 'expression' | 'order' | 'include' | 'gin';

/** A new index on `t` (not added), or null when the table has nothing to index that way. */
function newIndex(ctx: Ctx, t: TableDef, style?: IndexStyle): IndexDef | null {
  const { rng } = ctx;
  const chosen =
    style ??
    rng.weighted<IndexStyle>([
      ['plain', 3], ['multi', 2], ['unique', 2], ['partial', 2], ['expression', 2], ['order', 2], ['include', 2], ['gin', 1],
    ]);
  const btree = t.columns.filter((c) => isBtree(c.type));
  const key = (c: ColumnDef, desc = false, nulls: 'first' | 'last' | null = null): IndexKeyDef => ({
    column: c.name, expr: null, desc, nulls, opclass: null,
  });
  const make = (keys: IndexKeyDef[], extra: Partial<IndexDef> = {}): IndexDef => {
    const first = keys[0]?.column ?? keys[0]?.expr?.columns[0] ?? 'expr';
    return {
      name: derivedName(ctx, t.schema, [t.name, first], 'idx'),
      method: 'btree', unique: false, keys, include: [], where: null, nullsNotDistinct: false, ...extra,
    };
  };
  switch (chosen) {
    case 'plain':
      return btree.length ? make([key(rng.pick(btree))]) : null;
    case 'multi':
      return btree.length >= 2 ? make(rng.sample(btree, rng.int(2, Math.min(3, btree.length))).map((c) => key(c))) : null;
    case 'unique': {
      const taken = uniqueSets(t);
      const cols = rng.sample(btree.filter((c) => c.generated === null), rng.int(1, 2));
      if (cols.length === 0 || taken.has(sortedKey(cols.map((c) => c.name)))) return null;
      return make(cols.map((c) => key(c)), { unique: true, nullsNotDistinct: ctx.major >= 15 && rng.chance(0.3) });
    }
    case 'partial': {
      if (!btree.length) return null;
      const where = rng.pick(predicateCandidates(rng.pick(t.columns)));
      return make([key(rng.pick(btree))], { where, unique: rng.chance(0.3) });
    }
    case 'expression': {
      const options: Expr[] = [];
      for (const c of t.columns) {
        const q = quoteIdent(c.name);
        if (TEXT_KINDS.has(c.type.kind)) options.push({ sql: `lower(${q})`, columns: [c.name] }, { sql: `upper(${q})`, columns: [c.name] });
        if (INTEGER_KINDS.has(c.type.kind) || c.type.kind === 'numeric') options.push({ sql: `abs(${q})`, columns: [c.name] });
      }
      if (!options.length) return null;
      return make([{ column: null, expr: rng.pick(options), desc: false, nulls: null, opclass: null }], { unique: rng.chance(0.25) });
    }
    case 'order': {
      if (!btree.length) return null;
      const cols = rng.sample(btree, rng.int(1, Math.min(2, btree.length)));
      return make(
        cols.map((c) => {
          const desc = rng.chance(0.6);
          return key(c, desc, rng.pick([desc ? 'last' : 'first', null] as const));
        }),
      );
    }
    case 'include': {
      if (!btree.length || t.columns.length < 2) return null;
      const k = rng.pick(btree);
      const include = rng.sample(t.columns.filter((c) => c.name !== k.name), rng.int(1, 2)).map((c) => c.name);
      return make([key(k)], { include, unique: rng.chance(0.3) && !uniqueSets(t).has(sortedKey([k.name])) });
    }
    case 'gin': {
      const cols = t.columns.filter((c) => c.type.kind === 'jsonb' || c.type.kind === 'text[]');
      if (!cols.length) return null;
      const c = rng.pick(cols);
      const opclass = c.type.kind === 'jsonb' && rng.chance(0.4) ? 'jsonb_path_ops' : null;
      return make([{ ...key(c), opclass }], { method: 'gin' });
    }
  }
}

// ---------------------------------------------------------------- rendering

function renderColumn(c: ColumnDef): string {
  let sql = `${quoteIdent(c.name)} ${typeSql(c.type)}`;
  if (c.identity) sql += ` GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
  if (c.generated) sql += ` GENERATED ALWAYS AS (${c.generated.sql}) STORED`;
  if (c.default !== null) sql += ` DEFAULT ${c.default}`;
  if (c.notNull && !c.identity) sql += ' NOT NULL';
  return sql;
}

const columnList = (cols: readonly string[]): string => cols.map(quoteIdent).join(', ');

function renderUnique(u: UniqueDef): string {
  return `CONSTRAINT ${quoteIdent(u.name)} UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${columnList(u.columns)})`;
}

function renderCheck(k: CheckDef): string {
  return `CONSTRAINT ${quoteIdent(k.name)} CHECK (${k.expr.sql})`;
}

function renderForeignKey(f: ForeignKeyDef): string {
  return (
    `CONSTRAINT ${quoteIdent(f.name)} FOREIGN KEY (${columnList(f.columns)}) ` +
    `REFERENCES ${qualifiedName(f.refSchema, f.refTable)} (${columnList(f.refColumns)}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`
  );
}

function renderIndex(t: TableDef, i: IndexDef): string {
  const keys = i.keys.map((k) => {
    let sql = k.column !== null ? quoteIdent(k.column) : `(${k.expr?.sql ?? ''})`;
    if (k.opclass) sql += ` ${k.opclass}`;
    if (k.desc) sql += ' DESC';
    if (k.nulls) sql += ` NULLS ${k.nulls === 'first' ? 'FIRST' : 'LAST'}`;
    return sql;
  });
  let sql = `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(i.name)} ON ${qualifiedName(t.schema, t.name)}`;
  if (i.method !== 'btree') sql += ` USING ${i.method}`;
  sql += ` (${keys.join(', ')})`;
  if (i.include.length) sql += ` INCLUDE (${columnList(i.include)})`;
  if (i.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (i.where) sql += ` WHERE (${i.where.sql})`;
  return `${sql};`;
}

/**
 * The description as SQL: schemas, enums, tables (with their keys, unique
 * constraints and checks), then every foreign key (so tables may reference
 * each other in any order), then indexes.
 */
function renderSchema(model: SchemaDef, title: string): string {
  const out = [`-- ${title} (test/support/random-schema.ts)`];
  for (const s of model.schemas) out.push(`CREATE SCHEMA ${quoteIdent(s)};`);
  for (const e of model.enums) {
    out.push(`CREATE TYPE ${qualifiedName(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')});`);
  }
  for (const t of model.tables) {
    const lines = [
      ...t.columns.map(renderColumn),
      ...(t.primaryKey ? [`CONSTRAINT ${quoteIdent(t.primaryKey.name)} PRIMARY KEY (${columnList(t.primaryKey.columns)})`] : []),
      ...t.uniques.map(renderUnique),
      ...t.checks.map(renderCheck),
    ];
    out.push(`CREATE TABLE ${qualifiedName(t.schema, t.name)} (\n    ${lines.join(',\n    ')}\n);`);
  }
  for (const t of model.tables) {
    for (const f of t.foreignKeys) out.push(`ALTER TABLE ${qualifiedName(t.schema, t.name)} ADD ${renderForeignKey(f)};`);
  }
  for (const t of model.tables) for (const i of t.indexes) out.push(renderIndex(t, i));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- mutations

/**
 * What earlier mutations of the pair touched, so that later ones leave it
 * alone: a table added or dropped as a whole, and members (columns,
 * constraints, indexes) changed, added or dropped; enums.
 */
class Touched {
  private readonly whole = new Set<string>();
  private readonly partly = new Set<string>();
  private readonly members = new Set<string>();
  private readonly enums = new Set<string>();
  private readonly added = new Set<string>();

  private static table(t: TableDef): string {
    return `${t.schema}\u0000${t.name}`;
  }

  private static member(t: TableDef, kind: MemberKind, name: string): string {
    return `${Touched.table(t)}\u0000${kind}\u0000${name}`;
  }

  /** May a mutation change this member (its table is not new or gone, and no earlier mutation touched it)? */
  memberFree(t: TableDef, kind: MemberKind, name: string): boolean {
    return !this.whole.has(Touched.table(t)) && !this.members.has(Touched.member(t, kind, name));
  }

  /** May a mutation add to this table? */
  tableOpen(t: TableDef): boolean {
    return !this.whole.has(Touched.table(t));
  }

  /** May a mutation drop this table (nothing in it touched)? */
  tableFree(t: TableDef): boolean {
    return !this.whole.has(Touched.table(t)) && !this.partly.has(Touched.table(t));
  }

  enumFree(e: EnumDef): boolean {
    return !this.enums.has(`${e.schema}\u0000${e.name}`);
  }

  markMember(t: TableDef, kind: MemberKind, name: string): void {
    this.members.add(Touched.member(t, kind, name));
    this.partly.add(Touched.table(t));
  }

  /** A column an earlier mutation added (to a table of A). */
  markAdded(t: TableDef, column: string): void {
    this.markMember(t, 'c', column);
    this.added.add(Touched.member(t, 'c', column));
  }

  /**
   * The diff reports a constraint over a missing column inside that column's
   * `missing_column` finding: a constraint added over columns an earlier
   * mutation added is explained by those columns too.
   */
  addedColumns(t: TableDef, columns: readonly string[]): FindingObject[] {
    return columns.filter((c) => this.added.has(Touched.member(t, 'c', c))).map((c) => columnTarget(t, c));
  }

  markTable(t: TableDef): void {
    this.whole.add(Touched.table(t));
  }

  markEnum(e: EnumDef): void {
    this.enums.add(`${e.schema}\u0000${e.name}`);
  }
}

/** c: column, k: constraint (primary key, unique, check, foreign key), i: index. */
type MemberKind = 'c' | 'k' | 'i';

/** One object a mutation removes along with its target. */
interface Removal {
  readonly table: TableDef;
  readonly kind: MemberKind;
  readonly name: string;
}

interface MutCtx extends Ctx {
  readonly model: SchemaDef;
  readonly touched: Touched;
}

type Mutator = (m: MutCtx) => MutationStep | null;

const tableName = (t: TableDef): string => qualifiedName(t.schema, t.name);
const memberName = (t: TableDef, name: string): string => `${tableName(t)}.${quoteIdent(name)}`;
const tableTarget = (t: TableDef): FindingObject => ({ schema: t.schema, table: t.name });
const columnTarget = (t: TableDef, c: string): FindingObject => ({ schema: t.schema, table: t.name, column: c });
const constraintTarget = (t: TableDef, k: string): FindingObject => ({ schema: t.schema, table: t.name, constraint: k });
const indexTarget = (t: TableDef, i: string): FindingObject => ({ schema: t.schema, table: t.name, index: i });

function removalTarget(r: Removal): FindingObject {
  if (r.kind === 'c') return columnTarget(r.table, r.name);
  if (r.kind === 'i') return indexTarget(r.table, r.name);
  return constraintTarget(r.table, r.name);
}

function removalText(r: Removal): string {
  const what = r.kind === 'c' ? 'column' : r.kind === 'i' ? 'index' : 'constraint';
  return `${what} ${memberName(r.table, r.name)}`;
}

function step(kind: MutationKind, what: string, targets: FindingObject[]): MutationStep {
  return { kind, text: `${kind}: ${what}`, targets };
}

function apply(removals: readonly Removal[]): void {
  for (const r of removals) {
    const t = r.table;
    if (r.kind === 'c') t.columns = t.columns.filter((c) => c.name !== r.name);
    else if (r.kind === 'i') t.indexes = t.indexes.filter((i) => i.name !== r.name);
    else {
      if (t.primaryKey?.name === r.name) t.primaryKey = null;
      t.uniques = t.uniques.filter((u) => u.name !== r.name);
      t.checks = t.checks.filter((k) => k.name !== r.name);
      t.foreignKeys = t.foreignKeys.filter((f) => f.name !== r.name);
    }
  }
}

/** Foreign keys (in any table) that reference columns of `t` for which `hit` holds. */
function referencingForeignKeys(model: SchemaDef, t: TableDef, hit: (refColumns: readonly string[]) => boolean): Removal[] {
  const out: Removal[] = [];
  for (const r of model.tables) {
    for (const f of r.foreignKeys) {
      if (f.refSchema === t.schema && f.refTable === t.name && hit(f.refColumns)) out.push({ table: r, kind: 'k', name: f.name });
    }
  }
  return out;
}

function dedupe(removals: readonly Removal[]): Removal[] {
  const seen = new Set<string>();
  return removals.filter((r) => {
    const key = `${r.table.schema}\u0000${r.table.name}\u0000${r.kind}\u0000${r.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Dropping `name` from `t` takes along: generated columns over it, and every index and constraint using any of these. */
function columnDropCascade(model: SchemaDef, t: TableDef, name: string): Removal[] {
  const cols = new Set([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of t.columns) {
      if (!cols.has(c.name) && c.generated?.columns.some((x) => cols.has(x))) {
        cols.add(c.name);
        grew = true;
      }
    }
  }
  const hit = (names: readonly string[]): boolean => names.some((n) => cols.has(n));
  const out: Removal[] = [...cols].map((c) => ({ table: t, kind: 'c' as const, name: c }));
  for (const i of t.indexes) if (hit(indexColumns(i))) out.push({ table: t, kind: 'i', name: i.name });
  if (t.primaryKey && hit(t.primaryKey.columns)) out.push({ table: t, kind: 'k', name: t.primaryKey.name });
  for (const u of t.uniques) if (hit(u.columns)) out.push({ table: t, kind: 'k', name: u.name });
  for (const k of t.checks) if (hit(k.expr.columns)) out.push({ table: t, kind: 'k', name: k.name });
  for (const f of t.foreignKeys) if (hit(f.columns)) out.push({ table: t, kind: 'k', name: f.name });
  out.push(...referencingForeignKeys(model, t, hit));
  return dedupe(out);
}

function allFree(m: MutCtx, removals: readonly Removal[]): boolean {
  return removals.every((r) => m.touched.memberFree(r.table, r.kind, r.name));
}

function markAll(m: MutCtx, removals: readonly Removal[]): void {
  for (const r of removals) m.touched.markMember(r.table, r.kind, r.name);
}

/** Tables a mutation may add to, in random order. */
function openTables(m: MutCtx): TableDef[] {
  return m.rng.shuffle(m.model.tables.filter((t) => m.touched.tableOpen(t)));
}

/** Free columns (table, column) satisfying `ok`, in random order. */
function freeColumns(m: MutCtx, ok: (c: ColumnDef, t: TableDef) => boolean): { t: TableDef; c: ColumnDef }[] {
  const out = m.model.tables.flatMap((t) => t.columns.filter((c) => m.touched.memberFree(t, 'c', c.name) && ok(c, t)).map((c) => ({ t, c })));
  return m.rng.shuffle(out);
}

const inPrimaryKey = (t: TableDef, c: ColumnDef): boolean => t.primaryKey?.columns.includes(c.name) ?? false;

function describeColumn(c: ColumnDef): string {
  return renderColumn(c).slice(quoteIdent(c.name).length + 1);
}

/** A new column of `flavor`, for the add_column kinds. */
function addColumnMutator(kind: Extract<MutationKind, `add_column${string}`>): Mutator {
  return (m) => {
    const { rng } = m;
    for (const t of openTables(m)) {
      const type = (): ColumnType => randomType(m, m.model);
      let c: ColumnDef;
      let extra = '';
      const marks: [MemberKind, string][] = [];
      if (kind === 'add_column') c = newColumn(m, t, type());
      else if (kind === 'add_column_not_null_default') {
        c = newColumn(m, t, type());
        c.notNull = true;
        c.default = rng.pick(defaultCandidates(m, m.model, c.type, true));
      } else if (kind === 'add_column_default') {
        c = newColumn(m, t, type());
        c.default = rng.pick(defaultCandidates(m, m.model, c.type, false));
      } else if (kind === 'add_column_identity') {
        const type: ColumnType = { kind: rng.pick(['integer', 'bigint', 'smallint'] as const) };
        c = { ...newColumn(m, t, type), notNull: true, identity: rng.pick(['always', 'by_default'] as const) };
      } else if (kind === 'add_column_generated') {
        const g = newGeneratedColumn(m, t);
        if (!g) continue;
        c = g;
      } else if (kind === 'add_column_check') {
        c = newColumn(m, t, type());
        t.columns.push(c);
        const k = addCheck(m, m.model, t, c);
        t.columns.pop();
        if (!k) continue;
        marks.push(['k', k.name]);
        extra = `, with CONSTRAINT ${quoteIdent(k.name)} CHECK (${k.expr.sql})`;
      } else {
        // add_column_fk: a column typed like a single-column key of some table, and the foreign key.
        const targets = m.model.tables.flatMap((r) => keysOf(r).filter((k) => k.columns.length === 1).map((k) => ({ r, k })));
        if (!targets.length) return null;
        const { r, k } = rng.pick(targets);
        const refName = k.columns[0] as string;
        c = newColumn(m, t, referencingType(column(r, refName)), `${truncateBytes(r.name, 14)}_${refName}`);
        const fk: ForeignKeyDef = {
          name: derivedName(m, t.schema, [t.name, c.name], 'fkey'),
          columns: [c.name],
          refSchema: r.schema,
          refTable: r.name,
          refColumns: [refName],
          ...randomActions(m, true),
        };
        t.foreignKeys.push(fk);
        marks.push(['k', fk.name]);
        extra = `, with ${renderForeignKey(fk)}`;
      }
      t.columns.push(c);
      m.touched.markAdded(t, c.name);
      for (const [mk, name] of marks) m.touched.markMember(t, mk, name);
      return step(kind, `${memberName(t, c.name)} ${describeColumn(c)}${extra}`, [columnTarget(t, c.name)]);
    }
    return null;
  };
}

const addTable: Mutator = (m) => {
  const { rng, model } = m;
  const schemas = ['public', ...model.schemas];
  const t = newTableSkeleton(m, model, rng.pick(schemas));
  model.tables.push(t);
  if (rng.chance(0.4)) addUnique(m, t);
  // Foreign keys from the new table: to existing tables or itself (columns added for them).
  let fks = 0;
  for (let n = rng.int(0, 2); n > 0; n--) if (addReference(m, model, t, true)) fks++;
  if (rng.chance(0.5)) addCheck(m, model, t);
  for (let n = rng.int(0, 2); n > 0; n--) {
    const i = newIndex(m, t);
    if (i) t.indexes.push(i);
  }
  // Its foreign keys are in a touched table, so no later mutation can drop what they reference.
  m.touched.markTable(t);
  const pk = t.primaryKey ? 'primary key' : 'no primary key';
  const what = `${tableName(t)} (${t.columns.length} columns, ${pk}, ${fks} foreign key(s), ${t.indexes.length} index(es))`;
  return step('add_table', what, [tableTarget(t)]);
};

const dropTable: Mutator = (m) => {
  const { model } = m;
  if (model.tables.length < 2) return null;
  for (const t of m.rng.shuffle(model.tables.filter((x) => m.touched.tableFree(x)))) {
    const cascade = referencingForeignKeys(model, t, () => true).filter((r) => r.table !== t);
    if (!allFree(m, cascade)) continue;
    model.tables = model.tables.filter((x) => x !== t);
    apply(cascade);
    m.touched.markTable(t);
    markAll(m, cascade);
    const also = cascade.length ? ` (and ${cascade.map(removalText).join(', ')})` : '';
    return step('drop_table', `${tableName(t)}${also}`, [tableTarget(t), ...cascade.map(removalTarget)]);
  }
  return null;
};

const dropColumn: Mutator = (m) => {
  const candidates = freeColumns(m, (_c, t) => t.columns.length >= 2).map(({ t, c }) => ({ t, c, cascade: columnDropCascade(m.model, t, c.name) }));
  // Mostly a column nothing depends on; sometimes one whose dependents go too.
  const ordered = m.rng.chance(0.6) ? [...candidates.filter((x) => x.cascade.length === 1), ...candidates] : candidates;
  for (const { t, c, cascade } of ordered) {
    const columns = cascade.filter((r) => r.kind === 'c').length;
    if (columns >= t.columns.length || !allFree(m, cascade)) continue;
    apply(cascade);
    markAll(m, cascade);
    const rest = cascade.slice(1);
    const also = rest.length ? ` (and ${rest.map(removalText).join(', ')})` : '';
    return step('drop_column', `${memberName(t, c.name)} ${typeSql(c.type)}${also}`, cascade.map(removalTarget));
  }
  return null;
};

/** Change one free column; `change` returns the description, or null when this column does not qualify. */
function columnMutator(kind: MutationKind, ok: (c: ColumnDef, t: TableDef) => boolean, change: (c: ColumnDef, m: MutCtx) => string | null): Mutator {
  return (m) => {
    for (const { t, c } of freeColumns(m, ok)) {
      const what = change(c, m);
      if (what === null) continue;
      m.touched.markMember(t, 'c', c.name);
      return step(kind, `${memberName(t, c.name)} ${what}`, [columnTarget(t, c.name)]);
    }
    return null;
  };
}

const widenVarchar = columnMutator(
  'widen_varchar',
  (c) => c.type.kind === 'varchar' && c.generated === null,
  (c, m) => {
    if (c.type.kind !== 'varchar') return null;
    const from = c.type.length;
    const to = from + m.rng.pick([10, 50, 245]);
    c.type = { kind: 'varchar', length: to };
    return `varchar(${from}) -> varchar(${to})`;
  },
);

// varchar -> text only where the column's type shows in no printed text: a
// default ('x'::character varying) or an expression (lower((c)::text)) over a
// text column prints differently, which would add findings of other kinds.
const varcharToText = columnMutator(
  'varchar_to_text',
  (c, t) => c.type.kind === 'varchar' && c.generated === null && c.default === null && !usedInExpression(t, c.name),
  (c) => {
    const from = typeSql(c.type);
    c.type = { kind: 'text' };
    return `${from} -> text`;
  },
);

const widenNumeric = columnMutator(
  'widen_numeric',
  (c) => c.type.kind === 'numeric' && c.generated === null,
  (c, m) => {
    if (c.type.kind !== 'numeric') return null;
    const from = typeSql(c.type);
    c.type = { ...c.type, precision: c.type.precision + m.rng.int(1, 6) };
    return `${from} -> ${typeSql(c.type)}`;
  },
);

const changeDefault = columnMutator(
  'change_default',
  (c) => isPlain(c) && c.default !== null,
  (c, m) => {
    const others = defaultCandidates(m, m.model, c.type, false).filter((d) => d !== c.default);
    if (!others.length) return null;
    const from = c.default;
    c.default = m.rng.pick(others);
    return `DEFAULT ${from} -> DEFAULT ${c.default}`;
  },
);

const addDefault = columnMutator(
  'add_default',
  (c) => isPlain(c) && c.default === null,
  (c, m) => {
    c.default = m.rng.pick(defaultCandidates(m, m.model, c.type, false));
    return `DEFAULT ${c.default}`;
  },
);

const dropDefault = columnMutator(
  'drop_default',
  (c) => isPlain(c) && c.default !== null,
  (c) => {
    const from = c.default;
    c.default = null;
    return `(was DEFAULT ${from})`;
  },
);

const dropNotNull = columnMutator(
  'drop_not_null',
  (c, t) => isPlain(c) && c.notNull && !inPrimaryKey(t, c),
  (c) => {
    c.notNull = false;
    return 'NOT NULL -> nullable';
  },
);

const setNotNull = columnMutator(
  'set_not_null',
  (c, t) => isPlain(c) && !c.notNull && !inPrimaryKey(t, c),
  (c) => {
    c.notNull = true;
    return 'nullable -> NOT NULL';
  },
);

const changeIdentity = columnMutator(
  'change_identity',
  (c) => c.identity !== null,
  (c) => {
    const from = c.identity;
    c.identity = from === 'always' ? 'by_default' : 'always';
    const text = (x: ColumnDef['identity']): string => (x === 'always' ? 'GENERATED ALWAYS' : 'GENERATED BY DEFAULT');
    return `${text(from)} -> ${text(c.identity)} AS IDENTITY`;
  },
);

const addIndex: Mutator = (m) => {
  for (const t of openTables(m)) {
    const i = newIndex(m, t);
    if (!i) continue;
    t.indexes.push(i);
    m.touched.markMember(t, 'i', i.name);
    return step('add_index', renderIndex(t, i).replace(/;$/, ''), [indexTarget(t, i.name)]);
  }
  return null;
};

/** Free members of `kind` across the model, in random order. */
function freeMembers<T extends { name: string }>(m: MutCtx, kind: MemberKind, list: (t: TableDef) => readonly T[]): { t: TableDef; x: T }[] {
  return m.rng.shuffle(m.model.tables.flatMap((t) => list(t).filter((x) => m.touched.memberFree(t, kind, x.name)).map((x) => ({ t, x }))));
}

/** Drop one free member that nothing else depends on; `was` describes it. */
function dropMemberMutator<T extends { name: string }>(
  kind: MutationKind,
  memberKind: MemberKind,
  list: (t: TableDef) => readonly T[],
  was: (t: TableDef, x: T) => string,
): Mutator {
  return (m) => {
    const [pick] = freeMembers(m, memberKind, list);
    if (!pick) return null;
    const removal: Removal = { table: pick.t, kind: memberKind, name: pick.x.name };
    const what = `${memberName(pick.t, pick.x.name)} (was ${was(pick.t, pick.x)})`;
    apply([removal]);
    markAll(m, [removal]);
    return step(kind, what, [removalTarget(removal)]);
  };
}

const dropIndex = dropMemberMutator('drop_index', 'i', (t) => t.indexes, (t, x) => renderIndex(t, x).replace(/;$/, ''));
const dropCheck = dropMemberMutator('drop_check', 'k', (t) => t.checks, (_t, x) => `CHECK (${x.expr.sql})`);
const dropForeignKey = dropMemberMutator(
  'drop_foreign_key',
  'k',
  (t) => t.foreignKeys,
  (_t, x) => `FOREIGN KEY (${columnList(x.columns)}) REFERENCES ${qualifiedName(x.refSchema, x.refTable)}`,
);

const changeIndex: Mutator = (m) => {
  for (const { t, x } of freeMembers(m, 'i', (t) => t.indexes)) {
    const before = renderIndex(t, x).replace(/;$/, '');
    const variant = m.rng.pick(['columns', 'where', 'unique'] as const);
    if (variant === 'where') {
      if (x.where) x.where = null;
      else x.where = m.rng.pick(predicateCandidates(m.rng.pick(t.columns)));
    } else if (variant === 'unique') {
      if (x.method !== 'btree') continue;
      if (x.unique) {
        x.unique = false;
        x.nullsNotDistinct = false;
      } else {
        const plainKeys = x.where === null && x.keys.every((k) => k.column !== null);
        if (plainKeys && uniqueSets(t).has(sortedKey(x.keys.map((k) => k.column as string)))) continue;
        x.unique = true;
      }
    } else {
      // Other key columns, same method and name.
      const fresh = newIndex(m, t, x.method === 'gin' ? 'gin' : m.rng.pick(['plain', 'multi', 'order'] as const));
      if (!fresh || sameKeys(fresh.keys, x.keys)) continue;
      if (x.unique) {
        const plainKeys = x.where === null && fresh.keys.every((k) => k.column !== null);
        const others = uniqueSets({ ...t, indexes: t.indexes.filter((i) => i !== x) });
        if (plainKeys && others.has(sortedKey(fresh.keys.map((k) => k.column as string)))) continue;
      }
      x.keys = fresh.keys;
      x.include = x.include.filter((c) => !x.keys.some((k) => k.column === c));
    }
    m.touched.markMember(t, 'i', x.name);
    return step('change_index', `${memberName(t, x.name)}: ${before} -> ${renderIndex(t, x).replace(/;$/, '')}`, [indexTarget(t, x.name)]);
  }
  return null;
};

function sameKeys(a: readonly IndexKeyDef[], b: readonly IndexKeyDef[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const addCheckMutation: Mutator = (m) => {
  for (const t of openTables(m)) {
    const k = addCheck(m, m.model, t);
    if (!k) continue;
    m.touched.markMember(t, 'k', k.name);
    const targets = [constraintTarget(t, k.name), ...m.touched.addedColumns(t, k.expr.columns)];
    return step('add_check', `${memberName(t, k.name)} CHECK (${k.expr.sql})`, targets);
  }
  return null;
};

const changeCheck: Mutator = (m) => {
  for (const { t, x } of freeMembers(m, 'k', (t) => t.checks)) {
    const first = column(t, x.expr.columns[0] as string);
    const others = checkCandidates(m.model, t, first).filter((e) => e.sql !== x.expr.sql);
    if (!others.length) continue;
    const before = x.expr.sql;
    x.expr = m.rng.pick(others);
    m.touched.markMember(t, 'k', x.name);
    return step('change_check', `${memberName(t, x.name)} CHECK (${before}) -> CHECK (${x.expr.sql})`, [constraintTarget(t, x.name)]);
  }
  return null;
};

const addForeignKey: Mutator = (m) => {
  const { rng, model } = m;
  for (const t of openTables(m)) {
    for (const r of rng.shuffle(model.tables)) {
      for (const k of rng.shuffle(keysOf(r))) {
        // Distinct, non-generated, non-identity columns of t, one per key column, of a compatible type.
        const used = new Set<string>();
        const cols: ColumnDef[] = [];
        for (const name of k.columns) {
          const family = fkFamily(column(r, name).type);
          const options = t.columns.filter(
            (c) => isPlain(c) && !used.has(c.name) && fkFamily(c.type) === family && !(r === t && k.columns.includes(c.name)),
          );
          if (!options.length) break;
          const c = rng.pick(options);
          used.add(c.name);
          cols.push(c);
        }
        if (cols.length !== k.columns.length) continue;
        const names = cols.map((c) => c.name);
        const duplicate = t.foreignKeys.some((f) => f.refSchema === r.schema && f.refTable === r.name && sortedKey(f.columns) === sortedKey(names));
        if (duplicate) continue;
        const fk: ForeignKeyDef = {
          name: derivedName(m, t.schema, [t.name, names[0] as string], 'fkey'),
          columns: names,
          refSchema: r.schema,
          refTable: r.name,
          refColumns: [...k.columns],
          ...randomActions(m, cols.every((c) => !c.notNull)),
        };
        t.foreignKeys.push(fk);
        // Touched, so no later mutation drops what it references (the cascade would include it).
        m.touched.markMember(t, 'k', fk.name);
        const what = `${memberName(t, fk.name)} ${renderForeignKey(fk).replace(/^CONSTRAINT \S+ /, '')}`;
        return step('add_foreign_key', what, [constraintTarget(t, fk.name), ...m.touched.addedColumns(t, fk.columns)]);
      }
    }
  }
  return null;
};

const changeFkOnDelete: Mutator = (m) => {
  const [pick] = freeMembers(m, 'k', (t) => t.foreignKeys);
  if (!pick) return null;
  const { t, x } = pick;
  const nullable = x.columns.every((c) => !column(t, c).notNull);
  const before = x.onDelete;
  x.onDelete = m.rng.pick(FK_ACTIONS.filter((a) => a !== before && (nullable || a !== 'SET NULL')));
  m.touched.markMember(t, 'k', x.name);
  return step('change_fk_on_delete', `${memberName(t, x.name)} ON DELETE ${before} -> ON DELETE ${x.onDelete}`, [constraintTarget(t, x.name)]);
};

const addUniqueMutation: Mutator = (m) => {
  for (const t of openTables(m)) {
    const u = addUnique(m, t);
    if (!u) continue;
    m.touched.markMember(t, 'k', u.name);
    const what = `${memberName(t, u.name)} ${renderUnique(u).replace(/^CONSTRAINT \S+ /, '')}`;
    return step('add_unique', what, [constraintTarget(t, u.name), ...m.touched.addedColumns(t, u.columns)]);
  }
  return null;
};

const dropUnique: Mutator = (m) => {
  for (const { t, x } of freeMembers(m, 'k', (t) => t.uniques)) {
    const referencing = referencingForeignKeys(m.model, t, (cols) => sortedKey(cols) === sortedKey(x.columns));
    const cascade = dedupe([{ table: t, kind: 'k', name: x.name }, ...referencing]);
    if (!allFree(m, cascade)) continue;
    apply(cascade);
    markAll(m, cascade);
    const rest = cascade.slice(1);
    const also = rest.length ? ` (and ${rest.map(removalText).join(', ')})` : '';
    return step('drop_unique', `${memberName(t, x.name)} (was UNIQUE (${columnList(x.columns)}))${also}`, cascade.map(removalTarget));
  }
  return null;
};

const addEnum: Mutator = (m) => {
  const e = newEnum(m, m.rng.pick(['public', ...m.model.schemas]));
  m.model.enums.push(e);
  m.touched.markEnum(e);
  return step('add_enum', `${qualifiedName(e.schema, e.name)} (${e.values.map(quoteLiteral).join(', ')})`, [{ schema: e.schema, enum: e.name }]);
};

function addEnumValueMutator(kind: 'add_enum_value' | 'add_enum_value_before'): Mutator {
  return (m) => {
    const free = m.model.enums.filter((e) => m.touched.enumFree(e));
    if (!free.length) return null;
    const e = m.rng.pick(free);
    const label = m.names.fresh(labelNs(e), m.rng.pick(ENUM_LABELS));
    let what = `${qualifiedName(e.schema, e.name)} ADD VALUE ${quoteLiteral(label)}`;
    if (kind === 'add_enum_value') e.values.push(label);
    else {
      const at = m.rng.int(0, e.values.length - 1);
      what += ` BEFORE ${quoteLiteral(e.values[at] as string)}`;
      e.values.splice(at, 0, label);
    }
    m.touched.markEnum(e);
    return step(kind, what, [{ schema: e.schema, enum: e.name }]);
  };
}

const dropEnum: Mutator = (m) => {
  const usedBy = (e: EnumDef): boolean =>
    m.model.tables.some((t) => t.columns.some((c) => c.type.kind === 'enum' && c.type.schema === e.schema && c.type.name === e.name));
  const free = m.model.enums.filter((e) => m.touched.enumFree(e) && !usedBy(e));
  if (!free.length) return null;
  const e = m.rng.pick(free);
  m.model.enums = m.model.enums.filter((x) => x !== e);
  m.touched.markEnum(e);
  return step('drop_enum', `${qualifiedName(e.schema, e.name)} (was ${e.values.map(quoteLiteral).join(', ')})`, [{ schema: e.schema, enum: e.name }]);
};

/** Every mutation kind, its generator and how often it is tried. */
const MUTATORS: Readonly<Record<MutationKind, readonly [Mutator, number]>> = {
  add_table: [addTable, 2],
  drop_table: [dropTable, 2],
  add_column: [addColumnMutator('add_column'), 2],
  add_column_not_null_default: [addColumnMutator('add_column_not_null_default'), 2],
  add_column_default: [addColumnMutator('add_column_default'), 2],
  add_column_identity: [addColumnMutator('add_column_identity'), 1],
  add_column_generated: [addColumnMutator('add_column_generated'), 2],
  add_column_check: [addColumnMutator('add_column_check'), 2],
  add_column_fk: [addColumnMutator('add_column_fk'), 2],
  drop_column: [dropColumn, 3],
  widen_varchar: [widenVarchar, 2],
  varchar_to_text: [varcharToText, 2],
  widen_numeric: [widenNumeric, 2],
  change_default: [changeDefault, 2],
  add_default: [addDefault, 2],
  drop_default: [dropDefault, 2],
  drop_not_null: [dropNotNull, 2],
  set_not_null: [setNotNull, 2],
  change_identity: [changeIdentity, 2],
  add_index: [addIndex, 3],
  drop_index: [dropIndex, 2],
  change_index: [changeIndex, 3],
  add_check: [addCheckMutation, 2],
  drop_check: [dropCheck, 2],
  change_check: [changeCheck, 2],
  add_foreign_key: [addForeignKey, 2],
  drop_foreign_key: [dropForeignKey, 2],
  change_fk_on_delete: [changeFkOnDelete, 2],
  add_unique: [addUniqueMutation, 2],
  drop_unique: [dropUnique, 2],
  add_enum: [addEnum, 1],
  add_enum_value: [addEnumValueMutator('add_enum_value'), 2],
  add_enum_value_before: [addEnumValueMutator('add_enum_value_before'), 2],
  drop_enum: [dropEnum, 2],
};

/** Apply 1–6 (small: 1–3) random mutations to `model` in place. */
function mutateSchema(ctx: Ctx, model: SchemaDef): MutationStep[] {
  const m: MutCtx = { ...ctx, model, touched: new Touched() };
  const want = ctx.size === 'small' ? ctx.rng.int(1, 3) : ctx.rng.int(1, 6);
  const entries = MUTATION_KINDS.map((kind) => [kind, MUTATORS[kind][1]] as const);
  const steps: MutationStep[] = [];
  for (let attempts = 0; steps.length < want && attempts < 200; attempts++) {
    const s = MUTATORS[ctx.rng.weighted(entries)][0](m);
    if (s) steps.push(s);
  }
  // add_table and add_enum always apply, so this never happens; guard anyway.
  if (steps.length === 0) throw new Error('no mutation applied');
  return steps;
}

// ---------------------------------------------------------------- other objects

/** One object of {@link generateObjects}: its SQL in A and in B (null: absent), sharing a name. */
interface ObjectVersions {
  readonly kind: 'view' | 'function' | 'trigger' | 'sequence' | 'domain';
  readonly name: string;
  readonly a: string | null;
  readonly b: string | null;
}

const OBJECTS_SCHEMA = 'objects';

/**
 * Views, functions (sql and plpgsql), triggers, sequences and domains in the
 * schema `objects`, over a table `objects.base` that both A and B have
 * unchanged. Each object is in A only, in B only, the same in both, or
 * changed (a view's columns or filter, a function's body, a trigger's
 * timing, events or function, a sequence's options, a domain's default or
 * check); signatures and result types never change (that needs a person).
 * A random stream of its own, so the tables' pairs are the same with or
 * without these objects.
 */
function generateObjects(seed: number): { a: string; b: string; mutations: string[] } {
  const rng = new Rng((seed * 7919 + 0x5eed) >>> 0);
  const q = (name: string): string => qualifiedName(OBJECTS_SCHEMA, name);
  const baseColumns = ['n', 'label', 'amount', 'due'];
  const columnSql: Record<string, string> = { n: 'integer', label: 'text', amount: 'numeric(10,2)', due: 'date' };
  const objects: ObjectVersions[] = [];
  const count = rng.int(2, 5);
  for (let i = 1; i <= count; i++) {
    const kind = rng.pick(['view', 'function', 'trigger', 'sequence', 'domain'] as const);
    const name = `${kind}_${i}`;
    const version = (): string => {
      switch (kind) {
        case 'view': {
          const cols = rng.sample(baseColumns, rng.int(1, baseColumns.length));
          const filter = rng.chance(0.5) ? ` WHERE n > ${rng.int(0, 9)}` : '';
          return `CREATE VIEW ${q(name)} AS SELECT id, ${cols.map(quoteIdent).join(', ')} FROM ${q('base')}${filter};`;
        }
        case 'function':
          return rng.chance(0.5)
            ? `CREATE FUNCTION ${q(name)}(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $fn$ SELECT x * ${rng.int(1, 9)} + ${rng.int(0, 9)} $fn$;`
            : `CREATE FUNCTION ${q(name)}(x integer) RETURNS integer LANGUAGE plpgsql AS $fn$\nBEGIN\n  IF x > ${rng.int(0, 9)} THEN\n    RETURN x - ${rng.int(1, 9)};\n  END IF;\n  RETURN ${rng.int(0, 9)};\nEND\n$fn$;`;
        case 'trigger': {
          const fn = q(`${name}_fn`);
          const timing = rng.pick(['BEFORE', 'AFTER']);
          const events = rng.sample(['INSERT', 'UPDATE', 'DELETE'], rng.int(1, 3)).join(' OR ');
          const body = timing === 'BEFORE' ? `NEW.n := coalesce(NEW.n, ${rng.int(0, 9)});\n  RETURN NEW;` : `RETURN NULL;`;
          const returned = timing === 'BEFORE' && !events.includes('DELETE') ? body : 'RETURN NULL;';
          return [
            `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  ${returned}\nEND\n$fn$;`,
            `CREATE TRIGGER ${quoteIdent(name)} ${timing} ${events} ON ${q('base')} FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
          ].join('\n');
        }
        case 'sequence': {
          // Ascending or descending, per version: a changed sequence may turn around (the plan restarts it).
          const increment = rng.chance(0.2) ? -1 : rng.pick([1, 2, 5]);
          const cache = rng.pick([1, 10]);
          const cycle = rng.chance(0.3) ? ' CYCLE' : '';
          const bounds = increment < 0 ? ` MINVALUE -${rng.int(100, 999)} MAXVALUE -1 START WITH -1` : ` MINVALUE 1 MAXVALUE ${rng.int(1000, 9999)} START WITH ${rng.int(1, 99)}`;
          return `CREATE SEQUENCE ${q(name)} AS bigint INCREMENT BY ${increment}${bounds} CACHE ${cache}${cycle};`;
        }
        case 'domain': {
          const def = rng.chance(0.6) ? ` DEFAULT ${rng.int(0, 9)}` : '';
          const check = rng.chance(0.7) ? ` CONSTRAINT ${quoteIdent(`${name}_check`)} CHECK (VALUE >= ${rng.int(0, 9)})` : '';
          const notNull = rng.chance(0.3) ? ' NOT NULL' : '';
          return `CREATE DOMAIN ${q(name)} AS integer${def}${notNull}${check};`;
        }
      }
    };
    const fate = rng.weighted([['added', 1], ['dropped', 1], ['same', 1], ['changed', 3]] as const);
    const a = fate === 'added' ? null : version();
    const b = fate === 'dropped' ? null : fate === 'same' ? a : version();
    objects.push({ kind, name, a, b });
  }
  const base = [
    `CREATE SCHEMA ${quoteIdent(OBJECTS_SCHEMA)};`,
    `CREATE TABLE ${q('base')} (id integer PRIMARY KEY, ${baseColumns.map((c) => `${quoteIdent(c)} ${columnSql[c]}`).join(', ')});`,
  ];
  const render = (side: 'a' | 'b'): string => `${[...base, ...objects.flatMap((o) => (o[side] === null ? [] : [o[side]]))].join('\n')}\n`;
  const mutations = objects.flatMap((o) => {
    if (o.a === o.b) return [];
    const what = o.a === null ? 'add' : o.b === null ? 'drop' : 'change';
    return [`${what}_${o.kind}: ${OBJECTS_SCHEMA}.${o.name}`];
  });
  return { a: render('a'), b: render('b'), mutations };
}
