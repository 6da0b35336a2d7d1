/**
 * The spec's `functions:` section: functions, procedures and aggregates by
 * schema-qualified name; a name with several overloads holds a list, one
 * entry per overload (the generic spec machinery keys objects by
 * `schema.name`, and a signature's types may hold dots and quotes).
 *
 *   functions:
 *     normalize_email:
 *       arguments: email text
 *       returns: text
 *       language: sql
 *       volatility: immutable
 *       strict: true
 *       body: SELECT lower(btrim(email))
 *     app.total:
 *       - { arguments: a integer, returns: integer, language: sql, body: SELECT a }
 *       - { arguments: a numeric, returns: numeric, language: sql, body: SELECT a }
 *
 * `body` is the text between the dollar quotes, kept exactly;
 * `sqlBody` a SQL-standard body (`RETURN a + 1`, `BEGIN ATOMIC … END`).
 */
import { setOwn } from '../../model/own.js';
import { flag, objectsByName, text, type JsonSchema } from '../../spec-file/json-schema.js';
import { specName } from '../../spec-file/names.js';
import { unlessEmpty, type MapSection, type Mutable } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import type { ParallelSafety, Routine, Volatility } from './model.js';
import { PRIVILEGE_PROPERTIES, type SpecPrivileges } from '../privilege/spec-json.js';

/** A function, procedure or aggregate as a spec writes it; absent fields take PostgreSQL's defaults. */
export interface SpecFunction extends SpecPrivileges {
  /** Default `function`. */
  readonly kind?: 'function' | 'procedure' | 'aggregate' | 'window';
  /** The full argument list (modes, names, types, defaults); default none. */
  readonly arguments?: string;
  /** Required for functions; procedures return nothing. */
  readonly returns?: string;
  readonly language?: string;
  readonly body?: string;
  readonly sqlBody?: string;
  /** A C function's library (`body` is then its symbol). */
  readonly library?: string;
  readonly volatility?: Volatility;
  readonly strict?: boolean;
  readonly securityDefiner?: boolean;
  readonly leakproof?: boolean;
  readonly parallel?: ParallelSafety;
  readonly cost?: number;
  readonly rows?: number;
  /** SET options: `{ search_path: 'app, pg_temp' }`. */
  readonly set?: Readonly<Record<string, string>>;
  /** An aggregate's options as CREATE AGGREGATE writes them (`SFUNC = int4pl, STYPE = integer`). */
  readonly aggregate?: string;
  readonly description?: string;
}

/** One routine, or a name's overloads. */
export type SpecFunctionEntry = SpecFunction | readonly SpecFunction[];

const KEY = 'functions';

/** The overloads of an entry as written. */
export function overloadsOf(entry: SpecFunctionEntry): readonly SpecFunction[] {
  return Array.isArray(entry) ? entry : [entry as SpecFunction];
}

/** The cost PostgreSQL gives a routine when none is given: 1 for C and internal functions, 100 for others. */
export function defaultCost(language: string): number {
  return language === 'c' || language === 'internal' ? 1 : 100;
}

/** Whether a result returns a set (`SETOF t`, `TABLE(…)`): PostgreSQL then estimates 1000 rows unless told. */
export function returnsSet(returns: string | null | undefined): boolean {
  return returns !== null && returns !== undefined && /^\s*(setof|table)\b/i.test(returns);
}

/** A routine of the model as the spec writes it: defaults left out. */
export function routineSpec(r: Routine): SpecFunction {
  const out: Mutable<SpecFunction> = {};
  if (r.kind !== 'function') out.kind = r.kind;
  if (r.argumentList !== '') out.arguments = r.argumentList;
  if (r.returns !== null && r.kind !== 'procedure') out.returns = r.returns;
  if (r.kind !== 'aggregate') out.language = r.language;
  if (r.kind === 'aggregate') out.aggregate = r.aggregate ?? '';
  else if (r.sqlBody !== null) out.sqlBody = r.sqlBody;
  else if (r.body !== null) out.body = r.body;
  if (r.library !== null) out.library = r.library;
  if (r.kind !== 'procedure' && r.kind !== 'aggregate') {
    if (r.volatility !== 'volatile') out.volatility = r.volatility;
    if (r.strict) out.strict = true;
    if (r.leakproof) out.leakproof = true;
    if (r.cost !== defaultCost(r.language)) out.cost = r.cost;
    if (r.rows !== (returnsSet(r.returns) ? 1000 : 0)) out.rows = r.rows;
  }
  if (r.kind !== 'procedure' && r.parallel !== 'unsafe') out.parallel = r.parallel;
  if (r.securityDefiner) out.securityDefiner = true;
  if (r.config.length) {
    const set: Record<string, string> = {};
    for (const option of r.config) {
      const eq = option.indexOf('=');
      setOwn(set, option.slice(0, eq), option.slice(eq + 1));
    }
    out.set = set;
  }
  if (r.comment !== null) out.description = r.comment;
  return out;
}

const ROUTINE_PROPERTIES: { readonly [key: string]: JsonSchema } = {
  kind: { description: 'Default function.', enum: ['function', 'procedure', 'aggregate', 'window'] },
  arguments: text('The full argument list, as CREATE FUNCTION writes it (modes, names, types, DEFAULT expressions).', ['a integer, b text DEFAULT \'x\'']),
  returns: text('The result type (SETOF t, TABLE(a integer, ...)); not for procedures.', ['integer', 'SETOF film', 'trigger']),
  language: text('The language: sql, plpgsql, c...', ['sql', 'plpgsql']),
  body: text('The body: the text between the dollar quotes, exactly.'),
  sqlBody: text('A SQL-standard body instead (RETURN expression, or BEGIN ATOMIC ... END).', ['RETURN (a + b)']),
  library: text("A C function's library (body is then its link symbol)."),
  volatility: { description: 'Default volatile.', enum: ['immutable', 'stable', 'volatile'] },
  strict: flag('RETURNS NULL ON NULL INPUT (default false).'),
  securityDefiner: flag('SECURITY DEFINER (default false).'),
  leakproof: flag('LEAKPROOF (default false).'),
  parallel: { description: 'Default unsafe.', enum: ['safe', 'restricted', 'unsafe'] },
  cost: { description: 'Estimated cost (default 100; 1 for C and internal functions).', type: 'number' },
  rows: { description: 'Estimated rows of a set-returning function (default 1000).', type: 'number' },
  set: {
    description: 'SET options, by variable: { search_path: "app, pg_temp" }.',
    type: 'object',
    propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$' },
    additionalProperties: { type: 'string' },
  },
  aggregate: text("An aggregate's options, as CREATE AGGREGATE writes them.", ['SFUNC = int4pl, STYPE = integer, INITCOND = \'0\'']),
  description: text('What the routine does (its COMMENT).'),
  ...PRIVILEGE_PROPERTIES,
};

/** The `functions:` section. */
export const FUNCTION_SPEC: MapSection<SpecFunctionEntry> = {
  key: KEY,
  shape: 'map',
  jsonSchema: {
    property: objectsByName('Functions, procedures and aggregates by name (`normalize_email` or `app.total`); a list holds overloads.', 'functionEntry'),
    definitions: {
      functionEntry: {
        description: 'One routine, or a list of overloads (each with its own argument types).',
        anyOf: [{ $ref: '#/definitions/function' }, { type: 'array', minItems: 1, items: { $ref: '#/definitions/function' } }],
      },
      function: {
        description: 'A function, procedure or aggregate.',
        type: 'object',
        additionalProperties: false,
        properties: ROUTINE_PROPERTIES,
        not: { anyOf: [{ required: ['body', 'sqlBody'] }] },
      },
    },
  },
  sqlText: [],
  sqlFragments: [
    { path: ['arguments'], kind: 'functionArguments' },
    { path: ['returns'], kind: 'functionReturns' },
    { path: ['sqlBody'], kind: 'functionSqlBody' },
    { path: ['aggregate'], kind: 'aggregateOptions' },
    { path: ['*', 'arguments'], kind: 'functionArguments' },
    { path: ['*', 'returns'], kind: 'functionReturns' },
    { path: ['*', 'sqlBody'], kind: 'functionSqlBody' },
    { path: ['*', 'aggregate'], kind: 'aggregateOptions' },
  ],
  names: () => [],
  check(context, objects) {
    for (const { q, value } of objects) {
      const base = [KEY, q.schema, q.name];
      context.checkNameLength(q.name, base, 'function');
      const list = Array.isArray(value) ? value : [value];
      list.forEach((r: unknown, i) => {
        if (!isRecord(r)) return;
        const at = Array.isArray(value) ? [...base, String(i)] : base;
        const kind = r.kind ?? 'function';
        if (kind === 'aggregate') {
          if (typeof r.aggregate !== 'string') context.report(at, 'an aggregate needs its options (aggregate: SFUNC = ..., STYPE = ...)');
          return;
        }
        if (kind !== 'procedure' && typeof r.returns !== 'string') context.report(at, 'a function needs its result type (returns:)');
        if (kind === 'procedure' && r.returns !== undefined) context.report([...at, 'returns'], 'a procedure returns nothing: leave returns out');
        if (typeof r.language !== 'string') context.report(at, 'a routine needs its language (language: sql, plpgsql, ...)');
        if (r.body === undefined && r.sqlBody === undefined) context.report(at, 'a routine needs a body (body:, or sqlBody:)');
        for (const field of ['cost', 'rows'] as const) {
          const n = r[field];
          if (n !== undefined && !(typeof n === 'number' && Number.isFinite(n) && n > 0)) context.report([...at, field], `${field} must be a number above 0`);
        }
      });
    }
  },
  fromModel({ model, inScope }) {
    const byName = new Map<string, SpecFunction[]>();
    for (const r of model.functions) {
      if (!inScope(r.schema)) continue;
      const key = specName(r.schema, r.name);
      byName.set(key, [...(byName.get(key) ?? []), routineSpec(r)]);
    }
    const out: Record<string, SpecFunctionEntry> = {};
    for (const [key, list] of byName) setOwn(out, key, list.length === 1 ? list[0]! : list);
    return unlessEmpty(out);
  },
  layout: () => ({ flow: [], spaced: true }),
};
