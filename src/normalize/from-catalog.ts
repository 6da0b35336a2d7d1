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
} from '../model/schema-model.js';
import { sortBy } from '../model/sort.js';
import type { IndexUsageStats } from '../introspect/introspector.js';
import type {
  RawColumnRow,
  RawConstraintRow,
  RawDomainRow,
  RawEnumRow,
  RawExtensionRow,
  RawIndexExpressionRow,
  RawIndexRow,
  RawIndexUsageRow,
  RawNameRow,
  RawReferencedColumnRow,
  RawRoutineRow,
  RawSchemaRow,
  RawSequenceRow,
  RawTableRow,
  RawTriggerRow,
  RawViewRow,
} from '../introspect/postgres/raw-rows.js';

/** Everything the catalog queries returned, before mapping. */
export interface RawCatalog {
  readonly schemas: readonly RawSchemaRow[];
  readonly extensions: readonly RawExtensionRow[];
  readonly enums: readonly RawEnumRow[];
  readonly domains: readonly RawDomainRow[];
  readonly sequences: readonly RawSequenceRow[];
  readonly tables: readonly RawTableRow[];
  readonly columns: readonly RawColumnRow[];
  readonly indexes: readonly RawIndexRow[];
  readonly indexExpressions: readonly RawIndexExpressionRow[];
  /** Operator classes that are not their type's default, by OID. */
  readonly opclasses: readonly RawNameRow[];
  readonly collations: readonly RawNameRow[];
  readonly constraints: readonly RawConstraintRow[];
  readonly referencedColumns: readonly RawReferencedColumnRow[];
  readonly triggers: readonly RawTriggerRow[];
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

/** Group rows by table OID in one pass (rows arrive ordered by OID). */
function groupByTable<R extends { table_oid: number }>(rows: readonly R[]): Map<number, R[]> {
  const out = new Map<number, R[]>();
  for (const row of rows) {
    const list = out.get(row.table_oid);
    if (list) list.push(row);
    else out.set(row.table_oid, [row]);
  }
  return out;
}

/**
 * Map raw catalog rows to the neutral model: every list sorted by name
 * (code-unit order, never the database collation), OIDs dropped, catalog
 * codes spelled out.
 */
export function modelFromCatalog(raw: RawCatalog): SchemaModel {
  const columnsByTable = groupByTable(raw.columns);
  const indexesByTable = groupByTable(raw.indexes);
  const constraintsByTable = groupByTable(raw.constraints);
  const triggersByTable = groupByTable(raw.triggers);
  const expressions = new Map<string, Map<number, string>>();
  for (const e of raw.indexExpressions) {
    let byPosition = expressions.get(e.index_oid);
    if (!byPosition) expressions.set(e.index_oid, (byPosition = new Map()));
    byPosition.set(e.position, e.expression);
  }
  const referenced = new Map(raw.referencedColumns.map((r) => [`${r.table_oid}:${r.attnum}`, r.name]));
  const lookups: IndexLookups = {
    opclasses: new Map(raw.opclasses.map((r) => [r.oid, r.name])),
    collations: new Map(raw.collations.map((r) => [r.oid, r.name])),
    expressions,
  };

  const tables: Table[] = raw.tables.map((t) => {
    const columnRows = columnsByTable.get(t.oid) ?? [];
    const nameOf = new Map<number, string>(columnRows.map((c) => [c.attnum, c.name]));
    const collationOf = new Map<number, string>(columnRows.map((c) => [c.attnum, c.collation_oid]));
    return {
      schema: t.schema,
      name: t.name,
      kind: t.relkind === 'p' ? 'partitioned_table' : 'table',
      comment: t.comment,
      // Since PostgreSQL 14, reltuples is -1 until the first VACUUM or ANALYZE;
      // 0 then means an analysed empty table (relpages is 0 for any empty or
      // partitioned table, so it tells nothing).
      rowEstimate: t.reltuples < 0 ? null : Math.round(t.reltuples),
      partitionKey: t.partition_key,
      partitionOf:
        t.parent_name !== null && t.parent_schema !== null
          ? { schema: t.parent_schema, table: t.parent_name, bound: t.partition_bound ?? '' }
          : null,
      unlogged: t.relpersistence === 'u',
      columns: columnRows.map(toColumn),
      indexes: sortBy((indexesByTable.get(t.oid) ?? []).map((i) => toIndex(i, nameOf, collationOf, lookups)), (i) => i.name),
      constraints: sortBy((constraintsByTable.get(t.oid) ?? []).map((c) => toConstraint(c, nameOf, referenced)), (c) => c.name),
      triggers: sortBy((triggersByTable.get(t.oid) ?? []).map(toTrigger), (t) => t.name),
    };
  });

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
    tables: sortBy(tables, (t) => t.schema, (t) => t.name),
    views: sortBy(
      raw.views.map((v): View => ({ schema: v.schema, name: v.name, kind: v.relkind === 'm' ? 'materialized_view' : 'view', comment: v.comment })),
      (v) => v.schema,
      (v) => v.name,
    ),
    functions: sortBy(raw.routines.map(toRoutine), (r) => r.schema, (r) => r.name, (r) => r.arguments),
  };
}

function toColumn(c: RawColumnRow, index: number): Column {
  const generated = c.generated === 's' || c.generated === 'v';
  return {
    name: c.name,
    position: index + 1,
    type: c.type,
    nullable: !c.not_null,
    default: generated ? null : c.expr,
    identity: c.identity === 'a' ? 'always' : c.identity === 'd' ? 'by_default' : null,
    generated: generated && c.expr !== null ? { expression: c.expr, kind: c.generated === 'v' ? 'virtual' : 'stored' } : null,
    collation: c.collation,
    comment: c.comment,
  };
}

const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

interface IndexLookups {
  readonly opclasses: ReadonlyMap<string, string>;
  readonly collations: ReadonlyMap<string, string>;
  /** Index OID → key position (1-based) → expression text. */
  readonly expressions: ReadonlyMap<string, ReadonlyMap<number, string>>;
}

/** The `default` collation's fixed OID. */
const DEFAULT_COLLATION_OID = '100';

function toIndex(
  i: RawIndexRow,
  nameOf: ReadonlyMap<number, string>,
  collationOf: ReadonlyMap<number, string>,
  lookups: IndexLookups,
): Index {
  const expressions = lookups.expressions.get(i.oid);
  const keys: IndexKeyPart[] = [];
  for (let k = 0; k < i.key_count; k++) {
    const attnum = i.attnums[k] ?? 0;
    const option = i.options[k] ?? 0;
    const desc = (option & INDOPTION_DESC) !== 0;
    // A key collation is worth stating only when it is not the one the key
    // has anyway: the column's own, or `default` for an expression.
    const coll = i.collation_oids[k] ?? '0';
    const own = attnum === 0 ? DEFAULT_COLLATION_OID : (collationOf.get(attnum) ?? DEFAULT_COLLATION_OID);
    keys.push({
      column: attnum === 0 ? null : (nameOf.get(attnum) ?? null),
      expression: attnum === 0 ? (expressions?.get(k + 1) ?? null) : null,
      order: desc ? 'desc' : 'asc',
      nulls: (option & INDOPTION_NULLS_FIRST) !== 0 ? 'first' : 'last',
      opclass: lookups.opclasses.get(i.opclass_oids[k] ?? '0') ?? null,
      collation: coll === '0' || coll === own ? null : (lookups.collations.get(coll) ?? null),
    });
  }
  return {
    name: i.name,
    method: i.method,
    unique: i.is_unique,
    primary: i.is_primary,
    keys,
    include: i.attnums.slice(i.key_count).map((n) => nameOf.get(n) ?? String(n)),
    where: i.predicate,
    nullsNotDistinct: i.nulls_not_distinct,
    valid: i.is_valid,
    constraint: i.constraint_name,
    definition: i.definition,
    comment: i.comment,
  };
}

/** `CHECK (expr) [NO INHERIT] [NOT VALID]` → expr. */
function checkExpression(definition: string): string {
  const m = /^CHECK \((.*)\)( NO INHERIT)?( NOT VALID)?$/s.exec(definition);
  return m ? m[1]! : definition;
}

function toConstraint(c: RawConstraintRow, nameOf: ReadonlyMap<number, string>, referenced: ReadonlyMap<string, string>): Constraint {
  // Validity is its own field; keep the definition comparable across it.
  const definition = c.definition.replace(/ NOT VALID$/, '');
  // conkey holds 0 for an exclusion constraint's expression elements (their
  // text is in the definition), and a CHECK's columns in order of first
  // mention in the expression: keep real columns, CHECK's in table order.
  const attnums = (c.attnums ?? []).filter((n) => n !== 0);
  if (c.type === 'c') attnums.sort((a, b) => a - b);
  const columns = attnums.map((n) => nameOf.get(n) ?? String(n));
  const base = {
    name: c.name,
    deferrable: c.deferrable,
    initiallyDeferred: c.deferred,
    validated: c.validated,
    definition,
    comment: c.comment,
  };
  switch (c.type) {
    case 'p':
      return { ...base, kind: 'primary_key', columns };
    case 'u':
      return { ...base, kind: 'unique', columns, nullsNotDistinct: c.nulls_not_distinct };
    case 'f':
      return {
        ...base,
        kind: 'foreign_key',
        columns,
        references: {
          schema: c.ref_schema ?? '',
          table: c.ref_table ?? '',
          columns: (c.ref_attnums ?? []).map((n) => referenced.get(`${c.ref_oid}:${n}`) ?? String(n)),
        },
        onDelete: ACTIONS[c.on_delete] ?? 'NO ACTION',
        onUpdate: ACTIONS[c.on_update] ?? 'NO ACTION',
        match: MATCH[c.match] ?? 'SIMPLE',
      };
    case 'c':
      return { ...base, kind: 'check', expression: checkExpression(definition), columns, noInherit: c.no_inherit };
    default:
      return { ...base, kind: 'exclusion', columns };
  }
}

function toTrigger(t: RawTriggerRow): Trigger {
  return { name: t.name, enabled: t.enabled !== 'D', definition: t.definition };
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

/**
 * The index usage row as `IndexUsageStats`: entries sorted by schema, table,
 * index (code-unit order); undefined when the server counts nothing
 * (`track_counts = off`: every counter would read 0, which is no evidence).
 */
export function indexUsageFromCatalog(row: RawIndexUsageRow): IndexUsageStats | undefined {
  if (!row.track_counts) return undefined;
  const indexes = row.indexes.map((index, k) => ({
    schema: row.schemas[k] ?? '',
    table: row.tables[k] ?? '',
    index,
    scans: Number(row.scans[k] ?? 0),
  }));
  return {
    since: row.stats_reset ?? row.server_start,
    sinceKind: row.stats_reset === null ? 'server_start' : 'stats_reset',
    indexes: sortBy(indexes, (i) => i.schema, (i) => i.table, (i) => i.index),
  };
}
