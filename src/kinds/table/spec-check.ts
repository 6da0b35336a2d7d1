/**
 * The checks of meaning of the spec's tables: names PostgreSQL would
 * truncate, partitions (of a partitioned table of the spec, no cycle, only
 * the parent's columns), then each member's own checks: columns (identity,
 * types, `references`), constraints (column lists, references) and indexes.
 */
import { qualifiedKey, splitQualified } from '../../spec-file/names.js';
import type { CheckContext, SpecObject } from '../../spec-file/spec-section.js';
import { isRecord } from '../../spec-file/values.js';
import { checkColumn } from '../column/spec.js';
import { checkConstraints } from '../constraint/spec.js';
import { checkIndexes } from '../index/spec.js';
import { checkTriggers } from '../trigger/spec.js';
import { checkPolicies } from '../policy/spec.js';
import { SpecTables, type TableInfo } from './spec-tables.js';

/** The chain of parents from `parent` up, and whether it comes back to the partition (a cycle). */
function partitionChain(tables: SpecTables, info: TableInfo, parent: TableInfo): { chain: Set<string>; cycle: boolean } {
  const chain = new Set<string>([info.key]);
  let cursor: TableInfo | undefined = parent;
  while (cursor !== undefined && !chain.has(cursor.key)) {
    chain.add(cursor.key);
    const next = tables.parentOf(cursor);
    cursor = next === undefined ? undefined : tables.get(next);
  }
  return { chain, cycle: cursor !== undefined };
}

/** A partition's parent is a partitioned table of the spec, partitions form no cycle, and it has only its parent's columns. */
function checkPartition(context: CheckContext, tables: SpecTables, info: TableInfo, own: Record<string, unknown>): void {
  const { partitionOf } = info.table;
  if (!isRecord(partitionOf) || typeof partitionOf.table !== 'string') return;
  const base = ['tables', info.q.schema, info.q.name];
  const path = [...base, 'partitionOf', 'table'];
  let parentKey: string;
  try {
    const q = splitQualified(partitionOf.table, info.q.schema);
    parentKey = qualifiedKey(q.schema, q.name);
  } catch (err) {
    context.report(path, `invalid table name: ${(err as Error).message}`);
    return;
  }
  const parent = tables.get(parentKey);
  if (parent === undefined) {
    context.report(path, `partition of unknown table ${parentKey}`);
    return;
  }
  if (typeof parent.table.partitionBy !== 'string') {
    context.report(path, `${parentKey} is not partitioned: give it a partitionBy`);
    return;
  }
  const { chain, cycle } = partitionChain(tables, info, parent);
  if (cycle) {
    context.report(path, `partitions form a cycle (${[...chain].join(' → ')})`);
    return;
  }
  const parentColumns = tables.columnsOf(parentKey);
  for (const column of Object.keys(own)) {
    if (!parentColumns.has(column)) {
      context.report([...base, 'columns', column], `${parentKey} has no column '${column}' (a partition has exactly its parent's columns)`);
    }
  }
}

/** Each parent an inheritance child names is a table of the spec that is neither partitioned nor a partition, and inheritance forms no cycle. */
function checkInherits(context: CheckContext, tables: SpecTables, info: TableInfo): void {
  const base = ['tables', info.q.schema, info.q.name, 'inherits'];
  const parents = tables.inheritsOf(info);
  parents.forEach((key, i) => {
    const path = [...base, String(i)];
    if (key === undefined) return context.report(path, 'invalid table name');
    const parent = tables.get(key);
    if (parent === undefined) return context.report(path, `inherits from unknown table ${key}`);
    if (typeof parent.table.partitionBy === 'string' || isRecord(parent.table.partitionOf)) {
      return context.report(path, `${key} is partitioned or a partition: a table cannot inherit from it`);
    }
    if (isRecord(info.table.partitionOf) || typeof info.table.partitionBy === 'string') {
      return context.report(path, 'a partitioned table or a partition cannot inherit from another table');
    }
  });
  const seen = new Set<string>([info.key]);
  const queue = parents.filter((k): k is string => k !== undefined);
  while (queue.length) {
    const key = queue.shift()!;
    if (key === info.key) return context.report(base, `inheritance forms a cycle through ${info.key}`);
    if (seen.has(key)) continue;
    seen.add(key);
    const next = tables.get(key);
    if (next) queue.push(...tables.inheritsOf(next).filter((k): k is string => k !== undefined));
  }
}

/** The checks of meaning of the `tables:` section. */
export function checkTables(context: CheckContext, objects: readonly SpecObject[]): void {
  const tables = new SpecTables(objects);
  for (const info of tables.values()) {
    const base = ['tables', info.q.schema, info.q.name];
    context.checkNameLength(info.q.name, base, 'table');
    const own = isRecord(info.table.columns) ? info.table.columns : {};
    checkPartition(context, tables, info, own);
    checkInherits(context, tables, info);
    for (const [name, column] of Object.entries(own)) checkColumn(context, tables, info, name, column, [...base, 'columns', name]);
    const columns = tables.columnsOf(info.key);
    checkConstraints(context, tables, info, columns);
    checkIndexes(context, info, columns);
    checkTriggers(context, info);
    checkPolicies(context, info);
  }
}
