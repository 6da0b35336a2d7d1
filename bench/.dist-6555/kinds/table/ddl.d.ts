/** The tables of a spec as DDL: parents before their partitions; comments per table, with its columns' and indexes'. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
export declare function tableObjects(ctx: DdlContext): DdlStatement[];
export declare function tableComments(ctx: DdlContext): DdlStatement[];
