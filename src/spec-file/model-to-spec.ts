import type {
  CheckConstraint,
  Column,
  Constraint,
  ExclusionConstraint,
  ForeignKeyConstraint,
  Index,
  IndexKeyPart,
  PrimaryKeyConstraint,
  SchemaModel,
  Sequence,
  Table,
  UniqueConstraint,
} from '../model/schema-model.js';
import { objectKey } from '../model/identifiers.js';
import { compareText } from '../model/sort.js';
import { defaultNames, indexColumnNames } from '../model/naming.js';
import type {
  ReferentialActionSpec,
  SpecCheck,
  SpecColumn,
  SpecDomain,
  SpecEnum,
  SpecFile,
  SpecForeignKey,
  SpecIndex,
  SpecIndexKey,
  SpecReference,
  SpecSequence,
  SpecTable,
  SpecUnique,
} from './spec-types.js';
import { SPEC_VERSION } from './spec-types.js';

/**
 * A model as a spec: what `schema-audit snapshot` writes for a team to
 * bootstrap its expected schema from a known-good database. The contract is
 * the round trip: `specToDdl(load(modelToSpec(m)))` run in an empty database
 * gives back `m` (tables, enums, domains, sequences), name for name.
 *
 * Rules
 * - Keys: unqualified for `public`, `schema.name` otherwise (the file's
 *   `schema:` is not used). A name inside a node (a reference, a partition's
 *   parent, a sequence's owner) is unqualified only when both it and the
 *   object naming it are in `public`, so it reads the same whether an
 *   unqualified name means the file's default schema or the naming object's.
 * - Names of constraints are written only when they differ from the name
 *   PostgreSQL gives the same constraint created unnamed (`<table>_pkey`,
 *   `<table>_<cols>_key`, `<table>_<cols>_fkey`, `<table>_<col>_check` /
 *   `<table>_check`, 63-byte truncation included), or when that name is taken
 *   by another object of the schema (PostgreSQL would then pick another).
 * - Shorthands: a single-column foreign key is the column's `references`, a
 *   single-column unique constraint its `unique`, a check over one column
 *   named `<table>_<column>_check` its `check`.
 * - Serial columns: the column keeps its `nextval(...)` default and the
 *   sequence is listed with `ownedBy`, so nothing is implied. An identity
 *   column's sequence is implied by the column and listed (with `ownedBy`)
 *   only when its name or options differ from PostgreSQL's defaults; the DDL
 *   then gives them to the identity column.
 * - Partitions list only what they do not get from their parent: columns
 *   whose default, NOT NULL or comment differ (with the parent's type), and
 *   constraints and indexes that are not the parent's copies under
 *   PostgreSQL's default names. A check or foreign key of the parent has the
 *   same name in every partition; a copied primary key, unique constraint,
 *   exclusion or index is recognised by its structure and its default name
 *   (`<partition>_pkey`, `<partition>_<cols>_idx`, ...).
 * - Indexes are structural unless their definition has what the structure
 *   cannot say (storage parameters, a tablespace, operator class
 *   parameters): then `sql`, the definition as PostgreSQL prints it.
 * - Output is deterministic: the model's order (sorted by name), columns in
 *   position order, optional fields written only when not the default.
 */
export interface ModelToSpecOptions {
  /** Only these schemas (default: every schema of the model). */
  readonly schemas?: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

const INTEGER_RANGES: Record<string, readonly [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** A sequence option as a YAML/JSON number when it is exactly one, else a string. */
function numberValue(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

function action(a: string): ReferentialActionSpec {
  return a.toLowerCase() as ReferentialActionSpec;
}

/**
 * One part of a spec name: as is, unless it holds a dot or a double quote;
 * then double-quoted (`"my.table"`), as `splitIdentifiers` reads it.
 */
function namePart(name: string): string {
  return /[."]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}

/** `schema.name` key: unqualified in public. */
function specName(schema: string, name: string): string {
  return schema === 'public' ? namePart(name) : `${namePart(schema)}.${namePart(name)}`;
}

/** A name inside a node: unqualified only when both ends are in public. */
function refName(fromSchema: string, schema: string, name: string): string {
  return fromSchema === 'public' ? specName(schema, name) : `${namePart(schema)}.${namePart(name)}`;
}

/**
 * SQL text on one line: PostgreSQL's pretty printer breaks CASE expressions
 * over several indented lines, which reads badly in a one-line YAML entry.
 * Whitespace that holds a line break is one space (none after `(` or before
 * `)`), outside string literals and quoted identifiers, which are kept as
 * they are; the server parses the result to the same expression.
 */
export function oneLine(sql: string): string {
  if (!sql.includes('\n')) return sql;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) j += 2;
          else break;
        } else {
          j++;
        }
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      let j = i;
      while (j < sql.length && /\s/.test(sql[j]!)) j++;
      const run = sql.slice(i, j);
      if (!run.includes('\n')) out += run;
      else if (!out.endsWith('(') && sql[j] !== ')' && out !== '' && j < sql.length) out += ' ';
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

const sameIndexStructure = (a: Index, b: Index): boolean =>
  a.method === b.method &&
  a.unique === b.unique &&
  a.nullsNotDistinct === b.nullsNotDistinct &&
  a.where === b.where &&
  JSON.stringify(a.keys) === JSON.stringify(b.keys) &&
  JSON.stringify(a.include) === JSON.stringify(b.include);

const sameColumns = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);

/** True when the index has something the structural form cannot express. */
function needsSql(index: Index): boolean {
  if (/\)\s+WITH\s+\(/.test(index.definition) || /\sTABLESPACE\s/.test(index.definition)) return true;
  return index.keys.some((k) => k.opclass !== null && index.definition.includes(`${k.opclass} (`));
}

export function modelToSpec(model: SchemaModel, options: ModelToSpecOptions = {}): SpecFile {
  const inScope = (schema: string): boolean => !options.schemas || options.schemas.includes(schema);
  // The model prints a type of `public` unqualified. Outside `public` the spec
  // reads an unqualified type name in the object's own schema first: qualify.
  const publicTypes = new Set([...model.enums, ...model.domains].filter((x) => x.schema === 'public').map((x) => x.name));
  const typeIn = (type: string, schema: string): string => {
    if (schema === 'public') return type;
    const m = /^("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)((?:\[\])*)$/.exec(type);
    if (!m) return type;
    const name = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
    return publicTypes.has(name) ? `public.${m[1]}${m[2]}` : type;
  };
  const tableByKey = new Map(model.tables.map((t) => [objectKey(t.schema, t.name), t]));
  const findTable = (schema: string, name: string): Table | undefined => tableByKey.get(objectKey(schema, name));
  const parentOf = (t: Table): Table | undefined => (t.partitionOf ? findTable(t.partitionOf.schema, t.partitionOf.table) : undefined);
  const ancestors = (t: Table): Table[] => {
    const out: Table[] = [];
    for (let p = parentOf(t); p && !out.includes(p); p = parentOf(p)) out.push(p);
    return out;
  };

  // -- what a partition inherits, and what PostgreSQL creates by itself -----------
  /** The index column names of the index backing a constraint (its columns when not found). */
  const indexColumnNamesOf = (t: Table, indexName: string, fallback: readonly string[]): string[] => {
    const index = t.indexes.find((i) => i.name === indexName);
    return index ? indexColumnNames(index.keys, index.include) : [...fallback];
  };
  const isInheritedConstraint = (t: Table, c: Constraint, relationCount: (n: string) => number): boolean => {
    // A foreign key to a partitioned table is copied, under a numbered name,
    // once per partition of the referenced table: the copies follow the original.
    if (c.kind === 'foreign_key') {
      const referenced = findTable(c.references.schema, c.references.table);
      if (referenced?.partitionOf) {
        const above = ancestors(referenced);
        const original = t.constraints.find(
          (o): o is ForeignKeyConstraint =>
            o !== c &&
            o.kind === 'foreign_key' &&
            c.name.startsWith(o.name) &&
            sameColumns(o.columns, c.columns) &&
            o.onDelete === c.onDelete &&
            o.onUpdate === c.onUpdate &&
            o.match === c.match &&
            above.some((a) => a.schema === o.references.schema && a.name === o.references.table),
        );
        if (original) return true;
      }
    }
    const parent = parentOf(t);
    if (!parent) return false;
    const free = (name: string): boolean => relationCount(name) <= 1;
    switch (c.kind) {
      case 'check':
        return parent.constraints.some((p) => p.kind === 'check' && p.name === c.name);
      case 'foreign_key':
        return parent.constraints.some((p) => p.kind === 'foreign_key' && p.name === c.name && p.definition === c.definition);
      case 'primary_key':
        return (
          parent.constraints.some((p) => p.kind === 'primary_key' && sameColumns(p.columns, c.columns)) &&
          c.name === defaultNames.primaryKey(t.name) &&
          free(c.name)
        );
      case 'unique':
        return (
          parent.constraints.some(
            (p) =>
              p.kind === 'unique' &&
              sameColumns(p.columns, c.columns) &&
              p.nullsNotDistinct === c.nullsNotDistinct &&
              p.deferrable === c.deferrable &&
              p.initiallyDeferred === c.initiallyDeferred &&
              p.definition === c.definition,
          ) &&
          c.name === defaultNames.unique(t.name, indexColumnNamesOf(t, c.name, c.columns)) &&
          free(c.name)
        );
      case 'exclusion':
        return (
          parent.constraints.some((p) => p.kind === 'exclusion' && p.definition === c.definition) &&
          c.name === defaultNames.exclusion(t.name, indexColumnNamesOf(t, c.name, c.columns)) &&
          free(c.name)
        );
    }
  };
  const isInheritedIndex = (t: Table, index: Index, relationCount: (n: string) => number): boolean => {
    const parent = parentOf(t);
    if (!parent || index.constraint !== null) return false;
    return (
      parent.indexes.some((p) => p.constraint === null && sameIndexStructure(p, index)) &&
      index.name === defaultNames.index(t.name, indexColumnNames(index.keys, index.include)) &&
      relationCount(index.name) <= 1
    );
  };

  // -- names in use, per schema ------------------------------------------------
  const relationNames = new Map<string, Map<string, number>>();
  const constraintNames = new Map<string, Map<string, number>>();
  const bump = (map: Map<string, Map<string, number>>, schema: string, name: string): void => {
    const m = map.get(schema) ?? new Map<string, number>();
    m.set(name, (m.get(name) ?? 0) + 1);
    map.set(schema, m);
  };
  for (const t of model.tables) {
    bump(relationNames, t.schema, t.name);
    for (const i of t.indexes) bump(relationNames, t.schema, i.name);
  }
  for (const s of model.sequences) bump(relationNames, s.schema, s.name);
  for (const v of model.views) bump(relationNames, v.schema, v.name);
  const relationCountIn = (schema: string) => (name: string): number => relationNames.get(schema)?.get(name) ?? 0;
  const inheritedConstraints = new Set<Constraint>();
  const inheritedIndexes = new Set<Index>();
  for (const t of model.tables) {
    const count = relationCountIn(t.schema);
    for (const c of t.constraints) if (isInheritedConstraint(t, c, count)) inheritedConstraints.add(c);
    for (const i of t.indexes) if (isInheritedIndex(t, i, count)) inheritedIndexes.add(i);
  }
  for (const t of model.tables) {
    for (const c of t.constraints) if (!inheritedConstraints.has(c)) bump(constraintNames, t.schema, c.name);
  }
  for (const d of model.domains) for (const c of d.checks) bump(constraintNames, d.schema, c.name);
  /**
   * True when PostgreSQL would give exactly `name` to the object created
   * unnamed: it is the default, and nothing else in the schema holds it.
   * `relation`: the object is (backed by) an index, so other relations count too.
   */
  const isDefaultName = (schema: string, name: string, expected: string, relation: boolean): boolean => {
    if (name !== expected) return false;
    if ((constraintNames.get(schema)?.get(name) ?? 0) > 1) return false;
    return !relation || (relationNames.get(schema)?.get(name) ?? 0) <= 1;
  };

  // -- sections -----------------------------------------------------------------
  const spec: { -readonly [K in keyof SpecFile]: SpecFile[K] } = { version: SPEC_VERSION };

  const extensions = model.extensions.map((e) => e.name);
  if (extensions.length) spec.extensions = extensions;

  const enums: Record<string, SpecEnum> = {};
  for (const e of model.enums) {
    if (!inScope(e.schema)) continue;
    enums[specName(e.schema, e.name)] = { values: [...e.values], ...(e.comment !== null ? { description: e.comment } : {}) };
  }

  const domains: Record<string, SpecDomain> = {};
  for (const d of model.domains) {
    if (!inScope(d.schema)) continue;
    const domain: Mutable<SpecDomain> = { type: typeIn(d.baseType, d.schema) };
    if (d.notNull) domain.nullable = false;
    if (d.default !== null) domain.default = oneLine(d.default);
    if (d.collation !== null) domain.collation = d.collation;
    if (d.checks.length) {
      domain.checks = Object.fromEntries(
        d.checks.map((c) => [c.name, oneLine(/^CHECK \((.*)\)( NOT VALID)?$/s.exec(c.definition)?.[1] ?? c.definition)]),
      );
    }
    if (d.comment !== null) domain.description = d.comment;
    domains[specName(d.schema, d.name)] = domain;
  }

  const sequences: Record<string, SpecSequence> = {};
  for (const s of model.sequences) {
    if (!inScope(s.schema)) continue;
    const owner = s.ownedBy ? findTable(s.ownedBy.schema, s.ownedBy.table) : undefined;
    const ownerColumn = owner?.columns.find((c) => c.name === s.ownedBy?.column);
    const sequence = sequenceSpec(s);
    if (s.identity && s.ownedBy) {
      // Implied by the identity column unless its name or options are its own.
      const { type: _type, ...options } = sequence;
      const defaultName = s.name === defaultNames.sequence(s.ownedBy.table, s.ownedBy.column);
      const typeMatches = ownerColumn === undefined || ownerColumn.type === s.dataType;
      if (defaultName && typeMatches && Object.keys(options).length === 0) continue;
      sequence.type = typeMatches ? undefined : s.dataType;
      if (sequence.type === undefined) delete sequence.type;
    }
    if (s.ownedBy) sequence.ownedBy = `${refName(s.schema, s.ownedBy.schema, s.ownedBy.table)}.${namePart(s.ownedBy.column)}`;
    sequences[specName(s.schema, s.name)] = sequence;
  }

  const tables: Record<string, SpecTable> = {};
  for (const t of model.tables) {
    if (!inScope(t.schema)) continue;
    tables[specName(t.schema, t.name)] = tableSpec(t);
  }

  function tableSpec(t: Table): SpecTable {
    const parent = parentOf(t);
    const columns: Record<string, Mutable<SpecColumn>> = {};
    // Key order is the file's reading order: what the table is, then its columns.
    const head: Partial<Mutable<SpecTable>> = {};
    if (t.comment !== null) head.description = t.comment;
    if (t.partitionOf) head.partitionOf = { table: refName(t.schema, t.partitionOf.schema, t.partitionOf.table), bound: t.partitionOf.bound };
    if (t.partitionKey !== null) head.partitionBy = t.partitionKey;
    if (t.unlogged) head.unlogged = true;
    const out: Mutable<SpecTable> = { ...head, columns };

    // columns
    for (const c of t.columns) {
      if (parent) {
        const p = parent.columns.find((x) => x.name === c.name);
        if (p && !partitionColumnDiffers(c, p)) continue;
        const column: Mutable<SpecColumn> = { type: typeIn(c.type, t.schema) };
        if (!c.nullable) column.nullable = false;
        if (c.default !== null) column.default = oneLine(c.default);
        if (c.comment !== null) column.description = c.comment;
        columns[c.name] = column;
        continue;
      }
      columns[c.name] = columnSpec(c, typeIn(c.type, t.schema));
    }

    const own = t.constraints.filter((c) => !inheritedConstraints.has(c));
    const shorthand = new Set<string>(); // objectKey(column, kind) already used

    // primary key
    const pk = own.find((c): c is PrimaryKeyConstraint => c.kind === 'primary_key');
    if (pk) {
      out.primaryKey = isDefaultName(t.schema, pk.name, defaultNames.primaryKey(t.name), true)
        ? [...pk.columns]
        : { name: pk.name, columns: [...pk.columns] };
    }

    // unique constraints
    const uniques: SpecUnique[] = [];
    for (const u of own.filter((c): c is UniqueConstraint => c.kind === 'unique')) {
      const defaultName = isDefaultName(t.schema, u.name, defaultNames.unique(t.name, indexColumnNamesOf(t, u.name, u.columns)), true);
      const column = u.columns.length === 1 ? columns[u.columns[0]!] : undefined;
      if (column && !parent && !u.nullsNotDistinct && !u.deferrable && !shorthand.has(objectKey(u.columns[0]!, 'unique'))) {
        shorthand.add(objectKey(u.columns[0]!, 'unique'));
        column.unique = defaultName ? true : u.name;
        continue;
      }
      uniques.push({
        ...(defaultName ? {} : { name: u.name }),
        columns: [...u.columns],
        ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
        ...(u.deferrable ? { deferrable: true } : {}),
        ...(u.initiallyDeferred ? { initiallyDeferred: true } : {}),
      });
    }
    if (uniques.length) out.unique = uniques;

    // checks
    const checks: SpecCheck[] = [];
    for (const c of own.filter((x): x is CheckConstraint => x.kind === 'check')) {
      const column = c.columns.length === 1 ? columns[c.columns[0]!] : undefined;
      if (
        column &&
        !parent &&
        !c.noInherit &&
        c.name === defaultNames.columnCheck(t.name, c.columns[0]!) &&
        !shorthand.has(objectKey(c.columns[0]!, 'check'))
      ) {
        shorthand.add(objectKey(c.columns[0]!, 'check'));
        column.check = oneLine(c.expression);
        continue;
      }
      const defaultName = isDefaultName(t.schema, c.name, defaultNames.check(t.name, c.columns), false);
      checks.push({ ...(defaultName ? {} : { name: c.name }), expression: oneLine(c.expression), ...(c.noInherit ? { noInherit: true } : {}) });
    }
    if (checks.length) out.checks = checks;

    // foreign keys
    const foreignKeys: SpecForeignKey[] = [];
    for (const fk of own.filter((c): c is ForeignKeyConstraint => c.kind === 'foreign_key')) {
      const defaultName = isDefaultName(t.schema, fk.name, defaultNames.foreignKey(t.name, fk.columns), false);
      const reference = referenceSpec(t, fk);
      const column = fk.columns.length === 1 ? columns[fk.columns[0]!] : undefined;
      if (column && !parent && !shorthand.has(objectKey(fk.columns[0]!, 'references'))) {
        shorthand.add(objectKey(fk.columns[0]!, 'references'));
        column.references = defaultName ? reference : { ...reference, name: fk.name };
        continue;
      }
      foreignKeys.push({ ...(defaultName ? {} : { name: fk.name }), columns: [...fk.columns], references: reference });
    }
    if (foreignKeys.length) out.foreignKeys = foreignKeys;

    // exclusions
    const exclusions = own.filter((c): c is ExclusionConstraint => c.kind === 'exclusion');
    if (exclusions.length) out.exclusions = Object.fromEntries(exclusions.map((x) => [x.name, oneLine(x.definition)]));

    // indexes not backing a constraint
    const indexes: Record<string, SpecIndex> = {};
    for (const index of t.indexes) {
      if (index.constraint !== null || inheritedIndexes.has(index)) continue;
      indexes[index.name] = indexSpec(t, index);
    }
    if (Object.keys(indexes).length) out.indexes = indexes;
    // The description reads best last, after the shorthands added above.
    for (const column of Object.values(columns)) {
      if (column.description === undefined) continue;
      const description = column.description;
      delete column.description;
      column.description = description;
    }
    return out;
  }

  function referenceSpec(t: Table, fk: ForeignKeyConstraint): SpecReference {
    const referenced = findTable(fk.references.schema, fk.references.table);
    const referencedPk = referenced?.constraints.find((c) => c.kind === 'primary_key');
    const ref: Mutable<SpecReference> = { table: refName(t.schema, fk.references.schema, fk.references.table) };
    if (!referencedPk || !sameColumns(referencedPk.columns, fk.references.columns)) {
      if (fk.references.columns.length === 1) ref.column = fk.references.columns[0]!;
      else ref.columns = [...fk.references.columns];
    }
    if (fk.onDelete !== 'NO ACTION') ref.onDelete = action(fk.onDelete);
    if (fk.onUpdate !== 'NO ACTION') ref.onUpdate = action(fk.onUpdate);
    if (fk.match === 'FULL') ref.match = 'full';
    if (fk.deferrable) ref.deferrable = true;
    if (fk.initiallyDeferred) ref.initiallyDeferred = true;
    return ref;
  }

  const fileSchemas = new Set<string>();
  for (const key of [...model.enums, ...model.domains, ...model.sequences, ...model.tables]) {
    if (inScope(key.schema)) fileSchemas.add(key.schema);
  }
  const modelSchemas = model.schemas.map((s) => s.name).filter(inScope).sort(compareText);
  if (modelSchemas.length !== fileSchemas.size || modelSchemas.some((s) => !fileSchemas.has(s))) spec.schemas = modelSchemas;

  if (Object.keys(enums).length) spec.enums = enums;
  if (Object.keys(domains).length) spec.domains = domains;
  if (Object.keys(sequences).length) spec.sequences = sequences;
  if (Object.keys(tables).length) spec.tables = tables;
  return spec;
}

/** A partition column is listed when what PostgreSQL does not copy from the parent differs. */
function partitionColumnDiffers(c: Column, parent: Column): boolean {
  return c.default !== parent.default || (!c.nullable && parent.nullable) || c.comment !== null;
}

function columnSpec(c: Column, type: string): Mutable<SpecColumn> {
  const column: Mutable<SpecColumn> = { type };
  if (!c.nullable) column.nullable = false;
  if (c.default !== null) column.default = oneLine(c.default);
  if (c.identity !== null) column.identity = c.identity === 'always' ? 'always' : 'by default';
  if (c.generated !== null) column.generated = oneLine(c.generated.expression);
  if (c.collation !== null) column.collation = c.collation;
  if (c.comment !== null) column.description = c.comment;
  return column;
}

/** Sequence options that differ from CREATE SEQUENCE's defaults for the sequence's type. */
function sequenceSpec(s: Sequence): Mutable<SpecSequence> {
  const out: Mutable<SpecSequence> = {};
  if (s.dataType !== 'bigint') out.type = s.dataType;
  const [typeMin, typeMax] = INTEGER_RANGES[s.dataType] ?? INTEGER_RANGES.bigint!;
  const increment = BigInt(s.increment);
  const ascending = increment > 0n;
  const min = BigInt(s.min);
  const max = BigInt(s.max);
  if (increment !== 1n) out.increment = numberValue(s.increment);
  if (min !== (ascending ? 1n : typeMin)) out.min = numberValue(s.min);
  if (max !== (ascending ? typeMax : -1n)) out.max = numberValue(s.max);
  if (BigInt(s.start) !== (ascending ? min : max)) out.start = numberValue(s.start);
  if (s.cache !== '1') out.cache = numberValue(s.cache);
  if (s.cycle) out.cycle = true;
  return out;
}

/** An index in the spec's structural form, or its definition when the structure cannot say it all. */
function indexSpec(t: Table, index: Index): SpecIndex {
  if (needsSql(index)) {
    // On a partitioned table PostgreSQL prints `ON ONLY`, which would skip the partitions.
    const sqlForm: Mutable<SpecIndex> = { sql: oneLine(index.definition.replace(/ ON ONLY /, ' ON ')) };
    if (index.comment !== null) sqlForm.description = index.comment;
    return sqlForm;
  }
  const columnNames = new Set(t.columns.map((c) => c.name));
  const keys = index.keys.map((k): string | SpecIndexKey => {
    const defaultNulls = k.order === 'desc' ? 'first' : 'last';
    const plain = k.order === 'asc' && k.nulls === 'last' && k.opclass === null && k.collation === null;
    if (plain && k.column !== null) return k.column;
    const expression = oneLine(k.expression ?? '');
    if (plain && k.expression !== null && !columnNames.has(expression)) return expression;
    const key: Mutable<SpecIndexKey> = k.column !== null ? { column: k.column } : { expression };
    if (k.order === 'desc') key.order = 'desc';
    if (k.nulls !== defaultNulls) key.nulls = k.nulls;
    if (k.opclass !== null) key.opclass = k.opclass;
    if (k.collation !== null) key.collation = k.collation;
    return key;
  });
  const out: Mutable<SpecIndex> = { columns: keys };
  if (index.unique) out.unique = true;
  if (index.method !== 'btree') out.method = index.method;
  if (index.include.length) out.include = [...index.include];
  if (index.nullsNotDistinct) out.nullsNotDistinct = true;
  if (index.where !== null) out.where = oneLine(index.where);
  if (index.comment !== null) out.description = index.comment;
  return out;
}
