/**
 * Small builders for schema models, so diff tests need no database. Every
 * builder returns a complete, plain model object; `patch*` helpers return
 * modified copies.
 */
import type {
  CheckConstraint,
  Column,
  Constraint,
  EnumType,
  ExclusionConstraint,
  ForeignKeyConstraint,
  Index,
  IndexKeyPart,
  PrimaryKeyConstraint,
  Routine,
  SchemaModel,
  Table,
  Trigger,
  UniqueConstraint,
  View,
} from '../../src/model/schema-model.js';

export function model(parts: { schemas?: string[]; tables?: Table[]; enums?: EnumType[]; views?: View[]; functions?: Routine[] } = {}): SchemaModel {
  return {
    schemas: (parts.schemas ?? ['public']).map((name) => ({ name, comment: null })),
    extensions: [],
    collations: [],
    enums: parts.enums ?? [],
    domains: [],
    types: [],
    sequences: [],
    tables: parts.tables ?? [],
    views: parts.views ?? [],
    functions: parts.functions ?? [],
    eventTriggers: [],
    privileges: [],
  };
}

/** A plain SQL function `public.<name>()` returning integer (`select 1`); `over` sets the rest. */
export function routine(name: string, over: Partial<Routine> = {}): Routine {
  return {
    schema: 'public',
    name,
    kind: 'function',
    signature: '',
    arguments: '',
    argumentList: '',
    returns: 'integer',
    language: 'sql',
    body: 'select 1',
    sqlBody: null,
    library: null,
    volatility: 'volatile',
    strict: false,
    securityDefiner: false,
    leakproof: false,
    parallel: 'unsafe',
    cost: 100,
    rows: 0,
    config: [],
    aggregate: null,
    comment: null,
    dependsOn: [],
    ...over,
  };
}

export function table(
  name: string,
  parts: Partial<Omit<Table, 'name'>> = {},
): Table {
  return {
    schema: 'public',
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    partitionKey: null,
    partitionOf: null,
    unlogged: false,
    columns: [],
    indexes: [],
    constraints: [],
    triggers: [],
    ...parts,
  };
}

/** A column; positions are not compared, so they default to 1. */
export function col(name: string, type = 'text', over: Partial<Column> = {}): Column {
  return {
    name,
    position: 1,
    type,
    nullable: true,
    default: null,
    identity: null,
    generated: null,
    collation: null,
    comment: null,
    ...over,
  };
}

export function key(column: string, over: Partial<IndexKeyPart> = {}): IndexKeyPart {
  return { column, expression: null, order: 'asc', nulls: 'last', opclass: null, collation: null, ...over };
}

export function exprKey(expression: string, over: Partial<IndexKeyPart> = {}): IndexKeyPart {
  return { column: null, expression, order: 'asc', nulls: 'last', opclass: null, collation: null, ...over };
}

/** A btree index on `tableName`; the definition is plausible text only (it is never compared). */
export function idx(tableName: string, name: string, keys: (string | IndexKeyPart)[], over: Partial<Index> = {}): Index {
  const parts = keys.map((k) => (typeof k === 'string' ? key(k) : k));
  const unique = over.unique ?? over.primary ?? false;
  const keyText = parts.map((k) => k.column ?? `(${k.expression ?? ''})`).join(', ');
  return {
    comment: null,
    name,
    method: 'btree',
    unique,
    primary: false,
    keys: parts,
    include: [],
    where: null,
    nullsNotDistinct: false,
    valid: true,
    constraint: null,
    definition: `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name} ON public.${tableName} USING btree (${keyText})`,
    ...over,
  };
}

const base = { deferrable: false, initiallyDeferred: false, validated: true, comment: null };

export function pk(name: string, columns: string[]): PrimaryKeyConstraint {
  return { ...base, kind: 'primary_key', name, columns, definition: `PRIMARY KEY (${columns.join(', ')})` };
}

export function unique(name: string, columns: string[], over: Partial<UniqueConstraint> = {}): UniqueConstraint {
  return {
    ...base,
    kind: 'unique',
    name,
    columns,
    nullsNotDistinct: false,
    definition: `UNIQUE (${columns.join(', ')})`,
    ...over,
  };
}

export function fk(
  name: string,
  columns: string[],
  ref: { table: string; columns: string[]; schema?: string },
  over: Partial<ForeignKeyConstraint> = {},
): ForeignKeyConstraint {
  return {
    ...base,
    kind: 'foreign_key',
    name,
    columns,
    references: { schema: ref.schema ?? 'public', table: ref.table, columns: ref.columns },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    match: 'SIMPLE',
    definition: `FOREIGN KEY (${columns.join(', ')}) REFERENCES ${ref.table}(${ref.columns.join(', ')})`,
    ...over,
  };
}

export function check(name: string, expression: string, columns: string[], over: Partial<CheckConstraint> = {}): CheckConstraint {
  return { ...base, kind: 'check', name, expression, columns, noInherit: false, definition: `CHECK (${expression})`, ...over };
}

export function exclusion(name: string, definition: string, columns: string[]): ExclusionConstraint {
  return { ...base, kind: 'exclusion', name, columns, definition };
}

export function enumType(name: string, values: string[], over: Partial<EnumType> = {}): EnumType {
  return { schema: 'public', name, values, comment: null, ...over };
}

/** A view with one text column per name in `columns` (default: none), reading nothing the model knows unless `dependsOn` says so. */
export function view(name: string, definition: string, over: Partial<View> = {}): View {
  return {
    schema: 'public',
    name,
    kind: 'view',
    definition,
    columns: [],
    options: [],
    populated: true,
    indexes: [],
    rowEstimate: null,
    comment: null,
    triggers: [],
    dependsOn: [],
    ...over,
  };
}

// ------------------------------------------------------------------ patches

export function patchTable(m: SchemaModel, name: string, fn: (t: Table) => Table, schema = 'public'): SchemaModel {
  let found = false;
  const tables = m.tables.map((t) => {
    if (t.schema !== schema || t.name !== name) return t;
    found = true;
    return fn(t);
  });
  if (!found) throw new Error(`patchTable: no table ${schema}.${name}`);
  return { ...m, tables };
}

export function patchColumn(m: SchemaModel, tableName: string, column: string, patch: Partial<Column>): SchemaModel {
  return patchTable(m, tableName, (t) => ({
    ...t,
    columns: t.columns.map((c) => (c.name === column ? { ...c, ...patch } : c)),
  }));
}

export function patchIndex(m: SchemaModel, tableName: string, index: string, patch: Partial<Index>): SchemaModel {
  return patchTable(m, tableName, (t) => ({
    ...t,
    indexes: t.indexes.map((i) => (i.name === index ? { ...i, ...patch } : i)),
  }));
}

export function patchConstraint(m: SchemaModel, tableName: string, name: string, fn: (c: Constraint) => Constraint): SchemaModel {
  return patchTable(m, tableName, (t) => ({
    ...t,
    constraints: t.constraints.map((c) => (c.name === name ? fn(c) : c)),
  }));
}

export function patchEnum(m: SchemaModel, name: string, values: string[]): SchemaModel {
  return { ...m, enums: m.enums.map((e) => (e.name === name ? { ...e, values } : e)) };
}

export function withoutTable(m: SchemaModel, name: string): SchemaModel {
  return { ...m, tables: m.tables.filter((t) => t.name !== name) };
}

export function addTable(m: SchemaModel, t: Table): SchemaModel {
  return { ...m, tables: [...m.tables, t] };
}

// --------------------------------------------------------------- fixture

/**
 * A small CRM schema with one of everything the diff compares:
 * an enum, two tables, identity, generated and defaulted columns, a partial
 * and an expression index, and every constraint kind but exclusion.
 */
export function crm(): SchemaModel {
  const accounts = table('accounts', {
    comment: 'Customer accounts',
    columns: [
      col('id', 'bigint', { position: 1, nullable: false, identity: 'always' }),
      col('name', 'text', { position: 2, nullable: false }),
    ],
    indexes: [idx('accounts', 'accounts_pkey', ['id'], { unique: true, primary: true, constraint: 'accounts_pkey' })],
    constraints: [pk('accounts_pkey', ['id'])],
  });
  const leads = table('leads', {
    columns: [
      col('id', 'bigint', { position: 1, nullable: false, identity: 'by_default' }),
      col('account_id', 'bigint', { position: 2 }),
      col('email', 'character varying(255)', { position: 3, nullable: false, comment: 'Primary contact address' }),
      col('email_lower', 'text', {
        position: 4,
        generated: { expression: 'lower((email)::text)', kind: 'stored' },
      }),
      col('status', 'lead_status', { position: 5, nullable: false, default: "'new'::lead_status" }),
      col('score', 'integer', { position: 6 }),
    ],
    indexes: [
      idx('leads', 'leads_pkey', ['id'], { unique: true, primary: true, constraint: 'leads_pkey' }),
      idx('leads', 'leads_email_key', ['email'], { unique: true, constraint: 'leads_email_key' }),
      idx('leads', 'leads_status_idx', ['status'], { where: "(status <> 'lost'::lead_status)" }),
      idx('leads', 'leads_email_lower_idx', [exprKey('lower((email)::text)', { opclass: 'text_pattern_ops' })]),
    ],
    constraints: [
      pk('leads_pkey', ['id']),
      unique('leads_email_key', ['email']),
      fk('leads_account_id_fkey', ['account_id'], { table: 'accounts', columns: ['id'] }, { onDelete: 'CASCADE' }),
      check('leads_score_check', '(score >= 0)', ['score']),
    ],
  });
  return model({
    tables: [accounts, leads],
    enums: [enumType('lead_status', ['new', 'contacted', 'won', 'lost'], { comment: 'Sales pipeline stage' })],
  });
}

/** A deterministic PRNG (mulberry32) for shuffling. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Shuffle every list whose order carries no meaning (not enum labels, not index keys). */
export function shuffleModel(m: SchemaModel, seed: number): SchemaModel {
  const random = rng(seed);
  return {
    ...m,
    schemas: shuffle(m.schemas, random),
    enums: shuffle(m.enums, random),
    tables: shuffle(
      m.tables.map((t) => ({
        ...t,
        columns: shuffle(t.columns, random),
        indexes: shuffle(t.indexes, random),
        constraints: shuffle(t.constraints, random),
      })),
      random,
    ),
  };
}

/** A trigger `name` on `schema.table`, BEFORE UPDATE FOR EACH ROW calling public.touch() unless `body` says otherwise. */
export function trig(table: string, name: string, over: Partial<Trigger> & { body?: string; schema?: string } = {}): Trigger {
  const { body, schema = 'public', ...rest } = over;
  const touch = 'function:public\u0000touch\u0000';
  return {
    name,
    enabled: 'origin',
    definition: `CREATE TRIGGER ${name} ${body ?? 'BEFORE UPDATE'} ON ${schema}.${table} FOR EACH ROW EXECUTE FUNCTION touch()`,
    constraint: false,
    function: touch,
    dependsOn: [touch],
    comment: null,
    ...rest,
  };
}
