/**
 * The report formats (`--format`), the extra reports of one run (`--report
 * FORMAT=PATH`, repeatable), and rendering a report in any of them. Kept out
 * of options.ts (its size) and report.ts: both call in here.
 */
import type { AuditReport } from '../audit.js';
import { renderGitlab } from '../render/ci/gitlab.js';
import { renderJunit } from '../render/ci/junit.js';
import { renderSarif, type CiRenderContext } from '../render/ci/sarif.js';
import { renderHtml } from '../render/html.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTerminal, type TerminalOptions } from '../render/terminal.js';

/** `--format`'s choices: `auto` (= text) and every format a file can have. */
export const REPORT_FORMATS = ['auto', 'text', 'json', 'markdown', 'html', 'junit', 'sarif', 'gitlab'] as const;

/**
 * `auto` (the default) and `text` are the same report today: the text report,
 * coloured when `useColor` says so (by default: when stdout is a TTY) and
 * wrapped to the terminal's width on a TTY, else to COLUMNS or 100. `json`,
 * `markdown`, `html` (one self-contained page), `junit` (JUnit XML), `sarif` (SARIF 2.1.0) and `gitlab` (GitLab
 * Code Quality) are never coloured.
 */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A format a `--report` file can have. */
export type FileFormat = Exclude<ReportFormat, 'auto'>;

/** One `--report FORMAT=PATH`. */
export interface ExtraReport {
  readonly format: FileFormat;
  readonly path: string;
}

export const REPORT_FORMAT_HELP =
  'Report format: text (tables; coloured on a terminal, plain when piped), json, markdown (the audit document), html (the same as one self-contained page), junit (JUnit XML), sarif (SARIF 2.1.0), gitlab (GitLab Code Quality); auto = text';

export const REPORT_FLAG = {
  type: 'string',
  array: true,
  describe: 'FORMAT=PATH: also write the report in FORMAT (text, json, markdown, html, junit, sarif, gitlab) to PATH, atomically; repeat for several',
} as const;

const FILE_FORMATS: readonly string[] = REPORT_FORMATS.filter((f) => f !== 'auto');

/** `--report` values, validated: a known format, a path, no path twice. */
export function parseReports(value: unknown): ExtraReport[] {
  const out: ExtraReport[] = [];
  for (const raw of (value as unknown[] | undefined) ?? []) {
    const text = String(raw);
    const eq = text.indexOf('=');
    const format = eq < 0 ? '' : text.slice(0, eq).trim().toLowerCase();
    const file = eq < 0 ? '' : text.slice(eq + 1);
    if (!FILE_FORMATS.includes(format) || file.trim() === '' || /[\u0000\n\r]/.test(file)) {
      throw new RangeError(`--report takes FORMAT=PATH with FORMAT one of ${FILE_FORMATS.join(', ')}, not "${text.replace(/[^\x20-\x7e]/g, '?').slice(0, 80)}"`);
    }
    if (out.some((r) => r.path === file)) throw new RangeError(`--report: ${file.replace(/[^\x20-\x7e]/g, '?').slice(0, 80)} is given twice`);
    out.push({ format: format as FileFormat, path: file });
  }
  return out;
}

/** What rendering needs beyond the report: the text report's options, where spec objects are defined, advice's weight. */
export interface RenderContext extends CiRenderContext {
  readonly terminal: TerminalOptions;
  readonly failOnAdvice: boolean;
}

/** The report in one format. */
export function renderReport(report: AuditReport, format: ReportFormat, context: RenderContext): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'junit':
      return renderJunit(report, { failOnAdvice: context.failOnAdvice });
    case 'sarif':
      return renderSarif(report, context);
    case 'gitlab':
      return renderGitlab(report, context);
    case 'auto':
    case 'text':
      return renderTerminal(report, context.terminal);
  }
}
