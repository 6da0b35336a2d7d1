/**
 * DBA advice on the live schema: what an experienced reviewer flags even when
 * the database matches the expected schema exactly. Pure: no I/O, no clock;
 * the same model (and statistics) give the same findings in the same order,
 * whatever the order of the input lists.
 *
 * Every finding has `category: 'advice'`, `expected: null`, `actual` holding
 * the facts behind it, and a one-line message with the reason and the fix.
 *
 * Partitions. A partition inherits its parent's indexes, foreign keys, checks
 * and primary key, so most advice on a parent would repeat once per
 * partition, with a fix that only works on the parent (an index attached to a
 * partitioned index cannot be dropped alone). Rule: when a partition and its
 * parent (in scope) carry the same advice for the same thing, only the
 * parent's is reported. "The same thing" is, per kind: the foreign key's
 * column set; the index structure (for redundant: both structures); the
 * constraint's kind and definition; for a table without primary key, the
 * table. Sub-partitions chain up to the topmost parent in scope.
 */
import { compareFindingObjects, findingId, type FindingObject } from '../findings/finding.js';
import { oneLine, plural, qualified } from '../findings/words.js';
import { UsageError } from '../errors.js';
import type { IndexUsageStats } from '../introspect/introspector.js';
import { displayName, objectKey, quoteIdent } from '../model/identifiers.js';
import type { Constraint, ForeignKeyConstraint, Index, IndexKeyPart, SchemaModel, Table } from '../model/schema-model.js';
import { compareText, sortBy } from '../model/sort.js';
import { ADVICE_KINDS, ADVICE_SEVERITY, isAdviceKind, type AdviceFinding, type AdviceKind } from './kinds.js';

export interface AdviseOptions {
  /** Kinds not to check (`--disable-advice`). */
  readonly disabled?: readonly AdviceKind[];
  /** Advise only on tables in these schemas; default every table of the model. */
  readonly schemas?: readonly string[];
  /** Index usage counters; without them `unused_index` is not checked. */
  readonly stats?: IndexUsageStats;
}

/** A finding before severity and id, with what the partition rule needs. */
interface Draft {
  readonly kind: AdviceKind;
  readonly table: Table;
  readonly object: FindingObject;
  readonly actual: unknown;
  readonly message: string;
  /** What a partition's draft must match on its parent to be folded into it; null: never folded. */
  readonly sameAs: string | null;
}

interface Context {
  /** Tables advised on, sorted by schema and name. */
  readonly tables: readonly Table[];
  /** Every table of the model, by objectKey(schema, name). */
  readonly all: ReadonlyMap<string, Table>;
  /** Keys of the tables in scope. */
  readonly inScope: ReadonlySet<string>;
  /** Direct partitions of each table of the model, by the parent's key. */
  readonly partitions: ReadonlyMap<string, readonly Table[]>;
}

/**
 * Advice on `live`: foreign keys without a supporting index, duplicate and
 * redundant indexes, tables without a primary key, invalid indexes,
 * constraints left NOT VALID and (given statistics) unused indexes. Sorted
 * like drift findings: by schema, table, member kind and name, then kind.
 *
 * Throws an `AuditError` (code `usage`) for an unknown kind in `disabled`.
 */
export function adviseSchema(live: SchemaModel, options: AdviseOptions = {}): AdviceFinding[] {
  const disabled = new Set<string>(options.disabled ?? []);
  for (const kind of disabled) {
    if (!isAdviceKind(kind)) {
      throw new UsageError(`unknown advice kind ${JSON.stringify(kind)}: expected one of ${ADVICE_KINDS.join(', ')}`);
    }
  }
  const ctx = context(live, options.schemas);
  const on = (kind: AdviceKind): boolean => !disabled.has(kind);

  const drafts: Draft[] = [];
  for (const table of ctx.tables) {
    const indexes = sortBy(table.indexes, (i) => i.name);
    const constraints = sortBy(table.constraints, (c) => c.name);
    if (on('fk_without_index')) fkWithoutIndex(ctx, table, indexes, constraints, drafts);
    if (on('duplicate_index') || on('redundant_index')) {
      const duplicates = duplicateIndexes(table, indexes);
      if (on('duplicate_index')) drafts.push(...duplicates.drafts);
      if (on('redundant_index')) redundantIndexes(table, indexes, duplicates.reported, drafts);
    }
    if (on('table_without_primary_key')) tableWithoutPrimaryKey(ctx, table, indexes, constraints, drafts);
    if (on('invalid_index')) invalidIndexes(table, indexes, drafts);
    if (on('constraint_not_valid')) constraintsNotValid(ctx, table, constraints, drafts);
    if (on('unused_index') && options.stats !== undefined) unusedIndexes(ctx, table, indexes, constraints, options.stats, drafts);
  }

  return foldPartitions(ctx, drafts)
    .sort(compareDrafts)
    .map((d) => ({
      id: findingId(d.kind, d.object),
      kind: d.kind,
      category: 'advice' as const,
      severity: ADVICE_SEVERITY[d.kind],
      object: d.object,
      expected: null,
      actual: d.actual,
      message: d.message,
    }));
}

function tableKey(t: { readonly schema: string; readonly name: string }): string {
  return objectKey(t.schema, t.name);
}

function context(model: SchemaModel, schemas: readonly string[] | undefined): Context {
  const scope = schemas === undefined ? null : new Set(schemas);
  const tables = sortBy(
    model.tables.filter((t) => scope === null || scope.has(t.schema)),
    (t) => t.schema,
    (t) => t.name,
  );
  const partitions = new Map<string, Table[]>();
  for (const t of sortBy(model.tables, (x) => x.schema, (x) => x.name)) {
    if (t.partitionOf === null) continue;
    const parent = objectKey(t.partitionOf.schema, t.partitionOf.table);
    const list = partitions.get(parent);
    if (list) list.push(t);
    else partitions.set(parent, [t]);
  }
  return {
    tables,
    all: new Map(model.tables.map((t) => [tableKey(t), t])),
    inScope: new Set(tables.map(tableKey)),
    partitions,
  };
}

/** The partition rule (see the module comment): drop a partition's draft its parent in scope also has. */
function foldPartitions(ctx: Context, drafts: readonly Draft[]): Draft[] {
  const held = new Set(drafts.flatMap((d) => (d.sameAs === null ? [] : [objectKey(d.table.schema, d.table.name, d.kind, d.sameAs)])));
  return drafts.filter((d) => {
    const parent = d.table.partitionOf;
    if (d.sameAs === null || parent === null || !ctx.inScope.has(objectKey(parent.schema, parent.table))) return true;
    return !held.has(objectKey(parent.schema, parent.table, d.kind, d.sameAs));
  });
}

// ------------------------------------------------------------ index helpers

/** A key part's identity: column or expression, order, nulls order, opclass, collation. */
function keyPartKey(k: IndexKeyPart): string {
  return JSON.stringify([k.column, k.expression, k.order, k.nulls, k.opclass, k.collation]);
}

/**
 * An index's structure, everything but its name: method, key parts (with
 * order, nulls order, operator class, collation, expression), INCLUDE
 * columns (as a set: their order changes nothing), predicate, uniqueness and
 * NULLS NOT DISTINCT. Whether it is a primary key or backs a constraint is
 * not structure.
 */
function structureKey(i: Index): string {
  return JSON.stringify([i.method, i.keys.map(keyPartKey), [...i.include].sort(compareText), i.where, i.unique, i.nullsNotDistinct]);
}

function keyPartText(k: IndexKeyPart): string {
  const base = k.column !== null ? quoteIdent(k.column) : `(${oneLine(k.expression ?? '?')})`;
  return k.order === 'desc' ? `${base} DESC` : base;
}

/** `(client_id, created_at DESC)`. */
function keysText(i: Index): string {
  return `(${i.keys.map(keyPartText).join(', ')})`;
}

function columnsText(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(', ')})`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

/**
 * An index supports a foreign key when the server can use it to find the
 * referencing rows of one referenced row (what ON DELETE / ON UPDATE checks
 * do): a valid btree index on the same table, not partial, whose leading key
 * parts are plain columns that are exactly the foreign key's columns, in any
 * order. An expression key, a hash or GIN index, or the columns in a later
 * position do not count.
 */
function supportsForeignKey(i: Index, columns: readonly string[]): boolean {
  if (i.method !== 'btree' || !i.valid || i.where !== null || i.keys.length < columns.length) return false;
  const lead = i.keys.slice(0, columns.length).map((k) => k.column);
  const wanted = new Set(columns);
  return lead.every((c) => c !== null && wanted.has(c)) && new Set(lead).size === wanted.size;
}

/** A foreign key's column set, order-free. */
function columnSetKey(columns: readonly string[]): string {
  return JSON.stringify([...new Set(columns)].sort(compareText));
}

/**
 * True for the copies of a foreign key the server adds when the referenced
 * table is partitioned: one constraint per referenced partition, on the same
 * columns (`orders_cid_fkey1 ... REFERENCES customers_1`). They are part of
 * the constraint on the partitioned table, which is the one advised on.
 * Recognised when the referenced tables are in the model.
 */
function isReferencedPartitionCopy(ctx: Context, table: Table, fk: ForeignKeyConstraint): boolean {
  return table.constraints.some(
    (other) =>
      other.kind === 'foreign_key' &&
      other.name !== fk.name &&
      sameList(other.columns, fk.columns) &&
      sameList(other.references.columns, fk.references.columns) &&
      isPartitionOf(ctx, fk.references, other.references),
  );
}

/** True when table `t` is a partition, at any depth, of `ancestor`. */
function isPartitionOf(
  ctx: Context,
  t: { readonly schema: string; readonly table: string },
  ancestor: { readonly schema: string; readonly table: string },
): boolean {
  const target = objectKey(ancestor.schema, ancestor.table);
  const seen = new Set<string>();
  let current = ctx.all.get(objectKey(t.schema, t.table));
  while (current?.partitionOf && !seen.has(tableKey(current))) {
    seen.add(tableKey(current));
    const parent = objectKey(current.partitionOf.schema, current.partitionOf.table);
    if (parent === target) return true;
    current = ctx.all.get(parent);
  }
  return false;
}

function foreignKeys(ctx: Context, table: Table, constraints: readonly Constraint[]): ForeignKeyConstraint[] {
  return constraints.filter((c): c is ForeignKeyConstraint => c.kind === 'foreign_key' && !isReferencedPartitionCopy(ctx, table, c));
}

// ------------------------------------------------------- fk_without_index

/**
 * `fk_without_index`: a foreign key none of whose table's indexes supports
 * it (see `supportsForeignKey`). Foreign keys on the same column set share
 * one index, so they make one finding, on the first by name; the others are
 * listed in `actual.alsoForeignKeys`.
 */
function fkWithoutIndex(ctx: Context, table: Table, indexes: readonly Index[], constraints: readonly Constraint[], out: Draft[]): void {
  const groups = new Map<string, ForeignKeyConstraint[]>();
  for (const fk of foreignKeys(ctx, table, constraints)) {
    const key = columnSetKey(fk.columns);
    const group = groups.get(key);
    if (group) group.push(fk);
    else groups.set(key, [fk]);
  }
  for (const [key, group] of groups) {
    const fk = group[0]!;
    if (indexes.some((i) => supportsForeignKey(i, fk.columns))) continue;
    const ref = qualified(fk.references.schema, fk.references.table);
    const others = group.slice(1).map((c) => c.name);
    out.push({
      kind: 'fk_without_index',
      table,
      object: { schema: table.schema, table: table.name, constraint: fk.name },
      actual: {
        constraint: fk.name,
        columns: fk.columns,
        references: fk.references,
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
        alsoForeignKeys: others,
      },
      message:
        `foreign key ${qualified(table.schema, table.name, fk.name)} ${columnsText(fk.columns)}` +
        (others.length > 0 ? ` (and ${others.map(quoteIdent).join(', ')})` : '') +
        ` has no index starting with its columns: deletes and key updates on ${ref} scan ${qualified(table.schema, table.name)}; ` +
        `create an index on ${qualified(table.schema, table.name)} ${columnsText(fk.columns)}`,
      sameAs: key,
    });
  }
}

// ------------------------------------------- duplicate_index, redundant_index

/** The index kept of a group of duplicates: the primary key, else one backing a constraint, else the first by name. */
function keeperRank(i: Index): number {
  return i.primary ? 0 : i.constraint !== null ? 1 : 2;
}

function dropFix(table: Table, i: Index): string {
  return i.constraint === null
    ? `drop index ${qualified(table.schema, i.name)}`
    : `drop constraint ${quoteIdent(i.constraint)} (which the index implements) from ${qualified(table.schema, table.name)}`;
}

/**
 * `duplicate_index`: valid indexes of one table with the same structure (see
 * `structureKey`). Of each group one is kept, the primary key's, else one
 * backing a constraint, else the first by name; every other is reported,
 * with the kept one in `actual.duplicateOf`. Invalid indexes are left to
 * `invalid_index`.
 */
function duplicateIndexes(table: Table, indexes: readonly Index[]): { drafts: Draft[]; reported: ReadonlySet<string> } {
  const groups = new Map<string, Index[]>();
  for (const i of indexes) {
    if (!i.valid) continue;
    const key = structureKey(i);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  const drafts: Draft[] = [];
  const reported = new Set<string>();
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const [keeper, ...rest] = [...group].sort((x, y) => keeperRank(x) - keeperRank(y) || compareText(x.name, y.name));
    for (const i of rest) {
      reported.add(i.name);
      drafts.push({
        kind: 'duplicate_index',
        table,
        object: { schema: table.schema, table: table.name, index: i.name },
        actual: { index: i, duplicateOf: keeper! },
        message:
          `index ${qualified(table.schema, table.name, i.name)} duplicates ${quoteIdent(keeper!.name)} ` +
          `(${oneLine(i.definition)}): every write maintains both and queries use one; ${dropFix(table, i)}`,
        sameAs: key,
      });
    }
  }
  return { drafts, reported };
}

/**
 * True when `covering` answers every query `candidate` answers: both btree
 * with the same predicate, `candidate`'s key parts (column or expression,
 * order, nulls order, operator class, collation) a strict leading prefix of
 * `covering`'s, or the same key parts when `covering` is unique (a plain
 * index beside a unique one on the same keys is redundant too), and every
 * INCLUDE column of `candidate` a key or INCLUDE column of `covering` (else
 * `candidate` serves index-only scans `covering` cannot).
 */
function covers(covering: Index, candidate: Index): boolean {
  if (covering.method !== 'btree' || covering.where !== candidate.where) return false;
  const n = candidate.keys.length;
  const longer = covering.keys.length > n;
  if (!longer && !(covering.keys.length === n && covering.unique)) return false;
  for (let k = 0; k < n; k++) if (keyPartKey(candidate.keys[k]!) !== keyPartKey(covering.keys[k]!)) return false;
  const available = new Set([...covering.keys.flatMap((k) => (k.column === null ? [] : [k.column])), ...covering.include]);
  return candidate.include.every((c) => available.has(c));
}

/**
 * `redundant_index`: a valid, non-unique btree index that backs no
 * constraint (a unique index enforces something; a constraint's index goes
 * with the constraint), whose key parts another valid index covers (see
 * `covers`). The covering index reported is the one with the fewest key
 * parts, then the first by name; indexes reported as duplicates neither
 * count as redundant nor as covering (their kept twin stands for them).
 */
function redundantIndexes(table: Table, indexes: readonly Index[], duplicates: ReadonlySet<string>, out: Draft[]): void {
  const live = indexes.filter((i) => i.valid && !duplicates.has(i.name));
  for (const r of live) {
    if (r.method !== 'btree' || r.unique || r.primary || r.constraint !== null) continue;
    const [by] = live
      .filter((c) => c !== r && covers(c, r))
      .sort((x, y) => x.keys.length - y.keys.length || compareText(x.name, y.name));
    if (by === undefined) continue;
    const how =
      by.keys.length > r.keys.length
        ? `its keys ${keysText(r)} lead ${quoteIdent(by.name)} ${keysText(by)}`
        : `unique index ${quoteIdent(by.name)} has the same keys ${keysText(by)}`;
    out.push({
      kind: 'redundant_index',
      table,
      object: { schema: table.schema, table: table.name, index: r.name },
      actual: { index: r, coveredBy: by },
      message:
        `index ${qualified(table.schema, table.name, r.name)} is redundant: ${how}, which serves the same queries; ` +
        `every write maintains both; ${dropFix(table, r)} unless its smaller size matters`,
      sameAs: `${structureKey(r)}|${structureKey(by)}`,
    });
  }
}

// ------------------------------------------------ table_without_primary_key

/**
 * `table_without_primary_key`: an ordinary or partitioned table with no
 * primary key constraint. A partition of a table with a primary key always
 * has one (the server adds it), so partitions are reported only when their
 * parent is out of scope (the partition rule folds the rest into the
 * parent). `actual.uniqueCandidates` lists the valid, non-partial unique
 * btree indexes on plain NOT NULL columns, any of which could become it.
 */
function tableWithoutPrimaryKey(ctx: Context, table: Table, indexes: readonly Index[], constraints: readonly Constraint[], out: Draft[]): void {
  if (constraints.some((c) => c.kind === 'primary_key')) return;
  const notNull = new Set(table.columns.filter((c) => !c.nullable).map((c) => c.name));
  const candidates = indexes
    .filter((i) => i.unique && i.valid && i.where === null && i.method === 'btree' && i.keys.every((k) => k.column !== null && notNull.has(k.column)))
    .map((i) => ({ index: i.name, constraint: i.constraint, columns: i.keys.map((k) => k.column!) }));
  const partitions = ctx.partitions.get(tableKey(table))?.length ?? 0;
  const hint =
    candidates.length > 0
      ? ` (unique ${quoteIdent(candidates[0]!.constraint ?? candidates[0]!.index)} on NOT NULL columns ${columnsText(candidates[0]!.columns)} could become it)`
      : '';
  out.push({
    kind: 'table_without_primary_key',
    table,
    object: { schema: table.schema, table: table.name },
    actual: { kind: table.kind, rowEstimate: table.rowEstimate, partitions, uniqueCandidates: candidates },
    message:
      `table ${qualified(table.schema, table.name)}` +
      (table.kind === 'partitioned_table' ? ` (partitioned, ${plural(partitions, 'partition')})` : '') +
      ` has no primary key: its rows have no guaranteed identity (logical replication cannot replicate its UPDATEs and DELETEs, ` +
      `tools and ORMs expect one); add a primary key${hint}`,
    sameAs: '',
  });
}

// ----------------------------------------------------------- invalid_index

/**
 * `invalid_index`: `pg_index.indisvalid` is false. On a table: a CREATE (or
 * REINDEX) INDEX CONCURRENTLY that failed or was cancelled left it behind. On
 * a partitioned table: it was created ON ONLY the parent and some partition's
 * index is not attached yet.
 */
function invalidIndexes(table: Table, indexes: readonly Index[], out: Draft[]): void {
  for (const i of indexes) {
    if (i.valid) continue;
    const name = qualified(table.schema, table.name, i.name);
    const message =
      table.kind === 'partitioned_table'
        ? `index ${name} is invalid: it was created ON ONLY the partitioned table and not every partition's index is attached, ` +
          `so no query uses it; create the missing partition indexes and ALTER INDEX ... ATTACH PARTITION them`
        : `index ${name} is invalid (a failed or cancelled CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY): ` +
          `no query uses it, yet writes may still maintain it${i.unique ? ' and check its uniqueness' : ''}; ` +
          `drop it and create it again, or REINDEX INDEX CONCURRENTLY ${qualified(table.schema, i.name)}`;
    out.push({
      kind: 'invalid_index',
      table,
      object: { schema: table.schema, table: table.name, index: i.name },
      actual: i,
      message,
      sameAs: structureKey(i),
    });
  }
}

// ---------------------------------------------------- constraint_not_valid

/**
 * `constraint_not_valid`: a constraint added NOT VALID and never validated
 * (`pg_constraint.convalidated` false): a foreign key or a check. New writes
 * are checked, rows written before it are not. The copies of a foreign key
 * the server adds for a partitioned referenced table are part of the
 * original and not reported again.
 */
function constraintsNotValid(ctx: Context, table: Table, constraints: readonly Constraint[], out: Draft[]): void {
  for (const c of constraints) {
    if (c.validated) continue;
    if (c.kind === 'foreign_key' && isReferencedPartitionCopy(ctx, table, c)) continue;
    const name = qualified(table.schema, table.name, c.name);
    const what =
      c.kind === 'foreign_key'
        ? `foreign key ${name} ${columnsText(c.columns)} referencing ${qualified(c.references.schema, c.references.table)}`
        : c.kind === 'check'
          ? `check constraint ${name} ${oneLine(c.definition)}`
          : `constraint ${name} ${oneLine(c.definition)}`;
    out.push({
      kind: 'constraint_not_valid',
      table,
      object: { schema: table.schema, table: table.name, constraint: c.name },
      actual: c,
      message:
        `${what} is NOT VALID: rows written before it was added were never checked (new writes are) and the planner cannot rely on it; ` +
        `fix violating rows, then ALTER TABLE ${qualified(table.schema, table.name)} VALIDATE CONSTRAINT ${quoteIdent(c.name)} (it does not block writes)`,
      sameAs: objectKey(c.kind, c.definition),
    });
  }
}

// ------------------------------------------------------------ unused_index

function sinceText(stats: IndexUsageStats): string {
  if (stats.since === null) return 'since statistics began (time unknown)';
  return stats.sinceKind === 'stats_reset'
    ? `since statistics were reset at ${stats.since}`
    : `since at least the server start at ${stats.since} (statistics never reset)`;
}

/**
 * `unused_index` (info): an index no query has scanned (`idx_scan = 0`)
 * according to the statistics, checked only when they exist: given `stats`
 * and a counter for the index. Never reported: indexes that enforce
 * something (primary key, unique, exclusion, any unique index), invalid ones
 * (`invalid_index`), and indexes without a counter. A partitioned table's
 * index has no counter of its own: it is unused when the indexes of the
 * same structure on all of its leaf partitions in the model have counters
 * summing to 0; those partition indexes are not reported themselves. When
 * the index is the only one supporting a foreign key, the message says that
 * scans happen only when referenced rows are deleted or their keys change.
 */
function unusedIndexes(
  ctx: Context,
  table: Table,
  indexes: readonly Index[],
  constraints: readonly Constraint[],
  stats: IndexUsageStats,
  out: Draft[],
): void {
  const scans = new Map(stats.indexes.map((u) => [objectKey(u.schema, u.table, u.index), u.scans]));
  const parent = table.partitionOf === null ? undefined : ctx.all.get(objectKey(table.partitionOf.schema, table.partitionOf.table));
  const parentShapes = new Set((parent?.indexes ?? []).map(structureKey));
  const fks = foreignKeys(ctx, table, constraints);

  for (const i of indexes) {
    if (!i.valid || i.unique || i.primary || i.constraint !== null) continue;
    const shape = structureKey(i);
    if (parentShapes.has(shape)) continue; // attached to the parent's index: decided there
    let count: number | undefined;
    let leaves = 0;
    if (table.kind === 'partitioned_table') {
      const leafTables = leafPartitions(ctx, table);
      leaves = leafTables.length;
      count = leaves === 0 ? undefined : 0;
      for (const leaf of leafTables) {
        const twins = leaf.indexes.filter((x) => structureKey(x) === shape);
        const counted = twins.map((x) => scans.get(objectKey(leaf.schema, leaf.name, x.name)));
        if (twins.length === 0 || counted.some((n) => n === undefined)) {
          count = undefined;
          break;
        }
        count = (count ?? 0) + counted.reduce<number>((sum, n) => sum + (n ?? 0), 0);
      }
    } else {
      count = scans.get(objectKey(table.schema, table.name, i.name));
    }
    if (count !== 0) continue;

    const onlySupport = fks.filter((fk) => supportsForeignKey(i, fk.columns) && indexes.filter((x) => supportsForeignKey(x, fk.columns)).length === 1);
    const name = qualified(table.schema, table.name, i.name);
    const where = table.kind === 'partitioned_table' ? ` on any of its ${plural(leaves, 'partition')}` : '';
    const fix =
      onlySupport.length > 0
        ? `but it is the only index supporting foreign key ${quoteIdent(onlySupport[0]!.name)}, used when rows of ` +
          `${qualified(onlySupport[0]!.references.schema, onlySupport[0]!.references.table)} are deleted or their keys change: ` +
          `keep it unless that never happens`
        : `every write maintains it for nothing; consider dropping it (check replicas first: they count their own scans)`;
    out.push({
      kind: 'unused_index',
      table,
      object: { schema: table.schema, table: table.name, index: i.name },
      actual: {
        index: i.name,
        definition: i.definition,
        scans: 0,
        since: stats.since,
        sinceKind: stats.sinceKind,
        ...(table.kind === 'partitioned_table' ? { partitions: leaves } : {}),
        supportsForeignKeys: onlySupport.map((fk) => fk.name),
      },
      message: `index ${name} ${keysText(i)} has no recorded scans${where} ${sinceText(stats)}: ${fix}`,
      sameAs: null,
    });
  }
}

/** The partitions of `table` that hold rows (not partitioned themselves), at any depth, in name order. */
function leafPartitions(ctx: Context, table: Table): Table[] {
  const out: Table[] = [];
  const seen = new Set<string>();
  const walk = (t: Table): void => {
    for (const child of ctx.partitions.get(tableKey(t)) ?? []) {
      if (seen.has(tableKey(child))) continue;
      seen.add(tableKey(child));
      if (child.kind === 'partitioned_table') walk(child);
      else out.push(child);
    }
  };
  walk(table);
  return out;
}

// ---------------------------------------------------------------- sorting

const KIND_RANK = new Map<AdviceKind, number>(ADVICE_KINDS.map((k, i) => [k, i]));

function compareDrafts(x: Draft, y: Draft): number {
  return (
    compareFindingObjects(x.object, y.object) ||
    (KIND_RANK.get(x.kind) ?? 0) - (KIND_RANK.get(y.kind) ?? 0) ||
    compareText(findingId(x.kind, x.object), findingId(y.kind, y.object))
  );
}
