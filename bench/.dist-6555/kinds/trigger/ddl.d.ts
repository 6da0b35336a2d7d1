/** The triggers of a spec's tables as DDL: each statement as written, its enabled state (triggers phase), its comment (comments phase). */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
/** Every table's triggers, parents before their partitions (a parent's trigger is cloned onto its partitions). */
export declare function triggerStatements(ctx: DdlContext): DdlStatement[];
export declare function triggerComments(ctx: DdlContext): DdlStatement[];
