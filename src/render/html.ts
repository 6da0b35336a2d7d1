/**
 * The audit report as one self-contained HTML page (`--format html`): the
 * markdown report's content (Overview to Conclusion, the SQL of up and down)
 * rendered by markdown-it, its tables sortable by a click on a heading, and
 * the drift diagram drawn as inline SVG (no Mermaid, no network: the page
 * loads nothing).
 *
 * Safety: every text from the report is untrusted. markdown-it runs with raw
 * HTML off (a `<script>` in a name is text), links are limited to its safe
 * schemes, and the page's Content-Security-Policy allows only its own style
 * and script, by hash: even text that escaped escaping could not run or load
 * anything. Deterministic: the same report gives the same bytes.
 */
import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import type { AuditReport } from '../audit.js';
import type { DriftFinding } from '../findings/kinds.js';
import { visible } from '../safe-text.js';
import { renderMarkdown } from './markdown.js';
import { diagramModel, type DiagramModel } from './markdown/diagram.js';

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --head: #151b23; --accent: #4493f8; } }
body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1, h2 { border-bottom: 1px solid var(--line); padding-bottom: .3em; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--head); border: 1px solid var(--line); border-radius: 6px; padding: 1em; overflow: auto; }
:not(pre) > code { background: var(--head); border-radius: 4px; padding: .1em .3em; }
table { border-collapse: collapse; margin: 1em 0; display: block; overflow: auto; }
th, td { border: 1px solid var(--line); padding: .35em .7em; vertical-align: top; }
th { background: var(--head); }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th[aria-sort="ascending"]::after { content: " \\25B2"; }
table.sortable th[aria-sort="descending"]::after { content: " \\25BC"; }
.align-left { text-align: left; } .align-center { text-align: center; } .align-right { text-align: right; }
svg.diagram { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.diagram rect.table { fill: var(--head); stroke: var(--line); }
svg.diagram rect.table.drift { stroke: #cf222e; stroke-width: 2; }
svg.diagram text { fill: var(--fg); font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
svg.diagram text.title { font-weight: bold; }
svg.diagram text.missing { fill: #cf222e; } svg.diagram text.unexpected { fill: #9a6700; } svg.diagram text.differs { fill: var(--accent); }
svg.diagram line, svg.diagram path { stroke: var(--muted); stroke-width: 1.5; fill: none; }
svg.diagram .one-sided { stroke-dasharray: 6 4; stroke: #cf222e; }
footer { color: var(--muted); margin-top: 3em; font-size: 13px; }
`;

/** Sorts a table by the clicked heading: numbers as numbers, text in the reader's locale; a second click reverses. */
const SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function (table) {
  var body = table.tBodies[0];
  if (!body) return;
  table.querySelectorAll('thead th').forEach(function (th, column) {
    th.tabIndex = 0;
    function sort() {
      var descending = th.getAttribute('aria-sort') === 'ascending';
      table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { var cell = row.cells[column]; return cell ? cell.textContent.trim() : ''; };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var nx = Number(x.replace(/,/g, '')), ny = Number(y.replace(/,/g, ''));
        var order = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); } });
  });
});
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text for HTML: control, separator and bidi characters made visible escapes, then `& < > " '` as character references. */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Monospace 12 px: about 7.3 px a character. */
const CHAR = 7.3;
const GAP = 70;
const LINE = 18;

/** The drift diagram as SVG: tables in a grid, foreign keys as lines (dashed when one side lacks them), names in `<title>`s. */
export function diagramSvg(model: DiagramModel): string {
  const n = model.tables.length;
  // One width for every box: the longest line's, within bounds (labels are at most 80 characters).
  const longest = Math.max(...model.tables.flatMap((t) => [t.label.length, ...t.columns.map((c) => c.status.length + 1 + c.name.length)]));
  const BOX_WIDTH = Math.round(Math.min(620, Math.max(200, longest * CHAR + 16)));
  const perRow = Math.max(1, Math.ceil(Math.sqrt(n)));
  const heights = model.tables.map((t) => LINE * (2 + t.columns.length + (t.moreColumns ? 1 : 0)));
  const rowHeights: number[] = [];
  model.tables.forEach((_, i) => {
    const r = Math.floor(i / perRow);
    rowHeights[r] = Math.max(rowHeights[r] ?? 0, heights[i]!);
  });
  const rowTop = rowHeights.map((_, r) => GAP / 2 + rowHeights.slice(0, r).reduce((a, b) => a + b + GAP, 0));
  const place = new Map<string, { x: number; y: number; h: number }>();
  model.tables.forEach((t, i) => {
    place.set(t.key, { x: GAP / 2 + (i % perRow) * (BOX_WIDTH + GAP), y: rowTop[Math.floor(i / perRow)]!, h: heights[i]! });
  });
  const width = GAP + Math.min(n, perRow) * (BOX_WIDTH + GAP) - GAP;
  const height = GAP + rowHeights.reduce((a, b) => a + b + GAP, 0) - GAP;
  const out: string[] = [
    `<svg class="diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Tables with drift and their foreign keys">`,
  ];
  for (const e of model.edges) {
    const a = place.get(e.from)!;
    const b = place.get(e.to)!;
    const cls = e.side === 'both' ? '' : ' class="one-sided"';
    const title = `<title>${escapeHtml(e.label)}</title>`;
    if (e.from === e.to) {
      const x = a.x + BOX_WIDTH;
      out.push(`<path${cls} d="M ${x} ${a.y + 8} C ${x + 40} ${a.y - 10}, ${x + 40} ${a.y + 40}, ${x} ${a.y + 24}">${title}</path>`);
    } else {
      out.push(`<line${cls} x1="${a.x + BOX_WIDTH / 2}" y1="${a.y + a.h / 2}" x2="${b.x + BOX_WIDTH / 2}" y2="${b.y + b.h / 2}">${title}</line>`);
    }
  }
  for (const t of model.tables) {
    const p = place.get(t.key)!;
    out.push(`<g><title>${escapeHtml(t.label)}</title>`);
    out.push(`<rect class="table${t.mark ? ' drift' : ''}" x="${p.x}" y="${p.y}" width="${BOX_WIDTH}" height="${p.h}" rx="6"/>`);
    out.push(`<text class="title" x="${p.x + 8}" y="${p.y + LINE}">${escapeHtml(t.label)}</text>`);
    t.columns.forEach((c, i) => {
      out.push(`<text class="${escapeHtml(c.status)}" x="${p.x + 8}" y="${p.y + LINE * (2 + i)}">${escapeHtml(`${c.status} ${c.name}`)}</text>`);
    });
    if (t.moreColumns) out.push(`<text x="${p.x + 8}" y="${p.y + LINE * (2 + t.columns.length)}">${t.moreColumns} more with drift</text>`);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

function markdownRenderer(diagram: string): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, i, options, env, self) => (tokens[i]!.info.trim() === 'mermaid' ? `${diagram}\n` : fence(tokens, i, options, env, self));
  md.renderer.rules.table_open = () => '<table class="sortable">\n';
  // Column alignment as classes, not style attributes (the page's CSP allows no inline style attribute).
  md.core.ruler.push('align_classes', (state) => {
    for (const token of state.tokens) {
      const raw = token.attrGet('style');
      const style = raw === null ? null : String(raw);
      const align = style ? /text-align:(left|center|right)/.exec(style) : null;
      if (!style) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) token.attrJoin('class', `align-${align[1]}`);
    }
  });
  return md;
}

/** The report as a self-contained HTML page. */
export function renderHtml(report: AuditReport): string {
  const drift = report.findings.filter((f): f is DriftFinding => f.category === 'drift');
  const model = diagramModel(report, drift);
  const body = markdownRenderer(model ? diagramSvg(model) : '').render(renderMarkdown(report));
  const csp = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const title = `Schema audit: ${report.target.database} (${report.target.location})`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body.trimEnd(),
    '</main>',
    `<footer>schema-audit ${escapeHtml(report.tool.version)}, ${escapeHtml(report.generatedAt)}</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
