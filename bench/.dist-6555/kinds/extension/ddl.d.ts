/** The extensions of a spec as DDL: the schema first when it is not public, then CREATE EXTENSION. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
export declare function extensionObjects(ctx: DdlContext): DdlStatement[];
