import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './source-files.js';

/**
 * The README's "Layout" section matches the tree. Only the code blocks of
 * the section are read (the prose around them is free): in them, every word
 * that looks like a repository path (holds a `/` and starts with a top-level
 * entry of the repository, e.g. `src/diff/`, `bin/schema-audit.js`,
 * `scripts/x.mjs`) must exist, a `<placeholder>` segment standing for any
 * entry (`src/kinds/<kind>/`); paths under `dist/` and `node_modules/` are
 * build output and not checked. And every folder directly under src/ must be
 * named there (as `src/<folder>/…`).
 */
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const UNCHECKED = new Set(['dist', 'node_modules']);

/** The text of the fenced code blocks under the `Layout` heading, up to the next heading of its level or above. */
function layoutBlocks(markdown: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#{1,6}\s+Layout\b/.test(l));
  if (start < 0) return '';
  const level = /^#+/.exec(lines[start]!)![0].length;
  const blocks: string[] = [];
  let fence: string | null = null;
  for (const line of lines.slice(start + 1)) {
    const heading = /^(#{1,6})\s/.exec(line);
    if (fence === null && heading && heading[1]!.length <= level) break;
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker && (fence === null || marker[1]!.startsWith(fence))) fence = fence === null ? marker[1]! : null;
    else if (fence !== null) blocks.push(line);
  }
  return blocks.join('\n');
}

/** Words of the blocks that look like repository paths, surrounding punctuation removed. */
function pathsIn(text: string): string[] {
  const topLevel = new Set(readdirSync(ROOT).filter((name) => !name.startsWith('.')));
  const words = text.split(/\s+/).map((w) => w.replace(/^[(`'"[]+|[)`'",;:.\]]+$/g, ''));
  return [...new Set(words.filter((w) => w.includes('/') && topLevel.has(w.split('/')[0]!) && !UNCHECKED.has(w.split('/')[0]!)))];
}

/** Whether a path exists, `<…>` segments matching any entry of their folder. */
function exists(relative: string): boolean {
  const segments = relative.split('/').filter((s) => s !== '');
  let candidates = [ROOT];
  for (const segment of segments) {
    candidates = /^<[^>]+>$/.test(segment)
      ? candidates.flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => path.join(dir, name)) : []))
      : candidates.map((dir) => path.join(dir, segment)).filter((p) => existsSync(p));
  }
  return candidates.length > 0;
}

const blocks = layoutBlocks(README);

test('the README has a Layout section with a code block', () => {
  expect(blocks.trim()).not.toBe('');
});

test('every path the Layout code block names exists', () => {
  expect(pathsIn(blocks).filter((p) => !exists(p))).toEqual([]);
});

test('every folder directly under src/ is named in the Layout code block', () => {
  const named = new Set(pathsIn(blocks).filter((p) => p.startsWith('src/')).map((p) => p.split('/')[1]));
  const folders = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory());
  expect(folders.map((d) => `src/${d.name}/`).filter((f) => !named.has(f.split('/')[1]))).toEqual([]);
});
