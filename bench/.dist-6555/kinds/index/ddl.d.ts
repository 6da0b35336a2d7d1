/** The indexes of a spec table as DDL. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import type { SpecTableEntry } from '../table/partition-tree.js';
/** Every table's indexes, deepest partitions first (a parent's index then adopts its partitions'). */
export declare function indexStatements(ctx: DdlContext): DdlStatement[];
export declare function indexComments(entry: SpecTableEntry): DdlStatement[];
