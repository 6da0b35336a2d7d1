/**
 * Spec validation, pass 3 (async: the parser is WASM): every free-text SQL
 * fragment the kinds' sections declare (`sqlFragments`: defaults, checks,
 * generation expressions, index predicates and keys, types, partition keys
 * and bounds, ...) must parse as exactly the one thing it stands for
 * (expressions.ts). Reported like every other spec problem: file, line,
 * path, then why.
 */
import { specTableTree } from '../kinds/table/partition-tree.js';
import { sqlFragmentChecker, stringsAt, type SqlFragmentChecker } from './expressions.js';
import { loadedObjects } from './loaded-spec.js';
import { MAP_SECTIONS } from './sections.js';
import { splitQualified } from './names.js';
import type { SqlFragmentKind, SqlFragmentPath, SpecProblem } from './spec-section.js';
import type { LoadedSpec } from './spec-types.js';

/** A collation or operator class without `"` or `(` is a name the DDL quotes (see writtenNameSql): not SQL. */
function isSqlText(fragment: SqlFragmentPath, text: string): boolean {
  return (fragment.kind !== 'collation' && fragment.kind !== 'opclass') || /["(]/.test(text);
}

export function checkSpecSqlWith(checker: SqlFragmentChecker, spec: LoadedSpec): SpecProblem[] {
  const tree = specTableTree(spec);
  // An index key naming a column of the table (of its partition root) is that column, quoted by the DDL.
  const isColumnOf = (key: string, text: string): boolean => {
    const entry = tree.entries.get(key);
    return entry !== undefined && Object.hasOwn(tree.rootColumns(entry), text);
  };
  // Every fragment first, then checked together (expressions and types many to a parse).
  const found: { kind: SqlFragmentKind; text: string; path: string[] }[] = [];
  for (const { section } of MAP_SECTIONS) {
    for (const [key, value] of loadedObjects(spec, section)) {
      const q = splitQualified(key, 'public');
      for (const fragment of section.sqlFragments ?? []) {
        for (const [below, text] of stringsAt(value, fragment.path)) {
          if (!isSqlText(fragment, text)) continue;
          if (fragment.kind === 'indexKey' && section.key === 'tables' && isColumnOf(key, text)) continue;
          found.push({ kind: fragment.kind, text, path: [section.key, q.schema, q.name, ...below] });
        }
      }
    }
  }
  const problems: SpecProblem[] = [];
  checker.checkMany(found).forEach((message, i) => {
    if (message === null) return;
    const { path } = found[i]!;
    const location = spec.locate(path) ?? { file: spec.files[0] ?? '', line: 1, path: path.join('.') };
    problems.push({ ...location, message });
  });
  return problems;
}

/** Problems with the spec's SQL fragments (none when every one is what it stands for). */
export async function checkSpecSql(spec: LoadedSpec): Promise<SpecProblem[]> {
  return checkSpecSqlWith(await sqlFragmentChecker(), spec);
}
