/**
 * Spec validation, in two passes:
 *
 * 1. structure, per file: the file's data against `spec.schema.json` (the
 *    JSON Schema shipped for editors), each ajv error turned into a problem at
 *    the node's file:line and written path, with a message a person can act
 *    on (`unknown key 'nulable' (allowed: type, nullable, ...)`, `expected a
 *    string, got a number`, `must be one of: always, by default`);
 * 2. meaning, across the merged spec: references to tables and columns that
 *    do not exist, identity on a non-integer type, partitions of unpartitioned
 *    tables, names PostgreSQL would reject or truncate, ignore patterns that
 *    do not compile, ...
 *
 * The second pass runs even when the first found problems, so one run reports
 * everything; it checks the shape of every value it reads and skips what the
 * first pass already reported.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { FINDING_KINDS } from '../findings/kinds.js';
import { parseIgnorePattern } from '../diff/ignore.js';
import { IDENTIFIER_PATTERN, objectKey, quoteIdent, unquoteExact, unquoteIdent } from '../model/identifiers.js';
import { MAX_IDENTIFIER_BYTES } from '../model/naming.js';
import { NameError, qualifiedKey, splitIdentifiers, splitQualified, type QualifiedName } from './names.js';
import type { ParsedSpecFile } from './spec-file.js';
// Type-only: keeps spec.schema.json in the compilation, so `tsc` copies it to
// dist/spec/ next to this module (it is read at run time, below).
import type SpecJsonSchema from './spec.schema.json';
import type { LoadedSpec, SpecProblem } from './spec-types.js';

// ---------------------------------------------------------------------------
// The JSON Schema

let schemaCache: typeof SpecJsonSchema | undefined;
let validatorCache: ValidateFunction | undefined;

/** The spec's JSON Schema (`spec.schema.json`, next to this module in src/ and dist/). */
export function specJsonSchema(): typeof SpecJsonSchema {
  schemaCache ??= JSON.parse(readFileSync(new URL('./spec.schema.json', import.meta.url), 'utf8')) as typeof SpecJsonSchema;
  return schemaCache;
}

/** An ajv instance configured as the validator uses it (strict; union types allowed). */
export function createAjv(): Ajv {
  return new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
}

function validator(): ValidateFunction {
  validatorCache ??= createAjv().compile(specJsonSchema());
  return validatorCache;
}

// ---------------------------------------------------------------------------
// Pass 1: structure

function article(type: string): string {
  switch (type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'integer':
      return 'an integer';
    case 'null':
      return 'null';
    default:
      return `a ${type}`;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return article(typeof value);
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] as string}`;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

function unknownKindMessage(value: unknown): string {
  if (typeof value !== 'string') return `expected a finding kind, got ${typeOf(value)}`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const kind of FINDING_KINDS) {
    const d = editDistance(value, kind);
    if (d < bestDistance) {
      best = kind;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= 3) return `unknown finding kind '${value}' (did you mean '${best}'?)`;
  return `unknown finding kind '${value}' (known: ${FINDING_KINDS.join(', ')})`;
}

function isFindingKindEnum(values: unknown): boolean {
  return Array.isArray(values) && values.length === FINDING_KINDS.length && values.every((v, i) => v === FINDING_KINDS[i]);
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Schemaish = Record<string, unknown>;

/** The problems of one well-formed file's data against the JSON Schema. */
export function validateStructure(file: ParsedSpecFile): SpecProblem[] {
  const validate = validator();
  if (validate(file.data)) return [];
  const errors = (validate.errors ?? []).filter(
    (e) => e.keyword !== 'if' && e.keyword !== 'propertyNames' && !(e.keyword === 'required' && e.schemaPath.includes('/anyOf/')),
  );
  // A value of the wrong type: report only that (other keywords at the same
  // place, like `not` or `required`, are noise then).
  const typeErrors = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'type') continue;
    const current = typeErrors.get(e.instancePath);
    const width = (x: ErrorObject): number => [(x.params as { type: string | string[] }).type].flat().length;
    if (current === undefined || width(e) > width(current)) typeErrors.set(e.instancePath, e);
  }
  const problems: SpecProblem[] = [];
  const seen = new Set<string>();
  const add = (path: readonly string[], line: number | undefined, message: string): void => {
    const location = file.locate(path);
    const problem = { file: file.file, line: line ?? location.line, path: location.path, message };
    const id = objectKey(String(problem.line), problem.path, message);
    if (seen.has(id)) return;
    seen.add(id);
    problems.push(problem);
  };
  for (const e of errors) {
    const typeError = typeErrors.get(e.instancePath);
    if (typeError !== undefined && typeError !== e) continue;
    const path = decodePointer(e.instancePath);
    const params = e.params as Record<string, unknown>;
    const parent = (e.parentSchema ?? {}) as Schemaish;
    if (e.propertyName !== undefined) {
      // Inside `propertyNames`: the key itself is wrong.
      const keyLine = file.lineOf([...path, e.propertyName]);
      if (e.keyword === 'enum' && isFindingKindEnum(params.allowedValues)) add(path, keyLine, unknownKindMessage(e.propertyName));
      else add(path, keyLine, `key '${e.propertyName}': ${e.message ?? 'is not allowed'}`);
      continue;
    }
    switch (e.keyword) {
      case 'type': {
        const expected = [params.type as string | string[]].flat().map(article);
        add(path, undefined, `expected ${orList(expected)}, got ${typeOf(e.data)}`);
        break;
      }
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const allowed = Object.keys((parent.properties ?? {}) as Schemaish);
        // `{ type: numeric(12,2) }`: in a flow map the comma ends the value, and `2)` becomes a key.
        const hint = /\)/.test(key) && !/\(/.test(key) ? "; in a { } map a comma ends the value: quote values with commas, e.g. 'numeric(12,2)'" : '';
        add(path, file.lineOf([...path, key]), `unknown key '${key}' (allowed: ${allowed.join(', ')})${hint}`);
        break;
      }
      case 'required':
        add(path, undefined, `missing required key '${String(params.missingProperty)}'`);
        break;
      case 'enum':
        if (isFindingKindEnum(params.allowedValues)) add(path, undefined, unknownKindMessage(e.data));
        else add(path, undefined, `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`);
        break;
      case 'const':
        add(path, undefined, `must be ${JSON.stringify(params.allowedValue)}`);
        break;
      case 'not': {
        const required = (e.schema as Schemaish | undefined)?.required;
        if (Array.isArray(required) && required.length >= 2) {
          const keys = required.map(String);
          const lines = keys.map((k) => file.lineOf([...path, k]) ?? 0);
          add(path, Math.max(...lines) || undefined, `${keys.map((k) => `'${k}'`).join(' and ')} cannot be used together`);
        } else {
          add(path, undefined, e.message ?? 'is not allowed here');
        }
        break;
      }
      case 'anyOf': {
        const branches = Array.isArray(e.schema) ? (e.schema as Schemaish[]) : [];
        const keys = branches.map((b) => (Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : undefined));
        if (keys.length > 0 && keys.every((k) => k !== undefined)) add(path, undefined, `needs ${orList(keys.map((k) => `'${k}'`))}`);
        else add(path, undefined, 'does not match any allowed form');
        break;
      }
      case 'uniqueItems': {
        const items = Array.isArray(e.data) ? (e.data as unknown[]) : [];
        const first = new Map<string, number>();
        items.forEach((item, index) => {
          const id = JSON.stringify(item);
          const earlier = first.get(id);
          if (earlier === undefined) {
            first.set(id, index);
            return;
          }
          const earlierLine = file.lineOf([...path, String(earlier)]);
          const line = file.lineOf([...path, String(index)]);
          const original = earlierLine === undefined || earlierLine === line ? `item ${earlier}` : `line ${earlierLine}`;
          add([...path, String(index)], undefined, `duplicate value ${quoted(item)} (same as ${original})`);
        });
        break;
      }
      case 'minItems':
      case 'minLength':
      case 'minProperties':
        if (params.limit === 1) {
          const last = path[path.length - 1];
          if (e.keyword === 'minProperties' && last === 'columns') add(path, undefined, 'a table needs at least one column (only a partition may have none)');
          else add(path, undefined, 'must not be empty');
        } else {
          add(path, undefined, `expected at least ${String(params.limit)}`);
        }
        break;
      case 'pattern':
        if (params.pattern === '^-?[0-9]+$') add(path, undefined, `expected an integer (or a string of digits), got ${quoted(e.data)}`);
        else add(path, undefined, `must match ${String(params.pattern)}`);
        break;
      default:
        add(path, undefined, e.message ?? `is not valid (${e.keyword})`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Pass 2: meaning

type Section = 'tables' | 'enums' | 'domains' | 'sequences';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const INTEGER_TYPES = new Set(['smallint', 'int', 'int2', 'int4', 'int8', 'integer', 'bigint']);
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema']);

const IDENT = IDENTIFIER_PATTERN;
const QUALIFIED_TYPE = new RegExp(String.raw`^\s*(${IDENT})\s*\.\s*(${IDENT})\s*(?:\([^)]*\))?\s*(?:\[\s*\d*\s*\]\s*)*$`);
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;

function display(q: QualifiedName): string {
  return qualifiedKey(q.schema, q.name);
}

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...`, read far enough to check names. */
function parseCreateIndex(sql: string): { name: string | undefined; table: string[] } | undefined {
  const head = /^\s*create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?/i.exec(sql);
  if (head === null) return undefined;
  let rest = sql.slice(head[0].length);
  const ident = new RegExp(String.raw`^(${IDENT})\s*`);
  let name: string | undefined;
  let m = ident.exec(rest);
  if (m === null) return undefined;
  if (!(m[1] as string).startsWith('"') && (m[1] as string).toLowerCase() === 'on') {
    rest = rest.slice(m[0].length);
  } else {
    name = unquoteIdent(m[1] as string);
    rest = rest.slice(m[0].length);
    const on = /^on\s+/i.exec(rest);
    if (on === null) return undefined;
    rest = rest.slice(on[0].length);
  }
  const only = /^only\s+/i.exec(rest);
  if (only !== null) rest = rest.slice(only[0].length);
  m = new RegExp(String.raw`^(${IDENT})(?:\s*\.\s*(${IDENT}))?`).exec(rest);
  if (m === null) return undefined;
  const parts = [m[1] as string, m[2]].filter((p): p is string => p !== undefined).map(unquoteIdent);
  return { name, table: parts };
}

interface TableInfo {
  readonly key: string;
  readonly q: QualifiedName;
  readonly table: Record<string, unknown>;
}

/** Problems of meaning in a merged spec (structure is checked per file, by {@link validateStructure}). */
export function checkSpec(spec: LoadedSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const report = (path: readonly string[], message: string): void => {
    const location = spec.locate(path) ?? { file: spec.files[0] ?? '', line: 1, path: '' };
    problems.push({ ...location, message });
  };

  const names = (section: Section): { key: string; q: QualifiedName; value: unknown }[] => {
    const out: { key: string; q: QualifiedName; value: unknown }[] = [];
    for (const [key, value] of spec[section] as ReadonlyMap<string, unknown>) out.push({ key, q: splitQualified(key, 'public'), value });
    return out;
  };
  const tables = new Map<string, TableInfo>();
  for (const { key, q, value } of names('tables')) if (isRecord(value)) tables.set(key, { key, q, table: value });

  const owned = new Set<string>(spec.schemas);
  for (const section of ['tables', 'enums', 'domains', 'sequences'] as const) for (const { q } of names(section)) owned.add(q.schema);

  const tooLong = (name: string, path: readonly string[], what: string): void => {
    const bytes = Buffer.byteLength(name, 'utf8');
    if (bytes > MAX_IDENTIFIER_BYTES) report(path, `${what} name is ${bytes} bytes long; PostgreSQL truncates names to ${MAX_IDENTIFIER_BYTES} bytes`);
  };

  // Columns of a table, its parents' included (a partition has its parent's columns).
  const columnsOf = (key: string, visited: Set<string> = new Set()): Set<string> => {
    const info = tables.get(key);
    const result = new Set<string>();
    if (info === undefined || visited.has(key)) return result;
    visited.add(key);
    if (isRecord(info.table.columns)) for (const c of Object.keys(info.table.columns)) result.add(c);
    const parent = parentOf(info);
    if (parent !== undefined) for (const c of columnsOf(parent, visited)) result.add(c);
    return result;
  };
  function parentOf(info: TableInfo): string | undefined {
    const ref = isRecord(info.table.partitionOf) ? str(info.table.partitionOf.table) : undefined;
    if (ref === undefined) return undefined;
    try {
      return display(splitQualified(ref, info.q.schema));
    } catch {
      return undefined;
    }
  }
  const primaryKeyOf = (key: string): string[] | undefined => {
    const pk = tables.get(key)?.table.primaryKey;
    if (Array.isArray(pk)) return strings(pk);
    if (isRecord(pk)) return strings(pk.columns);
    return undefined;
  };

  const checkColumnList = (info: TableInfo, list: unknown, path: readonly string[]): void => {
    if (!Array.isArray(list)) return;
    const columns = columnsOf(info.key);
    list.forEach((column, index) => {
      if (typeof column === 'string' && !columns.has(column)) report([...path, String(index)], `${display(info.q)} has no column '${column}'`);
    });
  };

  /** A reference from `localCount` columns of `from`, written at `path`. */
  const checkReference = (from: TableInfo, reference: unknown, localCount: number, path: readonly string[], shorthand: boolean): void => {
    if (!isRecord(reference)) return;
    const target = str(reference.table);
    if (target === undefined) return;
    let q: QualifiedName;
    try {
      q = splitQualified(target, from.q.schema);
    } catch (err) {
      report([...path, 'table'], `invalid table name: ${(err as Error).message}`);
      return;
    }
    const key = display(q);
    if (!tables.has(key)) {
      if (owned.has(q.schema)) report([...path, 'table'], `references unknown table ${key}`);
      return; // a table in a schema the spec does not own is external
    }
    const targetColumns = columnsOf(key);
    let referenced: string[] | undefined;
    if (typeof reference.column === 'string') {
      referenced = [reference.column];
      if (!targetColumns.has(reference.column)) report([...path, 'column'], `${key} has no column '${reference.column}'`);
    } else if (Array.isArray(reference.columns)) {
      referenced = strings(reference.columns);
      reference.columns.forEach((c, i) => {
        if (typeof c === 'string' && !targetColumns.has(c)) report([...path, 'columns', String(i)], `${key} has no column '${c}'`);
      });
      if (shorthand && referenced.length !== 1) {
        report([...path, 'columns'], `a column references one column, not ${referenced.length} (use the table's foreignKeys)`);
        return;
      }
    } else {
      referenced = primaryKeyOf(key);
      if (referenced === undefined) {
        report([...path, 'table'], `${key} has no primary key: name the referenced column${localCount === 1 ? '' : 's'}`);
        return;
      }
    }
    if (referenced.length !== localCount) {
      report(path, `${localCount} column${localCount === 1 ? '' : 's'} cannot reference ${referenced.length} (${referenced.join(', ')})`);
    }
  };

  /**
   * A type written `schema.name` (optionally with a modifier or `[]`) must be
   * an enum, domain or table of the spec when the spec owns that schema; a
   * schema it does not own is external (`extensions.citext`). Unqualified
   * types are left to PostgreSQL: builtins, extension types.
   */
  const checkType = (type: unknown, path: readonly string[]): void => {
    if (typeof type !== 'string') return;
    const m = QUALIFIED_TYPE.exec(type);
    if (m === null) return; // unqualified: builtins and the like are PostgreSQL's business
    // A type is SQL text: unquoted names fold to lower case, as PostgreSQL (and spec-to-ddl) reads them.
    const q = { schema: unquoteIdent(m[1] as string), name: unquoteIdent(m[2] as string) };
    if (SYSTEM_SCHEMAS.has(q.schema) || !owned.has(q.schema)) return;
    const key = display(q);
    if (spec.enums.has(key) || spec.domains.has(key) || tables.has(key)) return;
    report(path, `unknown type ${key}: the spec defines no enum or domain of that name`);
  };

  const checkIndexSql = (info: TableInfo, indexName: string, sql: string, path: readonly string[]): void => {
    const parsed = parseCreateIndex(sql);
    if (parsed === undefined) {
      report(path, 'expected a CREATE INDEX statement (CREATE [UNIQUE] INDEX name ON table ...)');
      return;
    }
    if (parsed.name === undefined) {
      report(path, `the statement does not name the index; name it ${quoteIdent(indexName)}`);
    } else if (parsed.name !== indexName) {
      const hint = parsed.name === indexName.toLowerCase() ? ' (PostgreSQL folds unquoted names to lower case: quote it)' : '';
      report(path, `the statement creates index ${quoteIdent(parsed.name)}, not ${quoteIdent(indexName)}${hint}`);
    }
    const [first, second] = parsed.table;
    const matches = second === undefined ? first === info.q.name : first === info.q.schema && second === info.q.name;
    if (!matches) report(path, `the statement creates the index on ${parsed.table.map(quoteIdent).join('.')}, not on ${display(info.q)}`);
  };

  // --- tables
  for (const info of tables.values()) {
    const base = ['tables', info.q.schema, info.q.name];
    const { table } = info;
    tooLong(info.q.name, base, 'table');
    const own = isRecord(table.columns) ? table.columns : {};

    if (isRecord(table.partitionOf) && typeof table.partitionOf.table === 'string') {
      const path = [...base, 'partitionOf', 'table'];
      let parentKey: string | undefined;
      try {
        parentKey = display(splitQualified(table.partitionOf.table, info.q.schema));
      } catch (err) {
        report(path, `invalid table name: ${(err as Error).message}`);
      }
      if (parentKey !== undefined) {
        const parent = tables.get(parentKey);
        if (parent === undefined) {
          report(path, `partition of unknown table ${parentKey}`);
        } else if (typeof parent.table.partitionBy !== 'string') {
          report(path, `${parentKey} is not partitioned: give it a partitionBy`);
        } else {
          // A cycle of partitions never reaches a root.
          const chain = new Set<string>([info.key]);
          let cursor: TableInfo | undefined = parent;
          while (cursor !== undefined && !chain.has(cursor.key)) {
            chain.add(cursor.key);
            const next = parentOf(cursor);
            cursor = next === undefined ? undefined : tables.get(next);
          }
          if (cursor !== undefined) {
            report(path, `partitions form a cycle (${[...chain].join(' → ')})`);
          } else {
            const parentColumns = columnsOf(parentKey);
            for (const column of Object.keys(own)) {
              if (!parentColumns.has(column)) report([...base, 'columns', column], `${parentKey} has no column '${column}' (a partition has exactly its parent's columns)`);
            }
          }
        }
      }
    }

    for (const [name, column] of Object.entries(own)) {
      const path = [...base, 'columns', name];
      tooLong(name, path, 'column');
      if (!isRecord(column)) continue;
      const type = str(column.type);
      if (column.identity !== undefined && type !== undefined && !INTEGER_TYPES.has(type.trim().toLowerCase())) {
        report([...path, 'identity'], `identity needs an integer type (smallint, integer or bigint), not ${type}`);
      }
      if (column.identity !== undefined && column.nullable === true) report([...path, 'nullable'], 'an identity column cannot be nullable');
      checkType(column.type, [...path, 'type']);
      checkReference(info, column.references, 1, [...path, 'references'], true);
    }

    if (Array.isArray(table.primaryKey)) checkColumnList(info, table.primaryKey, [...base, 'primaryKey']);
    else if (isRecord(table.primaryKey)) checkColumnList(info, table.primaryKey.columns, [...base, 'primaryKey', 'columns']);

    if (Array.isArray(table.unique)) {
      table.unique.forEach((u, i) => {
        if (isRecord(u)) checkColumnList(info, u.columns, [...base, 'unique', String(i), 'columns']);
      });
    }
    if (Array.isArray(table.foreignKeys)) {
      table.foreignKeys.forEach((fk, i) => {
        if (!isRecord(fk)) return;
        const path = [...base, 'foreignKeys', String(i)];
        checkColumnList(info, fk.columns, [...path, 'columns']);
        if (Array.isArray(fk.columns)) checkReference(info, fk.references, fk.columns.length, [...path, 'references'], false);
      });
    }

    if (isRecord(table.indexes)) {
      const columns = columnsOf(info.key);
      for (const [indexName, index] of Object.entries(table.indexes)) {
        const path = [...base, 'indexes', indexName];
        tooLong(indexName, path, 'index');
        if (typeof index === 'string') {
          checkIndexSql(info, indexName, index, path);
          continue;
        }
        if (!isRecord(index)) continue;
        if (typeof index.sql === 'string') checkIndexSql(info, indexName, index.sql, [...path, 'sql']);
        if (Array.isArray(index.columns)) {
          index.columns.forEach((key, i) => {
            let column: string | undefined;
            let keyPath = [...path, 'columns', String(i)];
            if (typeof key === 'string') {
              // A column name (exact, or a quoted identifier), else an expression.
              if (columns.has(key) || PLAIN_IDENTIFIER.test(key)) column = key;
              else if (/^"(?:[^"]|"")+"$/.test(key)) column = unquoteExact(key);
            } else if (isRecord(key) && typeof key.column === 'string') {
              column = key.column;
              keyPath = [...keyPath, 'column'];
            }
            if (column !== undefined && !columns.has(column)) report(keyPath, `${display(info.q)} has no column '${column}'`);
          });
        }
        checkColumnList(info, index.include, [...path, 'include']);
      }
    }
  }

  // --- enums, domains, sequences
  for (const { q, value } of names('enums')) {
    const base = ['enums', q.schema, q.name];
    tooLong(q.name, base, 'enum');
    if (!isRecord(value) || !Array.isArray(value.values)) continue;
    value.values.forEach((label, i) => {
      if (typeof label === 'string') tooLong(label, [...base, 'values', String(i)], 'enum label');
    });
  }
  for (const { q, value } of names('domains')) {
    const base = ['domains', q.schema, q.name];
    tooLong(q.name, base, 'domain');
    if (isRecord(value)) checkType(value.type, [...base, 'type']);
  }
  for (const { q, value } of names('sequences')) {
    const base = ['sequences', q.schema, q.name];
    tooLong(q.name, base, 'sequence');
    if (!isRecord(value) || typeof value.ownedBy !== 'string') continue;
    const path = [...base, 'ownedBy'];
    let parts: string[];
    try {
      parts = splitIdentifiers(value.ownedBy);
    } catch (err) {
      report(path, `invalid column name: ${(err as NameError).message}`);
      continue;
    }
    if (parts.length < 2 || parts.length > 3) {
      report(path, 'expected table.column or schema.table.column');
      continue;
    }
    const owner = parts.length === 3 ? { schema: parts[0] as string, name: parts[1] as string } : { schema: q.schema, name: parts[0] as string };
    const column = parts[parts.length - 1] as string;
    const ownerKey = display(owner);
    if (!tables.has(ownerKey)) report(path, `unknown table ${ownerKey}`);
    else if (!columnsOf(ownerKey).has(column)) report(path, `${ownerKey} has no column '${column}'`);
    else if (owner.schema !== q.schema) report(path, `a sequence must be in the same schema as the table that owns it (${owner.schema}, not ${q.schema})`);
  }

  // --- namespaces PostgreSQL shares between kinds of objects
  const collisions = (
    namespace: string,
    entries: { key: string; what: string; path: readonly string[] }[],
  ): void => {
    const groups = new Map<string, { what: string; path: readonly string[]; file: string; line: number }[]>();
    for (const entry of entries) {
      const location = spec.locate(entry.path);
      const item = { what: entry.what, path: entry.path, file: location?.file ?? '', line: location?.line ?? 0 };
      groups.set(entry.key, [...(groups.get(entry.key) ?? []), item]);
    }
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      group.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
      const first = group[0]!;
      for (const other of group.slice(1)) {
        report(other.path, `${other.what} ${key} has the same name as the ${first.what} at ${first.file}:${first.line} (${namespace})`);
      }
    }
  };
  const typeEntries: { key: string; what: string; path: readonly string[] }[] = [];
  const relationEntries: { key: string; what: string; path: readonly string[] }[] = [];
  for (const { key, q } of names('enums')) typeEntries.push({ key, what: 'enum', path: ['enums', q.schema, q.name] });
  for (const { key, q } of names('domains')) typeEntries.push({ key, what: 'domain', path: ['domains', q.schema, q.name] });
  for (const info of tables.values()) {
    const path = ['tables', info.q.schema, info.q.name];
    typeEntries.push({ key: info.key, what: 'table', path });
    relationEntries.push({ key: info.key, what: 'table', path });
    if (isRecord(info.table.indexes)) {
      for (const indexName of Object.keys(info.table.indexes)) {
        relationEntries.push({ key: qualifiedKey(info.q.schema, indexName), what: 'index', path: [...path, 'indexes', indexName] });
      }
    }
  }
  for (const { key, q } of names('sequences')) relationEntries.push({ key, what: 'sequence', path: ['sequences', q.schema, q.name] });
  collisions('a table is also a type: enums, domains and tables share one namespace per schema', typeEntries);
  collisions('tables, sequences and indexes share one namespace per schema', relationEntries);

  // --- ignore rules (kinds and severity keys are checked by the JSON Schema)
  spec.ignore.forEach((rule, i) => {
    if (!isRecord(rule) || typeof rule.pattern !== 'string') return;
    try {
      parseIgnorePattern(rule.pattern);
    } catch (err) {
      report(['ignore', String(i), 'pattern'], (err as Error).message);
    }
  });

  return problems;
}
