import { COLUMN_FIELDS, decodeColumn } from '../../kinds/column/catalog.js';
import { CONSTRAINT_FIELDS, REFERENCED_COLUMN_FIELDS, decodeConstraint, type ReferencedTable } from '../../kinds/constraint/catalog.js';
import { INDEX_EXPRESSION_FIELDS, INDEX_FIELDS, decodeIndex } from '../../kinds/index/catalog.js';
import { TABLE_FIELDS, assembleTable, decodeTable, sortTables, type TableMembers } from '../../kinds/table/catalog.js';
import { TRIGGER_FIELDS, decodeTrigger } from '../../kinds/trigger/catalog.js';
import { POLICY_FIELDS, decodePolicy } from '../../kinds/policy/catalog.js';
import type { Index, Table } from '../../model/schema-model.js';
import { compareText } from '../../model/sort.js';
import type { IndexUsage, IndexUsageStats } from '../introspector.js';
import type { RawIndexUsageRow } from './index-usage.js';
import type { AssemblyStep, CatalogNames, Mutable } from './kind-catalog.js';
import type { RawNameRow } from './name-lookups.js';
import type { RowOf, TextRow } from './stream-rows.js';

/** One table while its rows stream in: the model table, its members, and what resolves theirs. */
interface TableParts extends TableMembers, ReferencedTable {
  readonly table: Mutable<Table>;
  readonly columns: TableMembers['columns'];
  /** Collation OIDs by attnum, where neither 0 nor `default` (see COLUMN_FIELDS). */
  readonly keyCollations: string[];
}

/** A table outside the scope that foreign keys reference: its name and the referenced columns by attnum. */
interface OutsideTable extends ReferencedTable {
  readonly columns: { readonly name: string }[];
}

/** What an assembler step reads its rows by (checked against the statement's), and what it does with each. */
export interface AssemblyHandler {
  readonly fields: readonly string[];
  readonly onRow: (row: TextRow) => void;
}

/**
 * A step's handler. The row type is the step's select list: the introspector
 * checks that the statement's `fields` are these very ones, and stream-rows.ts
 * that the server returns exactly those columns, so the cast holds.
 */
function handler<F extends readonly string[]>(fields: F, onRow: (row: RowOf<F>) => void): AssemblyHandler {
  return { fields, onRow: onRow as (row: TextRow) => void };
}

/** The position of a field in a select list. */
function at<F extends readonly string[]>(fields: F, name: F[number]): number {
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
  private readonly parts = new Map<string, TableParts>();
  /** Index OID → expression texts by key position (1-based). */
  private readonly expressions = new Map<string, string[]>();
  /** Tables outside the scope that foreign keys reference, by OID. */
  private readonly outside = new Map<string, OutsideTable>();
  /** Index OID → the index and its table, for the constraints and the usage counters (which name indexes by OID). */
  private readonly indexesByOid = new Map<string, { readonly tableOid: string; readonly table: Table; readonly index: Mutable<Index> }>();
  /** One copy of each column name, type and default text (see intern()). */
  private readonly texts = new Map<string, string>();
  private names: CatalogNames = { opclasses: new Map(), collations: new Map() };

  /** The handler of each assembly step: a step missing here fails to compile. */
  readonly steps: { readonly [S in AssemblyStep]: AssemblyHandler } = {
    table: handler(TABLE_FIELDS, (row) => {
      const table = decodeTable(row);
      const parts: TableParts = { table, schema: table.schema, name: table.name, columns: [], keyCollations: [], indexes: [], constraints: [], triggers: [], policies: [] };
      this.parts.set(row[0]!, parts);
    }),

    column: handler(COLUMN_FIELDS, (row) => {
      const parts = this.parts.get(row[0]!);
      if (parts === undefined) return;
      const n = Number(row[COLUMN_ATTNUM]);
      parts.columns[n] = decodeColumn(row, this.names.collations, this.intern);
      const keyCollation = row[COLUMN_KEY_COLLATION] ?? null;
      if (keyCollation !== null) parts.keyCollations[n] = keyCollation;
    }),

    indexExpression: handler(INDEX_EXPRESSION_FIELDS, (row) => {
      const [indexOid, position, expression] = row;
      let byPosition = this.expressions.get(indexOid!);
      if (byPosition === undefined) this.expressions.set(indexOid!, (byPosition = []));
      byPosition[Number(position)] = expression!;
    }),

    index: handler(INDEX_FIELDS, (row) => {
      const tableOid = row[0]!;
      const parts = this.parts.get(tableOid);
      if (parts === undefined) return;
      const oid = row[INDEX_OID]!;
      const index = decodeIndex(row, parts.columns, parts.keyCollations, this.expressions.get(oid), this.names);
      parts.indexes.push(index);
      this.indexesByOid.set(oid, { tableOid, table: parts.table, index });
    }),

    referencedColumn: handler(REFERENCED_COLUMN_FIELDS, (row) => {
      const [tableOid, schema, table, attnum, name] = row;
      let target = this.outside.get(tableOid!);
      if (target === undefined) this.outside.set(tableOid!, (target = { schema: schema!, name: table!, columns: [] }));
      target.columns[Number(attnum)] = { name: name! };
    }),

    constraint: handler(CONSTRAINT_FIELDS, (row) => {
      const tableOid = row[0]!;
      const parts = this.parts.get(tableOid);
      if (parts === undefined) return;
      // The index a primary key, unique or exclusion constraint is implemented by.
      const indexOid = row[CONSTRAINT_INDEX_OID] ?? null;
      const implementing = indexOid === null ? undefined : this.indexesByOid.get(indexOid);
      if (implementing !== undefined && implementing.tableOid === tableOid) implementing.index.constraint = row[CONSTRAINT_NAME]!;
      parts.constraints.push(decodeConstraint(row, parts.columns, implementing?.index, this.referenced));
    }),

    trigger: handler(TRIGGER_FIELDS, (row) => {
      const parts = this.parts.get(row[0]!);
      if (parts !== undefined) parts.triggers.push(decodeTrigger(row, parts.schema, parts.name));
    }),

    policy: handler(POLICY_FIELDS, (row) => {
      this.parts.get(row[0]!)?.policies.push(decodePolicy(row));
    }),
  };

  /** A referenced table by OID: from its own rows when in scope, else from the referenced-column rows. */
  private readonly referenced = (oid: string): ReferencedTable | undefined => this.parts.get(oid) ?? this.outside.get(oid);

  /**
   * The one kept copy of a text that recurs across tables (column names,
   * types, defaults): the row's own copy dies young instead of being carried
   * into the old generation, tens of thousands of times over on large schemas.
   */
  private readonly intern = (text: string): string => {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    this.texts.set(text, text);
    return text;
  };

  /** Names of the operator classes that are not their type's default, and of every collation. */
  lookups(opclasses: readonly RawNameRow[], collations: readonly RawNameRow[]): void {
    this.names = {
      opclasses: new Map(opclasses.map((r) => [r.oid, r.name])),
      collations: new Map(collations.map((r) => [r.oid, r.name])),
    };
  }

  /** The model's tables, each with its members in place, sorted by schema and name (code-unit order). */
  tables(): Table[] {
    const tables: Table[] = [];
    for (const parts of this.parts.values()) tables.push(assembleTable(parts.table, parts));
    return sortTables(tables);
  }

  /**
   * The index usage row as `IndexUsageStats` (after the indexes have
   * streamed in): entries sorted by schema, table, index (code-unit order);
   * undefined when the server counts nothing (`track_counts = off`: every
   * counter would read 0, which is no evidence).
   */
  indexUsage(row: RawIndexUsageRow): IndexUsageStats | undefined {
    if (!row.track_counts) return undefined;
    const oids = row.index_oids === '' ? [] : row.index_oids.split(' ');
    const scans = row.scans === '' ? [] : row.scans.split(' ');
    const indexes: IndexUsage[] = [];
    for (let k = 0; k < oids.length; k++) {
      const found = this.indexesByOid.get(oids[k]!);
      if (found !== undefined) indexes.push({ schema: found.table.schema, table: found.table.name, index: found.index.name, scans: Number(scans[k] ?? 0) });
    }
    indexes.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.table, b.table) || compareText(a.index, b.index));
    return {
      since: row.stats_reset ?? row.server_start,
      sinceKind: row.stats_reset === null ? 'server_start' : 'stats_reset',
      indexes,
    };
  }
}
