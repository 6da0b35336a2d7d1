/**
 * Spec validation, pass 2: meaning, across the merged spec. Each kind's
 * section checks its own objects (references to tables and columns that do
 * not exist, identity on a non-integer type, partitions of unpartitioned
 * tables, ...); this module gives them what crosses kinds (the schemas the
 * spec owns, the types it defines, names PostgreSQL would truncate) and
 * checks what is no kind's: names shared across a namespace, ignore
 * patterns that do not compile.
 *
 * It runs even when the structure pass (validate-spec.ts) found problems, so
 * one run reports everything; the sections check the shape of every value
 * they read and skip what the first pass already reported.
 */
import { parseIgnorePattern } from '../diff/ignore.js';
import { dateProblem } from '../ack/ids.js';
import { checkPrivileges } from '../kinds/privilege/spec.js';
import { unquoteIdent, IDENTIFIER_PATTERN } from '../model/identifiers.js';
import { MAX_IDENTIFIER_BYTES } from '../model/naming.js';
import { loadedObjects } from './loaded-spec.js';
import { qualifiedKey, splitQualified } from './names.js';
import { checkNamespaces, namespaceEntries } from './namespaces.js';
import { inFirstReleaseOrder, MAP_SECTIONS } from './sections.js';
import type { CheckContext, MapSection, SpecObject, SpecProblem } from './spec-section.js';
import type { LoadedSpec } from './spec-types.js';
import { isRecord } from './values.js';

const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema']);
const IDENT = IDENTIFIER_PATTERN;
const QUALIFIED_TYPE = new RegExp(String.raw`^\s*(${IDENT})\s*\.\s*(${IDENT})\s*(?:\([^)]*\))?\s*(?:\[\s*\d*\s*\]\s*)*$`);

/**
 * The order sections are checked in: problems on one line (a JSON spec
 * written on one line has them all on line 1) are listed in the order the
 * checks report them, and the first release checked tables first.
 */
const FIRST_RELEASE_CHECK_ORDER = ['tables'];

/** A map section's objects in a loaded spec, in load order. */
function objectsOf(spec: LoadedSpec, section: MapSection): SpecObject[] {
  return [...loadedObjects(spec, section)].map(([key, value]) => ({ key, q: splitQualified(key, 'public'), value }));
}

/** Problems of meaning in a merged spec (structure is checked per file, by `validateStructure`). */
export function checkSpec(spec: LoadedSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const report = (path: readonly string[], message: string): void => {
    const location = spec.locate(path) ?? { file: spec.files[0] ?? '', line: 1, path: '' };
    problems.push({ ...location, message });
  };
  const objects = new Map(MAP_SECTIONS.map(({ section }) => [section, objectsOf(spec, section)]));
  const objectsOfSection = (section: MapSection): readonly SpecObject[] => objects.get(section) ?? [];

  const ownedSchemas = new Set<string>(spec.schemas);
  for (const list of objects.values()) for (const { q } of list) ownedSchemas.add(q.schema);
  const entries = namespaceEntries(objectsOfSection);
  const types = new Set((entries.get('type') ?? []).map((entry) => entry.key));

  const context: CheckContext = {
    report,
    ownedSchemas,
    objectsOf: objectsOfSection,
    checkNameLength(name, path, what) {
      const bytes = Buffer.byteLength(name, 'utf8');
      if (bytes > MAX_IDENTIFIER_BYTES) report(path, `${what} name is ${bytes} bytes long; PostgreSQL truncates names to ${MAX_IDENTIFIER_BYTES} bytes`);
    },
    // Unqualified types are left to PostgreSQL (builtins, extension types); a
    // schema the spec does not own is external (`extensions.citext`).
    checkType(type, path) {
      if (typeof type !== 'string') return;
      const m = QUALIFIED_TYPE.exec(type);
      if (m === null) return;
      // A type is SQL text: unquoted names fold to lower case, as PostgreSQL (and spec-to-ddl) reads them.
      const q = { schema: unquoteIdent(m[1] as string), name: unquoteIdent(m[2] as string) };
      if (SYSTEM_SCHEMAS.has(q.schema) || !ownedSchemas.has(q.schema)) return;
      const key = qualifiedKey(q.schema, q.name);
      if (!types.has(key)) report(path, `unknown type ${key}: the spec defines no enum or domain of that name`);
    },
  };

  for (const { section } of inFirstReleaseOrder(MAP_SECTIONS, FIRST_RELEASE_CHECK_ORDER)) section.check(context, objectsOfSection(section));
  checkNamespaces(context, entries, spec.locate);

  // Roles, owners and grants (src/kinds/privilege/spec.ts).
  checkPrivileges(spec, report);

  // Ignore rules (their kinds and the severity keys are checked by the JSON Schema).
  spec.ignore.forEach((rule, i) => {
    if (!isRecord(rule) || typeof rule.pattern !== 'string') return;
    try {
      parseIgnorePattern(rule.pattern);
    } catch (err) {
      report(['ignore', String(i), 'pattern'], (err as Error).message);
    }
    const day = typeof rule.expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rule.expires) ? dateProblem(rule.expires) : undefined;
    if (day !== undefined) report(['ignore', String(i), 'expires'], day);
  });
  return problems;
}
