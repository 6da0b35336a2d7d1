/**
 * Merging the files of a spec, section by section, and finding where each
 * node was written. Each object of a map section (enums, tables, ...) is
 * defined in exactly one file (a second definition, even spelt differently
 * — `leads` and `public.leads` —, is a problem naming both places); list
 * sections (`extensions`, `schemas`) are unions in first-seen order;
 * `ignore` lists are concatenated in load order; `severity` maps are merged
 * (two files giving one kind different severities is a problem);
 * `database:` is written in one file at most.
 */
import { setOwn } from '../model/own.js';
import { loadedNode } from './loaded-spec.js';
import { NameError, qualifiedKey, splitIdentifiers, splitQualified } from './names.js';
import { LIST_SECTIONS, MAP_SECTIONS } from './sections.js';
import type { ParsedSpecFile } from './spec-file.js';
import { type ListItem, type SourceLocation, type SpecProblem } from './spec-section.js';
import type { Severity, SpecDatabase, SpecDefaultPrivileges, SpecIgnoreRule, SpecRole } from './spec-types.js';
import { isRecord } from './values.js';

/** An object of a map section and where it was defined. */
interface Defined {
  readonly schema: string;
  readonly name: string;
  readonly value: unknown;
  readonly file: ParsedSpecFile;
  /** The key as written in the file (`leads`, `public.leads`). */
  readonly written: string;
}

/** Where an item of a list was written. */
interface Origin {
  readonly file: ParsedSpecFile;
  /** The item's written path in that file. */
  readonly path: readonly string[];
}

/** The files' sections merged, with where everything came from. */
export interface MergedFiles {
  /** Each map section's objects by qualified key, as written (in load order). */
  readonly maps: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
  /** Each list section's items (names, or objects with a name), by name once. */
  readonly lists: ReadonlyMap<string, readonly ListItem[]>;
  readonly ignore: readonly SpecIgnoreRule[];
  readonly severity: Readonly<Record<string, Severity>>;
  /** `roles:`, by name once (a role given two names is a problem of the checks). */
  readonly roles: readonly SpecRole[];
  /** `default_privileges:`, concatenated in load order. */
  readonly defaultPrivileges: readonly SpecDefaultPrivileges[];
  /** `database:`, written in one file at most. */
  readonly database?: SpecDatabase;
  /** See `LoadedSpec.locate`. */
  locate(path: readonly string[]): SourceLocation | undefined;
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

const at = (origin: Origin): string => {
  const { file, line } = origin.file.locate(origin.path);
  return `${file}:${line}`;
};

/** What merging collects, file after file. */
class Merger {
  readonly defined = new Map(MAP_SECTIONS.map(({ section }) => [section.key, new Map<string, Defined>()]));
  readonly nouns = new Map(MAP_SECTIONS.map(({ kind, section }) => [section.key, kind.noun.one]));
  readonly lists = new Map(LIST_SECTIONS.map(({ section }) => [section.key, [] as ListItem[]]));
  readonly listOrigins = new Map(LIST_SECTIONS.map(({ section }) => [section.key, [] as Origin[]]));
  readonly ignore: { rule: SpecIgnoreRule; origin: Origin }[] = [];
  readonly severity: Record<string, Severity> = {};
  readonly severityOrigin = new Map<string, Origin>();
  readonly roles: { role: SpecRole; origin: Origin }[] = [];
  /** Each role item's JSON and each list's names seen so far: a lookup, not a scan, per item. */
  readonly roleTexts = new Set<string>();
  readonly listNames = new Map(LIST_SECTIONS.map(({ section }) => [section.key, new Set<string>()]));
  readonly defaultPrivileges: { rule: SpecDefaultPrivileges; origin: Origin }[] = [];
  database: { value: SpecDatabase; origin: Origin } | undefined;

  constructor(readonly problems: SpecProblem[]) {}

  /** The objects of the file's map sections: each defined once across files. */
  addObjects(file: ParsedSpecFile, data: Record<string, unknown>, defaultSchema: string): void {
    for (const [key, defined] of this.defined) {
      const objects = data[key];
      if (!isRecord(objects)) continue;
      for (const [written, value] of Object.entries(objects)) {
        const writtenPath = [key, written];
        let q;
        try {
          q = splitQualified(written, defaultSchema);
        } catch (err) {
          this.problems.push({ ...file.locate(writtenPath), message: `invalid name: ${(err as NameError).message}` });
          continue;
        }
        const qualified = qualifiedKey(q.schema, q.name);
        const previous = defined.get(qualified);
        if (previous !== undefined) {
          const where = at({ file: previous.file, path: [key, previous.written] });
          this.problems.push({ ...file.locate(writtenPath), message: `${this.nouns.get(key)} ${qualified} is already defined at ${where}` });
          continue;
        }
        defined.set(qualified, { schema: q.schema, name: q.name, value, file, written });
      }
    }
  }

  /** The file's ignore rules, severities and list sections. */
  addRules(file: ParsedSpecFile, data: Record<string, unknown>): void {
    if (Array.isArray(data.ignore)) {
      data.ignore.forEach((rule, index) => this.ignore.push({ rule: rule as SpecIgnoreRule, origin: { file, path: ['ignore', String(index)] } }));
    }
    if (Array.isArray(data.roles)) {
      // Every item is kept (checks report a role named twice with two names); the same item twice, once.
      data.roles.forEach((role: unknown, index) => {
        const text = JSON.stringify(role);
        if (this.roleTexts.has(text)) return;
        this.roleTexts.add(text);
        this.roles.push({ role: role as SpecRole, origin: { file, path: ['roles', String(index)] } });
      });
    }
    if (Array.isArray(data.default_privileges)) {
      data.default_privileges.forEach((rule: unknown, index) =>
        this.defaultPrivileges.push({ rule: rule as SpecDefaultPrivileges, origin: { file, path: ['default_privileges', String(index)] } }),
      );
    }
    if (data.database !== undefined) {
      const origin = { file, path: ['database'] };
      if (this.database === undefined) this.database = { value: data.database as SpecDatabase, origin };
      else this.problems.push({ ...file.locate(origin.path), message: `database: is already written at ${at(this.database.origin)}: write it in one file` });
    }
    if (isRecord(data.severity)) {
      for (const [kind, value] of Object.entries(data.severity)) {
        const origin = { file, path: ['severity', kind] };
        const previous = this.severityOrigin.get(kind);
        if (previous === undefined) {
          setOwn(this.severity, kind, value as Severity);
          this.severityOrigin.set(kind, origin);
        } else if (this.severity[kind] !== value) {
          this.problems.push({
            ...file.locate(origin.path),
            message: `severity of ${kind} is already set to ${JSON.stringify(this.severity[kind])} at ${at(previous)}`,
          });
        }
      }
    }
    for (const [key, names] of this.lists) {
      const items = data[key];
      if (!Array.isArray(items)) continue;
      const origins = this.listOrigins.get(key) ?? [];
      const seen = this.listNames.get(key) ?? new Set<string>();
      items.forEach((item: unknown, index) => {
        const name = typeof item === 'string' ? item : isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
        if (name === undefined || seen.has(name)) return;
        seen.add(name);
        names.push(item as ListItem);
        origins.push({ file, path: [key, String(index)] });
      });
    }
  }
}

/** Where a node was written, by its logical path (see `LoadedSpec.locate`). */
function locator(files: readonly ParsedSpecFile[], merger: Merger): (logical: readonly string[]) => SourceLocation | undefined {
  const firstWriting = (key: string): ParsedSpecFile | undefined => files.find((f) => f.lineOf([key]) !== undefined);
  const indexed = (section: string, origins: readonly Origin[], rest: readonly string[]): SourceLocation | undefined => {
    const [index, ...below] = rest;
    const origin = index !== undefined && /^\d+$/.test(index) ? origins[Number(index)] : undefined;
    if (origin !== undefined) return origin.file.locate([...origin.path, ...below]);
    return firstWriting(section)?.locate([section]);
  };
  return (logical) => {
    const [section, ...rest] = logical;
    if (section === undefined) return undefined;
    const objects = merger.defined.get(section);
    if (objects !== undefined) {
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
    if (section === 'ignore') return indexed(section, merger.ignore.map((i) => i.origin), rest);
    if (section === 'roles') return indexed(section, merger.roles.map((r) => r.origin), rest);
    if (section === 'database' && merger.database !== undefined) return merger.database.origin.file.locate(logical);
    if (section === 'default_privileges') return indexed(section, merger.defaultPrivileges.map((r) => r.origin), rest);
    const listOrigins = merger.listOrigins.get(section);
    if (listOrigins !== undefined) return indexed(section, listOrigins, rest);
    if (section === 'severity' && rest[0] !== undefined) {
      const origin = merger.severityOrigin.get(rest[0]);
      if (origin !== undefined) return origin.file.locate([...origin.path, ...rest.slice(1)]);
    }
    return firstWriting(section)?.locate(logical);
  };
}

/** Merge the well-formed files' sections, in load order; problems found are added to `problems`. */
export function mergeFiles(files: readonly ParsedSpecFile[], problems: SpecProblem[]): MergedFiles {
  const merger = new Merger(problems);
  for (const file of files) {
    if (!file.wellFormed || !isRecord(file.data)) continue;
    const defaultSchema = defaultSchemaOf(file, file.data, problems);
    merger.addObjects(file, file.data, defaultSchema);
    merger.addRules(file, file.data);
  }
  const maps = new Map(
    MAP_SECTIONS.map(({ section }) => {
      const defined = merger.defined.get(section.key) ?? new Map<string, Defined>();
      return [section.key, new Map([...defined].map(([key, object]) => [key, loadedNode(section, object.value)]))];
    }),
  );
  return {
    maps,
    lists: merger.lists,
    ignore: merger.ignore.map((i) => i.rule),
    severity: merger.severity,
    roles: merger.roles.map((r) => r.role),
    defaultPrivileges: merger.defaultPrivileges.map((r) => r.rule),
    ...(merger.database !== undefined ? { database: merger.database.value } : {}),
    locate: locator(files, merger),
  };
}
