import type { IndexUsageStats } from '../introspect/introspector.js';
import type { SchemaModel } from '../model/schema-model.js';
import { type AdviceFinding, type AdviceKind } from './kinds.js';
export interface AdviseOptions {
    /** Kinds not to check (`--disable-advice`). */
    readonly disabled?: readonly AdviceKind[];
    /** Advise only on tables in these schemas; default every table of the model. */
    readonly schemas?: readonly string[];
    /** Index usage counters; without them `unused_index` is not checked. */
    readonly stats?: IndexUsageStats;
}
/**
 * Advice on `live`: foreign keys without a supporting index, duplicate and
 * redundant indexes, tables without a primary key, invalid indexes,
 * constraints left NOT VALID and (given statistics) unused indexes. Sorted
 * like drift findings: by schema, table, member kind and name, then kind.
 *
 * Throws an `AuditError` (code `usage`) for an unknown kind in `disabled`.
 */
export declare function adviseSchema(live: SchemaModel, options?: AdviseOptions): AdviceFinding[];
