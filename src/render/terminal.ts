import { Chalk, supportsColor, type ChalkInstance } from 'chalk';
import { failsGate, type AuditReport, type FailOn } from '../audit.js';
import { coverageGapText, notVisibleText, privilegeCoverageText } from '../audit-coverage.js';
import type { AdviceFinding } from '../advice/index.js';
import { objectDisplayName, SEVERITY_RANK, type FindingObject } from '../findings/finding.js';
import { findingDefinition, objectKindOf } from '../findings/kinds.js';
import type { ObjectKind } from '../kinds/kind.js';
import { KINDS } from '../kinds/registry.js';
import { displayName } from '../model/identifiers.js';
import { verificationText } from '../plan/verification.js';
import { visible } from '../safe-text.js';
import { compactTable } from './chunked-table.js';
import { UNCOVERED_KINDS } from '../introspect/postgres/uncovered.js';
import { historyTextLines } from '../history/render.js';
import { acknowledgementLines } from '../ack/render.js';

/**
 * The human report for a terminal: a header, one table per section of
 * findings, and a one-line summary.
 *
 * Colour is decided by the caller (`options.color`), never detected here: with
 * `color: false` the output holds no ANSI escape at all, whatever the
 * environment; with `color: true` it uses only the 16 basic colours, so the
 * bytes do not depend on the terminal's colour depth either. The same report
 * and options always give the same text.
 *
 * This is the only module that imports chalk.
 */
export interface TerminalOptions {
  readonly color: boolean;
  /** Wrap the object and message columns to fit this many columns; default: no wrapping. */
  readonly width?: number;
  /** The run's --fail-on, to say in the summary whether the gate fails; default: not mentioned. */
  readonly failOn?: FailOn;
  /** The run's --fail-on-advice: advice counts towards the gate too. */
  readonly failOnAdvice?: boolean;
  /** The run's --strict-coverage: objects not compared fail the gate too. */
  readonly strictCoverage?: boolean;
}

/** How many names of a kind not compared the header lists (the JSON report lists all). */
const NOT_COMPARED_NAMES = 5;

/** A finding of the report: drift or advice. */
type Finding = AuditReport['findings'][number];

type Palette = ChalkInstance;

function palette(color: boolean): Palette {
  if (!color) return new Chalk({ level: 0 });
  // Basic colours print the same codes at every level; the level only has to be on.
  const level = supportsColor && supportsColor.level > 0 ? supportsColor.level : 1;
  return new Chalk({ level });
}

interface Section {
  readonly title: string;
  readonly accepts: (f: Finding) => boolean;
}

const isAdvice = (f: Finding): f is AdviceFinding => f.category === 'advice';

/**
 * The kinds whose missing objects have a section of their own
 * (`listsMissingApart`), in registry order: `Missing tables`, `Missing
 * columns`, ... A finding goes there when its kind is theirs and its effect
 * is `missing`.
 */
const MISSING_SECTIONS: readonly Section[] = KINDS.filter((k: ObjectKind) => k.listsMissingApart).map((kind: ObjectKind) => ({
  title: `Missing ${kind.noun.many}`,
  accepts: (f) => !isAdvice(f) && objectKindOf(f.kind) === kind && findingDefinition(f.kind).effect === 'missing',
}));

const ADVICE: Section = { title: 'Advice', accepts: isAdvice };
const OTHER_DRIFT: Section = { title: 'Other drift', accepts: () => true };

/** Report sections, in order; a finding goes to the first that accepts it. */
const SECTIONS: readonly Section[] = [ADVICE, ...MISSING_SECTIONS, OTHER_DRIFT];
/** Printed order (advice last, though it is matched first). */
const PRINT_ORDER: readonly string[] = [...MISSING_SECTIONS, OTHER_DRIFT, ADVICE].map((s) => s.title);

export function renderTerminal(report: AuditReport, options: TerminalOptions): string {
  const c = palette(options.color);
  const out: string[] = [];

  // Header.
  out.push(`${c.bold('schema-audit')} ${clean(report.tool.version)}`);
  out.push(`${c.dim('target:   ')} ${clean(report.target.location)}, PostgreSQL ${clean(report.target.serverVersion)}`);
  out.push(
    `${c.dim('expected: ')} ${clean(report.expected.source)} (${clean(report.expected.kind)}, sha256 ${clean(report.expected.sha256.slice(0, 12))}${report.expected.fromCache ? ', from the cache' : ''})`,
  );
  out.push(`${c.dim('generated:')} ${clean(report.generatedAt)}`);
  // What the audit did not cover: said before any finding, so no one reads the findings as complete.
  for (const t of report.coverage.notRead ?? []) {
    out.push(`${c.yellow('not read: ')} table ${clean(t.schema)}.${clean(t.name)}: ${clean(t.reason)} (not compared)`);
  }
  out.push(...notComparedLines(report, c));
  out.push(...notVisibleLines(report, c));
  out.push(`${c.dim('privileges:')} ${clean(privilegeCoverageText(report.coverage.privileges))}`);
  for (const n of report.advice?.notChecked ?? []) {
    out.push(`${c.dim('advice:   ')} ${clean(n.kind)} not checked: ${clean(n.reason)}`);
  }
  out.push(...historyTextLines(report).map((l, i) => (i === 0 ? `${c.dim('history:  ')}${l.slice(10)}` : l)));

  // Sections.
  const grouped = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const section = SECTIONS.find((s) => s.accepts(f))!;
    const list = grouped.get(section.title) ?? [];
    list.push(f);
    grouped.set(section.title, list);
  }
  const layout = columnLayout(report.findings, options.width);
  for (const title of PRINT_ORDER) {
    const findings = grouped.get(title);
    if (!findings) continue;
    // Most severe first; the report's own order within a severity (stable sort).
    const rows = [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    out.push('');
    out.push(c.bold(`${title} (${rows.length})`));
    out.push(findingsTable(rows, c, layout));
  }

  // Ignored findings: counted here, listed in the JSON report.
  if (report.ignored.length > 0) {
    out.push('');
    const n = report.ignored.length;
    out.push(`${c.dim('ignored:')} ${n} finding${n === 1 ? '' : 's'} matched ignore rules (listed in --format json)`);
  }
  out.push(...acknowledgementLines(report, c));

  const plan = remediationLines(report, c);
  if (plan.length) out.push('', ...plan);

  out.push('');
  out.push(summaryLine(report, c, options));
  return `${out.join('\n')}\n`;
}

/**
 * What the remediation plan does, in a line or two: steps, decisions left to
 * a person, hazards by kind, and the --verify outcome. Nothing when there is
 * no drift or no plan.
 */
function remediationLines(report: AuditReport, c: Palette): string[] {
  const plan = report.remediation;
  const drift = report.findings.filter((f) => f.category === 'drift').length;
  if (!plan || drift === 0) return [];
  const counts = new Map<string, number>();
  for (const h of plan.steps.flatMap((s) => s.hazards)) counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
  const hazards = [...counts].map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`).join(', ');
  // `1 step fixes the finding`, `29 steps fix all 17 findings`, `3 steps fix 2 of the 5 findings`.
  const fixed = plan.fixed.length === drift ? (drift === 1 ? 'the finding' : `all ${drift} findings`) : `${plan.fixed.length} of the ${drift} finding${drift === 1 ? '' : 's'}`;
  const parts = [`${plan.steps.length} step${plan.steps.length === 1 ? ' fixes' : 's fix'} ${fixed}`];
  if (plan.manual.length) parts.push(`${plan.manual.length} need${plan.manual.length === 1 ? 's' : ''} a decision`);
  if (plan.kept.length) parts.push(`${plan.kept.length} unexpected kept (--drop-unexpected drops them)`);
  const out = [`${c.dim('remediation:')} ${parts.join('; ')}${hazards ? `; hazards: ${hazards}` : ''}`];
  const v = plan.verification;
  out.push(
    v === undefined
      ? `${c.dim('            ')} --migration-dir DIR writes up.sql and down.sql; --verify proves them on a scratch copy first`
      : `${c.dim('            ')} ${clean(verificationText(v))}`,
  );
  return out;
}

/**
 * The objects of kinds schema-audit does not compare, a line per kind:
 * `not compared: 2 policies: public.leads.tenant_isolation, public.accounts.own_rows`
 * (the first few names; the JSON report lists all).
 */
function notComparedLines(report: AuditReport, c: Palette): string[] {
  const byKind = new Map<string, string[]>();
  for (const o of report.coverage.notCompared) {
    const names = byKind.get(o.kind) ?? [];
    names.push(o.schema === null ? displayName(o.name) : `${displayName(o.schema)}.${o.name}`);
    byKind.set(o.kind, names);
  }
  return [...byKind].map(([kind, names]) => {
    const words = UNCOVERED_KINDS[kind] ?? { one: kind, many: kind };
    const shown = names.slice(0, NOT_COMPARED_NAMES).map(clean).join(', ');
    const more = names.length > NOT_COMPARED_NAMES ? `, and ${names.length - NOT_COMPARED_NAMES} more` : '';
    return `${c.yellow('not compared:')} ${names.length} ${clean(names.length === 1 ? words.one : words.many)}: ${shown}${more}`;
  });
}

/**
 * What the audit role could not read, and the expected objects it did not compare:
 * `not visible: functions not visible to audit (lacks SELECT on pg_catalog.pg_proc); 2 expected objects not compared: app.f(a integer), ...`
 */
function notVisibleLines(report: AuditReport, c: Palette): string[] {
  const v = report.coverage.notVisible;
  if (v === undefined) return [];
  const names = v.objects.map((o) => (o.schema === null ? displayName(o.name) : `${displayName(o.schema)}.${o.name}`));
  const shown = names.slice(0, NOT_COMPARED_NAMES).map(clean).join(', ');
  const more = names.length > NOT_COMPARED_NAMES ? `, and ${names.length - NOT_COMPARED_NAMES} more` : '';
  const n = names.length;
  const objects = n === 0 ? 'no expected objects of these kinds' : `${n} expected object${n === 1 ? '' : 's'} not compared: ${shown}${more}`;
  return [`${c.yellow('not visible:')} ${clean(notVisibleText(report.coverage))}; ${objects}`];
}

/**
 * The last line: `✔ No drift: ...`, or drift counts (advice counted apart)
 * and, given --fail-on, whether the gate fails:
 * `✖ 17 errors, 0 warnings, 0 info; 245 expected objects present — drift at or above --fail-on error`.
 */
function summaryLine(report: AuditReport, c: Palette, options: TerminalOptions): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const present = `${plural(report.present.length, 'expected object')} present`;
  const drift = report.findings.filter((f) => !isAdvice(f));
  const advice = report.findings.length - drift.length;
  const { failOn } = options;
  const byFindings = failOn !== undefined && failsGate(report, failOn, { includeAdvice: options.failOnAdvice === true });
  const byCoverage = failOn !== undefined && failOn !== 'never' && options.strictCoverage === true && !report.coverage.complete;
  const failing = byFindings || byCoverage;
  const uncovered = report.coverage.complete ? '' : `; ${clean(coverageGapText(report.coverage))}`;
  if (drift.length === 0 && !failing) {
    const also = advice > 0 ? `; ${plural(advice, 'advice finding')}` : '';
    const acked = report.acknowledgements?.acknowledged.length ?? 0;
    if (acked > 0) return `${c.green('✔')} No drift beyond ${plural(acked, 'acknowledged finding')} (${present}${also})${uncovered}.`;
    return report.coverage.complete
      ? `${c.green('✔')} No drift: the database matches the expected schema (${present}${also}).`
      : `${c.green('✔')} No drift in what was compared (${present}${also})${uncovered}.`;
  }
  const count = (severity: string): number => drift.filter((f) => f.severity === severity).length;
  const counts =
    `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info; ${present}` +
    (advice > 0 ? `; ${advice} advice` : '') +
    uncovered;
  if (failOn === undefined) return `${c.red('✖')} ${counts}`;
  if (byFindings) {
    return `${c.red('✖')} ${counts} — ${options.failOnAdvice === true ? 'drift or advice' : 'drift'} at or above --fail-on ${failOn}`;
  }
  if (byCoverage) return `${c.red('✖')} ${counts} — objects not compared (--strict-coverage)`;
  const why = failOn === 'never' ? 'not gated (--fail-on never)' : `nothing at or above --fail-on ${failOn}`;
  return `${c.yellow('⚠')} ${counts} — ${why}`;
}

function severityLabel(severity: string, c: Palette): string {
  const text = clean(severity);
  switch (severity) {
    case 'error':
      return c.red.bold(text);
    case 'warning':
      return c.yellow(text);
    case 'info':
      return c.blue(text);
    default:
      return text;
  }
}

/** The display name of a finding's object: `public.leads.score`, `public."Odd|Name"`. */
function objectLabel(object: FindingObject): string {
  return objectDisplayName(object);
}

// ---------------------------------------------------------------- tables

interface Layout {
  /** Content widths of the object and message columns, or null: no wrapping. */
  readonly object: number | null;
  readonly message: number | null;
}

/** Border and padding columns of a three-column table: `│ a │ b │ c │`. */
const TABLE_CHROME = 4 + 3 * 2;
const SEVERITY_WIDTH = 'Severity'.length;
/** Below these the columns stop shrinking and the table gets wider than asked. */
const MIN_OBJECT = 6;
const MIN_MESSAGE = 10;

/**
 * Split the width left after the severity column between object (40%, at
 * least 12 when there is room, at most its widest name) and message (the rest).
 */
function columnLayout(findings: readonly Finding[], width: number | undefined): Layout {
  if (width === undefined || !Number.isFinite(width) || width <= 0) return { object: null, message: null };
  const available = Math.floor(width) - TABLE_CHROME - SEVERITY_WIDTH;
  const widest = Math.max('Object'.length, ...findings.map((f) => displayWidth(clean(objectLabel(f.object)))));
  const share = Math.max(Math.floor(available * 0.4), Math.min(12, Math.floor(available / 2)));
  const object = Math.max(MIN_OBJECT, Math.min(widest, share));
  const message = Math.max(MIN_MESSAGE, available - object);
  return { object, message };
}

function findingsTable(findings: readonly Finding[], c: Palette, layout: Layout): string {
  const rows = findings.map((f) => {
    const object = clean(objectLabel(f.object));
    const message = clean(f.message);
    return [
      severityLabel(f.severity, c),
      layout.object === null ? object : wrap(object, layout.object, 'name'),
      layout.message === null ? message : wrap(message, layout.message, 'words'),
    ];
  });
  // No colours of cli-table3's own (it would detect the terminal by itself);
  // compact: no rule between rows; drawn in chunks (linear in the rows).
  return compactTable([c.bold('Severity'), c.bold('Object'), c.bold('Finding')], rows);
}

// ---------------------------------------------------------------- text

/**
 * Make untrusted text (names from the database, messages quoting them) safe
 * and single-line on a terminal: control characters and bidirectional
 * overrides, line and paragraph separators become visible escapes (`\x1b`,
 * `\n`, `\u2028`, `\u202e`: src/safe-text.ts), so no name can
 * inject escape sequences or break the layout.
 */
export function clean(text: string): string {
  return visible(text);
}

/** Columns a string takes on a terminal (wide East Asian characters and emoji take two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (/\p{Mn}|\p{Me}/u.test(ch) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (isWide(code) || (code >= 0x1f000 && /\p{Extended_Pictographic}/u.test(ch))) return 2;
  return 1;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    code === 0x2329 ||
    code === 0x232a ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3040 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * Greedy wrap to `width` columns: messages break at spaces, names after a
 * dot; a word longer than the width is cut. Lines are joined with `\n`
 * (cli-table3 draws each as a line of the cell).
 */
export function wrap(text: string, width: number, mode: 'words' | 'name'): string {
  const tokens = mode === 'words' ? text.split(' ') : text.split(/(?<=\.)/);
  const joiner = mode === 'words' ? ' ' : '';
  const lines: string[] = [];
  let line: string | null = null;
  const flush = (): void => {
    if (line !== null) lines.push(line);
    line = null;
  };
  for (const token of tokens) {
    if (line !== null && displayWidth(line + joiner + token) > width) flush();
    if (line === null && displayWidth(token) > width) {
      // A word longer than the column: cut it; its last piece starts a line.
      const pieces = cut(token, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
      continue;
    }
    line = line === null ? token : line + joiner + token;
  }
  flush();
  return lines.join('\n');
}

function cut(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const ch of word) {
    const w = charWidth(ch);
    if (piece !== '' && pieceWidth + w > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += ch;
    pieceWidth += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
