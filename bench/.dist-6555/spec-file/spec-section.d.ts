/**
 * What a kind supplies for its section of the expected-schema spec file
 * (`enums:`, `tables:`, ...), in its folder: the contract between the kinds
 * and the spec-file stage. The stage's orchestrators (loader, checker,
 * `modelToSpec`, YAML writer, JSON Schema) walk the registry and call these
 * pieces; they keep to themselves only what crosses kinds (merging files,
 * locations, the namespaces PostgreSQL shares between kinds, `ignore`,
 * `severity`, `version`, `schema`).
 *
 * A member kind (a table's columns, indexes, constraints) has no section of
 * its own: its container's section calls its pieces, as the table's
 * comparison calls its members'.
 *
 * This module is a bottom layer: kinds import it, so it imports no
 * orchestrator and not the registry.
 */
import type { SchemaModel } from '../model/schema-model.js';
import type { JsonSchema, JsonSchemaDefinitions } from './json-schema.js';
import type { QualifiedName } from './names.js';
/** Where a node was written: for error messages. */
export interface SourceLocation {
    readonly file: string;
    readonly line: number;
    /** The node's path as written in the file: `tables.leads.columns.score.type`. */
    readonly path: string;
}
/** One validation problem, with where it is. */
export interface SpecProblem extends SourceLocation {
    readonly message: string;
}
/** The JSON Schema of a section: its property in a spec file, and the definitions it refers to. */
export interface SectionJsonSchema {
    /** The schema of the section's key in a spec file (`enums: { ... }`). */
    readonly property: JsonSchema;
    /** Definitions the property (and its members') refer to as `#/definitions/<name>`; names are unique across kinds. */
    readonly definitions: JsonSchemaDefinitions;
}
/** How `snapshot` writes a section in YAML, for review: one line per small node. */
export interface SectionLayout {
    /** Collections written on one line (YAML flow style), by their path below the section's key. */
    readonly flow: readonly (readonly (string | number)[])[];
    /** A blank line before each object of the section but the first. */
    readonly spaced: boolean;
}
/**
 * A namespace PostgreSQL shares between kinds of objects, per schema: a
 * table is also a type (`type`); tables, sequences and indexes are all
 * relations (`relation`).
 */
export type Namespace = 'type' | 'relation';
/** A name an object of the spec takes in a shared namespace, and where it was written. */
export interface NamespaceEntry {
    readonly namespace: Namespace;
    /** Qualified as the loader qualifies keys (`public.leads`). */
    readonly key: string;
    /** What it is, in messages: `enum`, `index`. */
    readonly what: string;
    /** Its logical path (see `LoadedSpec.locate`). */
    readonly path: readonly string[];
}
/**
 * An object of a map section as loaded: its key, schema and name, and its
 * value as written. The value is unknown: the checks of meaning run even
 * when the structure pass found problems, so they check the shape of what
 * they read.
 */
export interface SpecObject {
    readonly key: string;
    readonly q: QualifiedName;
    readonly value: unknown;
}
/** What the checks of meaning get from the spec-file stage: reporting, and what crosses kinds. */
export interface CheckContext {
    /** Report a problem at a logical path (`['tables', 'public', 'leads', 'columns', 'id']`). */
    report(path: readonly string[], message: string): void;
    /** Report a name longer than PostgreSQL keeps (it truncates to 63 bytes); `what` names it: `table`, `enum label`. */
    checkNameLength(name: string, path: readonly string[], what: string): void;
    /**
     * Report a type written `schema.name` in a schema the spec owns that no
     * object of the type namespace (enums, domains, tables) defines.
     */
    checkType(type: unknown, path: readonly string[]): void;
    /** The schemas the spec owns: its `schemas` and the schemas its objects are in. */
    readonly ownedSchemas: ReadonlySet<string>;
    /** The objects of a map section, in load order. */
    objectsOf(section: MapSection): readonly SpecObject[];
}
/** What the pieces of `modelToSpec` get: the model, the schemas written, and how types are spelt. */
export interface FromModelContext {
    readonly model: SchemaModel;
    inScope(schema: string): boolean;
    /**
     * A type as the spec writes it in an object of `schema`: the model prints
     * a type of `public` unqualified, and outside `public` the spec reads an
     * unqualified type name in the object's own schema first, so it is
     * qualified there.
     */
    typeIn(type: string, schema: string): string;
    /** The schemas of the model's objects of every map section, in scope. */
    readonly objectSchemas: ReadonlySet<string>;
    /** The names of the kinds the spec has a section for (`table`, `enum`, ...): what a spec can hold. */
    readonly specKinds: ReadonlySet<string>;
}
/** A structure (pass 1) message of a section's own, for a JSON Schema keyword failing at a path. */
export interface StructureMessage {
    readonly keyword: string;
    /** The path below the section's key; `*` matches any key. */
    readonly path: readonly string[];
    readonly message: string;
}
/**
 * What a free-text SQL fragment of a spec (or snapshot) stands for, as pasted
 * into DDL; `spec-file/expressions.ts` parses each as exactly one of these.
 * A `collation` or `opclass` written without `"` or `(` is a name the DDL
 * quotes, so only one with them is SQL to check.
 */
export type SqlFragmentKind = 'expression' | 'type' | 'bound' | 'partitionBy' | 'collation' | 'opclass' | 'constraint' | 'domainConstraint' | 'createIndex' | 'indexKey' | 'createTrigger'
/** A view's query: one SELECT (or VALUES, or WITH … SELECT), a final `;` allowed. */
 | 'query' | 'functionArguments' | 'functionReturns' | 'functionSqlBody' | 'aggregateOptions';
/** Where a section's objects hold SQL text: a path below an object (`*` for any key or list item), and what it stands for. */
export interface SqlFragmentPath {
    readonly path: readonly string[];
    readonly kind: SqlFragmentKind;
}
/** The same fragment paths, below `prefix`. */
export declare function fragmentsBelow(prefix: readonly string[], fragments: readonly SqlFragmentPath[]): SqlFragmentPath[];
/** What every section supplies. `W` is the section as written in a spec file. */
interface SectionBase<W> {
    /** The section's key in a spec file: `enums`. */
    readonly key: string;
    readonly jsonSchema: SectionJsonSchema;
    /** The section as `snapshot` writes it for a model; undefined to leave it out. */
    fromModel(context: FromModelContext): W | undefined;
    /** How `snapshot` lays the section out in YAML. */
    layout(section: W): SectionLayout;
}
/**
 * A list of names: `extensions: [pgcrypto]`; an item may be an object with
 * a `name` where the section's JSON Schema allows one (`{ name: pg_trgm,
 * schema: ext }`). Files' lists are merged into their union by name, in
 * first-seen order.
 */
export interface ListSection extends SectionBase<readonly ListItem[]> {
    readonly shape: 'list';
}
/** An item of a list section: a name, or an object with one. */
export type ListItem = string | {
    readonly name: string;
};
/** The name of a list item. */
export declare function listItemName(item: ListItem): string;
/**
 * Objects by name: `enums: { lead_status: { ... } }`. Keys are `name` (in
 * the file's default schema) or `schema.name`; each object is defined in
 * exactly one file.
 */
export interface MapSection<Node = unknown> extends SectionBase<Readonly<Record<string, Node>>> {
    readonly shape: 'map';
    /**
     * Paths below an object (`*` for any key) whose number and boolean values
     * are SQL text, kept as written: `default: 1.50` is the expression `1.50`.
     */
    readonly sqlText?: readonly (readonly string[])[];
    /** The object's free-text SQL: each is parsed as the one thing it stands for before any DDL is built. */
    readonly sqlFragments?: readonly SqlFragmentPath[];
    /** Structure messages of the section's own, checked before the general ones. */
    readonly structureMessages?: readonly StructureMessage[];
    /** The node as the loader hands it on (a partition without `columns` gets `{}`), from its value as written; default as written. */
    asLoaded?(value: unknown): unknown;
    /** The names an object takes in the namespaces PostgreSQL shares between kinds. */
    names(object: SpecObject): readonly NamespaceEntry[];
    /** The checks of meaning of the section's objects (structure is checked by the JSON Schema). */
    check(context: CheckContext, objects: readonly SpecObject[]): void;
    /**
     * The types the model's objects of this kind define: a column or domain
     * of another schema names one of `public` qualified (see `typeIn`).
     */
    modelTypes?(model: SchemaModel): readonly QualifiedName[];
}
/** A kind's section of the spec file. */
export type SpecSection = ListSection | MapSection;
/** A node being built by `modelToSpec`: writable, lists as arrays. */
export type Mutable<T> = {
    -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K];
};
/** A map section's objects as `snapshot` writes them, or undefined (the section left out) when there are none. */
export declare function unlessEmpty<T>(objects: Readonly<Record<string, T>>): Readonly<Record<string, T>> | undefined;
/** True when `path` matches `pattern` (`*` matches any one key). */
export declare function matchesPath(pattern: readonly string[], path: readonly string[]): boolean;
export {};
