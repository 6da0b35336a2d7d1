import { addDomainConstraintSql } from '../kinds/domain/sql.js';
import { commentOnConstraintSql, constraintDefinitionSql, validateConstraintSql } from '../kinds/constraint/sql.js';
import { commentOnIndexSql, setIndexStorageSql } from '../kinds/index/sql.js';
import { commentOnSchemaSql } from '../kinds/schema/sql.js';
import { commentOnSql } from '../kinds/comment/sql.js';
import { commentOnExtensionSql } from '../kinds/extension/sql.js';
import { qualifiedName } from '../model/identifiers.js';
import { defaultNames, indexColumnNames } from '../model/naming.js';
import type { Constraint, Domain, SchemaModel, Table } from '../model/schema-model.js';
import type { RoleMapping } from '../kinds/privilege/govern.js';
import { redactCredentials } from '../redact.js';
import { safeSql, sqlCommentLine } from '../safe-text.js';
import type { ConstraintNode, DdlHooks } from '../spec-file/ddl-context.js';
import { inMemorySpec } from '../spec-file/in-memory-spec.js';
import { modelToSpec, oneLine } from '../spec-file/model-to-spec.js';
import { qualifiedKey } from '../spec-file/names.js';
import { specToDdlPhases } from '../spec-file/spec-to-ddl.js';

/**
 * The model as DDL: the statements that build, in an empty database, the
 * schema an introspection read — a `pg_dump --schema-only` for what the model
 * holds, for servers that ship no pg_dump (our embedded binaries) and for
 * `snapshot --format sql`.
 *
 * How: the spec path — `modelToSpec`, then the kinds' DDL builders run by
 * `specToDdlPhases`, the path the spec round trip tests on every fixture: it
 * orders the statements (schemas, extensions, enums, domains, sequences,
 * tables parents first, constraints partitions first, foreign keys last,
 * sequence ownership, indexes, comments), knows what a partition gets from
 * its parent, gives an identity column its own sequence options, and quotes
 * every name. Where the model says more than a spec can, it tells the
 * builders through their hooks (DdlHooks), never by editing their text:
 *
 * - Table constraints are added as PostgreSQL prints them
 *   (`ALTER TABLE t ADD CONSTRAINT name <pg_get_constraintdef>`), always
 *   named, as pg_dump adds them. So what the spec has no field for comes
 *   through: NOT VALID (the model's `validated: false`; its definition leaves
 *   the words out), NOT ENFORCED (18+), a deferrable primary key, INCLUDE
 *   columns of a primary key or unique constraint. Each spec node is matched
 *   to its constraint by the name it gives, or, unnamed, by kind,
 *   PostgreSQL's default name and the node's columns or expression; a node
 *   matched to nothing is written as the spec says.
 * - A virtual generated column (18+) is created VIRTUAL, not STORED, and
 *   columns are created in the model's order (the spec's column object puts
 *   a name like `1` first).
 * - A domain check that is NOT VALID (CREATE DOMAIN cannot say so) is added
 *   right after its domain with ALTER DOMAIN ... ADD CONSTRAINT.
 * - An extension is created WITH SCHEMA (the model's; created first when it
 *   is not one of the schemas written) and CASCADE (an extension it requires
 *   comes with it when the name order puts it later). Its version is the
 *   server's default: the target server may not have the source's.
 *
 * And the model adds statements of its own, after the spec's (comments last):
 * - A partition's copy of a parent's NOT VALID constraint that is valid
 *   (the partition was attached later) is validated (VALIDATE CONSTRAINT).
 * - Storage parameters of an index backing a constraint, which
 *   pg_get_constraintdef does not print, are set with ALTER INDEX ... SET.
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
 * - C functions need their library on the server that loads the DDL.
 * - owners, grants and default privileges, unless `roles` names the roles to
 *   write them for; publications, rules, statistics objects, user-defined
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
  /**
   * Owners, grants and default privileges of these roles (and PUBLIC), as
   * `snapshot --role` writes them (src/kinds/privilege/spec.ts): ALTER …
   * OWNER TO, REVOKE … FROM PUBLIC and GRANT, ALTER DEFAULT PRIVILEGES,
   * after every object and policy, before the comments. The roles must
   * exist where the DDL is loaded (`--verify` creates them on its scratch
   * server). Default: none (no owner or grant is written).
   */
  readonly roles?: readonly RoleMapping[];
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
  const spec = inMemorySpec(
    modelToSpec({ ...model, domains }, { ...(options.schemas ? { schemas: options.schemas } : {}), ...(options.roles?.length ? { roles: options.roles } : {}) }),
  );
  const tables = new Map(model.tables.map((t) => [qualifiedKey(t.schema, t.name), t]));
  const phases = specToDdlPhases(spec, modelHooks(model, tables, laterChecks));
  const all = [
    ...[...phases.objects, ...phases.constraints, ...phases.links, ...phases.indexes, ...phases.views].map((s) => s.sql),
    ...validatedCopies(model, tables, inScope),
    ...constraintIndexOptions(model, inScope),
    // Views after every key (a GROUP BY may rely on a primary key), each after the views it reads.
    ...phases.views.map((s) => s.sql),
    ...phases.triggers.map((s) => s.sql),
    // Policies, then row-level security switched on.
    ...phases.policies.map((s) => s.sql),
    // Owners and grants (with `roles` only), once every object they apply to exists.
    ...phases.privileges.map((s) => s.sql),
    ...phases.comments.map((s) => s.sql),
    ...missingComments(model, inScope),
  ];
  // A schema for two extensions, an index comment the spec wrote too: once.
  return [...new Set(all)];
}

/** What the model says that its spec cannot, for the DDL builders (see the module comment). */
function modelHooks(model: SchemaModel, tables: ReadonlyMap<string, Table>, laterChecks: ReadonlyMap<string, Domain['checks']>): DdlHooks {
  const extensions = new Map(model.extensions.map((e) => [e.name, e]));
  return {
    extension(name) {
      const e = extensions.get(name);
      if (e === undefined) return undefined;
      const own = e.schema !== 'public' && e.schema !== 'pg_catalog';
      return { options: { schema: e.schema, ...(e.version !== null ? { version: e.version } : {}), cascade: true }, schema: own ? e.schema : null };
    },
    afterDomain: (schema, name) => (laterChecks.get(qualifiedKey(schema, name)) ?? []).map((c) => addDomainConstraintSql(schema, name, c.name, c.definition)),
    columns(schema, name) {
      const t = tables.get(qualifiedKey(schema, name));
      return t && new Map(t.columns.map((c) => [c.name, { position: c.position, virtual: c.generated?.kind === 'virtual' }]));
    },
    constraint(schema, name, node) {
      const t = tables.get(qualifiedKey(schema, name));
      const c = t?.constraints.find((x) =>
        x.kind !== node.kind ? false : node.name !== undefined ? x.name === node.name : x.name === defaultNameOf(t, x) && describes(node, x),
      );
      return c && { name: c.name, body: constraintDefinitionSql(c) };
    },
  };
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
        out.push(validateConstraintSql(t.schema, t.name, c.name));
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
      const parameters = i.constraint !== null ? /\) WITH \(([^()]*)\)/.exec(i.definition)?.[1] : undefined;
      if (parameters) out.push(setIndexStorageSql(t.schema, i.name, parameters));
    }
  }
  return out;
}

// -- constraints ---------------------------------------------------------------

const sameColumns = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);

/** For an unnamed spec node: does it describe `c` (its columns, or the check's expression)? */
function describes(node: ConstraintNode, c: Constraint): boolean {
  switch (node.kind) {
    case 'primary_key':
      return true;
    case 'exclusion':
      return false; // always named
    case 'check':
      if (node.check) return c.kind === 'check' && oneLine(c.expression) === node.check.expression && c.noInherit === node.check.noInherit;
      return node.columns !== undefined && sameColumns(c.columns, node.columns);
    default:
      return node.columns !== undefined && sameColumns(c.columns, node.columns);
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
    out.push(commentOnSchemaSql(s.name, s.comment));
  }
  // An extension's comment is its control file's unless changed: written either way (CREATE EXTENSION set it already).
  for (const e of model.extensions) if (e.comment !== null && inScope(e.schema)) out.push(commentOnExtensionSql(e.name, e.comment));
  for (const q of model.sequences) if (q.comment !== null && inScope(q.schema)) out.push(commentOnSql(`SEQUENCE ${qualifiedName(q.schema, q.name)}`, q.comment));
  for (const t of model.tables) {
    if (!inScope(t.schema)) continue;
    for (const c of t.constraints) if (c.comment !== null) out.push(commentOnConstraintSql(t.schema, t.name, c.name, c.comment));
    for (const i of t.indexes) if (i.comment !== null) out.push(commentOnIndexSql(t.schema, i.name, i.comment));
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


/**
 * The statements as a script for `psql -v ON_ERROR_STOP=1 -f FILE`: a
 * comment header, the session settings the statements assume (UTF-8 client
 * encoding, standard strings, the search_path the model's SQL text was
 * printed under), then each statement with its `;` and a blank line.
 * Deterministic: the same statements and header give the same bytes.
 */
export function renderDdlScript(statements: readonly string[], header: DdlScriptHeader): string {
  const head = [
    // Every line that carries outside text goes through the one comment helper (src/safe-text.ts).
    sqlCommentLine(`The schema of ${redactCredentials(header.source)}, as DDL.`),
    sqlCommentLine(`Written by schema-audit ${header.toolVersion}${header.generatedAt !== undefined ? ` at ${header.generatedAt}` : ''}.`),
    '--',
    '-- Holds schemas, extensions, enums, domains, sequences, functions, tables',
    '-- (columns, constraints, indexes, partitions, comments, row-level security and',
    '-- its policies), views and triggers; not event triggers, owners, grants or data.',
    '-- Load it into an empty database: psql -v ON_ERROR_STOP=1 -f FILE',
    '',
    "SET client_encoding = 'UTF8';",
    'SET standard_conforming_strings = on;',
    '-- The SQL text below was printed by PostgreSQL under this search_path.',
    'SET search_path = pg_catalog, public;',
    '-- As pg_dump: a function body may name a table created after it.',
    'SET check_function_bodies = false;',
    '',
  ];
  return [...head.map((line) => `${line}\n`), ...statements.map((s) => `${safeSql(s)};\n\n`)].join('');
}
