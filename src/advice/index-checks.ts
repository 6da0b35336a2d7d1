/** Advice on indexes: `duplicate_index`, `redundant_index`, `invalid_index`, `unused_index`. */
import { oneLine, plural, qualified } from '../findings/words.js';
import type { IndexUsageStats } from '../introspect/introspector.js';
import { objectKey, quoteIdent } from '../model/identifiers.js';
import type { Constraint, Index, Table } from '../model/schema-model.js';
import { compareText } from '../model/sort.js';
import { foreignKeys, leafPartitions, type Context, type Draft } from './context.js';
import { covers, dropFix, keeperRank, keysText, structureKey, supportsForeignKey } from './index-structure.js';

/**
 * `duplicate_index`: valid indexes of one table with the same structure (see
 * `structureKey`). Of each group one is kept, the primary key's, else one
 * backing a constraint, else the first by name; every other is reported,
 * with the kept one in `actual.duplicateOf`. Invalid indexes are left to
 * `invalid_index`.
 */
export function duplicateIndexes(table: Table, indexes: readonly Index[]): { drafts: Draft[]; reported: ReadonlySet<string> } {
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
 * `redundant_index`: a valid, non-unique btree index that backs no
 * constraint (a unique index enforces something; a constraint's index goes
 * with the constraint), whose key parts another valid index covers (see
 * `covers`). The covering index reported is the one with the fewest key
 * parts, then the first by name; indexes reported as duplicates neither
 * count as redundant nor as covering (their kept twin stands for them).
 */
export function redundantIndexes(table: Table, indexes: readonly Index[], duplicates: ReadonlySet<string>, out: Draft[]): void {
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

/**
 * `invalid_index`: `pg_index.indisvalid` is false. On a table: a CREATE (or
 * REINDEX) INDEX CONCURRENTLY that failed or was cancelled left it behind. On
 * a partitioned table: it was created ON ONLY the parent and some partition's
 * index is not attached yet.
 */
export function invalidIndexes(table: Table, indexes: readonly Index[], out: Draft[]): void {
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

export function sinceText(stats: IndexUsageStats): string {
  if (stats.since === null) return 'since statistics began (time unknown)';
  return stats.sinceKind === 'stats_reset'
    ? `since statistics were reset at ${stats.since}`
    : `since at least the server start at ${stats.since} (statistics never reset)`;
}

/** Scan counters by objectKey(schema, table, index), built once per stats (not once per table: that was quadratic). */
const scanMaps = new WeakMap<IndexUsageStats, ReadonlyMap<string, number>>();
function scansByIndex(stats: IndexUsageStats): ReadonlyMap<string, number> {
  let scans = scanMaps.get(stats);
  if (scans === undefined) {
    scans = new Map(stats.indexes.map((u) => [objectKey(u.schema, u.table, u.index), u.scans]));
    scanMaps.set(stats, scans);
  }
  return scans;
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
export function unusedIndexes(
  ctx: Context,
  table: Table,
  indexes: readonly Index[],
  constraints: readonly Constraint[],
  stats: IndexUsageStats,
  out: Draft[],
): void {
  const scans = scansByIndex(stats);
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
