/**
 * GitHub Actions (GITHUB_ACTIONS=true): a workflow annotation per finding
 * (`::error file=…,line=…,title=…::message`, on stderr so that a report on
 * stdout stays whole; the runner reads commands from both), and a short
 * markdown summary for `$GITHUB_STEP_SUMMARY`.
 *
 * Escaping as GitHub's toolkit does it (@actions/core `command.ts`): in the
 * message `%`, CR and LF; in property values also `:` and `,`. A name with a
 * line break therefore cannot start a workflow command of its own.
 */
import type { AuditReport } from '../../audit.js';
import { objectDisplayName, type Severity } from '../../findings/finding.js';
import { visible } from '../../safe-text.js';
import { code, escapeMarkdown, plural, table } from '../markdown/syntax.js';
import { locateObject } from './locate.js';
import type { CiRenderContext } from './sarif.js';

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One annotation line per finding (drift, then advice), each ending in a newline. */
export function githubAnnotations(report: AuditReport, context: CiRenderContext): string {
  return report.findings
    .map((f) => {
      const where = locateObject(f.object, context.locate, context.cwd);
      const props = [
        ...(where ? [`file=${escapeProperty(visible(where.file))}`, `line=${where.line}`] : []),
        `title=${escapeProperty(visible(`schema-audit ${f.kind} ${objectDisplayName(f.object)}`))}`,
      ];
      // visible(): no terminal control in the job log; escapeData(): no line break to start another command.
      return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(visible(f.message))}\n`;
    })
    .join('');
}

/** The most findings the summary lists (a step summary is capped at 1 MiB; the full report is elsewhere). */
const SUMMARY_ROWS = 200;

/** A markdown summary of the run: counts, and the findings as a table. */
export function githubSummary(report: AuditReport): string {
  const drift = report.findings.filter((f) => f.category === 'drift');
  const advice = report.findings.filter((f) => f.category === 'advice');
  const s = report.summary;
  const lines = [
    `## schema-audit: ${escapeMarkdown(report.target.database)}`,
    '',
    drift.length === 0
      ? `No drift from ${code(report.expected.source)}.`
      : `${plural(s.total, 'difference')} from ${code(report.expected.source)}: ${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.info, 'note')}.`,
  ];
  if (advice.length > 0) lines.push('', `${plural(advice.length, 'piece')} of advice.`);
  const shown = report.findings.slice(0, SUMMARY_ROWS);
  if (shown.length > 0) {
    lines.push('', table(['Severity', 'Object', 'Finding'], shown.map((f) => [f.severity, code(objectDisplayName(f.object)), escapeMarkdown(f.message)])));
    if (report.findings.length > shown.length) lines.push('', `… and ${plural(report.findings.length - shown.length, 'more finding')}: see the full report.`);
  }
  return `${lines.join('\n')}\n\n`;
}
