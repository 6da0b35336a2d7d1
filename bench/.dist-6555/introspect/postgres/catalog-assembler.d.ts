import type { Table } from '../../model/schema-model.js';
import type { IndexUsageStats } from '../introspector.js';
import type { RawIndexUsageRow } from './index-usage.js';
import type { AssemblyStep } from './kind-catalog.js';
import type { RawNameRow } from './name-lookups.js';
import type { TextRow } from './stream-rows.js';
/** What an assembler step reads its rows by (checked against the statement's), and what it does with each. */
export interface AssemblyHandler {
    readonly fields: readonly string[];
    readonly onRow: (row: TextRow) => void;
}
/**
 * Builds the model's tables in one pass while the catalog rows stream in
 * (array row mode, every value text; positions are the kinds' *_FIELDS
 * lists): every row becomes its model object, through its kind's decoder,
 * as it arrives, so no raw row outlives its statement. What crosses kinds by
 * OID is resolved here: the table a member row belongs to (every member
 * row's first field is its table's OID), columns by attnum for index keys
 * and constraint columns, the constraint an index implements, referenced
 * tables inside or outside the scope, collation and operator class names.
 *
 * The statements must arrive in this order: tables; lookups(), then columns;
 * index expressions, then indexes; referenced columns, then constraints
 * (which also tell each index the constraint it implements); triggers;
 * indexUsage() any time after the indexes (the registry's order of the
 * table's members, see postgres-introspector.ts). tables() puts each table's
 * members in place (assembleTable) and sorts the tables.
 */
export declare class CatalogAssembler {
    private readonly parts;
    /** Index OID → expression texts by key position (1-based). */
    private readonly expressions;
    /** Tables outside the scope that foreign keys reference, by OID. */
    private readonly outside;
    /** Index OID → the index and its table, for the constraints and the usage counters (which name indexes by OID). */
    private readonly indexesByOid;
    /** One copy of each column name, type and default text (see intern()). */
    private readonly texts;
    private names;
    /** The handler of each assembly step: a step missing here fails to compile. */
    readonly steps: {
        readonly [S in AssemblyStep]: AssemblyHandler;
    };
    /** A referenced table by OID: from its own rows when in scope, else from the referenced-column rows. */
    private readonly referenced;
    /**
     * The one kept copy of a text that recurs across tables (column names,
     * types, defaults): the row's own copy dies young instead of being carried
     * into the old generation, tens of thousands of times over on large schemas.
     */
    private readonly intern;
    /** Names of the operator classes that are not their type's default, and of every collation. */
    lookups(opclasses: readonly RawNameRow[], collations: readonly RawNameRow[]): void;
    /** The model's tables, each with its members in place, sorted by schema and name (code-unit order). */
    tables(): Table[];
    /**
     * The index usage row as `IndexUsageStats` (after the indexes have
     * streamed in): entries sorted by schema, table, index (code-unit order);
     * undefined when the server counts nothing (`track_counts = off`: every
     * counter would read 0, which is no evidence).
     */
    indexUsage(row: RawIndexUsageRow): IndexUsageStats | undefined;
}
