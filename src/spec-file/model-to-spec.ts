/**
 * A model as a spec: what `schema-audit snapshot` writes for a team to
 * bootstrap its expected schema from a known-good database. The contract is
 * the round trip: `specToDdl(load(modelToSpec(m)))` run in an empty database
 * gives back `m` (tables, enums, domains, sequences), name for name.
 *
 * Each kind's section writes its objects (its `fromModel`, in its folder:
 * the rules for default names, shorthands, serial and identity sequences,
 * partitions and indexes are there); this module keeps what crosses kinds:
 * - Keys: unqualified for `public`, `schema.name` otherwise (the file's
 *   `schema:` is not used). A name inside a node (a reference, a partition's
 *   parent, a sequence's owner) is unqualified only when both it and the
 *   object naming it are in `public` (see `refName`).
 * - Types: a type of `public` the model prints unqualified is qualified in
 *   an object of another schema, where the spec would read it in that
 *   schema first.
 * - Output is deterministic: the model's order (sorted by name), columns in
 *   position order, optional fields written only when not the default, the
 *   sections in a fixed order.
 */
import type { SchemaModel } from '../model/schema-model.js';
import type { RoleMapping } from '../kinds/privilege/govern.js';
import { addModelPrivileges, modelPrivileges } from '../kinds/privilege/spec-from-model.js';
import { inFirstReleaseOrder, MAP_SECTIONS, SECTIONS } from './sections.js';
import type { FromModelContext } from './spec-section.js';
import { SPEC_VERSION, type SpecFile } from './spec-types.js';

export { oneLine } from './one-line.js';

/** Which part of the model to write. */
export interface ModelToSpecOptions {
  /** Only these schemas (default: every schema of the model). */
  readonly schemas?: readonly string[];
  /** Governed roles: write `roles:` and the model's owners and privileges for them (src/kinds/privilege/spec.ts). */
  readonly roles?: readonly RoleMapping[];
}

/**
 * The order `snapshot` writes sections in: the first release wrote
 * `extensions` before `schemas`, and a snapshot committed then must not
 * change; every other section follows in registry order.
 */
const FIRST_RELEASE_SECTION_ORDER = ['extensions'];

/** `typeIn` (see {@link FromModelContext}) for a model. */
function typeSpelling(model: SchemaModel): FromModelContext['typeIn'] {
  // Known limitation: only the types the sections declare (enums, domains)
  // are qualified; a table's row type used from another schema is not.
  const publicTypes = new Set(
    MAP_SECTIONS.flatMap(({ section }) => section.modelTypes?.(model) ?? [])
      .filter((x) => x.schema === 'public')
      .map((x) => x.name),
  );
  return (type, schema) => {
    if (schema === 'public') return type;
    const m = /^("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)((?:\[\])*)$/.exec(type);
    if (!m) return type;
    const name = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
    return publicTypes.has(name) ? `public.${m[1]}${m[2]}` : type;
  };
}

/** What the kinds' `fromModel` pieces get for a model (see {@link FromModelContext}). */
export function fromModelContext(model: SchemaModel, options: ModelToSpecOptions = {}): FromModelContext {
  const inScope = (schema: string): boolean => !options.schemas || options.schemas.includes(schema);
  const objectSchemas = new Set<string>();
  for (const { kind } of MAP_SECTIONS) {
    if (!('section' in kind.placement)) continue;
    // A map section's kind holds objects of a schema (enums, tables, ...).
    for (const object of model[kind.placement.section] as readonly { readonly schema: string }[]) {
      if (inScope(object.schema)) objectSchemas.add(object.schema);
    }
  }
  return { model, inScope, typeIn: typeSpelling(model), objectSchemas, specKinds: new Set(SECTIONS.map(({ kind }) => kind.name)) };
}

/** The model as a spec file (see the module comment). */
export function modelToSpec(model: SchemaModel, options: ModelToSpecOptions = {}): SpecFile {
  const context = fromModelContext(model, options);
  const spec: Record<string, unknown> = { version: SPEC_VERSION };
  for (const { section } of inFirstReleaseOrder(SECTIONS, FIRST_RELEASE_SECTION_ORDER)) {
    const written = section.fromModel(context);
    if (written !== undefined) spec[section.key] = written;
  }
  if (options.roles?.length) addModelPrivileges(spec, model, modelPrivileges(model, options.roles, context.inScope));
  return spec as SpecFile;
}
