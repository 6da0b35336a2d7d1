/**
 * Load an expected-schema spec: one `.yaml` / `.yml` / `.json` file, or a
 * directory of them (recursively), merged into one {@link LoadedSpec}, and
 * validated — structure per file against `spec.schema.json`, then meaning
 * across the merged spec. Synchronous: it only reads local files.
 *
 * Every problem in every file is collected before anything is thrown: a
 * {@link SpecError} carries them all, sorted by file then line. A source that
 * cannot be read at all (missing, not a spec file, an empty directory, an
 * unreadable file) is a `UsageError`, like every other `--expected` source.
 *
 * Merging: each table / enum / domain / sequence is defined in exactly one
 * file (a second definition, even spelt differently — `leads` and
 * `public.leads` —, is a problem naming both places); `ignore` lists are
 * concatenated in load order; `severity` maps are merged (two files giving
 * one kind different severities is a problem); `extensions` and `schemas` are
 * unions in first-seen order.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { NameError, qualifiedKey, splitIdentifiers, splitQualified } from './names.js';
import { SpecError } from './spec-error.js';
import { parseSpecFile, type ParsedSpecFile, type SpecFileSource } from './spec-file.js';
import type {
  LoadedSpec,
  Severity,
  SourceLocation,
  SpecDomain,
  SpecEnum,
  SpecIgnoreRule,
  SpecProblem,
  SpecSequence,
  SpecTable,
} from './spec-types.js';
import { checkSpec, validateStructure } from './validate-spec.js';

export { splitQualified, splitIdentifiers, qualifiedKey, NameError } from './names.js';
export type { QualifiedName } from './names.js';

const SPEC_FILE = /\.(ya?ml|json)$/i;
const OBJECT_SECTIONS = ['enums', 'domains', 'sequences', 'tables'] as const;
type ObjectSection = (typeof OBJECT_SECTIONS)[number];
const SECTION_NOUN: Record<ObjectSection, string> = { enums: 'enum', domains: 'domain', sequences: 'sequence', tables: 'table' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The files of a spec source, in load order, read. A directory contributes
 * every `*.yaml`, `*.yml` and `*.json` below it, sorted by relative path
 * (code-unit order, `/` separators); files and directories whose name starts
 * with a dot are skipped, and so is every other file.
 */
export function readSpecSources(source: string): SpecFileSource[] {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new UsageError(`spec not found: ${source}`);
  }
  const read = (file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`, { cause: err });
    }
  };
  if (!stat.isDirectory()) {
    if (!SPEC_FILE.test(source)) throw new UsageError(`${source} is not a spec: expected a .yaml, .yml or .json file, or a directory of them`);
    return [{ file: source, name: path.basename(source), bytes: read(source) }];
  }
  const found: { name: string; file: string }[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, prefix: string): void => {
    const real = realpathSync(dir);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch (err) {
      throw new UsageError(`cannot read ${dir}: ${(err as Error).message}`, { cause: err });
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      const full = path.join(dir, entry);
      const name = prefix === '' ? entry : `${prefix}/${entry}`;
      let entryStat;
      try {
        entryStat = statSync(full);
      } catch {
        continue; // a dangling symlink
      }
      if (entryStat.isDirectory()) walk(full, name);
      else if (entryStat.isFile() && SPEC_FILE.test(entry)) found.push({ name, file: full });
    }
  };
  walk(source, '');
  if (found.length === 0) throw new UsageError(`no .yaml, .yml or .json files in ${source}`);
  found.sort((a, b) => byCodeUnit(a.name, b.name));
  return found.map(({ name, file }) => ({ file, name, bytes: read(file) }));
}

/** sha256 over each file's relative name and bytes, in load order. */
export function specSha256(sources: readonly SpecFileSource[]): string {
  const hash = createHash('sha256');
  for (const { name, bytes } of sources) {
    hash.update(name);
    hash.update(`\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

interface Defined {
  readonly schema: string;
  readonly name: string;
  readonly value: unknown;
  readonly file: ParsedSpecFile;
  /** The key as written in the file (`leads`, `public.leads`). */
  readonly written: string;
}

interface Origin {
  readonly file: ParsedSpecFile;
  /** The item's written path in that file. */
  readonly path: readonly string[];
}

/** The file's default schema for unqualified names (`schema:`, else `public`). */
function defaultSchemaOf(file: ParsedSpecFile, data: Record<string, unknown>, problems: SpecProblem[]): string {
  if (typeof data.schema !== 'string' || data.schema === '') return 'public';
  try {
    const parts = splitIdentifiers(data.schema);
    if (parts.length === 1) return parts[0] as string;
    problems.push({ ...file.locate(['schema']), message: `expected one schema name, got ${parts.length} parts` });
  } catch (err) {
    problems.push({ ...file.locate(['schema']), message: `invalid schema name: ${(err as NameError).message}` });
  }
  return 'public';
}

/**
 * Load, merge and validate a spec. Throws a {@link SpecError} listing every
 * problem, or a `UsageError` when the source cannot be read.
 */
export function loadSpec(source: string): LoadedSpec {
  const sources = readSpecSources(source);
  const files = sources.map(parseSpecFile);
  const problems: SpecProblem[] = files.flatMap((f) => f.problems);
  for (const file of files) if (file.wellFormed) problems.push(...validateStructure(file));

  // --- merge
  const defined: Record<ObjectSection, Map<string, Defined>> = {
    enums: new Map(),
    domains: new Map(),
    sequences: new Map(),
    tables: new Map(),
  };
  const ignore: { rule: SpecIgnoreRule; origin: Origin }[] = [];
  const severity: Record<string, Severity> = {};
  const severityOrigin = new Map<string, Origin>();
  const lists = { extensions: [] as string[], schemas: [] as string[] };
  const listOrigins = { extensions: [] as Origin[], schemas: [] as Origin[] };

  const at = (origin: Origin): string => {
    const { file, line } = origin.file.locate(origin.path);
    return `${file}:${line}`;
  };

  for (const file of files) {
    if (!file.wellFormed || !isRecord(file.data)) continue;
    const data = file.data;
    const defaultSchema = defaultSchemaOf(file, data, problems);
    for (const section of OBJECT_SECTIONS) {
      const objects = data[section];
      if (!isRecord(objects)) continue;
      for (const [written, value] of Object.entries(objects)) {
        const writtenPath = [section, written];
        let q;
        try {
          q = splitQualified(written, defaultSchema);
        } catch (err) {
          problems.push({ ...file.locate(writtenPath), message: `invalid name: ${(err as NameError).message}` });
          continue;
        }
        const key = qualifiedKey(q.schema, q.name);
        const previous = defined[section].get(key);
        if (previous !== undefined) {
          problems.push({
            ...file.locate(writtenPath),
            message: `${SECTION_NOUN[section]} ${key} is already defined at ${at({ file: previous.file, path: [section, previous.written] })}`,
          });
          continue;
        }
        defined[section].set(key, { schema: q.schema, name: q.name, value, file, written });
      }
    }
    if (Array.isArray(data.ignore)) {
      data.ignore.forEach((rule, index) => ignore.push({ rule: rule as SpecIgnoreRule, origin: { file, path: ['ignore', String(index)] } }));
    }
    if (isRecord(data.severity)) {
      for (const [kind, value] of Object.entries(data.severity)) {
        const origin = { file, path: ['severity', kind] };
        const previous = severityOrigin.get(kind);
        if (previous === undefined) {
          severity[kind] = value as Severity;
          severityOrigin.set(kind, origin);
        } else if (severity[kind] !== value) {
          problems.push({
            ...file.locate(origin.path),
            message: `severity of ${kind} is already set to ${JSON.stringify(severity[kind])} at ${at(previous)}`,
          });
        }
      }
    }
    for (const list of ['extensions', 'schemas'] as const) {
      const items = data[list];
      if (!Array.isArray(items)) continue;
      items.forEach((item, index) => {
        if (typeof item !== 'string' || lists[list].includes(item)) return;
        lists[list].push(item);
        listOrigins[list].push({ file, path: [list, String(index)] });
      });
    }
  }

  // --- locations by logical path
  const firstWriting = (key: string): ParsedSpecFile | undefined => files.find((f) => f.lineOf([key]) !== undefined);
  const locate = (logical: readonly string[]): SourceLocation | undefined => {
    const [section, ...rest] = logical;
    if (section === undefined) return undefined;
    if ((OBJECT_SECTIONS as readonly string[]).includes(section)) {
      const objects = defined[section as ObjectSection];
      const [schema, name, ...below] = rest;
      if (schema !== undefined && name !== undefined) {
        const object = objects.get(qualifiedKey(schema, name));
        if (object !== undefined) return object.file.locate([section, object.written, ...below]);
      }
      if (schema !== undefined) {
        for (const object of objects.values()) if (object.schema === schema) return object.file.locate([section]);
      }
      return firstWriting(section)?.locate([section]);
    }
    const indexed = (origins: readonly Origin[]): SourceLocation | undefined => {
      const [index, ...below] = rest;
      const origin = index !== undefined && /^\d+$/.test(index) ? origins[Number(index)] : undefined;
      if (origin !== undefined) return origin.file.locate([...origin.path, ...below]);
      return firstWriting(section)?.locate([section]);
    };
    if (section === 'ignore') return indexed(ignore.map((i) => i.origin));
    if (section === 'extensions' || section === 'schemas') return indexed(listOrigins[section]);
    if (section === 'severity' && rest[0] !== undefined) {
      const origin = severityOrigin.get(rest[0]);
      if (origin !== undefined) return origin.file.locate([...origin.path, ...rest.slice(1)]);
    }
    return firstWriting(section)?.locate(logical);
  };

  const toMap = <T>(section: ObjectSection): ReadonlyMap<string, T> =>
    new Map([...defined[section]].map(([key, object]) => [key, object.value as T]));
  // A partition may leave `columns` out (they come from its parent); the
  // contract's SpecTable always has them, so it gets an empty map.
  const tables = new Map<string, SpecTable>();
  for (const [key, object] of defined.tables) {
    const table = object.value;
    tables.set(key, (isRecord(table) && table.columns === undefined ? { ...table, columns: {} } : table) as SpecTable);
  }

  const spec: LoadedSpec = {
    files: files.map((f) => f.file),
    sha256: specSha256(sources),
    extensions: lists.extensions,
    schemas: lists.schemas,
    enums: toMap<SpecEnum>('enums'),
    domains: toMap<SpecDomain>('domains'),
    sequences: toMap<SpecSequence>('sequences'),
    tables,
    ignore: ignore.map((i) => i.rule),
    severity,
    locate,
  };

  // A file that does not parse leaves holes: checking references then would
  // only add noise, so the checks of meaning wait until every file parses.
  if (files.every((f) => f.wellFormed)) problems.push(...checkSpec(spec));
  if (problems.length > 0) throw new SpecError(problems);
  return spec;
}
