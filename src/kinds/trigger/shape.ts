/**
 * The parts of a trigger definition as `pg_get_triggerdef` prints it, for
 * naming what differs between two triggers of the same name:
 *
 *     CREATE [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events
 *       ON table [FROM referenced] [[NOT] DEFERRABLE] [INITIALLY ...]
 *       [REFERENCING ...] FOR EACH {ROW | STATEMENT} [WHEN (...)]
 *       EXECUTE FUNCTION function(arguments)
 *
 * The comparison itself is of the whole text (both sides print it from a
 * server); this only words the difference. Text it cannot read gives null,
 * and the difference is then said to be in `definition`.
 */
import { unquoteIdent } from '../../model/identifiers.js';
import type { Trigger } from './model.js';

interface Token {
  /** `word` (unquoted name or keyword), `name` (quoted), `string`, `group` (a parenthesised run), `other`. */
  readonly type: 'word' | 'name' | 'string' | 'group' | 'other';
  readonly text: string;
}

/** The end of a quoted run that starts at `start` (`"` or `'`, doubled to escape). */
function quotedEnd(text: string, start: number): number {
  const q = text[start]!;
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === q) {
      if (text[i + 1] === q) i += 2;
      else return i + 1;
    } else i++;
  }
  return -1;
}

/** The end of the parenthesised run that starts at `start`, quotes respected; -1 when unbalanced. */
function groupEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = quotedEnd(text, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

function tokenize(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let end: number;
    let type: Token['type'];
    if (c === '"' || c === "'") {
      end = quotedEnd(text, i);
      type = c === '"' ? 'name' : 'string';
    } else if (c === '(') {
      end = groupEnd(text, i);
      type = 'group';
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      end = i + (/^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(text.slice(i))?.[0].length ?? 1);
      type = 'word';
    } else {
      end = i + 1;
      type = 'other';
    }
    if (end < 0) return null;
    out.push({ type, text: text.slice(i, end) });
    i = end;
  }
  return out;
}

/** What a trigger definition says, part by part (texts as printed). */
export interface TriggerParts {
  /** The trigger's name and its table's (one or two parts), unquoted; null when not a plain name. */
  readonly name: string | null;
  readonly table: readonly string[] | null;
  readonly constraint: boolean;
  readonly timing: string;
  readonly events: string;
  readonly referenced: string;
  readonly deferrable: string;
  readonly transitionTables: string;
  readonly level: string;
  readonly when: string;
  readonly function: string;
  readonly arguments: string;
}

/** A name token as PostgreSQL reads it: a quoted name exactly, an unquoted one folded to lower case. */
function nameOf(t: Token | undefined): string | null {
  return t?.type === 'name' || t?.type === 'word' ? unquoteIdent(t.text) : null;
}

/** `name` or `schema . name` tokens as their names; null for anything else. */
function qualifiedNameOf(tokens: readonly Token[]): string[] | null {
  if (tokens.length !== 1 && !(tokens.length === 3 && tokens[1]!.text === '.')) return null;
  const parts = tokens.filter((_, k) => k % 2 === 0).map(nameOf);
  return parts.every((p): p is string => p !== null) ? parts : null;
}

const CLAUSES = new Set(['FROM', 'NOT', 'DEFERRABLE', 'INITIALLY', 'REFERENCING', 'FOR', 'WHEN', 'EXECUTE', 'ON']);

/** The parts of `definition`, or null when it is not a CREATE TRIGGER as pg_get_triggerdef prints one. */
export function triggerParts(definition: string): TriggerParts | null {
  const tokens = tokenize(definition);
  if (tokens === null) return null;
  let i = 0;
  // A keyword: an unquoted word that is no part of a qualified name.
  const keywordAt = (k: number): string | null => {
    const t = tokens[k];
    if (t?.type !== 'word' || tokens[k - 1]?.text === '.' || tokens[k + 1]?.text === '.') return null;
    return t.text.toUpperCase();
  };
  const take = (word: string): boolean => {
    if (keywordAt(i) !== word) return false;
    i++;
    return true;
  };
  /** The tokens up to the next clause keyword (or the end), as text. */
  const until = (stops: ReadonlySet<string>): string => {
    const parts: string[] = [];
    while (i < tokens.length && !stops.has(keywordAt(i) ?? '')) parts.push(tokens[i++]!.text);
    return parts.join(' ');
  };
  if (!take('CREATE')) return null;
  if (take('OR') && !take('REPLACE')) return null;
  const constraint = take('CONSTRAINT');
  if (!take('TRIGGER')) return null;
  const name = nameOf(tokens[i++]);
  let timing: string;
  if (take('BEFORE')) timing = 'BEFORE';
  else if (take('AFTER')) timing = 'AFTER';
  else if (take('INSTEAD') && take('OF')) timing = 'INSTEAD OF';
  else return null;
  const events = until(new Set(['ON']));
  if (!take('ON')) return null;
  const tableStart = i;
  until(CLAUSES);
  const table = qualifiedNameOf(tokens.slice(tableStart, i));
  const referenced = take('FROM') ? until(CLAUSES) : '';
  const deferral: string[] = [];
  for (;;) {
    const k = keywordAt(i);
    if (k !== 'NOT' && k !== 'DEFERRABLE' && k !== 'INITIALLY' && k !== 'IMMEDIATE' && k !== 'DEFERRED') break;
    deferral.push(k);
    i++;
  }
  const transitionTables = take('REFERENCING') ? until(new Set(['FOR'])) : '';
  if (!take('FOR') || !take('EACH')) return null;
  const level = keywordAt(i) ?? '';
  if (level !== 'ROW' && level !== 'STATEMENT') return null;
  i++;
  let when = '';
  if (take('WHEN')) {
    if (tokens[i]?.type !== 'group') return null;
    when = tokens[i++]!.text;
  }
  if (!take('EXECUTE') || !(take('FUNCTION') || take('PROCEDURE'))) return null;
  const last = tokens[tokens.length - 1];
  if (last?.type !== 'group' || i >= tokens.length - 1) return null;
  const fn = tokens
    .slice(i, tokens.length - 1)
    .map((t) => t.text)
    .join('');
  return {
    name,
    table,
    constraint,
    timing,
    events,
    referenced,
    deferrable: deferral.join(' '),
    transitionTables,
    level,
    when,
    function: fn,
    arguments: last.text.slice(1, -1).trim(),
  };
}

/** The aspects in which two triggers' definitions differ, as findings name them. */
export function triggerAspects(expected: Trigger, actual: Trigger): string[] {
  if (expected.definition === actual.definition) return [];
  const e = triggerParts(expected.definition);
  const a = triggerParts(actual.definition);
  if (e === null || a === null) return ['definition'];
  const names: Record<Exclude<keyof TriggerParts, 'name' | 'table'>, string> = {
    constraint: 'constraint',
    timing: 'timing',
    events: 'events',
    referenced: 'referenced table',
    deferrable: 'deferrable',
    transitionTables: 'transition tables',
    level: 'level',
    when: 'when',
    function: 'function',
    arguments: 'arguments',
  };
  const out = (Object.keys(names) as (keyof typeof names)[]).filter((k) => e[k] !== a[k]).map((k) => names[k]);
  return out.length === 0 ? ['definition'] : out;
}
