/**
 * Spec validation, pass 1: structure, per file. The file's data against the
 * spec's JSON Schema (assembled from the kinds' fragments, spec-schema.ts),
 * each ajv error turned into a problem at the node's file:line and written
 * path, with a message a person can act on (`unknown key 'nulable'
 * (allowed: type, nullable, ...)`, `expected a string, got a number`, `must
 * be one of: always, by default`). A section may say some of its own (a
 * table without columns).
 *
 * Pass 2, meaning across the merged spec, is check-spec.ts; it runs even
 * when this pass found problems, so one run reports everything.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { FINDING_KINDS } from '../findings/kinds.js';
import { objectKey } from '../model/identifiers.js';
import { DATE_PATTERN, INTEGER_TEXT_PATTERN } from './json-schema.js';
import { MAP_SECTIONS } from './sections.js';
import type { ParsedSpecFile } from './spec-file.js';
import { specJsonSchema } from './spec-schema.js';
import { matchesPath, type SpecProblem } from './spec-section.js';

let validatorCache: ValidateFunction | undefined;

/** An ajv instance configured as the validator uses it (strict; union types allowed). */
export function createAjv(): Ajv {
  return new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
}

function validator(): ValidateFunction {
  validatorCache ??= createAjv().compile(specJsonSchema());
  return validatorCache;
}

// ---------------------------------------------------------------------------
// Pass 1: structure

function article(type: string): string {
  switch (type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'integer':
      return 'an integer';
    case 'null':
      return 'null';
    default:
      return `a ${type}`;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return article(typeof value);
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] as string}`;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

function unknownKindMessage(value: unknown): string {
  if (typeof value !== 'string') return `expected a finding kind, got ${typeOf(value)}`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const kind of FINDING_KINDS) {
    const d = editDistance(value, kind);
    if (d < bestDistance) {
      best = kind;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= 3) return `unknown finding kind '${value}' (did you mean '${best}'?)`;
  return `unknown finding kind '${value}' (known: ${FINDING_KINDS.join(', ')})`;
}

function isFindingKindEnum(values: unknown): boolean {
  return Array.isArray(values) && values.length === FINDING_KINDS.length && values.every((v, i) => v === FINDING_KINDS[i]);
}

/** A section's own message for a keyword failing at `path` (the written path from the section's key down). */
function sectionMessage(keyword: string, path: readonly string[]): string | undefined {
  const [key, ...below] = path;
  const section = MAP_SECTIONS.find((s) => s.section.key === key)?.section;
  return section?.structureMessages?.find((m) => m.keyword === keyword && matchesPath(m.path, below))?.message;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Schemaish = Record<string, unknown>;

/** Adds a problem at a written path (the nearest written node's line unless `line` is given). */
type AddProblem = (path: readonly string[], line: number | undefined, message: string) => void;

/** The problem one ajv error stands for, in words a person can act on. */
function describeError(e: ErrorObject, file: ParsedSpecFile, add: AddProblem): void {
  const path = decodePointer(e.instancePath);
  const params = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as Schemaish;
  if (e.propertyName !== undefined) {
    // Inside `propertyNames`: the key itself is wrong.
    const keyLine = file.lineOf([...path, e.propertyName]);
    if (e.keyword === 'enum' && isFindingKindEnum(params.allowedValues)) add(path, keyLine, unknownKindMessage(e.propertyName));
    else add(path, keyLine, `key '${e.propertyName}': ${e.message ?? 'is not allowed'}`);
    return;
  }
  const own = sectionMessage(e.keyword, path);
  if (own !== undefined) {
    add(path, undefined, own);
    return;
  }
  switch (e.keyword) {
    case 'type': {
      const expected = [params.type as string | string[]].flat().map(article);
      add(path, undefined, `expected ${orList(expected)}, got ${typeOf(e.data)}`);
      break;
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as Schemaish);
      // `{ type: numeric(12,2) }`: in a flow map the comma ends the value, and `2)` becomes a key.
      const hint = /\)/.test(key) && !/\(/.test(key) ? "; in a { } map a comma ends the value: quote values with commas, e.g. 'numeric(12,2)'" : '';
      add(path, file.lineOf([...path, key]), `unknown key '${key}' (allowed: ${allowed.join(', ')})${hint}`);
      break;
    }
    case 'required':
      add(path, undefined, `missing required key '${String(params.missingProperty)}'`);
      break;
    case 'enum':
      if (isFindingKindEnum(params.allowedValues)) add(path, undefined, unknownKindMessage(e.data));
      else add(path, undefined, `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`);
      break;
    case 'const':
      add(path, undefined, `must be ${JSON.stringify(params.allowedValue)}`);
      break;
    case 'not': {
      const required = (e.schema as Schemaish | undefined)?.required;
      if (Array.isArray(required) && required.length >= 2) {
        const keys = required.map(String);
        const lines = keys.map((k) => file.lineOf([...path, k]) ?? 0);
        add(path, Math.max(...lines) || undefined, `${keys.map((k) => `'${k}'`).join(' and ')} cannot be used together`);
      } else {
        add(path, undefined, e.message ?? 'is not allowed here');
      }
      break;
    }
    case 'anyOf': {
      const branches = Array.isArray(e.schema) ? (e.schema as Schemaish[]) : [];
      const keys = branches.map((b) => (Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : undefined));
      if (keys.length > 0 && keys.every((k) => k !== undefined)) add(path, undefined, `needs ${orList(keys.map((k) => `'${k}'`))}`);
      else add(path, undefined, 'does not match any allowed form');
      break;
    }
    case 'uniqueItems': {
      const items = Array.isArray(e.data) ? (e.data as unknown[]) : [];
      const first = new Map<string, number>();
      items.forEach((item, index) => {
        const id = JSON.stringify(item);
        const earlier = first.get(id);
        if (earlier === undefined) {
          first.set(id, index);
          return;
        }
        const earlierLine = file.lineOf([...path, String(earlier)]);
        const line = file.lineOf([...path, String(index)]);
        const original = earlierLine === undefined || earlierLine === line ? `item ${earlier}` : `line ${earlierLine}`;
        add([...path, String(index)], undefined, `duplicate value ${quoted(item)} (same as ${original})`);
      });
      break;
    }
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      if (params.limit === 1) {
        add(path, undefined, 'must not be empty');
      } else {
        add(path, undefined, `expected at least ${String(params.limit)}`);
      }
      break;
    case 'pattern':
      if (params.pattern === INTEGER_TEXT_PATTERN) add(path, undefined, `expected an integer (or a string of digits), got ${quoted(e.data)}`);
      else if (params.pattern === DATE_PATTERN) add(path, undefined, `expected a date yyyy-mm-dd, got ${quoted(e.data)}`);
      else add(path, undefined, `must match ${String(params.pattern)}`);
      break;
    default:
      add(path, undefined, e.message ?? `is not valid (${e.keyword})`);
  }
}

/** The problems of one well-formed file's data against the JSON Schema (the spec's, or another file's: the acknowledgements'). */
export function validateStructure(file: ParsedSpecFile, validate: ValidateFunction = validator()): SpecProblem[] {
  return validateWith(file, validate);
}

/** The problems of one well-formed file's data against a JSON Schema's validator (the spec's, or another file format's). */
export function validateWith(file: ParsedSpecFile, validate: ValidateFunction): SpecProblem[] {
  if (validate(file.data)) return [];
  const errors = (validate.errors ?? []).filter(
    (e) => e.keyword !== 'if' && e.keyword !== 'propertyNames' && !(e.keyword === 'required' && e.schemaPath.includes('/anyOf/')),
  );
  // A value of the wrong type: report only that (other keywords at the same
  // place, like `not` or `required`, are noise then).
  const typeErrors = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'type') continue;
    const current = typeErrors.get(e.instancePath);
    const width = (x: ErrorObject): number => [(x.params as { type: string | string[] }).type].flat().length;
    if (current === undefined || width(e) > width(current)) typeErrors.set(e.instancePath, e);
  }
  const problems: SpecProblem[] = [];
  const seen = new Set<string>();
  const add: AddProblem = (path, line, message) => {
    const location = file.locate(path);
    const problem = { file: file.file, line: line ?? location.line, path: location.path, message };
    const id = objectKey(String(problem.line), problem.path, message);
    if (seen.has(id)) return;
    seen.add(id);
    problems.push(problem);
  };
  for (const e of errors) {
    const typeError = typeErrors.get(e.instancePath);
    if (typeError === undefined || typeError === e) describeError(e, file, add);
  }
  return problems;
}
