import { Chalk, supportsColor } from 'chalk';
import Table from 'cli-table3';
import { failsGate } from '../audit.js';
import { objectDisplayName, SEVERITY_RANK } from '../findings/finding.js';
import { findingDefinition, objectKindOf } from '../findings/kinds.js';
import { KINDS } from '../kinds/registry.js';
import { verificationText } from '../plan/verification.js';
import { visible } from '../safe-text.js';
function palette(color) {
    if (!color)
        return new Chalk({ level: 0 });
    // Basic colours print the same codes at every level; the level only has to be on.
    const level = supportsColor && supportsColor.level > 0 ? supportsColor.level : 1;
    return new Chalk({ level });
}
const isAdvice = (f) => f.category === 'advice';
/**
 * The kinds whose missing objects have a section of their own
 * (`listsMissingApart`), in registry order: `Missing tables`, `Missing
 * columns`, ... A finding goes there when its kind is theirs and its effect
 * is `missing`.
 */
const MISSING_SECTIONS = KINDS.filter((k) => k.listsMissingApart).map((kind) => ({
    title: `Missing ${kind.noun.many}`,
    accepts: (f) => !isAdvice(f) && objectKindOf(f.kind) === kind && findingDefinition(f.kind).effect === 'missing',
}));
const ADVICE = { title: 'Advice', accepts: isAdvice };
const OTHER_DRIFT = { title: 'Other drift', accepts: () => true };
/** Report sections, in order; a finding goes to the first that accepts it. */
const SECTIONS = [ADVICE, ...MISSING_SECTIONS, OTHER_DRIFT];
/** Printed order (advice last, though it is matched first). */
const PRINT_ORDER = [...MISSING_SECTIONS, OTHER_DRIFT, ADVICE].map((s) => s.title);
export function renderTerminal(report, options) {
    const c = palette(options.color);
    const out = [];
    // Header.
    out.push(`${c.bold('schema-audit')} ${clean(report.tool.version)}`);
    out.push(`${c.dim('target:   ')} ${clean(report.target.location)}, PostgreSQL ${clean(report.target.serverVersion)}`);
    out.push(`${c.dim('expected: ')} ${clean(report.expected.source)} (${clean(report.expected.kind)}, sha256 ${clean(report.expected.sha256.slice(0, 12))})`);
    out.push(`${c.dim('generated:')} ${clean(report.generatedAt)}`);
    // What the audit did not cover: said before any finding, so no one reads the findings as complete.
    for (const t of report.coverage?.notRead ?? []) {
        out.push(`${c.yellow('not read: ')} table ${clean(t.schema)}.${clean(t.name)}: ${clean(t.reason)} (not compared)`);
    }
    for (const n of report.advice?.notChecked ?? []) {
        out.push(`${c.dim('advice:   ')} ${clean(n.kind)} not checked: ${clean(n.reason)}`);
    }
    // Sections.
    const grouped = new Map();
    for (const f of report.findings) {
        const section = SECTIONS.find((s) => s.accepts(f));
        const list = grouped.get(section.title) ?? [];
        list.push(f);
        grouped.set(section.title, list);
    }
    const layout = columnLayout(report.findings, options.width);
    for (const title of PRINT_ORDER) {
        const findings = grouped.get(title);
        if (!findings)
            continue;
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
    const plan = remediationLines(report, c);
    if (plan.length)
        out.push('', ...plan);
    out.push('');
    out.push(summaryLine(report, c, options));
    return `${out.join('\n')}\n`;
}
/**
 * What the remediation plan does, in a line or two: steps, decisions left to
 * a person, hazards by kind, and the --verify outcome. Nothing when there is
 * no drift or no plan.
 */
function remediationLines(report, c) {
    const plan = report.remediation;
    const drift = report.findings.filter((f) => f.category === 'drift').length;
    if (!plan || drift === 0)
        return [];
    const counts = new Map();
    for (const h of plan.steps.flatMap((s) => s.hazards))
        counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
    const hazards = [...counts].map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`).join(', ');
    const parts = [`${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'} fix ${plan.fixed.length} of ${drift} finding${drift === 1 ? '' : 's'}`];
    if (plan.manual.length)
        parts.push(`${plan.manual.length} need${plan.manual.length === 1 ? 's' : ''} a decision`);
    if (plan.kept.length)
        parts.push(`${plan.kept.length} unexpected kept (--drop-unexpected drops them)`);
    const out = [`${c.dim('remediation:')} ${parts.join('; ')}${hazards ? `; hazards: ${hazards}` : ''}`];
    const v = plan.verification;
    out.push(v === undefined
        ? `${c.dim('            ')} --migration-dir DIR writes up.sql and down.sql; --verify proves them on a scratch copy first`
        : `${c.dim('            ')} ${clean(verificationText(v))}`);
    return out;
}
/**
 * The last line: `✔ No drift: ...`, or drift counts (advice counted apart)
 * and, given --fail-on, whether the gate fails:
 * `✖ 17 errors, 0 warnings, 0 info; 245 expected objects present — drift at or above --fail-on error`.
 */
function summaryLine(report, c, options) {
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const present = `${plural(report.present.length, 'expected object')} present`;
    const drift = report.findings.filter((f) => !isAdvice(f));
    const advice = report.findings.length - drift.length;
    const { failOn } = options;
    const failing = failOn !== undefined && failsGate(report, failOn, { includeAdvice: options.failOnAdvice === true });
    if (drift.length === 0 && !failing) {
        const also = advice > 0 ? `; ${plural(advice, 'advice finding')}` : '';
        return `${c.green('✔')} No drift: the database matches the expected schema (${present}${also}).`;
    }
    const count = (severity) => drift.filter((f) => f.severity === severity).length;
    const counts = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info; ${present}` +
        (advice > 0 ? `; ${advice} advice` : '');
    if (failOn === undefined)
        return `${c.red('✖')} ${counts}`;
    if (failing) {
        return `${c.red('✖')} ${counts} — ${options.failOnAdvice === true ? 'drift or advice' : 'drift'} at or above --fail-on ${failOn}`;
    }
    const why = failOn === 'never' ? 'not gated (--fail-on never)' : `nothing at or above --fail-on ${failOn}`;
    return `${c.yellow('⚠')} ${counts} — ${why}`;
}
function severityLabel(severity, c) {
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
function objectLabel(object) {
    return objectDisplayName(object);
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
function columnLayout(findings, width) {
    if (width === undefined || !Number.isFinite(width) || width <= 0)
        return { object: null, message: null };
    const available = Math.floor(width) - TABLE_CHROME - SEVERITY_WIDTH;
    const widest = Math.max('Object'.length, ...findings.map((f) => displayWidth(clean(objectLabel(f.object)))));
    const share = Math.max(Math.floor(available * 0.4), Math.min(12, Math.floor(available / 2)));
    const object = Math.max(MIN_OBJECT, Math.min(widest, share));
    const message = Math.max(MIN_MESSAGE, available - object);
    return { object, message };
}
function findingsTable(findings, c, layout) {
    const table = new Table({
        head: [c.bold('Severity'), c.bold('Object'), c.bold('Finding')],
        // No colours of cli-table3's own (it would detect the terminal by itself);
        // compact: no rule between rows.
        style: { head: [], border: [], compact: true },
    });
    for (const f of findings) {
        const object = clean(objectLabel(f.object));
        const message = clean(f.message);
        table.push([
            severityLabel(f.severity, c),
            layout.object === null ? object : wrap(object, layout.object, 'name'),
            layout.message === null ? message : wrap(message, layout.message, 'words'),
        ]);
    }
    return table.toString();
}
// ---------------------------------------------------------------- text
/**
 * Make untrusted text (names from the database, messages quoting them) safe
 * and single-line on a terminal: control characters and bidirectional
 * overrides, line and paragraph separators become visible escapes (`\x1b`,
 * `\n`, `\u2028`, `\u202e`: src/safe-text.ts), so no name can
 * inject escape sequences or break the layout.
 */
export function clean(text) {
    return visible(text);
}
/** Columns a string takes on a terminal (wide East Asian characters and emoji take two). */
export function displayWidth(text) {
    let width = 0;
    for (const ch of text)
        width += charWidth(ch);
    return width;
}
function charWidth(ch) {
    const code = ch.codePointAt(0);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0))
        return 0;
    if (/\p{Mn}|\p{Me}/u.test(ch) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f))
        return 0;
    if (isWide(code) || (code >= 0x1f000 && /\p{Extended_Pictographic}/u.test(ch)))
        return 2;
    return 1;
}
function isWide(code) {
    return ((code >= 0x1100 && code <= 0x115f) ||
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
        (code >= 0x20000 && code <= 0x3fffd));
}
/**
 * Greedy wrap to `width` columns: messages break at spaces, names after a
 * dot; a word longer than the width is cut. Lines are joined with `\n`
 * (cli-table3 draws each as a line of the cell).
 */
export function wrap(text, width, mode) {
    const tokens = mode === 'words' ? text.split(' ') : text.split(/(?<=\.)/);
    const joiner = mode === 'words' ? ' ' : '';
    const lines = [];
    let line = null;
    const flush = () => {
        if (line !== null)
            lines.push(line);
        line = null;
    };
    for (const token of tokens) {
        if (line !== null && displayWidth(line + joiner + token) > width)
            flush();
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
function cut(word, width) {
    const pieces = [];
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
    if (piece !== '')
        pieces.push(piece);
    return pieces;
}
//# sourceMappingURL=terminal.js.map