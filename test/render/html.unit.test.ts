import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AuditReport } from '../../src/audit.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { HOSTILE, hostileReport } from '../security/hostile-report.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * `--format html`: one self-contained page. Checked as text (its CSP allows
 * exactly its own style and script) and in headless Chromium (Debian's
 * `chromium`, driven by playwright-core): it loads with no error and no
 * request, has the markdown report's headings, the diagram and the SQL,
 * sorts a table on a click, runs no script from a hostile report, and a
 * screenshot is taken. CI installs Chromium (.ci/run) and sets
 * SCHEMA_AUDIT_REQUIRE_BROWSER=1, so there the browser tests cannot be
 * skipped; elsewhere they are skipped, visibly, when /usr/bin/chromium is
 * absent (`apt-get install chromium`).
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_BROWSER = existsSync(CHROMIUM);
if (!HAVE_BROWSER && process.env.SCHEMA_AUDIT_REQUIRE_BROWSER === '1') throw new Error(`SCHEMA_AUDIT_REQUIRE_BROWSER=1 but ${CHROMIUM} is absent`);

const onekeel = JSON.parse(readFileSync(path.join(HERE, 'fixtures', 'onekeel-report.json'), 'utf8')) as AuditReport;
const HOSTILE_NAMES = HOSTILE.map((h, i) => `n${i}${h}`);
const PAYLOAD = '\n# injected\n```\n<script>window.pwned=1</script><img src=x onerror="window.pwned=2">\u2028';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test('the page: one style and one script, each allowed by its hash in the CSP and nothing else allowed', () => {
  const html = renderHtml(onekeel);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'");
  expect(csp).toBe(`default-src 'none'; style-src ${sha(style)}; script-src ${sha(script)}; img-src data:; base-uri 'none'; form-action 'none'`);
  expect(html.match(/<script/g)).toHaveLength(1);
  expect(html.match(/<style/g)).toHaveLength(1);
  expect(html).not.toMatch(/ style="/);
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
});

test('the same report gives the same bytes', () => {
  expect(renderHtml(onekeel)).toBe(renderHtml(JSON.parse(JSON.stringify(onekeel)) as AuditReport));
});

const browserTest = HAVE_BROWSER ? describe : describe.skip;

browserTest('in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = makeTempDir('html');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    removeTempDir(dir);
  });

  /** Opens the page from a file; collects console errors, page errors, CSP violations and every request beyond the page. */
  async function open(name: string, html: string): Promise<{ page: Page; problems: string[] }> {
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url() !== `file://${file}`) problems.push(`request: ${r.url()}`);
    });
    await page.goto(`file://${file}`);
    return { page, problems };
  }

  test('the OneKeel report: the markdown report\'s headings, the diagram, the SQL, no error, no request; a screenshot', async () => {
    const { page, problems } = await open('onekeel', renderHtml(onekeel));
    const headings = await page.locator('h1, h2, h3').allTextContents();
    const markdownHeadings = renderMarkdown(onekeel)
      .split('\n')
      .filter((l) => /^#{1,3} /.test(l))
      .map((l) => l.replace(/^#+ /, ''));
    expect(headings).toEqual(markdownHeadings);
    const diagram = page.locator('svg.diagram');
    expect(await diagram.count()).toBe(1);
    expect(await diagram.locator('rect.table').count()).toBeGreaterThanOrEqual(4);
    expect(await diagram.locator('rect.table.drift').count()).toBeGreaterThanOrEqual(4);
    expect(await diagram.locator('.one-sided').count()).toBeGreaterThan(0);
    expect(await page.locator('pre code').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('ALTER TABLE')]));
    const shot = path.join(dir, 'onekeel.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  test('a click on a heading sorts its table, a second click reverses it', async () => {
    const { page, problems } = await open('sort', renderHtml(onekeel));
    // The coverage table: Kind, In the database, Compared, …
    const table = page.locator('table.sortable', { has: page.locator('th', { hasText: 'In the database' }) });
    const column = async () => (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    const before = await column();
    await table.locator('th', { hasText: 'In the database' }).click();
    const ascending = await column();
    expect(ascending).toEqual([...before].sort((a, b) => a - b));
    await table.locator('th', { hasText: 'In the database' }).click();
    expect(await column()).toEqual([...before].sort((a, b) => b - a));
    expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  test('a hostile report: its names are text, no script of theirs runs, the page has its own structure', async () => {
    const html = renderHtml(hostileReport(HOSTILE_NAMES, { database: `app${PAYLOAD}`, location: `db:5432/app${PAYLOAD}`, source: `spec${PAYLOAD}.yaml`, host: `db${PAYLOAD}`, user: `audit${PAYLOAD}` }));
    const { page, problems } = await open('hostile', html);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('h1').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
