import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
/** Every table's constraints, one kind of constraint at a time (see the module comment). */
export declare function constraintStatements(ctx: DdlContext): DdlStatement[];
