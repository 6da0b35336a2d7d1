/** The enums of a spec as DDL. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
export declare function enumObjects(ctx: DdlContext): DdlStatement[];
export declare function enumComments(ctx: DdlContext): DdlStatement[];
