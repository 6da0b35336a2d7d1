import type { CreateExtensionOptions } from '../kinds/extension/sql.js';
import type { SpecTableTree } from '../kinds/table/partition-tree.js';
import type { ConstraintKind } from '../kinds/constraint/model.js';
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
 * indexes, then comments.
 */
export declare const DDL_PHASES: readonly ["objects", "constraints", "links", "indexes", "views", "triggers", "comments"];
export type DdlPhase = (typeof DDL_PHASES)[number];
/** What a table constraint node of the spec says of its constraint (to find it in a model). */
export interface ConstraintNode {
    readonly kind: ConstraintKind;
    /** The name the spec gives it; undefined when PostgreSQL picks it. */
    readonly name: string | undefined;
    /** Its columns, for keys and foreign keys. */
    readonly columns?: readonly string[];
    /** A check's expression as the spec writes it. */
    readonly check?: {
        readonly expression: string;
        readonly noInherit: boolean;
    };
}
/**
 * Where `modelToDdl` adds what the spec cannot say (each optional: the spec
 * path uses none).
 */
export interface DdlHooks {
    /** WITH SCHEMA / CASCADE of an extension, and a schema to create for it first. */
    readonly extension?: (name: string) => {
        readonly options: CreateExtensionOptions;
        readonly schema: string | null;
    } | undefined;
    /** Statements to run right after a domain is created. */
    readonly afterDomain?: (schema: string, name: string) => readonly string[];
    /** Column facts of a table: its columns' positions, and which are virtual generated columns. */
    readonly columns?: (schema: string, table: string) => ReadonlyMap<string, {
        readonly position: number;
        readonly virtual: boolean;
    }> | undefined;
    /** The constraint a node adds, as the model has it: its name and its definition. */
    readonly constraint?: (schema: string, table: string, node: ConstraintNode) => {
        readonly name: string;
        readonly body: string;
    } | undefined;
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
    userType(typeText: string, contextSchema: string): {
        readonly schema: string;
        readonly name: string;
    } | null;
}
export interface DdlContextParts {
    readonly schemas: readonly string[];
    readonly tables: SpecTableTree;
    readonly identitySequences: ReadonlyMap<string, IdentitySequence>;
    readonly hooks: DdlHooks;
}
export declare function buildDdlContext(spec: LoadedSpec, parts: DdlContextParts): DdlContext;
