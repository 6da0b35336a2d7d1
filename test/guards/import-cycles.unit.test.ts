import path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './source-files.js';

/**
 * No import cycle between files of src/ (tests excluded). Every way one file
 * names another counts: `import`, `import type`, `export … from`, `import x =
 * require()`, `import()` and `import('…').T` types. A type-only cycle still
 * ties the two files' meanings together (neither can be read or moved
 * without the other), so it is a cycle too. The graph is built from the
 * TypeScript syntax tree of each file, relative specifiers resolved as
 * NodeNext does (`./x.js` is `./x.ts` or `./x/index.ts`); packages and files
 * outside src/ are not nodes. For each strongly connected group of files,
 * the test prints the group and one shortest cycle through it. No allow-list.
 */

/** One edge: the file imported, and whether every import of it in the file is type-only. */
interface Edge {
  readonly to: string;
  readonly typeOnly: boolean;
}

function specifiers(file: string, text: string): { spec: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push({ spec: e.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push({ spec: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The file of `known` a relative specifier names, or null (a package, a JSON file, outside src/). */
function resolve(from: string, spec: string, known: ReadonlySet<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.join(path.posix.dirname(from), spec).replace(/\.(js|ts)$/, '');
  return [`${base}.ts`, `${base}/index.ts`].find((candidate) => known.has(candidate)) ?? null;
}

/** The import graph of `files`: each file's edges to the other files of the list, sorted. */
function importGraph(files: readonly { file: string; text: string }[]): Map<string, Edge[]> {
  const known = new Set(files.map((f) => f.file));
  const graph = new Map<string, Edge[]>();
  for (const { file, text } of files) {
    const edges = new Map<string, boolean>();
    for (const { spec, typeOnly } of specifiers(file, text)) {
      const to = resolve(file, spec, known);
      if (to) edges.set(to, (edges.get(to) ?? true) && typeOnly);
    }
    graph.set(file, [...edges].map(([to, typeOnly]) => ({ to, typeOnly })).sort((a, b) => (a.to < b.to ? -1 : 1)));
  }
  return graph;
}

/** Strongly connected components (Tarjan), each sorted; only those that hold a cycle. */
function cyclicGroups(graph: ReadonlyMap<string, readonly Edge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).some((e) => e.to === v);
      if (group.length > 1 || selfLoop) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return groups.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}

/** A shortest cycle through `start` inside `group` (breadth-first), as `a -> b (type) -> a`. */
function shortestCycle(graph: ReadonlyMap<string, readonly Edge[]>, group: readonly string[], start: string): string {
  const inGroup = new Set(group);
  const previous = new Map<string, { from: string; typeOnly: boolean }>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const { to, typeOnly } of graph.get(v) ?? []) {
      if (!inGroup.has(to)) continue;
      if (to === start) {
        const path: string[] = [start];
        let labelled = `${v}${typeOnly ? ' (type)' : ''}`;
        for (let at = v; at !== start; ) {
          path.unshift(labelled);
          const p = previous.get(at)!;
          labelled = `${p.from}${p.typeOnly ? ' (type)' : ''}`;
          at = p.from;
        }
        path.unshift(labelled);
        return path.join(' -> ');
      }
      if (!previous.has(to) && to !== start) {
        previous.set(to, { from: v, typeOnly });
        queue.push(to);
      }
    }
  }
  return `${start} (no cycle)`;
}

test('no import cycle between files of src/ (import type and export … from included)', () => {
  const graph = importGraph(sourceFiles());
  expect([...graph.values()].flat().length).toBeGreaterThan(100); // the parse found the imports
  const offenders = cyclicGroups(graph).map(
    (group) => `${group.length} files: ${group.join(', ')}\n  e.g. ${shortestCycle(graph, group, group[0]!)}`,
  );
  expect(offenders).toEqual([]);
});

test('the graph: type-only imports and re-exports are edges; cycles are found and printed', () => {
  const graph = importGraph([
    { file: 'src/a.ts', text: `import type { B } from './b.js';\nexport const a = 1;` },
    { file: 'src/b.ts', text: `export { c } from './c.js';\nexport type B = 1;` },
    { file: 'src/c.ts', text: `import { a } from './a.js';\nexport const c = a;` },
    { file: 'src/d.ts', text: `import { a } from './a.js';` },
  ]);
  const groups = cyclicGroups(graph);
  expect(groups).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
  expect(shortestCycle(graph, groups[0]!, 'src/a.ts')).toBe('src/a.ts (type) -> src/b.ts -> src/c.ts -> src/a.ts');
});
