/**
 * Ignore rules: globs over display names (see `IgnoreRule`).
 *
 * A pattern is split on dots into parts; each part is matched against one
 * stored (unquoted) name, case-sensitively. Inside a part, `*` matches any run
 * of characters; a part that is exactly `**` matches any number of whole
 * parts (zero included). Double quotes make their content literal, so
 * `public."my.table"` and `"a*b"` match those names exactly; `""` inside
 * quotes is a quote character.
 *
 * A pattern matches a finding when it matches the object's path or any prefix
 * of it: `public.leads` matches `public.leads.score` too, so ignoring a table
 * ignores everything in it. Use `kinds` to narrow a rule.
 */
import { InvalidSpecError } from '../errors.js';
import { readQuoted } from '../model/identifiers.js';
import { isFindingKind, type FindingKind } from '../findings/kinds.js';

/** Suppresses matching findings; they are counted in `DiffResult.ignored`. */
export interface IgnoreRule {
  /**
   * A glob over display names, matched part by part against the stored
   * (unquoted, case-sensitive) names: `public.spatial_ref_sys`, `audit.*`,
   * `*.tmp_*`, `public.leads.legacy_*`. `*` matches within one name part,
   * `**` (a whole part) matches any number of parts. Double-quote a part to
   * match a dot or `*` literally (`public."my.table"`). A rule that matches an
   * object also matches everything inside it (a table's columns, indexes and
   * constraints; an enum's values; a schema's objects).
   */
  readonly pattern: string;
  /** Restrict the rule to these kinds; default all kinds. */
  readonly kinds?: readonly FindingKind[];
  /** Why the drift is accepted; shown in reports. Required so ignores stay explained. */
  readonly reason: string;
  /** Who owns the decision, the last day it holds (yyyy-mm-dd; past it the rule no longer ignores: src/ack), a ticket. */
  readonly owner?: string;
  readonly expires?: string;
  readonly ticket?: string;
}

/** One element of a compiled pattern part. */
type Token = { readonly literal: string } | { readonly star: true };

/** A compiled pattern part: a glob within one name, or `**` across names. */
export type PatternPart = { readonly kind: 'glob'; readonly regex: RegExp } | { readonly kind: 'globstar' };

/** A rule, validated and compiled. */
export interface CompiledIgnoreRule {
  readonly rule: IgnoreRule;
  readonly parts: readonly PatternPart[];
  /** Null for "every kind". */
  readonly kinds: ReadonlySet<FindingKind> | null;
}

function invalid(pattern: string, why: string): InvalidSpecError {
  return new InvalidSpecError(`invalid ignore pattern ${JSON.stringify(pattern)}: ${why}`, {
    meta: { pattern },
  });
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compile a pattern. Throws an `AuditError` (code `spec`) for an empty
 * pattern, an empty part (`a..b`, a leading or trailing dot) or an
 * unterminated quote.
 */
export function parseIgnorePattern(pattern: string): PatternPart[] {
  const text = pattern.trim();
  if (text === '') throw invalid(pattern, 'it is empty');
  const rawParts: { tokens: Token[]; quoted: boolean; source: string }[] = [];
  let tokens: Token[] = [];
  let quoted = false;
  let source = '';
  let i = 0;
  const finishPart = (): void => {
    if (tokens.length === 0) throw invalid(pattern, 'it has an empty name part');
    rawParts.push({ tokens, quoted, source });
    tokens = [];
    quoted = false;
    source = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      quoted = true;
      const run = readQuoted(text, i);
      if (run === null) throw invalid(pattern, 'it has an unterminated quote');
      const { literal } = run;
      i = run.end;
      tokens.push({ literal });
      source += `"${literal}"`;
    } else if (ch === '.') {
      finishPart();
      i++;
    } else if (ch === '*') {
      tokens.push({ star: true });
      source += '*';
      i++;
    } else {
      tokens.push({ literal: ch });
      source += ch;
      i++;
    }
  }
  finishPart();
  return rawParts.map(({ tokens: t, quoted: q, source: s }): PatternPart => {
    if (!q && s === '**') return { kind: 'globstar' };
    const body = t.map((tok) => ('star' in tok ? '.*' : escapeRegex(tok.literal))).join('');
    return { kind: 'glob', regex: new RegExp(`^${body}$`, 's') };
  });
}

/** True when the compiled pattern matches the whole path (one name per part). */
export function matchesPath(parts: readonly PatternPart[], path: readonly string[]): boolean {
  const match = (p: number, n: number): boolean => {
    if (p === parts.length) return n === path.length;
    const part = parts[p] as PatternPart;
    if (part.kind === 'globstar') {
      for (let k = n; k <= path.length; k++) if (match(p + 1, k)) return true;
      return false;
    }
    return n < path.length && part.regex.test(path[n] as string) && match(p + 1, n + 1);
  };
  return match(0, 0);
}

/** True when the pattern matches the path or one of its prefixes (the object or a container of it). */
export function matchesPathOrContainer(parts: readonly PatternPart[], path: readonly string[]): boolean {
  for (let length = 1; length <= path.length; length++) {
    if (matchesPath(parts, path.slice(0, length))) return true;
  }
  return false;
}

/** Validate and compile rules; throws an `AuditError` (code `spec`) on a bad pattern or kind. */
export function compileIgnoreRules(rules: readonly IgnoreRule[]): CompiledIgnoreRule[] {
  return rules.map((rule) => {
    const parts = parseIgnorePattern(rule.pattern);
    let kinds: Set<FindingKind> | null = null;
    if (rule.kinds !== undefined) {
      if (rule.kinds.length === 0) throw invalid(rule.pattern, 'its kinds list is empty (omit it for every kind)');
      for (const kind of rule.kinds) {
        if (!isFindingKind(kind)) throw invalid(rule.pattern, `unknown finding kind ${JSON.stringify(kind)}`);
      }
      kinds = new Set(rule.kinds);
    }
    return { rule, parts, kinds };
  });
}

/** The first rule that matches a finding of `kind` about the object at `path`, if any. */
export function findIgnoreRule(
  rules: readonly CompiledIgnoreRule[],
  kind: FindingKind,
  path: readonly string[],
): IgnoreRule | undefined {
  for (const compiled of rules) {
    if (compiled.kinds !== null && !compiled.kinds.has(kind)) continue;
    if (matchesPathOrContainer(compiled.parts, path)) return compiled.rule;
  }
  return undefined;
}
