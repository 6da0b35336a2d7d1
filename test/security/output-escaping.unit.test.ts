import { parse as parseYaml } from 'yaml';
import { renderJson } from '../../src/render/json.js';
import { buildSnapshot, serializeSnapshot } from '../../src/snapshot/snapshot.js';
import { modelToSpec } from '../../src/spec-file/model-to-spec.js';
import { renderSpecJson, renderSpecYaml } from '../../src/spec-file/spec-yaml.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderHtml } from '../../src/render/html.js';
import { migrationFiles } from '../../src/render/migration-files.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { modelToDdl, renderDdlScript } from '../../src/ddl/model-to-ddl.js';
import { hasUnsafe, sqlCommentLines, visible } from '../../src/safe-text.js';
import { HOSTILE, hostileModels, hostileNames, hostileReport, seeded } from './hostile-report.js';

/**
 * Fuzz: reports whose names, comments, paths and messages are random hostile
 * strings (line breaks of every kind, `#`, `|`, backticks, fences, HTML,
 * links, ESC sequences, bidi overrides, `*\/`, `\`, `-- `, `$$`, quotes) are
 * rendered into every format, and each keeps the structure of the same
 * report with plain names: the same headings, table rows and cells, code
 * fences, the same number of lines (no text adds one), no raw control
 * character, and SQL whose comment lines are all comments.
 */
const SEEDS = Number(process.env.PROPERTY_SEEDS ?? 25);
const TEXTS = (s: string) => ({ database: `app${s}`, location: `db:5432/app${s}`, source: `spec${s}.yaml`, host: `db${s}`, user: `audit${s}` });

function plainNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `n${i}plain`);
}

/** The outline of a markdown document: heading levels, table shapes (cells per row), fence lines, list items, line count. */
function outline(markdown: string): unknown {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker;
      out.push('fence-open');
      continue;
    }
    if (fence !== null) {
      if (line.startsWith(fence) && line.trim() === fence) {
        fence = null;
        out.push('fence-close');
      }
      continue;
    }
    const heading = /^(#{1,6}) /.exec(line);
    if (heading) out.push(`h${heading[1]!.length}`);
    else if (line.startsWith('|')) out.push(`row:${line.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).length}`);
    else if (/^\s*[-*] /.test(line)) out.push('item');
    else if (/^\s*\d+\. /.test(line)) out.push('numbered');
    else if (/^\s*<|^\s*>/.test(line)) out.push(`raw:${line}`);
  }
  return { out, lines: lines.length, fenceBalanced: fence === null };
}

/** Markdown without its fenced blocks and code spans. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(?<![\\`])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');
}

/** SQL lines: comment lines, blank lines, and statement lines (counted). */
function sqlOutline(sql: string): unknown {
  const lines = sql.split('\n');
  for (const line of lines) expect(line.startsWith('\\')).toBe(false);
  return { lines: lines.length, comments: lines.filter((l) => l.startsWith('--')).length, blank: lines.filter((l) => l === '').length };
}

function noRawControl(text: string, format: string): void {
  const bad = [...text.replace(/\n/g, '')].filter((ch) => hasUnsafe(ch));
  expect({ format, bad: bad.map((c) => c.codePointAt(0)!.toString(16)) }).toEqual({ format, bad: [] });
}

/** The page's elements: every start and end tag's name, in order, but code spans (names with `_` in prose become code, by design). */
function htmlTags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[0]).filter((t) => t !== '<code' && t !== '</code');
}

function renderAll(names: readonly string[], payload: string) {
  const report = hostileReport(names, TEXTS(payload));
  const files = migrationFiles(report);
  const { live } = hostileModels(names);
  return {
    report,
    markdown: renderMarkdown(report),
    html: renderHtml(report),
    text: renderTerminal(report, { color: false }),
    json: renderJson(report),
    up: files.up,
    down: files.down,
    ddl: renderDdlScript(modelToDdl(live), { toolVersion: '0.1.0', source: `db:5432/app${payload}` }),
  };
}

const baseline = renderAll(plainNames(HOSTILE.length), '');

for (let seed = 1; seed <= SEEDS; seed++) {
  test(`seed ${seed}: hostile names keep every format's structure`, () => {
    const random = seeded(seed);
    const names = seed === 1 ? HOSTILE.map((h, i) => `n${i}${h}`) : hostileNames(random, HOSTILE.length);
    const payload = seed === 1 ? '\n# injected\n```\n<script>x</script>\u2028\u001b[2J' : names[0]!;
    const r = renderAll(names, payload);
    expect(sqlOutline(r.up)).toEqual(sqlOutline(baseline.up));
    expect(sqlOutline(r.down)).toEqual(sqlOutline(baseline.down));
    expect(sqlOutline(r.ddl)).toEqual(sqlOutline(baseline.ddl));
    expect(outline(r.markdown)).toEqual(outline(baseline.markdown));
    // HTML only inside code (spans and fences), where it is text.
    expect(withoutCode(r.markdown)).not.toMatch(/(?<!\\)</);
    // HTML: the same elements, in the same order, as with plain names; one script, the page's own.
    expect(htmlTags(r.html)).toEqual(htmlTags(baseline.html));
    expect(r.html.match(/<script/g)).toHaveLength(1);
    for (const [format, text] of Object.entries({ markdown: r.markdown, html: r.html, text: r.text, json: r.json, up: r.up, down: r.down, ddl: r.ddl })) noRawControl(text, format);
    expect(r.text.split('\n').filter((l) => !/^[│┌├└┬┴┼─]/.test(l)).length).toBe(baseline.text.split('\n').filter((l) => !/^[│┌├└┬┴┼─]/.test(l)).length);
    expect(JSON.parse(r.json)).toEqual(JSON.parse(JSON.stringify(r.report)));
  });
}

test('the comment helper is total: every line it returns is one -- comment line', () => {
  const random = seeded(99);
  for (let i = 0; i < 500; i++) {
    const text = Array.from({ length: 30 }, () => String.fromCharCode(Math.floor(random() * 0x30)) + String.fromCharCode(0x2020 + Math.floor(random() * 0x60))).join('') + '\u0085\u000b\f\r*/\\!';
    for (const line of sqlCommentLines(text)) {
      expect(line.startsWith('--')).toBe(true);
      expect(/[\r\n\u2028\u2029\u0085\u000b\f\u001b]/.test(line)).toBe(false);
    }
  }
  expect(visible('a\u001b[31mb\u2028c\u202ed')).toBe('a\\x1b[31mb\\u2028c\\u202ed');
});

test('snapshot specs (YAML and JSON) of hostile names: no raw control character, read back to the same spec', () => {
  for (let seed = 1; seed <= 10; seed++) {
    const names = seed === 1 ? HOSTILE.map((h, i) => `n${i}${h}`) : hostileNames(seeded(seed), HOSTILE.length);
    const spec = modelToSpec(hostileModels(names).live);
    const yaml = renderSpecYaml(spec);
    const json = renderSpecJson(spec);
    noRawControl(yaml, 'yaml');
    noRawControl(json, 'spec json');
    expect(parseYaml(yaml)).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(spec)));
  }
});

test('the model snapshot of hostile names: no raw control character, the same model', () => {
  const names = HOSTILE.map((h, i) => `n${i}${h}`);
  const live = hostileModels(names).live;
  const text = serializeSnapshot(buildSnapshot(live, { version: '17.10', major: 17, database: 'app\u2028x', user: 'u' }, []));
  noRawControl(text, 'model');
  expect(JSON.parse(text).schema).toEqual(JSON.parse(JSON.stringify({ ...live, tables: live.tables.map(({ rowEstimate: _r, ...t }) => t) })));
});
