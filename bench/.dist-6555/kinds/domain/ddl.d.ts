import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
export declare function domainObjects(ctx: DdlContext): DdlStatement[];
export declare function domainComments(ctx: DdlContext): DdlStatement[];
