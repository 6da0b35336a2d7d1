import { IDENTIFIER_PATTERN, objectKey, qualifiedName, quoteIdent, quoteLiteral, unquoteIdent } from '../model/identifiers.js';
import { defaultNames } from '../model/naming.js';
import { qualifiedKey, splitIdentifiers, splitQualified } from './names.js';
import type {
  LoadedSpec,
  SpecColumn,
  SpecDomain,
  SpecIndex,
  SpecIndexKey,
  SpecReference,
  SpecSequence,
  SpecTable,
} from './spec-types.js';

/**
 * The expected-schema spec as DDL: the statements that build, in an empty
 * database, the schema the spec describes. The spec's meaning is whatever
 * PostgreSQL makes of these statements in a scratch server — types,
 * expressions and defaults are passed through as written and normalised by
 * the server, exactly as SQL sources are — so this module only has to be a
 * faithful translation, never a second parser of SQL.
 *
 * Order (each step can only depend on earlier ones):
 *  1. CREATE SCHEMA IF NOT EXISTS, for every schema but `public`;
 *  2. CREATE EXTENSION IF NOT EXISTS;
 *  3. enums (CREATE TYPE ... AS ENUM);
 *  4. domains, a domain over another spec domain after it;
 *  5. free-standing and serial sequences (without OWNED BY); the sequence of an
 *     identity column is not created here but given to the column (below);
 *  6. tables, a partitioned parent before its partitions (PARTITION OF);
 *  7. primary keys, unique constraints, checks, exclusions, then foreign keys,
 *     each as ALTER TABLE ... ADD, all tables' of one kind before the next kind;
 *  8. ALTER SEQUENCE ... OWNED BY;
 *  9. indexes;
 * 10. comments (COMMENT ON TABLE / COLUMN / TYPE / DOMAIN / INDEX).
 *
 * In steps 7 and 9 a partition comes before its parent (deepest first): the
 * parent's constraint or index then adopts the partition's equivalent one
 * (keeping the partition's own name) instead of creating another. Anything a
 * partition does not list is created by PostgreSQL when the parent's is, under
 * PostgreSQL's own name.
 *
 * Naming: a constraint the spec does not name gets no name in the DDL, so
 * PostgreSQL picks it (`<table>_pkey`, `<table>_<cols>_key`,
 * `<table>_<cols>_fkey`, `<table>_<col>_check` / `<table>_check`, truncated to
 * 63 bytes) — the name a database built with the same unnamed DDL has. The one
 * exception is the column `check:` shorthand, whose documented name
 * `<table>_<column>_check` is given explicitly (PostgreSQL would name a check
 * that mentions another column `<table>_check`).
 *
 * Names in the spec: object keys are qualified in a LoadedSpec
 * (`public.leads`); a name inside a node (a reference, a partition parent, a
 * sequence owner) that is unqualified is in the schema of the object that
 * names it (`splitQualified(name, table's schema)`).
 *
 * Types: passed through as written, with one rule: a type written as a bare
 * name (optionally with `[]` or `ARRAY`) that is not schema-qualified and names
 * an enum or domain of the spec is resolved like a table reference — the
 * naming object's schema first, then `public`, then the one other schema that
 * defines it — and, when that schema is not `public`, written qualified. So a
 * column `billing.invoices.currency: { type: currency }` uses
 * `billing.currency` whatever the search_path. Unquoted names fold to lower
 * case, as PostgreSQL folds them; built-in and extension types are untouched.
 */
export interface DdlStatement {
  readonly sql: string;
  /** Logical path of the spec node the statement comes from (for `LoadedSpec.locate`). */
  readonly path: readonly string[];
}

// ---------------------------------------------------------------------------

interface TableEntry {
  readonly key: string;
  readonly schema: string;
  readonly name: string;
  readonly spec: SpecTable;
  readonly path: readonly string[];
  /** Key of the partition parent, when the table is a partition in the spec. */
  readonly parentKey: string | null;
  readonly depth: number;
}

const ACTION_SQL: Record<string, string> = {
  'no action': 'NO ACTION',
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
};

/**
 * A collation or operator class name as SQL. Written with a double quote or a
 * parenthesis (operator class parameters) it is taken as SQL already;
 * otherwise it is a name — qualified (`schema.name`) only when the part before
 * the first dot is a schema we know of, so `en_US.utf8` stays one name — and
 * quoted as needed (`C` → `"C"`).
 */
function nameSql(value: string, knownSchemas: ReadonlySet<string>): string {
  if (/["(]/.test(value)) return value;
  const dot = value.indexOf('.');
  if (dot > 0 && knownSchemas.has(value.slice(0, dot))) return qualifiedName(value.slice(0, dot), value.slice(dot + 1));
  return quoteIdent(value);
}

const BARE_TYPE = new RegExp(String.raw`^\s*(${IDENTIFIER_PATTERN})(\s*(?:\[\s*\d*\s*\]\s*)*|\s+ARRAY\s*(?:\[\s*\d*\s*\])?\s*)$`, 'i');

const QUALIFIED_TYPE = new RegExp(String.raw`^\s*(${IDENTIFIER_PATTERN})\s*\.\s*(${IDENTIFIER_PATTERN})\s*(?:\[\s*\d*\s*\]\s*)*$`);

function numberText(value: number | string): string {
  return typeof value === 'number' ? String(value) : value.trim();
}

/** Build the DDL for a loaded spec. Pure: the same spec always gives the same statements. */
export function specToDdl(spec: LoadedSpec): DdlStatement[] {
  const out: DdlStatement[] = [];
  const emit = (sql: string, path: readonly string[]): void => {
    out.push({ sql, path });
  };

  // -- names -----------------------------------------------------------------
  /** Schemas in first-seen order, each with the spec node that brings it in. */
  const schemaPaths = new Map<string, readonly string[]>();
  spec.schemas.forEach((s, i) => {
    if (!schemaPaths.has(s)) schemaPaths.set(s, ['schemas', String(i)]);
  });
  for (const section of ['enums', 'domains', 'sequences', 'tables'] as const) {
    for (const key of spec[section].keys()) {
      const { schema, name } = splitQualified(key, 'public');
      if (!schemaPaths.has(schema)) schemaPaths.set(schema, [section, schema, name]);
    }
  }
  const schemas = [...schemaPaths.keys()];
  const knownSchemas = new Set<string>([...schemas, 'public', 'pg_catalog', 'information_schema']);

  /** Definitions of user types by unqualified name → the schemas that define one. */
  const typeSchemas = new Map<string, string[]>();
  for (const key of [...spec.enums.keys(), ...spec.domains.keys()]) {
    const { schema, name } = splitQualified(key, 'public');
    const list = typeSchemas.get(name) ?? [];
    if (!list.includes(schema)) list.push(schema);
    typeSchemas.set(name, list);
  }
  /** The spec enum or domain a type written as `schema.name` names, or null (for ordering domains). */
  const qualifiedUserType = (typeText: string): { schema: string; name: string } | null => {
    const m = QUALIFIED_TYPE.exec(typeText);
    if (!m) return null;
    const q = { schema: unquoteIdent(m[1]!), name: unquoteIdent(m[2]!) };
    const key = qualifiedKey(q.schema, q.name);
    return spec.enums.has(key) || spec.domains.has(key) ? q : null;
  };
  /** The spec key (`schema.name`) of the enum or domain a bare type name refers to, or null. */
  const resolveUserType = (typeText: string, contextSchema: string): { schema: string; name: string; suffix: string } | null => {
    const m = BARE_TYPE.exec(typeText);
    if (!m) return null;
    const name = unquoteIdent(m[1]!);
    const candidates = typeSchemas.get(name);
    if (!candidates) return null;
    const schema = candidates.includes(contextSchema)
      ? contextSchema
      : candidates.includes('public')
        ? 'public'
        : candidates.length === 1
          ? candidates[0]!
          : null;
    return schema === null ? null : { schema, name, suffix: m[2]! };
  };
  const typeSql = (typeText: string, contextSchema: string): string => {
    const r = resolveUserType(typeText, contextSchema);
    if (!r || r.schema === 'public') return typeText;
    const suffix = r.suffix.trim();
    return `${qualifiedName(r.schema, r.name)}${suffix === '' ? '' : suffix.startsWith('[') ? suffix : ` ${suffix}`}`;
  };

  // -- tables, parents first -----------------------------------------------------
  const tableEntries = new Map<string, TableEntry>();
  const parentOf = (key: string, t: SpecTable): string | null => {
    if (!t.partitionOf) return null;
    const own = splitQualified(key, 'public');
    const p = splitQualified(t.partitionOf.table, own.schema);
    return qualifiedKey(p.schema, p.name);
  };
  const depthOf = (key: string, seen: Set<string> = new Set()): number => {
    const t = spec.tables.get(key);
    if (!t || seen.has(key)) return 0;
    seen.add(key);
    const parent = parentOf(key, t);
    return parent === null ? 0 : 1 + depthOf(parent, seen);
  };
  for (const [key, t] of spec.tables) {
    const { schema, name } = splitQualified(key, 'public');
    tableEntries.set(key, {
      key,
      schema,
      name,
      spec: t,
      path: ['tables', schema, name],
      parentKey: parentOf(key, t),
      depth: depthOf(key),
    });
  }
  const creationOrder: TableEntry[] = [];
  {
    const placed = new Set<string>();
    const place = (entry: TableEntry, visiting: Set<string>): void => {
      if (placed.has(entry.key) || visiting.has(entry.key)) return;
      visiting.add(entry.key);
      const parent = entry.parentKey === null ? undefined : tableEntries.get(entry.parentKey);
      if (parent) place(parent, visiting);
      placed.add(entry.key);
      creationOrder.push(entry);
    };
    for (const entry of tableEntries.values()) place(entry, new Set());
  }
  /** Deepest partitions first, otherwise spec order (a stable sort). */
  const leavesFirst = [...tableEntries.values()].sort((a, b) => b.depth - a.depth);

  /** The column as the root of the partition tree defines it, for a partition's inherited columns. */
  const rootColumns = (entry: TableEntry): Readonly<Record<string, SpecColumn>> => {
    let e: TableEntry | undefined = entry;
    const seen = new Set<string>();
    while (e && e.parentKey !== null && !seen.has(e.key)) {
      seen.add(e.key);
      const parent = tableEntries.get(e.parentKey);
      if (!parent) break;
      e = parent;
    }
    return (e ?? entry).spec.columns;
  };
  /** A column's effective default in a partition tree: the nearest table that lists the column. */
  const effectiveDefault = (entry: TableEntry, column: string): string | undefined => {
    let e: TableEntry | undefined = entry;
    const seen = new Set<string>();
    while (e && !seen.has(e.key)) {
      seen.add(e.key);
      const c = e.spec.columns[column];
      if (c) return c.default;
      e = e.parentKey === null ? undefined : tableEntries.get(e.parentKey);
    }
    return undefined;
  };

  const tableRef = (schema: string, name: string): string => qualifiedName(schema, name);

  // -- sequences: which belong to an identity column ----------------------------
  interface SequenceOwner {
    readonly schema: string;
    readonly table: string;
    readonly column: string;
  }
  /** `table.column` (in the sequence's schema) or `schema.table.column`. */
  const ownerOf = (seqSchema: string, ownedBy: string): SequenceOwner => {
    const parts = splitIdentifiers(ownedBy);
    if (parts.length >= 3) return { schema: parts[0]!, table: parts[1]!, column: parts[2]! };
    return { schema: seqSchema, table: parts[0]!, column: parts[1] ?? '' };
  };
  /** Identity sequences by owning column: objectKey(table key, column). */
  const identitySequences = new Map<string, { schema: string; name: string; spec: SpecSequence }>();
  for (const [key, s] of spec.sequences) {
    if (!s.ownedBy) continue;
    const { schema, name } = splitQualified(key, 'public');
    const owner = ownerOf(schema, s.ownedBy);
    const column = spec.tables.get(qualifiedKey(owner.schema, owner.table))?.columns[owner.column];
    if (column?.identity) identitySequences.set(objectKey(qualifiedKey(owner.schema, owner.table), owner.column), { schema, name, spec: s });
  }
  const sequenceOptions = (s: SpecSequence, withType: boolean): string[] => {
    const opts: string[] = [];
    if (withType && s.type !== undefined) opts.push(`AS ${s.type}`);
    if (s.increment !== undefined) opts.push(`INCREMENT BY ${numberText(s.increment)}`);
    if (s.min !== undefined) opts.push(`MINVALUE ${numberText(s.min)}`);
    if (s.max !== undefined) opts.push(`MAXVALUE ${numberText(s.max)}`);
    if (s.start !== undefined) opts.push(`START WITH ${numberText(s.start)}`);
    if (s.cache !== undefined) opts.push(`CACHE ${numberText(s.cache)}`);
    if (s.cycle) opts.push('CYCLE');
    return opts;
  };

  // 1. schemas
  for (const [s, path] of schemaPaths) {
    if (s !== 'public') emit(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(s)}`, path);
  }

  // 2. extensions
  spec.extensions.forEach((e, i) => emit(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e)}`, ['extensions', String(i)]));

  // 3. enums
  for (const [key, e] of spec.enums) {
    const { schema, name } = splitQualified(key, 'public');
    emit(`CREATE TYPE ${qualifiedName(schema, name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`, ['enums', schema, name]);
  }

  // 4. domains, over other spec domains after them
  {
    const done = new Set<string>();
    const create = (key: string, d: SpecDomain, visiting: Set<string>): void => {
      if (done.has(key) || visiting.has(key)) return;
      visiting.add(key);
      const { schema, name } = splitQualified(key, 'public');
      const base = resolveUserType(d.type, schema) ?? qualifiedUserType(d.type);
      const baseKey = base ? qualifiedKey(base.schema, base.name) : null;
      const baseDomain = baseKey === null ? undefined : spec.domains.get(baseKey);
      if (baseKey !== null && baseDomain) create(baseKey, baseDomain, visiting);
      done.add(key);
      let sql = `CREATE DOMAIN ${qualifiedName(schema, name)} AS ${typeSql(d.type, schema)}`;
      if (d.collation !== undefined) sql += ` COLLATE ${nameSql(d.collation, knownSchemas)}`;
      if (d.default !== undefined) sql += ` DEFAULT ${d.default}`;
      if (d.nullable === false) sql += ' NOT NULL';
      for (const [checkName, expression] of Object.entries(d.checks ?? {})) {
        sql += ` CONSTRAINT ${quoteIdent(checkName)} CHECK (${expression})`;
      }
      emit(sql, ['domains', schema, name]);
    };
    for (const [key, d] of spec.domains) create(key, d, new Set());
  }

  // 5. sequences (identity sequences go with their column)
  const identityKeys = new Set([...identitySequences.values()].map((s) => qualifiedKey(s.schema, s.name)));
  for (const [key, s] of spec.sequences) {
    if (identityKeys.has(key)) continue;
    const { schema, name } = splitQualified(key, 'public');
    const opts = sequenceOptions(s, true);
    emit(`CREATE SEQUENCE ${qualifiedName(schema, name)}${opts.length ? ` ${opts.join(' ')}` : ''}`, ['sequences', schema, name]);
  }

  // 6. tables
  const columnDefinition = (entry: TableEntry, columnName: string, c: SpecColumn): string => {
    let sql = `${quoteIdent(columnName)} ${typeSql(c.type, entry.schema)}`;
    if (c.collation !== undefined) sql += ` COLLATE ${nameSql(c.collation, knownSchemas)}`;
    if (c.generated !== undefined) sql += ` GENERATED ALWAYS AS (${c.generated}) STORED`;
    if (c.identity !== undefined) {
      sql += ` GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
      const seq = identitySequences.get(objectKey(entry.key, columnName));
      if (seq) {
        // The column's type is the sequence's: AS is not allowed here.
        const opts = [`SEQUENCE NAME ${qualifiedName(seq.schema, seq.name)}`, ...sequenceOptions(seq.spec, false)];
        sql += ` (${opts.join(' ')})`;
      }
    }
    if (c.default !== undefined) sql += ` DEFAULT ${c.default}`;
    if (c.nullable === false) sql += ' NOT NULL';
    return sql;
  };
  for (const entry of creationOrder) {
    const t = entry.spec;
    const unlogged = t.unlogged ? 'UNLOGGED ' : '';
    const target = tableRef(entry.schema, entry.name);
    const partitionBy = t.partitionBy !== undefined ? ` PARTITION BY ${t.partitionBy}` : '';
    if (t.partitionOf) {
      const parent = splitQualified(t.partitionOf.table, entry.schema);
      // A partition's columns are its parent's: a listed column only adds
      // NOT NULL or its own default (type, identity and generation are the parent's).
      const options: string[] = [];
      for (const [columnName, c] of Object.entries(t.columns)) {
        let o = '';
        if (c.default !== undefined) o += ` DEFAULT ${c.default}`;
        if (c.nullable === false) o += ' NOT NULL';
        if (o) options.push(`${quoteIdent(columnName)} WITH OPTIONS${o}`);
      }
      const columns = options.length ? ` (\n  ${options.join(',\n  ')}\n)` : '';
      emit(
        `CREATE ${unlogged}TABLE ${target} PARTITION OF ${tableRef(parent.schema, parent.name)}${columns} ${t.partitionOf.bound}${partitionBy}`,
        entry.path,
      );
      const parentEntry = entry.parentKey === null ? undefined : tableEntries.get(entry.parentKey);
      for (const [columnName, c] of Object.entries(t.columns)) {
        if (c.default === undefined && parentEntry && effectiveDefault(parentEntry, columnName) !== undefined) {
          emit(`ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(columnName)} DROP DEFAULT`, [...entry.path, 'columns', columnName]);
        }
      }
    } else {
      const defs = Object.entries(t.columns).map(([columnName, c]) => columnDefinition(entry, columnName, c));
      emit(`CREATE ${unlogged}TABLE ${target} (${defs.length ? `\n  ${defs.join(',\n  ')}\n` : ''})${partitionBy}`, entry.path);
    }
  }

  // 7. constraints: primary keys, uniques, checks, exclusions, then foreign keys
  const addConstraint = (entry: TableEntry, name: string | undefined, body: string, path: readonly string[]): void => {
    emit(`ALTER TABLE ${tableRef(entry.schema, entry.name)} ADD ${name !== undefined ? `CONSTRAINT ${quoteIdent(name)} ` : ''}${body}`, path);
  };
  const columnList = (columns: readonly string[]): string => `(${columns.map(quoteIdent).join(', ')})`;
  const deferrable = (d: { deferrable?: boolean; initiallyDeferred?: boolean }): string =>
    `${d.deferrable || d.initiallyDeferred ? ' DEFERRABLE' : ''}${d.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;

  for (const entry of leavesFirst) {
    const pk = entry.spec.primaryKey;
    if (pk === undefined) continue;
    const named = Array.isArray(pk) ? { columns: pk as readonly string[] } : (pk as { name?: string; columns: readonly string[] });
    addConstraint(entry, named.name, `PRIMARY KEY ${columnList(named.columns)}`, [...entry.path, 'primaryKey']);
  }
  for (const entry of leavesFirst) {
    for (const [columnName, c] of Object.entries(entry.spec.columns)) {
      if (c.unique === undefined || c.unique === false) continue;
      addConstraint(entry, typeof c.unique === 'string' ? c.unique : undefined, `UNIQUE ${columnList([columnName])}`, [
        ...entry.path,
        'columns',
        columnName,
        'unique',
      ]);
    }
    (entry.spec.unique ?? []).forEach((u, i) => {
      addConstraint(entry, u.name, `UNIQUE ${u.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}${columnList(u.columns)}${deferrable(u)}`, [
        ...entry.path,
        'unique',
        String(i),
      ]);
    });
  }
  for (const entry of leavesFirst) {
    for (const [columnName, c] of Object.entries(entry.spec.columns)) {
      if (c.check === undefined) continue;
      addConstraint(entry, defaultNames.columnCheck(entry.name, columnName), `CHECK (${c.check})`, [...entry.path, 'columns', columnName, 'check']);
    }
    (entry.spec.checks ?? []).forEach((c, i) => {
      addConstraint(entry, c.name, `CHECK (${c.expression})${c.noInherit ? ' NO INHERIT' : ''}`, [...entry.path, 'checks', String(i)]);
    });
  }
  for (const entry of leavesFirst) {
    for (const [name, definition] of Object.entries(entry.spec.exclusions ?? {})) {
      addConstraint(entry, name, definition, [...entry.path, 'exclusions', name]);
    }
  }
  const foreignKey = (entry: TableEntry, columns: readonly string[], r: SpecReference, name: string | undefined, path: readonly string[]): void => {
    const target = splitQualified(r.table, entry.schema);
    const refColumns = r.columns ?? (r.column !== undefined ? [r.column] : undefined);
    let body = `FOREIGN KEY ${columnList(columns)} REFERENCES ${tableRef(target.schema, target.name)}`;
    if (refColumns) body += ` ${columnList(refColumns)}`;
    if (r.match === 'full') body += ' MATCH FULL';
    if (r.onDelete !== undefined) body += ` ON DELETE ${ACTION_SQL[r.onDelete] ?? r.onDelete.toUpperCase()}`;
    if (r.onUpdate !== undefined) body += ` ON UPDATE ${ACTION_SQL[r.onUpdate] ?? r.onUpdate.toUpperCase()}`;
    body += deferrable(r);
    addConstraint(entry, name, body, path);
  };
  for (const entry of leavesFirst) {
    for (const [columnName, c] of Object.entries(entry.spec.columns)) {
      if (c.references === undefined) continue;
      foreignKey(entry, [columnName], c.references, c.references.name, [...entry.path, 'columns', columnName, 'references']);
    }
    (entry.spec.foreignKeys ?? []).forEach((fk, i) => {
      foreignKey(entry, fk.columns, fk.references, fk.name ?? fk.references.name, [...entry.path, 'foreignKeys', String(i)]);
    });
  }

  // 8. sequence ownership (serial-style sequences)
  for (const [key, s] of spec.sequences) {
    if (!s.ownedBy || identityKeys.has(key)) continue;
    const { schema, name } = splitQualified(key, 'public');
    const owner = ownerOf(schema, s.ownedBy);
    emit(
      `ALTER SEQUENCE ${qualifiedName(schema, name)} OWNED BY ${qualifiedName(owner.schema, owner.table)}.${quoteIdent(owner.column)}`,
      ['sequences', schema, name, 'ownedBy'],
    );
  }

  // 9. indexes
  for (const entry of leavesFirst) {
    const columns = new Set(Object.keys(rootColumns(entry)));
    for (const [indexName, value] of Object.entries(entry.spec.indexes ?? {})) {
      const path = [...entry.path, 'indexes', indexName];
      // A string is the whole CREATE INDEX statement, like `sql`.
      const statement = typeof value === 'string' ? value : value.sql;
      if (statement !== undefined) {
        emit(statement.trim().replace(/;\s*$/, ''), path);
        continue;
      }
      emit(indexSql(entry, indexName, value as SpecIndex, columns, knownSchemas), path);
    }
  }

  // 10. comments
  for (const [key, e] of spec.enums) {
    if (e.description === undefined) continue;
    const { schema, name } = splitQualified(key, 'public');
    emit(`COMMENT ON TYPE ${qualifiedName(schema, name)} IS ${quoteLiteral(e.description)}`, ['enums', schema, name, 'description']);
  }
  for (const [key, d] of spec.domains) {
    if (d.description === undefined) continue;
    const { schema, name } = splitQualified(key, 'public');
    emit(`COMMENT ON DOMAIN ${qualifiedName(schema, name)} IS ${quoteLiteral(d.description)}`, ['domains', schema, name, 'description']);
  }
  for (const entry of creationOrder) {
    const target = tableRef(entry.schema, entry.name);
    if (entry.spec.description !== undefined) {
      emit(`COMMENT ON TABLE ${target} IS ${quoteLiteral(entry.spec.description)}`, [...entry.path, 'description']);
    }
    for (const [columnName, c] of Object.entries(entry.spec.columns)) {
      if (c.description === undefined) continue;
      emit(`COMMENT ON COLUMN ${target}.${quoteIdent(columnName)} IS ${quoteLiteral(c.description)}`, [
        ...entry.path,
        'columns',
        columnName,
        'description',
      ]);
    }
    for (const [indexName, value] of Object.entries(entry.spec.indexes ?? {})) {
      if (typeof value === 'string' || value.description === undefined) continue;
      emit(`COMMENT ON INDEX ${qualifiedName(entry.schema, indexName)} IS ${quoteLiteral(value.description)}`, [
        ...entry.path,
        'indexes',
        indexName,
        'description',
      ]);
    }
  }
  return out;
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const QUOTED_IDENTIFIER = /^"(?:[^"]|"")+"$/;

/**
 * A structural index as `CREATE INDEX`. A key written as a string is a column
 * when the table has a column of exactly that name, when it is a plain
 * identifier, or when it is a double-quoted identifier; anything else is an
 * expression (written in parentheses, so any expression works).
 */
function indexSql(entry: TableEntry, indexName: string, idx: SpecIndex, columns: ReadonlySet<string>, knownSchemas: ReadonlySet<string>): string {
  const keySql = (k: string | SpecIndexKey): string => {
    const key: SpecIndexKey =
      typeof k !== 'string'
        ? k
        : columns.has(k) || PLAIN_IDENTIFIER.test(k)
          ? { column: k }
          : QUOTED_IDENTIFIER.test(k)
            ? { column: k.slice(1, -1).replace(/""/g, '"') }
            : { expression: k };
    let sql = key.column !== undefined ? quoteIdent(key.column) : `(${key.expression ?? ''})`;
    if (key.collation !== undefined) sql += ` COLLATE ${nameSql(key.collation, knownSchemas)}`;
    if (key.opclass !== undefined) sql += ` ${nameSql(key.opclass, knownSchemas)}`;
    if (key.order === 'desc') sql += ' DESC';
    if (key.nulls !== undefined) sql += ` NULLS ${key.nulls === 'first' ? 'FIRST' : 'LAST'}`;
    return sql;
  };
  let sql = `CREATE ${idx.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(indexName)} ON ${qualifiedName(entry.schema, entry.name)}`;
  if (idx.method !== undefined) sql += ` USING ${quoteIdent(idx.method)}`;
  sql += ` (${(idx.columns ?? []).map(keySql).join(', ')})`;
  if (idx.include?.length) sql += ` INCLUDE (${idx.include.map(quoteIdent).join(', ')})`;
  if (idx.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (idx.where !== undefined) sql += ` WHERE (${idx.where})`;
  return sql;
}
