import type {
  Column,
  Constraint,
  Domain,
  EnumType,
  Extension,
  Index,
  IndexKeyPart,
  ReferentialAction,
  Routine,
  RoutineKind,
  SchemaInfo,
  SchemaModel,
  Sequence,
  Table,
  Trigger,
  View,
} from '../../model/schema-model.js';
import { compareText, sortBy } from '../../model/sort.js';
import type { IndexUsage, IndexUsageStats } from '../introspector.js';
import type {
  RawDomainRow,
  RawEnumRow,
  RawExtensionRow,
  RawIndexUsageRow,
  RawNameRow,
  RawRoutineRow,
  RawSchemaRow,
  RawSequenceRow,
  RawViewRow,
} from './raw-rows.js';
import type {
  COLUMN_FIELDS,
  CONSTRAINT_FIELDS,
  INDEX_EXPRESSION_FIELDS,
  INDEX_FIELDS,
  REFERENCED_COLUMN_FIELDS,
  TABLE_FIELDS,
  TRIGGER_FIELDS,
} from './raw-rows.js';
import type { RowOf } from './stream-rows.js';

/** The small lists, read as object rows; the per-table facts stream into a CatalogAssembler. */
export interface RawCatalogLists {
  readonly schemas: readonly RawSchemaRow[];
  readonly extensions: readonly RawExtensionRow[];
  readonly enums: readonly RawEnumRow[];
  readonly domains: readonly RawDomainRow[];
  readonly sequences: readonly RawSequenceRow[];
  readonly views: readonly RawViewRow[];
  readonly routines: readonly RawRoutineRow[];
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};
const MATCH: Record<string, 'SIMPLE' | 'FULL' | 'PARTIAL'> = { s: 'SIMPLE', f: 'FULL', p: 'PARTIAL' };
const ROUTINE_KINDS: Record<string, RoutineKind> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One table while its rows stream in. */
interface TableParts {
  readonly table: Mutable<Table>;
  /** Columns by attnum (dropped columns leave holes); positions are set by finish(). */
  readonly columns: Mutable<Column>[];
  /** Collation OIDs by attnum, where neither 0 nor `default` (see COLUMN_FIELDS). */
  readonly keyCollations: string[];
  readonly indexes: Index[];
  readonly constraints: Constraint[];
  readonly triggers: Trigger[];
}

const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

/** The `default` collation's fixed OID. */
const DEFAULT_COLLATION_OID = '100';

/**
 * Integers of an int2vector ('1 2') or int2[] ('{1,2}') text, in order; []
 * for NULL. One pass over the characters, no intermediate strings.
 */
function integers(text: string | null): number[] {
  const out: number[] = [];
  if (text === null) return out;
  let n = 0;
  let digits = false;
  let negative = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits = true;
    } else if (c === 45) {
      negative = true;
    } else {
      if (digits) out.push(negative ? -n : n);
      n = 0;
      digits = false;
      negative = false;
    }
  }
  if (digits) out.push(negative ? -n : n);
  return out;
}

const byName = (a: { readonly name: string }, b: { readonly name: string }): number => compareText(a.name, b.name);

/**
 * Builds the model's tables in one pass while the catalog rows stream in
 * (array row mode, every value text; the positions are the *_FIELDS lists of
 * raw-rows.ts): every row becomes its model object as it arrives, so no raw
 * row outlives its statement. The statements must arrive in this order:
 * tables; lookups(), then columns; index expressions, then indexes; referenced
 * columns, then constraints (which also tell each index the constraint it
 * implements); triggers; indexUsage() any time after the indexes (the
 * introspector's order). finish() sorts every list by name (code-unit order,
 * never the database collation) and adds the small lists: OIDs dropped,
 * catalog codes spelled out.
 */
export class CatalogAssembler {
  private readonly tables = new Map<string, TableParts>();
  /** Index OID → expression texts by key position (1-based). */
  private readonly expressions = new Map<string, string[]>();
  /** Tables outside the scope that foreign keys reference, by OID: their names and referenced columns (by attnum). */
  private readonly outside = new Map<string, { readonly schema: string; readonly name: string; readonly columns: string[] }>();
  /** Index OID → the index and its table, for the constraints and the usage counters (which name indexes by OID). */
  private readonly indexesByOid = new Map<string, { readonly tableOid: string; readonly table: Table; readonly index: Mutable<Index> }>();
  /** One copy of each column name, type and default text (see intern()). */
  private readonly texts = new Map<string, string>();
  private opclasses: ReadonlyMap<string, string> = new Map();
  private collationNames: ReadonlyMap<string, string> = new Map();

  /** TABLE_FIELDS. */
  readonly table = (row: RowOf<typeof TABLE_FIELDS>): void => {
    const [oid, schema, name, relkind, relpersistence, reltuples, partitionKey, partitionBound, parentSchema, parentName, comment] = row;
    const tuples = parseFloat(reltuples!);
    const table: Mutable<Table> = {
      schema: schema!,
      name: name!,
      kind: relkind === 'p' ? 'partitioned_table' : 'table',
      comment,
      // Since PostgreSQL 14, reltuples is -1 until the first VACUUM or ANALYZE;
      // 0 then means an analysed empty table (relpages is 0 for any empty or
      // partitioned table, so it tells nothing).
      rowEstimate: tuples < 0 ? null : Math.round(tuples),
      partitionKey,
      partitionOf:
        parentName !== null && parentSchema !== null ? { schema: parentSchema, table: parentName, bound: partitionBound ?? '' } : null,
      unlogged: relpersistence === 'u',
      columns: [],
      indexes: [],
      constraints: [],
      triggers: [],
    };
    this.tables.set(oid!, { table, columns: [], keyCollations: [], indexes: [], constraints: [], triggers: [] });
  };

  /** COLUMN_FIELDS. */
  readonly column = (row: RowOf<typeof COLUMN_FIELDS>): void => {
    const [tableOid, attnum, name, type, notNull, expr, generatedCode, identityCode, collationOid, keyCollationOid, comment] = row;
    const parts = this.tables.get(tableOid!);
    if (parts === undefined) return;
    const n = Number(attnum);
    const generated = generatedCode === 's' || generatedCode === 'v';
    parts.columns[n] = {
      name: this.intern(name!),
      position: 0,
      type: this.intern(type!),
      nullable: notNull !== 't',
      default: generated || expr === null ? null : this.intern(expr),
      identity: identityCode === 'a' ? 'always' : identityCode === 'd' ? 'by_default' : null,
      generated: generated && expr !== null ? { expression: expr, kind: generatedCode === 'v' ? 'virtual' : 'stored' } : null,
      collation: collationOid === null ? null : (this.collationNames.get(collationOid) ?? null),
      comment,
    };
    if (keyCollationOid !== null) parts.keyCollations[n] = keyCollationOid;
  };

  /**
   * The one kept copy of a text that recurs across tables (column names,
   * types, defaults): the row's own copy dies young instead of being carried
   * into the old generation, tens of thousands of times over on large schemas.
   */
  private intern(text: string): string {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    this.texts.set(text, text);
    return text;
  }

  /** INDEX_EXPRESSION_FIELDS. */
  readonly indexExpression = (row: RowOf<typeof INDEX_EXPRESSION_FIELDS>): void => {
    const [indexOid, position, expression] = row;
    let byPosition = this.expressions.get(indexOid!);
    if (byPosition === undefined) this.expressions.set(indexOid!, (byPosition = []));
    byPosition[Number(position)] = expression!;
  };

  /** Names of the operator classes that are not their type's default, and of every collation. */
  lookups(opclasses: readonly RawNameRow[], collations: readonly RawNameRow[]): void {
    this.opclasses = new Map(opclasses.map((r) => [r.oid, r.name]));
    this.collationNames = new Map(collations.map((r) => [r.oid, r.name]));
  }

  /** INDEX_FIELDS. */
  readonly index = (row: RowOf<typeof INDEX_FIELDS>): void => {
    const [
      tableOid,
      oid,
      name,
      method,
      isUnique,
      isPrimary,
      isValid,
      nullsNotDistinct,
      keyCount,
      attnumsText,
      optionsText,
      opclassText,
      collationText,
      predicate,
      firstExpression,
      definition,
      comment,
    ] = row;
    const parts = this.tables.get(tableOid!);
    if (parts === undefined) return;
    const columns = parts.columns;
    const expressions = this.expressions.get(oid!);
    const attnums = integers(attnumsText!);
    const options = integers(optionsText!);
    const opclassOids = opclassText!.split(' ');
    const collationOids = collationText!.split(' ');
    const nKeys = Number(keyCount);
    const keys: IndexKeyPart[] = [];
    for (let k = 0; k < nKeys; k++) {
      const attnum = attnums[k] ?? 0;
      const option = options[k] ?? 0;
      // A key collation is worth stating only when it is not the one the key
      // has anyway: the column's own, or `default` for an expression.
      const coll = collationOids[k] ?? '0';
      const own = attnum === 0 ? DEFAULT_COLLATION_OID : (parts.keyCollations[attnum] ?? DEFAULT_COLLATION_OID);
      keys.push({
        column: attnum === 0 ? null : (columns[attnum]?.name ?? null),
        // An index with one expression has its text in the row; several: by position.
        expression: attnum === 0 ? (expressions === undefined ? firstExpression : (expressions[k + 1] ?? null)) : null,
        order: (option & INDOPTION_DESC) !== 0 ? 'desc' : 'asc',
        nulls: (option & INDOPTION_NULLS_FIRST) !== 0 ? 'first' : 'last',
        opclass: this.opclasses.get(opclassOids[k] ?? '0') ?? null,
        collation: coll === '0' || coll === own ? null : (this.collationNames.get(coll) ?? null),
      });
    }
    const include: string[] = [];
    for (let k = nKeys; k < attnums.length; k++) include.push(columns[attnums[k]!]?.name ?? String(attnums[k]));
    const index: Mutable<Index> = {
      name: name!,
      method: method!,
      unique: isUnique === 't',
      primary: isPrimary === 't',
      keys,
      include,
      where: predicate,
      nullsNotDistinct: nullsNotDistinct === 't',
      valid: isValid === 't',
      constraint: null, // set by the constraint's row
      definition: definition!,
      comment,
    };
    parts.indexes.push(index);
    this.indexesByOid.set(oid!, { tableOid: tableOid!, table: parts.table, index });
  };

  /** REFERENCED_COLUMN_FIELDS. */
  readonly referencedColumn = (row: RowOf<typeof REFERENCED_COLUMN_FIELDS>): void => {
    const [tableOid, schema, table, attnum, name] = row;
    let target = this.outside.get(tableOid!);
    if (target === undefined) this.outside.set(tableOid!, (target = { schema: schema!, name: table!, columns: [] }));
    target.columns[Number(attnum)] = name!;
  };

  /** CONSTRAINT_FIELDS. */
  readonly constraint = (row: RowOf<typeof CONSTRAINT_FIELDS>): void => {
    const [
      tableOid,
      name,
      type,
      deferrable,
      deferred,
      validated,
      noInherit,
      attnumsText,
      refOid,
      refAttnumsText,
      onUpdate,
      onDelete,
      match,
      indexOid,
      rawDefinition,
      comment,
    ] = row;
    const parts = this.tables.get(tableOid!);
    if (parts === undefined) return;
    const columnRows = parts.columns;
    // Validity is its own field; keep the definition comparable across it.
    const definition = rawDefinition!.endsWith(NOT_VALID) ? rawDefinition!.slice(0, -NOT_VALID.length) : rawDefinition!;
    // conkey holds 0 for an exclusion constraint's expression elements (their
    // text is in the definition), and a CHECK's columns in order of first
    // mention in the expression: keep real columns, CHECK's in table order.
    const attnums = integers(attnumsText).filter((n) => n !== 0);
    if (type === 'c') attnums.sort((a, b) => a - b);
    const columns = attnums.map((n) => columnRows[n]?.name ?? String(n));
    const isDeferrable = deferrable === 't';
    const initiallyDeferred = deferred === 't';
    const isValidated = validated === 't';
    // The index a primary key, unique or exclusion constraint is implemented by.
    const implementing = indexOid === null ? undefined : this.indexesByOid.get(indexOid);
    if (implementing !== undefined && implementing.tableOid === tableOid) implementing.index.constraint = name;
    // One object literal per kind, in the model's key order: spreading a
    // shared base (`{ ...base, kind }`) made this handler ten times slower.
    let constraint: Constraint;
    switch (type) {
      case 'p':
        constraint = { name: name!, deferrable: isDeferrable, initiallyDeferred, validated: isValidated, definition, comment, kind: 'primary_key', columns };
        break;
      case 'u':
        constraint = {
          name: name!,
          deferrable: isDeferrable,
          initiallyDeferred,
          validated: isValidated,
          definition,
          comment,
          kind: 'unique',
          columns,
          nullsNotDistinct: implementing?.index.nullsNotDistinct ?? false,
        };
        break;
      case 'f': {
        // The referenced table: from its own rows when in scope, else from the referenced-column rows.
        const inScope = this.tables.get(refOid!);
        const outside = inScope === undefined ? this.outside.get(refOid!) : undefined;
        const refColumns = integers(refAttnumsText).map((n) => (inScope !== undefined ? inScope.columns[n]?.name : outside?.columns[n]) ?? String(n));
        constraint = {
          name: name!,
          deferrable: isDeferrable,
          initiallyDeferred,
          validated: isValidated,
          definition,
          comment,
          kind: 'foreign_key',
          columns,
          references: {
            schema: inScope?.table.schema ?? outside?.schema ?? '',
            table: inScope?.table.name ?? outside?.name ?? '',
            columns: refColumns,
          },
          onDelete: ACTIONS[onDelete!] ?? 'NO ACTION',
          onUpdate: ACTIONS[onUpdate!] ?? 'NO ACTION',
          match: MATCH[match!] ?? 'SIMPLE',
        };
        break;
      }
      case 'c':
        constraint = {
          name: name!,
          deferrable: isDeferrable,
          initiallyDeferred,
          validated: isValidated,
          definition,
          comment,
          kind: 'check',
          expression: checkExpression(definition),
          columns,
          noInherit: noInherit === 't',
        };
        break;
      default:
        constraint = { name: name!, deferrable: isDeferrable, initiallyDeferred, validated: isValidated, definition, comment, kind: 'exclusion', columns };
    }
    parts.constraints.push(constraint);
  };

  /** TRIGGER_FIELDS. */
  readonly trigger = (row: RowOf<typeof TRIGGER_FIELDS>): void => {
    const [tableOid, name, enabled, definition] = row;
    this.tables.get(tableOid!)?.triggers.push({ name: name!, enabled: enabled !== 'D', definition: definition! });
  };

  /** The model: every list sorted by name (code-unit order). */
  finish(raw: RawCatalogLists): SchemaModel {
    const tables: Table[] = [];
    for (const parts of this.tables.values()) {
      const table = parts.table;
      const columns: Column[] = [];
      for (let n = 0; n < parts.columns.length; n++) {
        const column = parts.columns[n];
        if (column === undefined) continue;
        column.position = columns.length + 1;
        columns.push(column);
      }
      table.columns = columns;
      table.indexes = parts.indexes.sort(byName);
      table.constraints = parts.constraints.sort(byName);
      table.triggers = parts.triggers.sort(byName);
      tables.push(table);
    }
    tables.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));

    return {
      schemas: sortBy(raw.schemas.map((s): SchemaInfo => ({ name: s.name, comment: s.comment })), (s) => s.name),
      extensions: sortBy(raw.extensions.map((e): Extension => ({ name: e.name, schema: e.schema, version: e.version })), (e) => e.name),
      enums: sortBy(
        raw.enums.map((e): EnumType => ({ schema: e.schema, name: e.name, values: e.values, comment: e.comment })),
        (e) => e.schema,
        (e) => e.name,
      ),
      domains: sortBy(raw.domains.map(toDomain), (d) => d.schema, (d) => d.name),
      sequences: sortBy(raw.sequences.map(toSequence), (s) => s.schema, (s) => s.name),
      tables,
      views: sortBy(
        raw.views.map((v): View => ({ schema: v.schema, name: v.name, kind: v.relkind === 'm' ? 'materialized_view' : 'view', comment: v.comment })),
        (v) => v.schema,
        (v) => v.name,
      ),
      functions: sortBy(raw.routines.map(toRoutine), (r) => r.schema, (r) => r.name, (r) => r.arguments),
    };
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
      const at = this.indexesByOid.get(oids[k]!);
      if (at !== undefined) indexes.push({ schema: at.table.schema, table: at.table.name, index: at.index.name, scans: Number(scans[k] ?? 0) });
    }
    indexes.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.table, b.table) || compareText(a.index, b.index));
    return {
      since: row.stats_reset ?? row.server_start,
      sinceKind: row.stats_reset === null ? 'server_start' : 'stats_reset',
      indexes,
    };
  }
}

const NOT_VALID = ' NOT VALID';
const CHECK_OPEN = 'CHECK (';
/** What may follow a CHECK's closing parenthesis, nearest the end first (the old pattern's greedy order). */
const CHECK_SUFFIXES = ['', NOT_VALID, ' NO INHERIT', ` NO INHERIT${NOT_VALID}`];

/**
 * `CHECK (expr) [NO INHERIT] [NOT VALID]` → expr; anything else unchanged.
 * Same result as /^CHECK \((.*)\)( NO INHERIT)?( NOT VALID)?$/s with its
 * greedy `.*`: the last `)` that only those suffixes follow.
 */
function checkExpression(definition: string): string {
  if (!definition.startsWith(CHECK_OPEN)) return definition;
  for (const suffix of CHECK_SUFFIXES) {
    const close = definition.length - suffix.length - 1;
    if (close >= CHECK_OPEN.length && definition.charCodeAt(close) === 41 /* ) */ && definition.endsWith(suffix)) {
      return definition.slice(CHECK_OPEN.length, close);
    }
  }
  return definition;
}

function toDomain(d: RawDomainRow): Domain {
  return {
    schema: d.schema,
    name: d.name,
    baseType: d.base_type,
    notNull: d.not_null,
    default: d.default,
    checks: (d.checks ?? []).map(([name, definition]) => ({ name, definition })),
    collation: d.collation,
    comment: d.comment,
  };
}

function toSequence(s: RawSequenceRow): Sequence {
  return {
    schema: s.schema,
    name: s.name,
    dataType: s.data_type,
    start: s.start,
    increment: s.increment,
    min: s.min,
    max: s.max,
    cache: s.cache,
    cycle: s.cycle,
    ownedBy:
      s.owner_schema !== null && s.owner_table !== null && s.owner_column !== null
        ? { schema: s.owner_schema, table: s.owner_table, column: s.owner_column }
        : null,
    identity: s.dep_type === 'i',
  };
}

function toRoutine(r: RawRoutineRow): Routine {
  return {
    schema: r.schema,
    name: r.name,
    kind: ROUTINE_KINDS[r.kind] ?? 'function',
    arguments: r.arguments,
    returns: r.returns,
    language: r.language,
  };
}

