/**
 * Markdown primitives: escaping, code spans, table cells, counting words.
 * The markdown report's sections use them, and so do the kinds' words
 * (src/kinds/<kind>/words.ts), which is why this module imports nothing of
 * the registry or the report: kinds may import it without a cycle.
 */
import { oneLine } from '../../findings/words.js';
import { quoteIdent } from '../../model/identifiers.js';
import type { Noun } from '../../kinds/kind.js';
import { visible } from '../../safe-text.js';

/**
 * Escape text for Markdown prose and table cells (pipes are the cell's job,
 * see {@link cell}). `_` is escaped only where it could start or end emphasis
 * (intraword underscores never do), so `lead_campaign_enrollments` stays
 * readable in the source.
 */
export function escapeMarkdown(text: string): string {
  // One line (no heading, list or fence can start), no raw control, separator or bidi character.
  const s = visible(oneLine(text));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '_') {
      const before = s[i - 1] ?? '';
      const after = s[i + 1] ?? '';
      out += /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}_]/u.test(after) ? '_' : '\\_';
    } else if ('\\`*[]<>$~&#'.includes(ch)) {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  // Line-start syntax (`#`, `-`, `1.`) needs no escape: the renderer never starts a line with report text.
  return out;
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const s = visible(oneLine(text));
  if (s === '') return '` `';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A table cell: Markdown already formatted, with every `|` escaped (GFM splits cells even inside code spans). */
export function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/** A GFM table; every cell goes through {@link cell}. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** `a`, `a and b`, `a, b and c`. */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `5,000`: a whole number with thousands separators, the same in every locale. */
export function count(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** `1 row`, `5,000 rows`, `2 indexes` (with `pluralForm`). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : pluralForm}`;
}

/**
 * Part of a counted whole: `the difference` (a whole of one), `all 17
 * differences`, `16 of the 17 differences`; never `1 of the 1 difference`.
 */
export function partOf(part: number, total: number, singular: string, pluralForm = `${singular}s`): string {
  if (part === total) return total === 1 ? `the ${singular}` : `all ${plural(total, singular, pluralForm)}`;
  return `${count(part)} of the ${plural(total, singular, pluralForm)}`;
}

/** `1 enum value`, `3 enum values`: {@link plural} with a kind's noun. */
export function counted(n: number, noun: Noun): string {
  return plural(n, noun.one, noun.many);
}

/** `leads` in `public`, `billing.invoices` elsewhere: a schema object's name as the report shows it, quoted as PostgreSQL needs. */
export function objectName(schema: string, object: string): string {
  return schema === 'public' ? quoteIdent(object) : `${quoteIdent(schema)}.${quoteIdent(object)}`;
}

/** A column name as inline code: `` `score` ``, `` `"Odd Name"` ``. */
export function columnCode(column: string): string {
  return code(quoteIdent(column));
}

/** ` (keys)`, ` (onDelete, onUpdate)`: the aspects of an object that differ, or nothing when none is named. */
export function differsIn(aspects: readonly string[]): string {
  return aspects.length === 0 ? '' : ` (${escapeMarkdown(aspects.join(', '))})`;
}

/** `the new column` / `the 3 new columns`. */
export function the(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? `the ${singular}` : `the ${count(n)} ${pluralForm}`;
}

/** `is` / `are` for a count. */
export function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}

/** `it` / `them` for a count. */
export function itThem(n: number): string {
  return n === 1 ? 'it' : 'them';
}

/** `Spec`, `SQL file`: the first letter in upper case. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** The marker of item `i` (0-based) of a numbered list, and the indent of its nested lines. */
export function numbered(i: number): { marker: string; indent: string } {
  const marker = `${i + 1}. `;
  return { marker, indent: ' '.repeat(marker.length) };
}
