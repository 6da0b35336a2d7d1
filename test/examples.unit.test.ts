import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseOptions } from '../src/cli/options.js';

/**
 * The CI examples in examples/ parse as YAML, have the shape their CI system
 * reads, and every schema-audit command in them exists with those flags
 * (each is parsed by the CLI's own option parser, strict: an unknown flag
 * or a bad value fails here, as it would fail the user's pipeline).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(ROOT, 'examples');

const FILES = [
  ...readdirSync(path.join(EXAMPLES, 'github-actions')).map((f) => path.join('github-actions', f)),
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yml')),
].sort();

/** Every string in a YAML document that is a shell script: GitHub's `run`, GitLab's `script` / `before_script` lines. */
function scripts(doc: unknown, key = ''): string[] {
  if (typeof doc === 'string') return key === 'run' || key === 'script' || key === 'before_script' ? [doc] : [];
  if (Array.isArray(doc)) return doc.flatMap((d) => scripts(d, key));
  if (doc && typeof doc === 'object') return Object.entries(doc).flatMap(([k, v]) => scripts(v, k));
  return [];
}

/** Shell words of one command line (quotes and backslash-newlines as sh reads them; `#` starts a comment). */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && line[i + 1] === '\n') {
      i++;
    } else if (/\s/.test(ch)) {
      if (word !== null) out.push(word);
      word = null;
    } else if (ch === '#' && word === null) {
      break;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== null) out.push(word);
  return out;
}

/** The schema-audit commands of a script: argv after `schema-audit` (run with npx or not). */
function commands(script: string): string[][] {
  return script
    .replace(/\\\n/g, ' ')
    .split(/\n|&&|;/)
    .map(words)
    .filter((w) => w.includes('schema-audit'))
    .map((w) => w.slice(w.indexOf('schema-audit') + 1));
}

const ENV = { DATABASE_URL: 'postgres://audit@db.example/app' };

/** Values for the variables the examples' commands use (their CI secrets); a variable not listed here fails the test. */
const VARIABLES: Readonly<Record<string, string>> = { DRIFT_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXX' };

/** `$NAME` and `${NAME}` in a word, as the shell expands them. */
function expand(word: string): string {
  return word.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, name: string) => {
    const value = VARIABLES[name];
    if (value === undefined) throw new Error(`an example uses $${name}: give it a value in VARIABLES`);
    return value;
  });
}

test('the examples are the three the README shows', () => {
  expect(FILES).toEqual([path.join('github-actions', 'nightly.yml'), path.join('github-actions', 'pre-deploy.yml'), 'gitlab-ci.yml']);
});

describe.each(FILES)('%s', (file) => {
  const doc = parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;
  const found = scripts(doc).flatMap(commands);

  test('has the shape its CI system reads', () => {
    if (file.startsWith('github-actions')) {
      expect(Object.keys(doc)).toEqual(expect.arrayContaining(['name', 'on', 'jobs']));
      for (const job of Object.values(doc.jobs as Record<string, { 'runs-on': string; steps: unknown[] }>)) {
        expect(typeof job['runs-on']).toBe('string');
        expect(job.steps.length).toBeGreaterThan(0);
      }
    } else {
      expect(doc.stages).toEqual(expect.any(Array));
      const jobs = Object.entries(doc).filter(([, v]) => v && typeof v === 'object' && 'script' in v);
      for (const [, job] of jobs) expect((doc.stages as string[]).includes((job as { stage: string }).stage)).toBe(true);
    }
  });

  test('runs schema-audit, and every command exists with those flags', async () => {
    expect(found.length).toBeGreaterThan(0);
    for (const argv of found) {
      const result = await parseOptions(argv.map(expand), ENV, '0.0.0');
      expect({ argv, result: result.kind === 'run' ? 'run' : result.stderr }).toEqual({ argv, result: 'run' });
    }
  });
});

test('the checker itself: an unknown flag, a bad value and a missing command are refused', async () => {
  for (const argv of [
    ['audit', '--expected', 'x.yaml', '--no-such-flag'],
    ['audit', '--expected', 'x.yaml', '--fail-on', 'sometimes'],
    ['audit', '--expected', 'x.yaml', '--report', 'pdf=out.pdf'],
    ['audits', '--expected', 'x.yaml'],
  ]) {
    expect((await parseOptions(argv, ENV, '0.0.0')).kind).toBe('exit');
  }
  expect(commands('npx schema-audit audit --expected "a b/" \\\n  --fail-on error # comment')).toEqual([['audit', '--expected', 'a b/', '--fail-on', 'error']]);
});
