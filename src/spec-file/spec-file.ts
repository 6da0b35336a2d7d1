/**
 * One spec file, parsed: its data (plain JS, as written) and the line of
 * every node, by written path. JSON files go through the YAML parser too (JSON
 * is YAML), so they get line numbers the same way.
 *
 * Paths are the keys as written, sequence items by index: `['tables',
 * 'leads', 'columns', 'score', 'type']`, `['ignore', '0', 'pattern']`. A map
 * entry's line is its key's line; a sequence item's line is where the item
 * starts.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { objectKey } from '../model/identifiers.js';
import type { SourceLocation, SpecProblem } from './spec-section.js';

/** One file of a spec source, read. */
export interface SpecFileSource {
  /** The path shown in problems (the source as given, joined with the relative name). */
  readonly file: string;
  /** The name relative to the source (posix separators), hashed with the bytes. */
  readonly name: string;
  readonly bytes: Buffer;
}

/** One file, parsed: its data and where each node was written. */
export interface ParsedSpecFile extends SpecFileSource {
  /** The file's content as plain JS; `{}` for an empty file; undefined when it does not parse. */
  readonly data: unknown;
  /** False when the file is not well-formed YAML / JSON (its data is then unusable). */
  readonly wellFormed: boolean;
  /** Syntax problems and duplicate keys. */
  readonly problems: readonly SpecProblem[];
  /** The line of the node at exactly this written path, if written. */
  lineOf(path: readonly string[]): number | undefined;
  /** The nearest written node at or above `path` (the file's first line for the root). */
  locate(path: readonly string[]): SourceLocation;
}


/** `a.b.c`: a written path as shown in problems. */
export function joinPath(path: readonly string[]): string {
  return path.join('.');
}

/**
 * Parse one file. `isSqlText` says which written paths hold SQL text: their
 * number and boolean values are taken as written, so `default: 0` means the
 * expression `0`, `default: 1.50` the expression `1.50`.
 */
export function parseSpecFile(source: SpecFileSource, isSqlText: (path: readonly string[]) => boolean): ParsedSpecFile {
  const { file, bytes } = source;
  const kind = /\.json$/i.test(file) ? 'JSON' : 'YAML';
  const lineCounter = new LineCounter();
  const text = bytes.toString('utf8');
  // Duplicate keys are found below, with their path and the first key's line.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const problems: SpecProblem[] = [];
  const lines = new Map<string, number>();
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  let badAlias = false;

  for (const error of doc.errors) {
    problems.push({ file, line: lineAt(error.pos[0]), path: '', message: `invalid ${kind}: ${error.message}` });
  }

  const visit = (node: unknown, path: string[], line: number, stack: ReadonlySet<unknown>): void => {
    lines.set(objectKey(...path), line);
    if (isAlias(node)) {
      const target = node.resolve(doc as Document);
      if (target === undefined) {
        badAlias = true;
        problems.push({ file, line, path: joinPath(path), message: `invalid ${kind}: unresolved alias *${node.source}` });
      } else if (stack.has(target)) {
        badAlias = true;
        problems.push({ file, line, path: joinPath(path), message: `alias *${node.source} refers to itself` });
      } else {
        visit(target, path, line, new Set([...stack, target]));
      }
      return;
    }
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const keyLine = key?.range ? lineAt(key.range[0]) : line;
        let name: string;
        if (key === null || key === undefined) name = '';
        else if (isScalar(key)) name = key.value === null ? '' : String(key.value);
        else {
          problems.push({ file, line: keyLine, path: joinPath(path), message: 'keys must be names, not lists or maps' });
          continue;
        }
        const first = seen.get(name);
        if (first !== undefined) {
          problems.push({ file, line: keyLine, path: joinPath(path), message: `duplicate key '${name}' (first at line ${first})` });
        } else {
          seen.set(name, keyLine);
        }
        const childPath = [...path, name];
        const value = pair.value as Node | null;
        if (isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'boolean') && isSqlText(childPath)) {
          value.value = value.source ?? String(value.value);
        }
        visit(value, childPath, keyLine, stack);
      }
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const itemLine = (item as Node | null)?.range ? lineAt((item as Node).range![0]) : line;
        visit(item, [...path, String(index)], itemLine, stack);
      });
    }
  };

  let data: unknown;
  let wellFormed = doc.errors.length === 0;
  if (wellFormed) {
    visit(doc.contents, [], 1, new Set());
    if (badAlias) {
      wellFormed = false;
    } else {
      try {
        data = doc.contents === null ? {} : doc.toJS({ maxAliasCount: -1 });
      } catch (err) {
        wellFormed = false;
        problems.push({ file, line: 1, path: '', message: `invalid ${kind}: ${(err as Error).message}` });
      }
    }
  }

  const lineOf = (path: readonly string[]): number | undefined => lines.get(objectKey(...path));
  const locate = (path: readonly string[]): SourceLocation => {
    for (let length = path.length; length > 0; length--) {
      const prefix = path.slice(0, length);
      const line = lineOf(prefix);
      if (line !== undefined) return { file, line, path: joinPath(prefix) };
    }
    return { file, line: 1, path: '' };
  };
  return { ...source, data: wellFormed ? data : undefined, wellFormed, problems, lineOf, locate };
}
