import { COLUMN_FIELDS, decodeColumn } from '../../kinds/column/catalog.js';
import { CONSTRAINT_FIELDS, REFERENCED_COLUMN_FIELDS, decodeConstraint } from '../../kinds/constraint/catalog.js';
import { INDEX_EXPRESSION_FIELDS, INDEX_FIELDS, decodeIndex } from '../../kinds/index/catalog.js';
import { TABLE_FIELDS, assembleTable, decodeTable, sortTables } from '../../kinds/table/catalog.js';
import { TRIGGER_FIELDS, decodeTrigger } from '../../kinds/trigger/catalog.js';
import { compareText } from '../../model/sort.js';
/**
 * A step's handler. The row type is the step's select list: the introspector
 * checks that the statement's `fields` are these very ones, and stream-rows.ts
 * that the server returns exactly those columns, so the cast holds.
 */
function handler(fields, onRow) {
    return { fields, onRow: onRow };
}
/** The position of a field in a select list. */
function at(fields, name) {
    return fields.indexOf(name);
}
const CONSTRAINT_NAME = at(CONSTRAINT_FIELDS, 'name');
const CONSTRAINT_INDEX_OID = at(CONSTRAINT_FIELDS, 'index_oid');
const COLUMN_ATTNUM = at(COLUMN_FIELDS, 'attnum');
const COLUMN_KEY_COLLATION = at(COLUMN_FIELDS, 'key_collation');
const INDEX_OID = at(INDEX_FIELDS, 'oid');
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
export class CatalogAssembler {
    parts = new Map();
    /** Index OID → expression texts by key position (1-based). */
    expressions = new Map();
    /** Tables outside the scope that foreign keys reference, by OID. */
    outside = new Map();
    /** Index OID → the index and its table, for the constraints and the usage counters (which name indexes by OID). */
    indexesByOid = new Map();
    /** One copy of each column name, type and default text (see intern()). */
    texts = new Map();
    names = { opclasses: new Map(), collations: new Map() };
    /** The handler of each assembly step: a step missing here fails to compile. */
    steps = {
        table: handler(TABLE_FIELDS, (row) => {
            const table = decodeTable(row);
            const parts = { table, schema: table.schema, name: table.name, columns: [], keyCollations: [], indexes: [], constraints: [], triggers: [] };
            this.parts.set(row[0], parts);
        }),
        column: handler(COLUMN_FIELDS, (row) => {
            const parts = this.parts.get(row[0]);
            if (parts === undefined)
                return;
            const n = Number(row[COLUMN_ATTNUM]);
            parts.columns[n] = decodeColumn(row, this.names.collations, this.intern);
            const keyCollation = row[COLUMN_KEY_COLLATION] ?? null;
            if (keyCollation !== null)
                parts.keyCollations[n] = keyCollation;
        }),
        indexExpression: handler(INDEX_EXPRESSION_FIELDS, (row) => {
            const [indexOid, position, expression] = row;
            let byPosition = this.expressions.get(indexOid);
            if (byPosition === undefined)
                this.expressions.set(indexOid, (byPosition = []));
            byPosition[Number(position)] = expression;
        }),
        index: handler(INDEX_FIELDS, (row) => {
            const tableOid = row[0];
            const parts = this.parts.get(tableOid);
            if (parts === undefined)
                return;
            const oid = row[INDEX_OID];
            const index = decodeIndex(row, parts.columns, parts.keyCollations, this.expressions.get(oid), this.names);
            parts.indexes.push(index);
            this.indexesByOid.set(oid, { tableOid, table: parts.table, index });
        }),
        referencedColumn: handler(REFERENCED_COLUMN_FIELDS, (row) => {
            const [tableOid, schema, table, attnum, name] = row;
            let target = this.outside.get(tableOid);
            if (target === undefined)
                this.outside.set(tableOid, (target = { schema: schema, name: table, columns: [] }));
            target.columns[Number(attnum)] = { name: name };
        }),
        constraint: handler(CONSTRAINT_FIELDS, (row) => {
            const tableOid = row[0];
            const parts = this.parts.get(tableOid);
            if (parts === undefined)
                return;
            // The index a primary key, unique or exclusion constraint is implemented by.
            const indexOid = row[CONSTRAINT_INDEX_OID] ?? null;
            const implementing = indexOid === null ? undefined : this.indexesByOid.get(indexOid);
            if (implementing !== undefined && implementing.tableOid === tableOid)
                implementing.index.constraint = row[CONSTRAINT_NAME];
            parts.constraints.push(decodeConstraint(row, parts.columns, implementing?.index, this.referenced));
        }),
        trigger: handler(TRIGGER_FIELDS, (row) => {
            const parts = this.parts.get(row[0]);
            if (parts !== undefined)
                parts.triggers.push(decodeTrigger(row, parts.schema, parts.name));
        }),
    };
    /** A referenced table by OID: from its own rows when in scope, else from the referenced-column rows. */
    referenced = (oid) => this.parts.get(oid) ?? this.outside.get(oid);
    /**
     * The one kept copy of a text that recurs across tables (column names,
     * types, defaults): the row's own copy dies young instead of being carried
     * into the old generation, tens of thousands of times over on large schemas.
     */
    intern = (text) => {
        const kept = this.texts.get(text);
        if (kept !== undefined)
            return kept;
        this.texts.set(text, text);
        return text;
    };
    /** Names of the operator classes that are not their type's default, and of every collation. */
    lookups(opclasses, collations) {
        this.names = {
            opclasses: new Map(opclasses.map((r) => [r.oid, r.name])),
            collations: new Map(collations.map((r) => [r.oid, r.name])),
        };
    }
    /** The model's tables, each with its members in place, sorted by schema and name (code-unit order). */
    tables() {
        const tables = [];
        for (const parts of this.parts.values())
            tables.push(assembleTable(parts.table, parts));
        return sortTables(tables);
    }
    /**
     * The index usage row as `IndexUsageStats` (after the indexes have
     * streamed in): entries sorted by schema, table, index (code-unit order);
     * undefined when the server counts nothing (`track_counts = off`: every
     * counter would read 0, which is no evidence).
     */
    indexUsage(row) {
        if (!row.track_counts)
            return undefined;
        const oids = row.index_oids === '' ? [] : row.index_oids.split(' ');
        const scans = row.scans === '' ? [] : row.scans.split(' ');
        const indexes = [];
        for (let k = 0; k < oids.length; k++) {
            const found = this.indexesByOid.get(oids[k]);
            if (found !== undefined)
                indexes.push({ schema: found.table.schema, table: found.table.name, index: found.index.name, scans: Number(scans[k] ?? 0) });
        }
        indexes.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.table, b.table) || compareText(a.index, b.index));
        return {
            since: row.stats_reset ?? row.server_start,
            sinceKind: row.stats_reset === null ? 'server_start' : 'stats_reset',
            indexes,
        };
    }
}
//# sourceMappingURL=catalog-assembler.js.map