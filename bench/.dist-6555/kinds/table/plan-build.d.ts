import type { Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import type { PlanStatement } from '../../plan/types.js';
/** The statements that build a table, by the phase they run in. */
export interface TableBuild {
    /** The table, its constraints but foreign keys, its serial sequences' ownership. */
    readonly table: PlanStatement[];
    readonly fks: PlanStatement[];
    readonly indexes: PlanStatement[];
    readonly comments: PlanStatement[];
    /** Its triggers (their states and comments with them), after every function, table and view. */
    readonly triggers: PlanStatement[];
}
/**
 * Every statement that builds table `t` from nothing: table, serial
 * sequences' ownership, foreign keys, indexes, comments, triggers; what its columns
 * need (extensions, domains, sequences) is ensured first.
 */
export declare function buildTable(ctx: PlanContext, t: Table, findingId: string): TableBuild;
