/**
 * The report's `history` in words: the text report's lines, the markdown
 * report's section, and the one-line summary a notification carries.
 */
import type { AuditReport } from '../audit.js';
import { code, escapeMarkdown, table } from '../render/markdown/syntax.js';
import { visible } from '../safe-text.js';
import type { HistoryEntry, ReportHistory } from './types.js';

/** Most entries of one list shown in the text and markdown reports (the JSON report has all). */
const SHOWN = 50;

type WithHistory = AuditReport & { readonly history?: ReportHistory };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 new, 1 still open, 1 resolved, 1 came back, 1 renamed` (the lists that have entries; "no change" when none). */
export function historyCounts(h: ReportHistory): string {
  const parts = [
    h.new.length > 0 ? `${h.new.length} new` : '',
    h.open.length > 0 ? `${h.open.length} still open` : '',
    h.resolved.length > 0 ? `${h.resolved.length} resolved` : '',
    h.cameBack.length > 0 ? `${h.cameBack.length} came back` : '',
    h.renamed.length > 0 ? `${plural(h.renamed.length, 'relation')} renamed` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no findings, before or now';
}

/** What the run was compared with, in a sentence. */
export function historyHeadline(h: ReportHistory): string {
  if (h.previous === null) return 'first run recorded for this database; every finding is new';
  const model = h.modelChanged === null ? '' : h.modelChanged ? '; the live schema changed' : '; the live schema is unchanged';
  const from = h.previous.from === 'report' ? 'the saved report' : 'the run';
  return `compared with ${from} of ${h.previous.generatedAt}${model}`;
}

function entryText(e: HistoryEntry, list: 'new' | 'open' | 'resolved' | 'cameBack'): string {
  const notes = [
    list === 'open' ? `since ${e.firstSeen}` : '',
    list === 'resolved' ? `open since ${e.firstSeen}` : '',
    list === 'cameBack' && e.resolvedAt ? `resolved ${e.resolvedAt}` : '',
    e.previousId ? `was ${e.previousId}` : '',
    e.committedAt ? `catalog row committed ${e.committedAt}` : '',
  ].filter(Boolean);
  return `${e.id} (${e.severity}${notes.length ? `; ${notes.join('; ')}` : ''})`;
}

const LISTS = [
  ['new', 'new'],
  ['cameBack', 'came back'],
  ['resolved', 'resolved'],
  ['open', 'still open'],
] as const;

/** The text report's lines (plain; the caller colours the label). */
export function historyTextLines(report: WithHistory): string[] {
  const h = report.history;
  if (!h) return [];
  const out = [`history:   ${visible(historyHeadline(h))}: ${historyCounts(h)}`];
  for (const r of h.renamed) {
    const why = r.findings.length > 0 ? `; explains ${r.findings.join(', ')}` : '';
    out.push(`  renamed:    ${r.kind} ${visible(r.from)} is now ${visible(r.to)} (same OID ${r.oid}${r.committedAt ? `; committed ${r.committedAt}` : ''}${visible(why)})`);
  }
  for (const [list, label] of LISTS) {
    const entries = h[list];
    for (const e of entries.slice(0, SHOWN)) out.push(`  ${`${label}:`.padEnd(12)}${visible(entryText(e, list))}`);
    if (entries.length > SHOWN) out.push(`  ${`${label}:`.padEnd(12)}… and ${entries.length - SHOWN} more (see --format json)`);
  }
  return out;
}

/** The markdown report's section ("Since the previous run"); none without history. */
export function historyMarkdown(report: WithHistory): string[] {
  const h = report.history;
  if (!h) return [];
  const blocks = ['## Since the previous run', `${escapeMarkdown(historyHeadline(h))}: ${historyCounts(h)}.`];
  if (h.renamed.length > 0) {
    blocks.push(
      table(
        ['renamed', 'was', 'is now', 'OID', 'explains'],
        h.renamed.map((r) => [r.kind, code(r.from), code(r.to), String(r.oid), r.findings.map(code).join(', ')]),
      ),
    );
  }
  const rows: string[][] = [];
  for (const [list, label] of LISTS) {
    for (const e of h[list].slice(0, SHOWN)) {
      const notes = [e.previousId ? `was ${code(e.previousId)}` : '', e.resolvedAt && list === 'cameBack' ? `resolved ${escapeMarkdown(e.resolvedAt)}` : '', e.committedAt ? `committed ${escapeMarkdown(e.committedAt)}` : '']
        .filter(Boolean)
        .join('; ');
      rows.push([label, code(e.id), e.severity, escapeMarkdown(e.firstSeen), notes]);
    }
    if (h[list].length > SHOWN) rows.push([label, `… and ${h[list].length - SHOWN} more (see the JSON report)`, '', '', '']);
  }
  if (rows.length > 0) blocks.push(table(['change', 'finding', 'severity', 'first seen', 'notes'], rows));
  return blocks;
}
