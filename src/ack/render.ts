/**
 * Acknowledged drift in each report format: the lines of the text report,
 * the markdown section, and what the CI formats make of it (SARIF
 * suppressions with a justification, JUnit skipped test cases, GitLab Code
 * Quality issues at severity info). Every text from the acknowledgements
 * file or the spec is untrusted: made visible (no control character) and
 * escaped for markdown and XML by the formats' own helpers.
 */
import type { AuditReport } from '../audit.js';
import { code, escapeMarkdown, plural, table } from '../render/markdown/syntax.js';
import { visible } from '../safe-text.js';
import type { AcceptedBy, AcknowledgementsSection } from './types.js';

type Section = AcknowledgementsSection<AuditReport['findings'][number]>;

/** The colours the text lines use (a chalk instance). */
interface Colours {
  dim(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

/** `owner alice, until 2027-01-31, ticket OPS-1`: the entry's particulars, in words. */
export function particulars(by: AcceptedBy): string {
  const parts = [
    by.owner !== undefined ? `owner ${by.owner}` : undefined,
    by.expires !== undefined ? `until ${by.expires}` : undefined,
    by.ticket !== undefined ? `ticket ${by.ticket}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.join(', ');
}

/** What accepted (or no longer accepts) a finding: `acknowledgement (file:line)` or `ignore rule "pattern"`. */
function entryName(by: AcceptedBy): string {
  return by.source === 'ack-file' ? `acknowledgement${by.at !== undefined ? ` (${by.at})` : ''}` : `ignore rule "${by.match}"`;
}

/** One line: `reason (owner …, until …, ticket …)`. */
function because(by: AcceptedBy): string {
  const more = particulars(by);
  return more === '' ? by.reason : `${by.reason} (${more})`;
}

/** The text report's lines: acknowledged findings, expired entries, stale ones; none when there is nothing to say. */
export function acknowledgementLines(report: AuditReport, c: Colours): string[] {
  const s: Section | undefined = report.acknowledgements;
  if (s === undefined) return [];
  const out: string[] = [''];
  if (s.acknowledged.length > 0) {
    const from = s.file !== null ? ` (${visible(s.file)})` : '';
    out.push(`${c.dim('acknowledged:')} ${plural(s.acknowledged.length, 'finding')}${from}, not counted:`);
    for (const a of s.acknowledged) out.push(`  ${visible(a.finding.id)}: ${visible(because(a.by))}`);
  }
  for (const e of s.expired) {
    out.push(
      `${c.red('expired:')} ${visible(e.findingId)}: the ${visible(entryName(e.by))} expired on ${visible(e.by.expires ?? '?')}; the finding counts again (${visible(because(e.by))})`,
    );
  }
  for (const st of s.stale) {
    const what = st.source === 'ack-file' ? `acknowledgement ${st.match}${st.at !== undefined ? ` (${st.at})` : ''}` : `ignore rule "${st.match}"`;
    out.push(`${c.yellow('stale:')} ${visible(what)} matches no finding: remove it`);
  }
  return out;
}

/** `### Acknowledged Drift`: the acknowledged findings, the expired and stale entries; nothing when there are none. */
export function acknowledgedMarkdown(report: AuditReport): string[] {
  const s: Section | undefined = report.acknowledgements;
  if (s === undefined) return [];
  const out = ['### Acknowledged Drift'];
  const row = (by: AcceptedBy): string[] => [escapeMarkdown(by.reason), escapeMarkdown(by.owner ?? ''), escapeMarkdown(by.expires ?? ''), escapeMarkdown(by.ticket ?? '')];
  if (s.acknowledged.length > 0) {
    const from = s.file !== null ? ` (${code(s.file)})` : '';
    out.push(`${plural(s.acknowledged.length, 'finding')} ${s.acknowledged.length === 1 ? 'is' : 'are'} acknowledged${from} and not counted:`);
    out.push(table(['Finding', 'Reason', 'Owner', 'Expires', 'Ticket'], s.acknowledged.map((a) => [code(a.finding.id), ...row(a.by)])));
  }
  if (s.expired.length > 0) {
    out.push(`${plural(s.expired.length, 'finding')} ${s.expired.length === 1 ? 'is' : 'are'} counted again: ${s.expired.length === 1 ? 'its' : 'their'} acknowledgement or ignore rule expired:`);
    out.push(table(['Finding', 'Expired on', 'Accepted by', 'Reason', 'Owner', 'Ticket'], s.expired.map((e) => [code(e.findingId), escapeMarkdown(e.by.expires ?? ''), code(e.by.source === 'ack-file' ? e.by.at ?? e.by.match : e.by.match), escapeMarkdown(e.by.reason), escapeMarkdown(e.by.owner ?? ''), escapeMarkdown(e.by.ticket ?? '')])));
  }
  if (s.stale.length > 0) {
    out.push(`${plural(s.stale.length, 'acknowledgement or ignore rule', 'acknowledgements or ignore rules')} match${s.stale.length === 1 ? 'es' : ''} no finding (stale: remove ${s.stale.length === 1 ? 'it' : 'them'}):`);
    out.push(table(['Entry', 'Kind', 'Reason', 'Owner'], s.stale.map((st) => [code(st.match), st.source === 'ack-file' ? `acknowledgement${st.at !== undefined ? ` ${code(st.at)}` : ''}` : 'ignore rule', escapeMarkdown(st.reason), escapeMarkdown(st.owner ?? '')])));
  }
  return out;
}

/** The justification a SARIF suppression or a JUnit skip carries. */
export function justification(by: AcceptedBy): string {
  return visible(`acknowledged: ${because(by)}`);
}
