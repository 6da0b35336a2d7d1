/**
 * SQL for functions, procedures and aggregates: the one emitter for
 * spec→DDL, model→DDL and the plan. Names are quoted; SET values are
 * literals; a body is dollar-quoted with a tag it cannot close. The SQL
 * text a routine holds (its argument list, result, SQL-standard body,
 * aggregate options) comes from a server's catalog, or from a spec or
 * snapshot whose fragments were each parsed as the one thing they stand for
 * (spec-file/expressions.ts) before any DDL is built.
 */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { safeSql } from '../../safe-text.js';
import { commentSql } from '../sql.js';
import type { ParallelSafety, RoutineKind, Volatility } from './model.js';

/** What a CREATE statement needs of a routine: the model's fields; cost and rows null to leave them to PostgreSQL. */
export interface RoutineSource {
  readonly schema: string;
  readonly name: string;
  readonly kind: RoutineKind;
  readonly argumentList: string;
  readonly returns: string | null;
  readonly language: string;
  readonly body: string | null;
  readonly sqlBody: string | null;
  readonly library: string | null;
  readonly volatility: Volatility;
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: ParallelSafety;
  readonly cost: number | null;
  readonly rows: number | null;
  readonly config: readonly string[];
  readonly aggregate: string | null;
}

/**
 * `$body$`, or `$body1$`, `$body2$`… : the first tag that neither occurs in
 * the body nor is completed by its end (a body ending in `$body` would close
 * `$body$` one character early), so no body can end the quoting.
 */
export function bodyTag(body: string): string {
  for (let i = 0; ; i++) {
    const tag = `$body${i === 0 ? '' : i}$`;
    if ((body + tag).indexOf(tag) === body.length) return tag;
  }
}

/** The body between the tags, exactly as given (no newline added: the catalog keeps the text between the tags). */
export function dollarQuoteBody(body: string): string {
  const tag = bodyTag(body);
  return `${tag}${body}${tag}`;
}

/**
 * The variables whose values are lists of names (PostgreSQL's
 * GUC_LIST_QUOTE: pg_dump's list): each element is written as a literal of
 * its own, as `SET search_path TO 'app', 'pg_temp'`; one literal holding
 * the whole list would be one (odd) schema name.
 */
const LIST_VARIABLES = new Set([
  'search_path',
  'temp_tablespaces',
  'session_preload_libraries',
  'shared_preload_libraries',
  'local_preload_libraries',
  'unix_socket_directories',
]);

/**
 * Split a list value as the catalog holds it (`app, "My Schema", pg_temp`)
 * into its elements, double-quoted ones unquoted (`""` is a quote), as
 * pg_dump's SplitGUCList does.
 */
export function splitListValue(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < value.length && /\s/.test(value[i]!)) i++;
  };
  skipSpace();
  if (i >= value.length) return out;
  for (;;) {
    let element = '';
    if (value[i] === '"') {
      i++;
      for (; i < value.length; i++) {
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            element += '"';
            i++;
          } else break;
        } else element += value[i];
      }
      i++;
    } else {
      while (i < value.length && value[i] !== ',' && !/\s/.test(value[i]!)) element += value[i++];
    }
    out.push(element);
    skipSpace();
    if (value[i] !== ',') return out;
    i++;
    skipSpace();
  }
}

/** One SET option (`search_path=app, pg_temp`) as a clause: `SET search_path TO 'app', 'pg_temp'`. */
export function setClause(option: string): string {
  const eq = option.indexOf('=');
  const name = option.slice(0, eq);
  const value = option.slice(eq + 1);
  const values = LIST_VARIABLES.has(name.toLowerCase()) ? splitListValue(value) : [value];
  return `SET ${quoteSetName(name)} TO ${values.length === 0 ? "''" : values.map(quoteLiteral).join(', ')}`;
}

/** A variable name: `work_mem`, `myapp.tenant` (each part quoted as needed). */
function quoteSetName(name: string): string {
  return name
    .split('.')
    .map((part) => quoteIdent(part.toLowerCase()))
    .join('.');
}

/** What follows CREATE [OR REPLACE] FUNCTION or PROCEDURE: the name and arguments. */
export function routineSignatureSql(schema: string, name: string, argumentList: string): string {
  return `${qualifiedName(schema, name)}(${argumentList})`;
}

/** What follows FUNCTION / PROCEDURE / AGGREGATE: an aggregate of no argument is `name(*)` (PostgreSQL refuses `name()` for one). */
function routineTargetSql(kind: RoutineKind, schema: string, name: string, argumentList: string): string {
  return kind === 'aggregate' && argumentList.trim() === '' ? `${qualifiedName(schema, name)}(*)` : routineSignatureSql(schema, name, argumentList);
}

function routineWord(kind: RoutineKind): 'FUNCTION' | 'PROCEDURE' | 'AGGREGATE' {
  return kind === 'procedure' ? 'PROCEDURE' : kind === 'aggregate' ? 'AGGREGATE' : 'FUNCTION';
}

/**
 * A body as SQL: dollar-quoted (readable, as pg_dump writes it) when the
 * files' escaping (safeSql: no raw control character inside a quote, a
 * dollar-quoted body read as SQL too) would leave it as it is; otherwise a
 * string literal, which that escaping turns into the same value. Either
 * way the server stores exactly `body`.
 */
export function quoteBody(body: string): string {
  const quoted = dollarQuoteBody(body);
  return safeSql(quoted) === quoted ? quoted : quoteLiteral(body);
}

/** `AS $body$…$body$`, `AS 'lib', 'symbol'`, or the SQL-standard body. */
function bodySql(r: RoutineSource): string {
  if (r.sqlBody !== null) return r.sqlBody;
  if (r.library !== null) return `AS ${quoteLiteral(r.library)}, ${quoteLiteral(r.body ?? r.name)}`;
  return `AS ${quoteBody(r.body ?? '')}`;
}

/** The attributes of a function (not of a procedure: those take only LANGUAGE, SECURITY and SET). */
function functionAttributes(r: RoutineSource): string[] {
  const out = [r.kind === 'window' ? 'WINDOW' : '', r.volatility.toUpperCase(), r.strict ? 'STRICT' : '', r.securityDefiner ? 'SECURITY DEFINER' : ''];
  if (r.leakproof) out.push('LEAKPROOF');
  out.push(`PARALLEL ${r.parallel.toUpperCase()}`);
  if (r.cost !== null && r.cost > 0) out.push(`COST ${r.cost}`);
  if (r.rows !== null && r.rows > 0) out.push(`ROWS ${r.rows}`);
  return out.filter((x) => x !== '');
}

/**
 * CREATE [OR REPLACE] FUNCTION / PROCEDURE / AGGREGATE, every attribute
 * spelled out (so a replacement resets what it does not mention).
 */
export function createRoutineSql(r: RoutineSource, orReplace = false): string {
  const head = `CREATE ${orReplace ? 'OR REPLACE ' : ''}${routineWord(r.kind)} ${routineTargetSql(r.kind, r.schema, r.name, r.argumentList)}`;
  if (r.kind === 'aggregate') {
    const parallel = r.parallel === 'unsafe' ? '' : `, PARALLEL = ${r.parallel.toUpperCase()}`;
    return `${head} (${r.aggregate ?? ''}${parallel})`;
  }
  const lines = [head];
  if (r.kind !== 'procedure' && r.returns !== null) lines.push(` RETURNS ${r.returns}`);
  lines.push(` LANGUAGE ${quoteIdent(r.language)}`);
  const attributes = r.kind === 'procedure' ? (r.securityDefiner ? ['SECURITY DEFINER'] : []) : functionAttributes(r);
  if (attributes.length) lines.push(` ${attributes.join(' ')}`);
  for (const option of r.config) lines.push(` ${setClause(option)}`);
  lines.push(bodySql(r));
  return lines.join('\n');
}

/** `DROP FUNCTION IF EXISTS public.f(integer, text)` (argument types: the signature). */
export function dropRoutineSql(kind: RoutineKind, schema: string, name: string, signature: string): string {
  return `DROP ${routineWord(kind)} IF EXISTS ${routineTargetSql(kind, schema, name, signature)}`;
}

/** `FUNCTION public.f(integer)`, `AGGREGATE public.n(*)`: a routine as COMMENT ON names it. */
export function commentTargetOfRoutine(kind: RoutineKind, schema: string, name: string, signature: string): string {
  return `${routineWord(kind)} ${routineTargetSql(kind, schema, name, signature)}`;
}

/** COMMENT ON FUNCTION public.f(integer) IS '…'. */
export function commentOnRoutineSql(kind: RoutineKind, schema: string, name: string, signature: string, comment: string | null): string {
  const target = routineTargetSql(kind, schema, name, signature);
  return comment === null ? `COMMENT ON ${routineWord(kind)} ${target} IS NULL` : commentSql(routineWord(kind), target, comment);
}
