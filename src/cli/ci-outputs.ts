/**
 * What a run adds for CI systems beyond its reports: the markdown summary a
 * GitHub Actions step appends to `$GITHUB_STEP_SUMMARY`, and the width of
 * the text report where there is no terminal to ask.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditReport } from '../audit.js';
import type { Output } from '../io/write-file.js';
import { OutputError } from '../io/write-file.js';
import { githubSummary } from '../render/ci/github.js';

/** The text report's width on a pipe or in a file: COLUMNS when it is a sensible number, else 100. */
export function pipeWidth(env: NodeJS.ProcessEnv): number {
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns >= 40 && columns <= 1000 ? columns : 100;
}

/** The file's content so far ('' when there is none); a symlink or anything but a regular file is refused. */
function currentContent(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    throw new OutputError(`cannot append the summary to $GITHUB_STEP_SUMMARY (${file}): ${code === 'ELOOP' ? 'it is a symbolic link; refusing to follow it' : (code ?? (err as Error).message)}`, { cause: err });
  }
  try {
    if (!fstatSync(fd).isFile()) throw new OutputError(`cannot append the summary to $GITHUB_STEP_SUMMARY (${file}): it is not a regular file`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The step summary as one more output of the run, when `$GITHUB_STEP_SUMMARY`
 * is set: the file's content with this run's summary appended, written as
 * every output is (a temporary file renamed over it), so a reader sees the
 * summary whole or not at all, never half of it.
 */
export function githubStepSummary(report: AuditReport, env: NodeJS.ProcessEnv): Output | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return undefined;
  const target = path.resolve(file);
  const before = currentContent(target);
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  return { kind: 'file', label: '$GITHUB_STEP_SUMMARY', path: target, content: `${before}${separator}${githubSummary(report)}` };
}
