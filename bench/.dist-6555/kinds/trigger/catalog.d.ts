import type { CatalogScope, MemberCatalog } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import type { Trigger, TriggerEnabled } from './model.js';
/** The select list of {@link triggersQuery}. */
export declare const TRIGGER_FIELDS: readonly ["table_oid", "name", "enabled", "definition", "is_constraint", "function_schema", "function_name", "depends_on", "comment"];
/**
 * User triggers; internal ones (foreign-key enforcement) are skipped, and so
 * are the clones a partitioned table's trigger makes on its partitions
 * (tgparentid): PostgreSQL 14 marks those internal, 15+ does not, and the
 * parent's trigger already says they exist. No ORDER BY: each table's
 * triggers are sorted by name when it is assembled. `tgconstraint` is set
 * for a constraint trigger (and for the internal ones, left out).
 */
export declare function triggersQuery(scope: CatalogScope): CatalogQuery<typeof TRIGGER_FIELDS>;
/** `tgenabled` (also `evtenabled` of event triggers) as a model value. */
export declare function decodeEnabled(letter: string | null): TriggerEnabled;
/**
 * A trigger row as a model trigger, on table `schema`.`table` (the table
 * itself, which every trigger depends on, is left out of `dependsOn`).
 */
export declare function decodeTrigger(row: RowOf<typeof TRIGGER_FIELDS>, schema: string, table: string): Trigger;
/** How triggers are read: see kind-catalog.ts. */
export declare const TRIGGER_CATALOG: MemberCatalog;
