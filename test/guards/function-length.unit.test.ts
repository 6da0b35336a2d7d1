import ts from 'typescript';
import { sourceFiles } from './source-files.js';

/**
 * No function in src/ (tests excluded) over 120 lines.
 *
 * What counts as a function: function declarations and expressions, arrow
 * functions, methods, constructors and accessors (anything with a body).
 * Its length runs from its first line (the JSDoc above it excluded) to the
 * line of its closing brace, blank lines and comments included, and nested
 * functions included: a 1,000-line closure of small inner helpers is still
 * 1,000 lines to read before one knows what the outer function does. Each
 * nested function is also measured on its own, so an offender inside an
 * offender is listed twice. No allow-list.
 */
const MAX_LINES = 120;

type FunctionNode = ts.FunctionLikeDeclaration & { readonly body: ts.Node };

function isFunctionWithBody(node: ts.Node): node is FunctionNode {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** A readable name: its own, else the variable, property or call it is the value or argument of. */
function nameOf(node: FunctionNode, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return '(anonymous)';
}

interface LongFunction {
  readonly where: string;
  readonly name: string;
  readonly lines: number;
}

function longFunctions(file: string, text: string): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_LINES) found.push({ where: `${file}:${first + 1}`, name: nameOf(node, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test(`no function in src/ is over ${MAX_LINES} lines`, () => {
  const offenders = sourceFiles()
    .flatMap(({ file, text }) => longFunctions(file, text))
    .sort((a, b) => b.lines - a.lines)
    .map((f) => `${f.where} ${f.name}: ${f.lines} lines`);
  expect(offenders).toEqual([]);
});

test('the measure: nested functions count in their parent and on their own', () => {
  const inner = `  const inner = () => {\n${'    x();\n'.repeat(MAX_LINES)}  };\n`;
  const text = `/** doc */\nexport function outer(): void {\n${inner}}\n`;
  expect(longFunctions('x.ts', text).map((f) => [f.where, f.name, f.lines])).toEqual([
    ['x.ts:2', 'outer', MAX_LINES + 4],
    ['x.ts:3', 'inner', MAX_LINES + 2],
  ]);
  expect(longFunctions('y.ts', `function ok(): void {\n${'  x();\n'.repeat(MAX_LINES - 2)}}\n`)).toEqual([]);
});
