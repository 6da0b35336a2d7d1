import { qualifiedName, quoteIdent, quoteLiteral, readQuoted } from '../model/identifiers.js';
import { redactCredentials } from '../redact.js';
import type { Constraint, ConstraintKind, Domain, SchemaModel, Table } from '../model/schema-model.js';
import { inMemorySpec } from '../spec-file/in-memory-spec.js';
import { defaultNames, indexColumnNames } from '../model/naming.js';
import { modelToSpec, oneLine } from '../spec-file/model-to-spec.js';
import { qualifiedKey } from '../spec-file/names.js';
import { specToDdl, type DdlStatement } from '../spec-file/spec-to-ddl.js';
import type { LoadedSpec } from '../spec-file/spec-types.js';

/**
 * The model as DDL: the statements that build, in an empty database, the
 * schema an introspection read — a `pg_dump --schema-only` for what the model
 * holds, for servers that ship no pg_dump (our embedded binaries) and for
 * `snapshot --format sql`.
 *
 * How: `specToDdl(modelToSpec(model))`, the spec path, which the spec round
 * trip tests on every fixture: it orders the statements (schemas, extensions,
 * enums, domains, sequences, tables parents first, constraints partitions
 * first, foreign keys last, sequence ownership, indexes, comments), knows
 * what a partition gets from its parent, gives an identity column its own
 * sequence options, and quotes every name. The statements are then made as
 * exact as the model allows, where the spec says less than the model:
 *
 * - Table constraints are added as PostgreSQL prints them
 *   (`ALTER TABLE t ADD CONSTRAINT name <pg_get_constraintdef>`), always
 *   named, as pg_dump adds them. So what the spec has no field for comes
 *   through: NOT VALID (the model's `validated: false`; its definition leaves
 *   the words out), NOT ENFORCED (18+), a deferrable primary key, INCLUDE
 *   columns of a primary key or unique constraint. Each statement
 *   is matched to its constraint by the name it gives, or, unnamed, by kind,
 *   PostgreSQL's default name and the spec node's columns or expression;
 *   a statement matched to nothing is kept as the spec wrote it.
 * - A partition's copy of a parent's NOT VALID constraint that is valid
 *   (the partition was attached later) is validated (VALIDATE CONSTRAINT).
 * - A domain check that is NOT VALID (CREATE DOMAIN cannot say so) is added
 *   right after its domain with ALTER DOMAIN ... ADD CONSTRAINT.
 * - Storage parameters of an index backing a constraint, which
 *   pg_get_constraintdef does not print, are set with ALTER INDEX ... SET.
 * - A virtual generated column (18+) is created VIRTUAL, not STORED, and
 *   columns are created in the model's order (the spec's column object puts
 *   a name like `1` first).
 * - An extension is created WITH SCHEMA (the model's; created first when it
 *   is not one of the schemas written) and CASCADE (an extension it requires
 *   comes with it when the name order puts it later). Its version is the
 *   server's default: the target server may not have the source's.
 * - Comments the spec has no place for: on constraints, on indexes that
 *   back a constraint or that a partition copies from its parent, and on
 *   schemas (not `public`'s stock 'standard public schema').
 *
 * SQL text in the model (types, defaults, expressions, definitions) was
 * printed under `search_path = pg_catalog, public`; run the statements under
 * the same path (renderDdlScript sets it) and every name resolves as it did.
 * Every object the statements create is schema-qualified, so nothing lands
 * in pg_catalog.
 *
 * Known limitations — what the model does not hold, so the DDL cannot build:
 * - views, materialized views, functions, procedures, aggregates and trigger
 *   bodies (the model lists their names and signatures only); triggers are
 *   left out with them. A default, check, generated column or index that
 *   calls a function of the schema fails to load without it.
 * - owners, grants, default privileges, row-level security and its
 *   policies, publications, rules, statistics objects, user-defined
 *   collations, operators, casts, text search configurations, foreign
 *   tables and servers, event triggers;
 * - table inheritance (INHERITS: the tables come out independent),
 *   table storage parameters, tablespaces (an index or constraint naming one
 *   needs it to exist), column storage and statistics targets, sequence
 *   positions, data;
 * - validity of an index (`indisvalid` false after a failed CREATE INDEX
 *   CONCURRENTLY: it comes out valid);
 * - storage parameters of a partitioned table's constraint index;
 * - a `public` schema the source dropped, or whose comment it removed.
 * With `schemas`, objects of other schemas that the DDL names (a foreign
 * key's table, a type) must already exist where it is loaded.
 */
export interface ModelToDdlOptions {
  /** Only these schemas (default: every schema of the model). */
  readonly schemas?: readonly string[];
}

/** The comment PostgreSQL gives the `public` schema of every new database. */
const STOCK_PUBLIC_COMMENT = 'standard public schema';

const NOT_VALID_SUFFIX = / NOT VALID$/;

export function modelToDdl(model: SchemaModel, options: ModelToDdlOptions = {}): string[] {
  const inScope = (schema: string): boolean => !options.schemas || options.schemas.includes(schema);
  // NOT VALID domain checks are held back from CREATE DOMAIN and added after it.
  const laterChecks = new Map<string, Domain['checks']>();
  const domains = model.domains.map((d): Domain => {
    const notValid = d.checks.filter((c) => NOT_VALID_SUFFIX.test(c.definition));
    if (notValid.length === 0) return d;
    laterChecks.set(qualifiedKey(d.schema, d.name), notValid);
    return { ...d, checks: d.checks.filter((c) => !notValid.includes(c)) };
  });
  const spec = inMemorySpec(modelToSpec({ ...model, domains }, options.schemas ? { schemas: options.schemas } : {}));
  const tables = new Map(model.tables.map((t) => [qualifiedKey(t.schema, t.name), t]));

  // Statements in the spec's order; comments (the spec's last step) after what is added here.
  const body: string[] = [];
  const comments: string[] = [];
  for (const statement of specToDdl(spec)) {
    const [section, schema, name] = statement.path;
    if (statement.sql.startsWith('COMMENT ON ')) {
      comments.push(statement.sql);
    } else if (section === 'extensions') {
      body.push(...extensionStatements(statement, model));
    } else if (section === 'domains' && statement.path.length === 3) {
      body.push(statement.sql);
      for (const c of laterChecks.get(qualifiedKey(schema!, name!)) ?? []) {
        body.push(`ALTER DOMAIN ${qualifiedName(schema!, name!)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
      }
    } else {
      const table = section === 'tables' ? tables.get(qualifiedKey(schema!, name!)) : undefined;
      if (table && statement.path.length === 3) body.push(withVirtualColumns(inColumnOrder(statement.sql, table), table));
      else body.push((table && constraintStatement(statement, table, spec)) ?? statement.sql);
    }
  }
  const all = [
    ...body,
    ...validatedCopies(model, tables, inScope),
    ...constraintIndexOptions(model, inScope),
    ...comments,
    ...missingComments(model, inScope),
  ];
  // A schema for two extensions, an index comment the spec wrote too: once.
  return [...new Set(all)];
}

/**
 * An extension WITH SCHEMA (created first unless `public` or `pg_catalog`)
 * and CASCADE. The statement's path is `['extensions', index]`; modelToSpec
 * lists the model's extensions in order.
 */
function extensionStatements(statement: DdlStatement, model: SchemaModel): string[] {
  const extension = model.extensions[Number(statement.path[1])];
  if (!extension || statement.sql !== `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension.name)}`) return [statement.sql];
  const own = extension.schema !== 'public' && extension.schema !== 'pg_catalog';
  return [
    ...(own ? [`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(extension.schema)}`] : []),
    `${statement.sql} WITH SCHEMA ${quoteIdent(extension.schema)} CASCADE`,
  ];
}

/**
 * VALIDATE CONSTRAINT for a partition's copy of a NOT VALID check or foreign
 * key of its parent that the model has validated: the copy of a partition
 * attached after the parent's constraint was added is valid, but the DDL
 * adds constraints after every partition exists, so each copy would follow
 * the parent. (Validating a copy validates its own partitions' copies.)
 */
function validatedCopies(model: SchemaModel, tables: ReadonlyMap<string, Table>, inScope: (schema: string) => boolean): string[] {
  const out: string[] = [];
  for (const t of model.tables) {
    const parent = t.partitionOf ? tables.get(qualifiedKey(t.partitionOf.schema, t.partitionOf.table)) : undefined;
    if (!parent || !inScope(t.schema)) continue;
    for (const c of t.constraints) {
      const original = parent.constraints.find((p) => p.name === c.name && p.kind === c.kind);
      if (c.validated && original && !original.validated && (c.kind === 'check' || c.kind === 'foreign_key')) {
        out.push(`ALTER TABLE ${qualifiedName(t.schema, t.name)} VALIDATE CONSTRAINT ${quoteIdent(c.name)}`);
      }
    }
  }
  return out;
}

/**
 * ALTER INDEX ... SET (...) for the storage parameters of an index backing a
 * primary key, unique or exclusion constraint: pg_get_constraintdef leaves
 * them out (the other indexes' come through the spec's `sql` form).
 * Known limitation: not for a partitioned table, whose index takes no SET.
 */
function constraintIndexOptions(model: SchemaModel, inScope: (schema: string) => boolean): string[] {
  const out: string[] = [];
  for (const t of model.tables) {
    if (!inScope(t.schema) || t.kind === 'partitioned_table') continue;
    for (const i of t.indexes) {
      const options = i.constraint !== null ? /\) WITH \(([^()]*)\)/.exec(i.definition)?.[1] : undefined;
      if (options) out.push(`ALTER INDEX ${qualifiedName(t.schema, i.name)} SET (${options})`);
    }
  }
  return out;
}

// -- constraints ---------------------------------------------------------------

/** `definition` as ADD CONSTRAINT takes it: with NOT VALID when the model's constraint is not validated. */
function constraintSql(c: Constraint): string {
  // NOT ENFORCED (18+) implies not validated, and PostgreSQL prints only that.
  return c.validated || / NOT ENFORCED$/.test(c.definition) ? c.definition : `${c.definition} NOT VALID`;
}

const sameColumns = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);

/** What a spec node says of the constraint it adds, to find that constraint in the model. */
interface ConstraintNode {
  readonly kind: ConstraintKind;
  /** For an unnamed node: does it describe `c` (columns, or the check's expression)? */
  readonly describes: (c: Constraint) => boolean;
}

/**
 * The constraint node a statement's path points at: `primaryKey`,
 * `unique.N`, `checks.N`, `exclusions.NAME`, `foreignKeys.N`, or a column's
 * `unique` / `check` / `references` shorthand. Null for any other path.
 */
function constraintNode(path: readonly string[], spec: LoadedSpec): ConstraintNode | null {
  const [, schema, table, part, item, shorthand] = path;
  const t = spec.tables.get(qualifiedKey(schema ?? '', table ?? ''));
  if (!t || part === undefined) return null;
  const over = (columns: readonly string[]) => (c: Constraint) => 'columns' in c && sameColumns(c.columns, columns);
  const at = <T>(list: readonly T[] | undefined): T | undefined => (item === undefined ? undefined : list?.[Number(item)]);
  switch (part) {
    case 'primaryKey':
      return path.length === 4 ? { kind: 'primary_key', describes: () => true } : null;
    case 'unique': {
      const u = at(t.unique);
      return u ? { kind: 'unique', describes: over(u.columns) } : null;
    }
    case 'checks': {
      const check = at(t.checks);
      if (!check) return null;
      const describes = (c: Constraint): boolean =>
        c.kind === 'check' && oneLine(c.expression) === check.expression && c.noInherit === (check.noInherit ?? false);
      return { kind: 'check', describes };
    }
    case 'exclusions':
      return { kind: 'exclusion', describes: () => false }; // always named
    case 'foreignKeys': {
      const fk = at(t.foreignKeys);
      return fk ? { kind: 'foreign_key', describes: over(fk.columns) } : null;
    }
    case 'columns': {
      if (path.length !== 6 || item === undefined) return null;
      const kind = ({ unique: 'unique', check: 'check', references: 'foreign_key' } as const)[shorthand as string];
      return kind ? { kind, describes: over([item]) } : null;
    }
    default:
      return null;
  }
}

/**
 * The name PostgreSQL gives `c` created unnamed on `table` (before numbering),
 * as modelToSpec reckons it; null for an exclusion (the spec always names one).
 */
function defaultNameOf(table: Table, c: Constraint): string | null {
  switch (c.kind) {
    case 'primary_key':
      return defaultNames.primaryKey(table.name);
    case 'unique': {
      // named after the index's columns, INCLUDE columns too
      const index = table.indexes.find((i) => i.name === c.name);
      return defaultNames.unique(table.name, index ? indexColumnNames(index.keys, index.include) : c.columns);
    }
    case 'foreign_key':
      return defaultNames.foreignKey(table.name, c.columns);
    case 'check':
      return defaultNames.check(table.name, c.columns);
    case 'exclusion':
      return null;
  }
}

/** The constraint name an `ADD CONSTRAINT name ...` clause gives, or null for an unnamed `ADD ...`. */
function givenName(clause: string): string | null {
  const keyword = 'CONSTRAINT ';
  if (!clause.startsWith(keyword)) return null;
  if (clause[keyword.length] === '"') return readQuoted(clause, keyword.length)?.literal ?? null;
  return /^[a-z_][a-z0-9_$]*/.exec(clause.slice(keyword.length))?.[0] ?? null;
}

/**
 * A spec statement adding a table constraint, rewritten to add the model's
 * constraint as PostgreSQL prints it, under its name; null when the
 * statement adds no constraint or its constraint is not found.
 */
function constraintStatement(statement: DdlStatement, table: Table, spec: LoadedSpec): string | null {
  const node = constraintNode(statement.path, spec);
  const prefix = `ALTER TABLE ${qualifiedName(table.schema, table.name)} ADD `;
  if (!node || !statement.sql.startsWith(prefix)) return null;
  const name = givenName(statement.sql.slice(prefix.length));
  const c = table.constraints.find((x) =>
    x.kind !== node.kind ? false : name !== null ? x.name === name : x.name === defaultNameOf(table, x) && node.describes(x),
  );
  return c ? `${prefix}CONSTRAINT ${quoteIdent(c.name)} ${constraintSql(c)}` : null;
}

// -- columns ---------------------------------------------------------------------

/**
 * A CREATE TABLE with its column lines in the model's column order. The
 * spec's columns are an object whose key order is the column order, but
 * JavaScript puts keys that look like array indexes (a column named `1`)
 * first. specToDdl writes one column per line (`  name type ...`), the list
 * between the first `(` line and the last `)` line.
 */
function inColumnOrder(sql: string, table: Table): string {
  const open = sql.indexOf(' (\n  ');
  const close = sql.lastIndexOf('\n)');
  if (open < 0 || close < open) return sql;
  const lines = sql.slice(open + ' (\n  '.length, close).split(',\n  ');
  const position = (line: string): number =>
    table.columns.find((c) => line.startsWith(`${quoteIdent(c.name)} `))?.position ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...lines].sort((a, b) => position(a) - position(b));
  return `${sql.slice(0, open)} (\n  ${sorted.join(',\n  ')}${sql.slice(close)}`;
}

/**
 * A CREATE TABLE with the table's virtual generated columns (18+) made
 * VIRTUAL: the spec has one kind of generated column and writes STORED.
 * specToDdl writes one column per line, so the change stays on its line.
 */
function withVirtualColumns(sql: string, table: Table): string {
  let out = sql;
  for (const column of table.columns) {
    if (column.generated?.kind !== 'virtual') continue;
    const start = out.indexOf(`\n  ${quoteIdent(column.name)} `);
    if (start < 0) continue;
    const end = out.indexOf('\n', start + 1);
    const line = out.slice(start, end < 0 ? out.length : end);
    const stored = ` GENERATED ALWAYS AS (${oneLine(column.generated.expression)}) STORED`;
    if (!line.includes(stored)) continue;
    // a function, so that a `$&` in the expression is not a replacement pattern
    const virtual = `${stored.slice(0, -' STORED'.length)} VIRTUAL`;
    out = out.slice(0, start) + line.replace(stored, () => virtual) + out.slice(start + line.length);
  }
  return out;
}

// -- comments --------------------------------------------------------------------

/**
 * COMMENT statements for what the spec has no description for: constraints,
 * indexes (the spec comments those it lists, in the same words, so the
 * caller drops repeats), schemas.
 */
function missingComments(model: SchemaModel, inScope: (schema: string) => boolean): string[] {
  const out: string[] = [];
  for (const s of model.schemas) {
    if (!inScope(s.name) || s.comment === null || (s.name === 'public' && s.comment === STOCK_PUBLIC_COMMENT)) continue;
    out.push(`COMMENT ON SCHEMA ${quoteIdent(s.name)} IS ${quoteLiteral(s.comment)}`);
  }
  for (const t of model.tables) {
    if (!inScope(t.schema)) continue;
    for (const c of t.constraints) {
      if (c.comment === null) continue;
      out.push(`COMMENT ON CONSTRAINT ${quoteIdent(c.name)} ON ${qualifiedName(t.schema, t.name)} IS ${quoteLiteral(c.comment)}`);
    }
    for (const i of t.indexes) {
      if (i.comment !== null) out.push(`COMMENT ON INDEX ${qualifiedName(t.schema, i.name)} IS ${quoteLiteral(i.comment)}`);
    }
  }
  return out;
}

// -- the script --------------------------------------------------------------------

/** What the script's header says about where it came from. */
export interface DdlScriptHeader {
  /** schema-audit's version. */
  readonly toolVersion: string;
  /** The database read, for people: `db.internal:5432/app (PostgreSQL 17.10)`. Never a URL with a password. */
  readonly source: string;
  /** When it was read (ISO 8601); left out, the same schema gives the same bytes. */
  readonly generatedAt?: string;
}

/** Text for a `--` comment line: one line, and a URL's password (should one be passed anyway) masked. */
function commentText(text: string): string {
  return redactCredentials(text).replace(/[\r\n]+/g, ' ');
}

/**
 * The statements as a script for `psql -v ON_ERROR_STOP=1 -f FILE`: a
 * comment header, the session settings the statements assume (UTF-8 client
 * encoding, standard strings, the search_path the model's SQL text was
 * printed under), then each statement with its `;` and a blank line.
 * Deterministic: the same statements and header give the same bytes.
 */
export function renderDdlScript(statements: readonly string[], header: DdlScriptHeader): string {
  const head = [
    `-- The schema of ${commentText(header.source)}, as DDL.`,
    `-- Written by schema-audit ${commentText(header.toolVersion)}${header.generatedAt !== undefined ? ` at ${commentText(header.generatedAt)}` : ''}.`,
    '--',
    '-- Holds schemas, extensions, enums, domains, sequences and tables (columns,',
    '-- constraints, indexes, partitions, comments); not views, functions,',
    '-- triggers, owners, grants, policies or data.',
    '-- Load it into an empty database: psql -v ON_ERROR_STOP=1 -f FILE',
    '',
    "SET client_encoding = 'UTF8';",
    'SET standard_conforming_strings = on;',
    '-- The SQL text below was printed by PostgreSQL under this search_path.',
    'SET search_path = pg_catalog, public;',
    '',
  ];
  return [...head.map((line) => `${line}\n`), ...statements.map((s) => `${s};\n\n`)].join('');
}
