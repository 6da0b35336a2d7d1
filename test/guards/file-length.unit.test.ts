import { lineCount, sourceFiles } from './source-files.js';

/**
 * No source file of src/ (tests excluded) over 500 lines: a file that long
 * holds more than one thing to understand. Every line counts (blank lines and
 * comments too), as an editor shows them. No allow-list: a file over the
 * limit is split, not excused.
 */
const MAX_LINES = 500;

test(`no source file in src/ is over ${MAX_LINES} lines`, () => {
  const offenders = sourceFiles()
    .map(({ file, text }) => ({ file, lines: lineCount(text) }))
    .filter((f) => f.lines > MAX_LINES)
    .sort((a, b) => b.lines - a.lines)
    .map((f) => `${f.file}: ${f.lines} lines`);
  expect(offenders).toEqual([]);
});
