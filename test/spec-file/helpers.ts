import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../src/spec-file/load-spec.js';
import { SpecError } from '../../src/spec-file/spec-error.js';
import type { SpecProblem } from '../../src/spec-file/spec-types.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A scratch area for the current test file: `specDir()` makes directories in it; removed after all tests. */
export function scratchSpecs(): { specDir(files: Record<string, string>): string; root(): string } {
  let root = '';
  let counter = 0;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'spec-test-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root: () => root,
    /** A fresh directory holding these files (names relative to it, `/` for subdirectories). */
    specDir(files: Record<string, string>): string {
      const dir = path.join(root, `spec-${++counter}`);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      return dir;
    },
  };
}

/** Lines of a file: `lines('a:', '  b: 1')`, so a test shows its line numbers. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** The problems loading `source` reports, file names relative to `dir` (default the source). */
export function problemsOf(source: string, dir = source): SpecProblem[] {
  try {
    loadSpec(source);
  } catch (err) {
    if (err instanceof SpecError) return err.problems.map((p) => ({ ...p, file: path.relative(dir, p.file) }));
    throw err;
  }
  throw new Error(`${source} loaded without problems`);
}
