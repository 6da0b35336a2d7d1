/** The schemas of a spec as DDL. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import type { LoadedSpec } from '../../spec-file/spec-types.js';
/** Every schema a spec names, in first-seen order (its `schemas` list, then its objects' schemas), with the node that brings it in. */
export declare function specSchemaPaths(spec: LoadedSpec): ReadonlyMap<string, readonly string[]>;
/** CREATE SCHEMA for every schema but `public`, which every database has. */
export declare function schemaObjects(ctx: DdlContext): DdlStatement[];
