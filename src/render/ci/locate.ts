/**
 * Where the expected object of a finding is defined, for the CI formats
 * (SARIF, GitLab Code Quality, GitHub annotations): the spec file and line,
 * when the expected source is a spec (src/spec-file tracks where each node
 * was written, as its validation messages say); otherwise nothing, and the
 * formats name the object instead.
 */
import path from 'node:path';
import type { FindingObject } from '../../findings/finding.js';
import type { SourceLocation } from '../../spec-file/spec-section.js';

/** A spec's locator (`LoadedSpec.locate`): a logical path to where it was written. */
export type SpecLocator = (logical: readonly string[]) => SourceLocation | undefined;

/** A file, relative to the directory the run started in (forward slashes), and a 1-based line. */
export interface FileLine {
  readonly file: string;
  readonly line: number;
}

/** A finding object's container field, and the spec section that defines such objects. */
const SECTIONS: readonly (readonly [keyof FindingObject, string])[] = [
  ['table', 'tables'],
  ['view', 'views'],
  ['enum', 'enums'],
  ['domain', 'domains'],
  ['type', 'types'],
  ['collation', 'collations'],
  ['sequence', 'sequences'],
  ['function', 'functions'],
];

/** A member field, and its key below a table in the spec. */
const MEMBERS: readonly (readonly [keyof FindingObject, string])[] = [
  ['column', 'columns'],
  ['index', 'indexes'],
  ['trigger', 'triggers'],
  ['policy', 'policies'],
];

/** The logical spec path of an object (`['tables', 'public', 'leads', 'columns', 'score']`), or undefined for kinds the spec has no map section for. */
export function specPath(object: FindingObject): string[] | undefined {
  for (const [field, section] of SECTIONS) {
    const name = object[field];
    if (name === undefined) continue;
    const out = [section, object.schema, name];
    for (const [member, key] of MEMBERS) {
      const m = object[member];
      if (m !== undefined) return [...out, key, m];
    }
    return out;
  }
  if (object.extension !== undefined) return ['extensions'];
  return undefined;
}

/**
 * Where `object` is defined in the spec, relative to `cwd`; undefined without
 * a locator, for an object the spec does not define, or a file outside `cwd`'s
 * reach that cannot be named relatively (then an absolute path is used).
 */
export function locateObject(object: FindingObject, locate: SpecLocator | undefined, cwd: string): FileLine | undefined {
  if (locate === undefined) return undefined;
  const logical = specPath(object);
  if (logical === undefined) return undefined;
  let where: SourceLocation | undefined;
  try {
    where = locate(logical);
  } catch {
    return undefined; // the spec changed or went away since it was read: name the object instead
  }
  if (where === undefined || where.file === '') return undefined;
  const absolute = path.resolve(cwd, where.file);
  const relative = path.relative(cwd, absolute);
  const file = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return { file: file.split(path.sep).join('/'), line: Math.max(1, Math.trunc(where.line)) };
}
