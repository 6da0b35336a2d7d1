/**
 * SQL fragments of an expected source — a spec's `default`, `check`,
 * `generated`, `where`, `type`, partition `bound`, ...; a snapshot's
 * expressions and definitions — are pasted into DDL. Each must be exactly
 * the one thing it stands for: a single expression, a single type, a single
 * partition bound. Anything else (a `)` closing the statement early, a `;`
 * starting another, a comment swallowing the rest) is rejected here, with
 * PostgreSQL's own parser (libpg-query: the server's grammar compiled to
 * WASM), before any database is touched.
 *
 * How: the fragment is scanned alone (no comment, no `;`, brackets
 * balanced, no unterminated quote), then parsed inside the smallest
 * statement that holds it (`SELECT (<expression>)`, `SELECT NULL::<type>`,
 * `CREATE TABLE t PARTITION OF p <bound>`, ...), and the parse tree must be
 * exactly that statement, with the fragment filling its one slot and
 * nothing else.
 */
import type { SqlFragmentKind } from './spec-section.js';

export type { SqlFragmentKind } from './spec-section.js';

interface ParserModule {
  loadModule(): Promise<void>;
  parseSync(sql: string): { stmts?: { stmt: Record<string, unknown> }[] };
  scanSync(sql: string): { tokens: { start: number; end: number; tokenName: string; text: string }[] };
}

/** Checks fragments; sync once loaded. */
export interface SqlFragmentChecker {
  /** Null when `text` is one `kind`; else why not (one line, to follow the node's path). */
  check(kind: SqlFragmentKind, text: string): string | null;
  /** {@link check} of each fragment, answers in order; expressions and types parsed many to a statement (see checkMany). */
  checkMany(fragments: readonly { readonly kind: SqlFragmentKind; readonly text: string }[]): (string | null)[];
}

let loaded: Promise<SqlFragmentChecker> | null = null;

/** The checker (the parser loaded once per process). */
export function sqlFragmentChecker(): Promise<SqlFragmentChecker> {
  loaded ??= (async () => {
    const mod = (await import('libpg-query')) as unknown as ParserModule;
    await mod.loadModule();
    return { check: (kind, text) => checkFragment(mod, kind, text), checkMany: (fragments) => checkMany(mod, fragments) };
  })();
  return loaded;
}

type Node = Record<string, unknown>;

const WHAT: Record<SqlFragmentKind, string> = {
  expression: 'a single SQL expression',
  type: 'a single type name',
  bound: 'a single partition bound (FOR VALUES ... or DEFAULT)',
  partitionBy: 'a single partition key (RANGE (...), LIST (...) or HASH (...))',
  collation: 'a single collation name',
  opclass: 'a single operator class (with its parameters)',
  constraint: 'a single table constraint',
  domainConstraint: 'a single domain constraint',
  createIndex: 'a single CREATE INDEX statement',
  createTrigger: 'a single CREATE TRIGGER statement',
  indexKey: 'a single column name or SQL expression',
  query: 'a single query (SELECT, VALUES or WITH … SELECT)',
  functionArguments: 'a single argument list (modes, names, types and defaults)',
  functionReturns: 'a single result type (a type, SETOF type or TABLE (...))',
  functionSqlBody: 'a single SQL-standard function body (RETURN ... or BEGIN ATOMIC ... END)',
  aggregateOptions: 'the options of a single CREATE AGGREGATE',
};

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const QUOTED_IDENTIFIER = /^"(?:[^"]|"")+"$/;

/** Only these keys (besides locations) may be set on `node`. */
function only(node: unknown, keys: readonly string[]): node is Node {
  if (typeof node !== 'object' || node === null) return false;
  return Object.keys(node).every((k) => keys.includes(k) || k === 'location');
}

function one<T>(list: unknown): T | null {
  return Array.isArray(list) && list.length === 1 ? (list[0] as T) : null;
}

/** The lexical checks: no comment, no `;` (but a final one when `trailingSemicolon`), balanced brackets. */
function lexical(mod: ParserModule, text: string, trailingSemicolon: boolean): string | null {
  let tokens;
  try {
    tokens = mod.scanSync(text).tokens;
  } catch {
    return 'is not valid SQL (an unterminated quote, quoted name or comment)';
  }
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT') return 'holds an SQL comment (-- or /* */)';
    if (t.text === ';' && !(trailingSemicolon && i === tokens.length - 1)) return 'holds a ";" (one statement, one expression: nothing after it)';
    if (t.text === '(' || t.text === '[') depth++;
    if (t.text === ')' || t.text === ']') depth--;
    if (depth < 0) return 'closes a parenthesis it did not open';
  }
  if (depth !== 0) return 'leaves a parenthesis open';
  return null;
}

/** The lexical checks of a SQL-standard body: no comment, balanced brackets (its semicolons are its statements'). */
function lexicalBody(mod: ParserModule, text: string): string | null {
  return lexical(mod, text.replace(/;/g, ' '), false) ?? (/;\s*$/.test(text) ? 'ends in ";" (nothing may follow the body)' : null);
}

/** The single statement `sql` parses to, as `{ Kind: node }`, or null. */
function single(mod: ParserModule, sql: string): { kind: string; node: Node } | null {
  const stmts = mod.parseSync(sql).stmts ?? [];
  const stmt = one<{ stmt: Node }>(stmts)?.stmt;
  if (!stmt) return null;
  const [kind, node] = Object.entries(stmt)[0] ?? [];
  return kind === undefined ? null : { kind, node: node as Node };
}

/** `SELECT <one target>` and nothing else: its target's value. */
function selectValue(mod: ParserModule, sql: string): Node | null {
  const s = single(mod, sql);
  if (s?.kind !== 'SelectStmt' || !only(s.node, ['targetList', 'limitOption', 'op']) || s.node.op !== 'SETOP_NONE') return null;
  const target = one<{ ResTarget?: Node }>(s.node.targetList)?.ResTarget;
  if (!target || !only(target, ['val'])) return null;
  return (target.val as Node | undefined) ?? null;
}

function isNullConst(node: unknown): boolean {
  const c = (node as { A_Const?: Node } | undefined)?.A_Const;
  return c !== undefined && c.isnull === true && only(c, ['isnull']);
}

function fits(mod: ParserModule, kind: SqlFragmentKind, text: string): boolean {
  switch (kind) {
    case 'expression':
      return selectValue(mod, `SELECT (${text})`) !== null;
    case 'indexKey':
      return PLAIN_IDENTIFIER.test(text) || QUOTED_IDENTIFIER.test(text) || selectValue(mod, `SELECT (${text})`) !== null;
    case 'type': {
      const cast = (selectValue(mod, `SELECT NULL::${text}`) as { TypeCast?: Node } | null)?.TypeCast;
      return cast !== undefined && only(cast, ['arg', 'typeName']) && isNullConst(cast.arg);
    }
    case 'collation': {
      const c = (selectValue(mod, `SELECT NULL COLLATE ${text}`) as { CollateClause?: Node } | null)?.CollateClause;
      return c !== undefined && only(c, ['arg', 'collname']) && isNullConst(c.arg);
    }
    case 'opclass': {
      const s = single(mod, `CREATE INDEX sa_i ON sa_t (sa_c ${text})`);
      if (s?.kind !== 'IndexStmt' || !only(s.node, ['idxname', 'relation', 'accessMethod', 'indexParams'])) return false;
      const elem = one<{ IndexElem?: Node }>(s.node.indexParams)?.IndexElem;
      return (
        elem !== undefined &&
        only(elem, ['name', 'opclass', 'opclassopts', 'ordering', 'nulls_ordering']) &&
        elem.ordering === 'SORTBY_DEFAULT' &&
        elem.nulls_ordering === 'SORTBY_NULLS_DEFAULT'
      );
    }
    case 'bound': {
      const s = single(mod, `CREATE TABLE sa_t PARTITION OF sa_p ${text}`);
      return s?.kind === 'CreateStmt' && only(s.node, ['relation', 'inhRelations', 'partbound', 'oncommit']) && s.node.oncommit === 'ONCOMMIT_NOOP';
    }
    case 'partitionBy': {
      const s = single(mod, `CREATE TABLE sa_t () PARTITION BY ${text}`);
      return s?.kind === 'CreateStmt' && only(s.node, ['relation', 'partspec', 'oncommit']) && s.node.oncommit === 'ONCOMMIT_NOOP';
    }
    case 'constraint': {
      const s = single(mod, `ALTER TABLE sa_t ADD CONSTRAINT sa_c ${text}`);
      if (s?.kind !== 'AlterTableStmt' || !only(s.node, ['relation', 'cmds', 'objtype'])) return false;
      const cmd = one<{ AlterTableCmd?: Node }>(s.node.cmds)?.AlterTableCmd;
      const def = (cmd?.def as { Constraint?: Node } | undefined)?.Constraint;
      return cmd?.subtype === 'AT_AddConstraint' && def?.conname === 'sa_c';
    }
    case 'domainConstraint': {
      const s = single(mod, `ALTER DOMAIN sa_d ADD CONSTRAINT sa_c ${text}`);
      const def = (s?.node.def as { Constraint?: Node } | undefined)?.Constraint;
      return s?.kind === 'AlterDomainStmt' && s.node.subtype === 'C' && def?.conname === 'sa_c';
    }
    case 'createIndex':
      return single(mod, text)?.kind === 'IndexStmt';
    case 'query': {
      // A plain query: SELECT … INTO would create a table.
      const s = single(mod, text);
      return s?.kind === 'SelectStmt' && s.node.intoClause === undefined;
    }
    case 'createTrigger':
      return single(mod, text)?.kind === 'CreateTrigStmt';
    case 'functionArguments':
      // A function's, or an ordered-set aggregate's (`float8 ORDER BY anyelement`): the second is tried when the first does not parse.
      return (
        parses(() => isFunction(mod, `CREATE FUNCTION sa_f(${text}) RETURNS int LANGUAGE sql AS 'x'`, 2, false)) ||
        isAggregate(mod, `CREATE AGGREGATE sa_f(${text}) (SFUNC = sa_s, STYPE = int)`, 2)
      );
    case 'functionReturns':
      return isFunction(mod, `CREATE FUNCTION sa_f() RETURNS ${text} LANGUAGE sql AS 'x'`, 2, false);
    case 'functionSqlBody':
      return isFunction(mod, `CREATE FUNCTION sa_f() RETURNS int LANGUAGE sql ${text}`, 1, true);
    case 'aggregateOptions':
      return isAggregate(mod, `CREATE AGGREGATE sa_f(int) (${text})`, null);
  }
}

/** The check's result, false when the parser rejects the text. */
function parses(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** Exactly one CREATE FUNCTION sa_f with `options` options (LANGUAGE, AS), and a SQL-standard body or none. */
function isFunction(mod: ParserModule, sql: string, options: number, sqlBody: boolean): boolean {
  const s = single(mod, sql);
  if (s?.kind !== 'CreateFunctionStmt' || !only(s.node, ['funcname', 'parameters', 'returnType', 'options', 'sql_body'])) return false;
  const name = one<{ String?: { sval?: string } }>(s.node.funcname)?.String?.sval;
  return name === 'sa_f' && Array.isArray(s.node.options) && s.node.options.length === options && (s.node.sql_body !== undefined) === sqlBody;
}

/** Exactly one CREATE AGGREGATE sa_f with `definitions` options (any number when null). */
function isAggregate(mod: ParserModule, sql: string, definitions: number | null): boolean {
  const s = single(mod, sql);
  if (s?.kind !== 'DefineStmt' || !only(s.node, ['kind', 'defnames', 'args', 'definition', 'oldstyle']) || s.node.kind !== 'OBJECT_AGGREGATE') return false;
  const name = one<{ String?: { sval?: string } }>(s.node.defnames)?.String?.sval;
  return name === 'sa_f' && Array.isArray(s.node.definition) && (definitions === null || s.node.definition.length === definitions);
}

function checkFragment(mod: ParserModule, kind: SqlFragmentKind, text: string): string | null {
  const what = WHAT[kind];
  if (kind === 'functionArguments' && text.trim() === '') return null; // no arguments
  // A BEGIN ATOMIC body holds its statements' semicolons; the parse below must still find one statement.
  const lexicalProblem =
    kind === 'functionSqlBody' ? lexicalBody(mod, text) : lexical(mod, text, kind === 'createIndex' || kind === 'query' || kind === 'createTrigger');
  if (lexicalProblem) return `must be ${what}: it ${lexicalProblem}`;
  try {
    if (fits(mod, kind, text)) return null;
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? '';
    return `must be ${what}: PostgreSQL's parser rejects it (${message})`;
  }
  return `must be ${what}, and nothing more`;
}

/** Fragments parsed together in one statement (the statement grows with it; a failure is parsed again one by one). */
const BATCH = 256;

/** How a kind is checked many to a statement: `head`, then each fragment in its `slot`, `sep` between; `verify` the parse (`starts`: each slot's byte offset). */
interface Batched {
  readonly head: string;
  readonly sep: string;
  readonly slot: (text: string) => string;
  /** The fragment may end in `;` (a statement). */
  readonly semicolon: boolean;
  readonly verify: (mod: ParserModule, sql: string, starts: readonly number[]) => boolean;
}

const castOfNull = (value: Node): boolean => {
  const cast = (value as { TypeCast?: Node }).TypeCast;
  return cast !== undefined && only(cast, ['arg', 'typeName']) && isNullConst(cast.arg);
};

const BATCHED: Partial<Record<SqlFragmentKind, Batched>> = {
  expression: { head: 'SELECT ', sep: ', ', slot: (text) => `(${text})`, semicolon: false, verify: (mod, sql, starts) => batchFits(mod, sql, starts, () => true) },
  type: { head: 'SELECT ', sep: ', ', slot: (text) => `NULL::${text}`, semicolon: false, verify: (mod, sql, starts) => batchFits(mod, sql, starts, castOfNull) },
  // ALTER TABLE sa_t ADD CONSTRAINT sa_c <c1>, ADD CONSTRAINT sa_c <c2>, …: one command per fragment, each constraint where its slot's CONSTRAINT is.
  constraint: {
    head: 'ALTER TABLE sa_t ',
    sep: ', ',
    slot: (text) => `ADD CONSTRAINT sa_c ${text}`,
    semicolon: false,
    verify: (mod, sql, starts) => {
      const s = parsed(() => single(mod, sql));
      if (s?.kind !== 'AlterTableStmt' || !only(s.node, ['relation', 'cmds', 'objtype']) || !Array.isArray(s.node.cmds) || s.node.cmds.length !== starts.length) return false;
      return (s.node.cmds as { AlterTableCmd?: Node }[]).every((c, k) => {
        const def = (c.AlterTableCmd?.def as { Constraint?: Node } | undefined)?.Constraint;
        return c.AlterTableCmd?.subtype === 'AT_AddConstraint' && def?.conname === 'sa_c' && def.location === starts[k]! + 4;
      });
    },
  },
  // Statements: each fragment holds no `;` but a final one, so each is one statement (or none: then too few).
  createIndex: {
    head: '',
    sep: ';\n',
    slot: (text) => text,
    semicolon: true,
    verify: (mod, sql, starts) => {
      const stmts = parsed(() => mod.parseSync(sql).stmts) ?? [];
      return stmts.length === starts.length && stmts.every((st) => Object.keys(st.stmt).length === 1 && 'IndexStmt' in st.stmt);
    },
  },
};

/** What `parse` gives, or null when the parser rejects the text. */
function parsed<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/**
 * {@link checkFragment} of many fragments, with one parse for many
 * expressions, types, table constraints or CREATE INDEX statements instead of
 * one each (BATCHED; the others one by one): that and the scanner's output
 * are where the time goes in a spec or model of thousands of tables. Each
 * fragment passes the lexical checks alone first (no comment, no `;`,
 * brackets balanced, every quote closed; without the scanner when it holds
 * no quote, `$`, `;`, backslash or comment opener at all, as most types and
 * many expressions do: then every bracket is a token of its own), so none
 * can reach past its slot. Then `SELECT (e1), (e2), …` (`SELECT NULL::t1,
 * NULL::t2, …`) must parse to exactly one SELECT of one target per
 * fragment, each starting where its slot was put (the parser's byte
 * offsets; the ALTER TABLE's commands alike; statements are split by their
 * `;`, which no fragment holds but at its end) and being what the
 * fragment's own statement must hold. Target k
 * then spans exactly slot k — the same tokens parsed in the same place as
 * in `SELECT (ek)` — so the fragment passes alone too. Anything else, and
 * that batch is checked one fragment at a time, for the exact message of
 * each (a scanner error in a fragment fails the batch's parse too).
 */
function checkMany(mod: ParserModule, fragments: readonly { readonly kind: SqlFragmentKind; readonly text: string }[]): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(fragments.length).fill(null);
  const pending = new Map<SqlFragmentKind, number[]>();
  fragments.forEach(({ kind, text }, i) => {
    const batched = BATCHED[kind];
    if (batched === undefined || !(plainBalanced(text) || lexical(mod, text, batched.semicolon) === null)) out[i] = checkFragment(mod, kind, text);
    else {
      const list = pending.get(kind) ?? [];
      list.push(i);
      pending.set(kind, list);
    }
  });
  for (const [kind, indexes] of pending) {
    const { head, sep, slot, verify } = BATCHED[kind]!;
    const sepBytes = Buffer.byteLength(sep);
    for (let start = 0; start < indexes.length; start += BATCH) {
      const chunk = indexes.slice(start, start + BATCH);
      const starts: number[] = [];
      let sql = head;
      let bytes = Buffer.byteLength(sql);
      chunk.forEach((i, k) => {
        if (k > 0) {
          sql += sep;
          bytes += sepBytes;
        }
        const written = slot(fragments[i]!.text);
        starts.push(bytes);
        sql += written;
        bytes += Buffer.byteLength(written);
      });
      if (!verify(mod, sql, starts)) for (const i of chunk) out[i] = checkFragment(mod, kind, fragments[i]!.text);
    }
  }
  return out;
}

/** Printable ASCII without a quote, `$`, `;`, backslash or comment opener: every bracket in it is a token. */
const PLAIN_TEXT = /^(?:[\x20-\x21\x23\x25-\x26\x28-\x2c\x2e\x30-\x3a\x3c-\x5b\x5d-\x7e]|-(?!-)|\/(?!\*))*$/;

/** True when `text` passes {@link lexical} without needing the scanner to say so (see checkMany). */
function plainBalanced(text: string): boolean {
  if (!PLAIN_TEXT.test(text)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) {
      if (--depth < 0) return false;
    }
  }
  return depth === 0;
}

/** `sql` is one plain SELECT whose targets start at `starts`, each value what `fits` wants. */
function batchFits(mod: ParserModule, sql: string, starts: readonly number[], fits: (value: Node) => boolean): boolean {
  let s;
  try {
    s = single(mod, sql);
  } catch {
    return false;
  }
  if (s?.kind !== 'SelectStmt' || !only(s.node, ['targetList', 'limitOption', 'op']) || s.node.op !== 'SETOP_NONE') return false;
  const targets = s.node.targetList;
  if (!Array.isArray(targets) || targets.length !== starts.length) return false;
  return targets.every((t: { ResTarget?: Node }, k) => {
    const target = t.ResTarget;
    return target !== undefined && only(target, ['val']) && target.location === starts[k] && typeof target.val === 'object' && target.val !== null && fits(target.val as Node);
  });
}

/** Every string at `pattern` below `value` (`*`: every key or index), with its path. */
export function* stringsAt(value: unknown, pattern: readonly string[], at: string[] = []): Generator<[string[], string]> {
  if (pattern.length === 0) {
    if (typeof value === 'string') yield [at, value];
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const [head, ...rest] = pattern as [string, ...string[]];
  const keys = head === '*' ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
  for (const key of keys) yield* stringsAt((value as Record<string, unknown>)[key], rest, [...at, key]);
}
