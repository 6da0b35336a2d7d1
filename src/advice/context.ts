/**
 * What every advice check shares: the tables advised on, the model's
 * partition trees, the partition rule (see advise.ts), and the foreign keys
 * that count.
 */
import type { FindingObject } from '../findings/finding.js';
import { objectKey, quoteIdent } from '../model/identifiers.js';
import type { Constraint, ForeignKeyConstraint, SchemaModel, Table } from '../model/schema-model.js';
import { sortBy } from '../model/sort.js';
import type { AdviceKind } from './kinds.js';

/** A finding before severity and id, with what the partition rule needs. */
export interface Draft {
  readonly kind: AdviceKind;
  readonly table: Table;
  readonly object: FindingObject;
  readonly actual: unknown;
  readonly message: string;
  /** What a partition's draft must match on its parent to be folded into it; null: never folded. */
  readonly sameAs: string | null;
}

export interface Context {
  /** Tables advised on, sorted by schema and name. */
  readonly tables: readonly Table[];
  /** Every table of the model, by objectKey(schema, name). */
  readonly all: ReadonlyMap<string, Table>;
  /** Keys of the tables in scope. */
  readonly inScope: ReadonlySet<string>;
  /** Direct partitions of each table of the model, by the parent's key. */
  readonly partitions: ReadonlyMap<string, readonly Table[]>;
}

export function tableKey(t: { readonly schema: string; readonly name: string }): string {
  return objectKey(t.schema, t.name);
}

export function context(model: SchemaModel, schemas: readonly string[] | undefined): Context {
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
export function foldPartitions(ctx: Context, drafts: readonly Draft[]): Draft[] {
  const held = new Set(drafts.flatMap((d) => (d.sameAs === null ? [] : [objectKey(d.table.schema, d.table.name, d.kind, d.sameAs)])));
  return drafts.filter((d) => {
    const parent = d.table.partitionOf;
    if (d.sameAs === null || parent === null || !ctx.inScope.has(objectKey(parent.schema, parent.table))) return true;
    return !held.has(objectKey(parent.schema, parent.table, d.kind, d.sameAs));
  });
}

export function columnsText(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(', ')})`;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

/**
 * True for the copies of a foreign key the server adds when the referenced
 * table is partitioned: one constraint per referenced partition, on the same
 * columns (`orders_cid_fkey1 ... REFERENCES customers_1`). They are part of
 * the constraint on the partitioned table, which is the one advised on.
 * Recognised when the referenced tables are in the model.
 */
export function isReferencedPartitionCopy(ctx: Context, table: Table, fk: ForeignKeyConstraint): boolean {
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
export function isPartitionOf(
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

export function foreignKeys(ctx: Context, table: Table, constraints: readonly Constraint[]): ForeignKeyConstraint[] {
  return constraints.filter((c): c is ForeignKeyConstraint => c.kind === 'foreign_key' && !isReferencedPartitionCopy(ctx, table, c));
}

/** The partitions of `table` that hold rows (not partitioned themselves), at any depth, in name order. */
export function leafPartitions(ctx: Context, table: Table): Table[] {
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
