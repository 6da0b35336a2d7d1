/**
 * What the kinds' DDL builders (`src/kinds/<kind>/ddl.ts`) share while the
 * spec (or a model, through its spec) becomes DDL: the spec, the schemas it
 * names, how a type it writes resolves to one of its enums or domains, its
 * tables as a partition tree, and the hooks through which `modelToDdl` says
 * what the spec cannot (see DdlHooks). Built once by `specToDdl`.
 */
import { IDENTIFIER_PATTERN, qualifiedName, unquoteIdent } from '../model/identifiers.js';
import type { CreateExtensionOptions } from '../kinds/extension/sql.js';
import type { SpecTableTree } from '../kinds/table/partition-tree.js';
import type { ConstraintKind } from '../kinds/constraint/model.js';
import { qualifiedKey, splitQualified } from './names.js';
import type { LoadedSpec, SpecSequence } from './spec-types.js';

/** One statement, and the spec node it comes from (its logical path, for `LoadedSpec.locate`). */
export interface DdlStatement {
  readonly sql: string;
  readonly path: readonly string[];
}

/**
 * The phases of the DDL, in order: every kind's objects (in registry order:
 * schemas, extensions, types, sequences, tables), then table constraints,
 * then what links objects created earlier (a sequence's OWNED BY), then
 * indexes, then comments, then owners and privileges (GRANT, ALTER … OWNER
 * TO, ALTER DEFAULT PRIVILEGES) once every object exists.
 */
export const DDL_PHASES = ['objects', 'constraints', 'links', 'indexes', 'views', 'triggers', 'policies', 'comments', 'privileges'] as const;
export type DdlPhase = (typeof DDL_PHASES)[number];

/** What a table constraint node of the spec says of its constraint (to find it in a model). */
export interface ConstraintNode {
  readonly kind: ConstraintKind;
  /** The name the spec gives it; undefined when PostgreSQL picks it. */
  readonly name: string | undefined;
  /** Its columns, for keys and foreign keys. */
  readonly columns?: readonly string[];
  /** A check's expression as the spec writes it. */
  readonly check?: { readonly expression: string; readonly noInherit: boolean };
}

/**
 * Where `modelToDdl` adds what the spec cannot say (each optional: the spec
 * path uses none).
 */
export interface DdlHooks {
  /** WITH SCHEMA / CASCADE of an extension, and a schema to create for it first. */
  readonly extension?: (name: string) => { readonly options: CreateExtensionOptions; readonly schema: string | null } | undefined;
  /** Statements to run right after a domain is created. */
  readonly afterDomain?: (schema: string, name: string) => readonly string[];
  /** Column facts of a table: its columns' positions, and which are virtual generated columns. */
  readonly columns?: (schema: string, table: string) => ReadonlyMap<string, { readonly position: number; readonly virtual: boolean }> | undefined;
  /** The constraint a node adds, as the model has it: its name and its definition. */
  readonly constraint?: (schema: string, table: string, node: ConstraintNode) => { readonly name: string; readonly body: string } | undefined;
}

/** An identity column's sequence, named or with options of its own in the spec. */
export interface IdentitySequence {
  readonly schema: string;
  readonly name: string;
  readonly spec: SpecSequence;
}

export interface DdlContext {
  readonly spec: LoadedSpec;
  /** Schemas whose names qualify a collation or operator class name (see writtenNameSql). */
  readonly knownSchemas: ReadonlySet<string>;
  readonly tables: SpecTableTree;
  /** Identity sequences by owning column: objectKey(table key, column). */
  readonly identitySequences: ReadonlyMap<string, IdentitySequence>;
  readonly hooks: DdlHooks;
  /**
   * A type as the DDL writes it: passed through as written, but a bare name
   * (optionally with `[]` or `ARRAY`) of a spec enum or domain resolves like
   * a table reference — the naming object's schema first, then `public`, then
   * the one other schema that defines it — and is written qualified when
   * that schema is not `public`. Unquoted names fold to lower case.
   */
  typeSql(typeText: string, contextSchema: string): string;
  /** The spec enum or domain a type names, bare or qualified, or null. */
  userType(typeText: string, contextSchema: string): { readonly schema: string; readonly name: string } | null;
}

const BARE_TYPE = new RegExp(String.raw`^\s*(${IDENTIFIER_PATTERN})(\s*(?:\[\s*\d*\s*\]\s*)*|\s+ARRAY\s*(?:\[\s*\d*\s*\])?\s*)$`, 'i');

const QUALIFIED_TYPE = new RegExp(String.raw`^\s*(${IDENTIFIER_PATTERN})\s*\.\s*(${IDENTIFIER_PATTERN})\s*(?:\[\s*\d*\s*\]\s*)*$`);

export interface DdlContextParts {
  readonly schemas: readonly string[];
  readonly tables: SpecTableTree;
  readonly identitySequences: ReadonlyMap<string, IdentitySequence>;
  readonly hooks: DdlHooks;
}

export function buildDdlContext(spec: LoadedSpec, parts: DdlContextParts): DdlContext {
  const knownSchemas = new Set<string>([...parts.schemas, 'public', 'pg_catalog', 'information_schema']);
  /** Definitions of user types by unqualified name → the schemas that define one. */
  const typeSchemas = new Map<string, string[]>();
  for (const key of [...spec.enums.keys(), ...spec.domains.keys(), ...spec.types.keys()]) {
    const { schema, name } = splitQualified(key, 'public');
    const list = typeSchemas.get(name) ?? [];
    if (!list.includes(schema)) list.push(schema);
    typeSchemas.set(name, list);
  }
  const isUserType = (schema: string, name: string): boolean =>
    spec.enums.has(qualifiedKey(schema, name)) || spec.domains.has(qualifiedKey(schema, name)) || spec.types.has(qualifiedKey(schema, name));
  const resolveBare = (typeText: string, contextSchema: string): { schema: string; name: string; suffix: string } | null => {
    const m = BARE_TYPE.exec(typeText);
    if (!m) return null;
    const name = unquoteIdent(m[1]!);
    const candidates = typeSchemas.get(name);
    if (!candidates) return null;
    const schema = candidates.includes(contextSchema)
      ? contextSchema
      : candidates.includes('public')
        ? 'public'
        : candidates.length === 1
          ? candidates[0]!
          : null;
    return schema === null ? null : { schema, name, suffix: m[2]! };
  };
  return {
    spec,
    knownSchemas,
    tables: parts.tables,
    identitySequences: parts.identitySequences,
    hooks: parts.hooks,
    typeSql(typeText, contextSchema) {
      const r = resolveBare(typeText, contextSchema);
      if (!r || r.schema === 'public') return typeText;
      const suffix = r.suffix.trim();
      return `${qualifiedName(r.schema, r.name)}${suffix === '' ? '' : suffix.startsWith('[') ? suffix : ` ${suffix}`}`;
    },
    userType(typeText, contextSchema) {
      const bare = resolveBare(typeText, contextSchema);
      if (bare) return { schema: bare.schema, name: bare.name };
      const m = QUALIFIED_TYPE.exec(typeText);
      if (!m) return null;
      const q = { schema: unquoteIdent(m[1]!), name: unquoteIdent(m[2]!) };
      return isUserType(q.schema, q.name) ? q : null;
    },
  };
}
