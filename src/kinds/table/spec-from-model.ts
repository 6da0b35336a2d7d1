/**
 * The model's tables as `snapshot` writes them. Partitions list only what
 * they do not get from their parent (see spec-partition-copies.ts); names
 * of constraints are written only when they differ from the name
 * PostgreSQL gives the same constraint created unnamed (`<table>_pkey`,
 * `<table>_<cols>_key`, `<table>_<cols>_fkey`, `<table>_<col>_check` /
 * `<table>_check`, 63-byte truncation included), or when that name is
 * taken by another object of the schema (PostgreSQL would then pick
 * another); indexes are written structurally unless their definition has
 * what the structure cannot say.
 */
import { setOwn } from '../../model/own.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { refName, specName } from '../../spec-file/names.js';
import type { FromModelContext, Mutable } from '../../spec-file/spec-section.js';
import { columnSpec, partitionColumnSpec, type SpecColumn } from '../column/spec.js';
import { constraintsSpec, type ConstraintNaming } from '../constraint/spec-from-model.js';
import { indexSpec, type SpecIndex } from '../index/spec.js';
import { triggersSpec } from '../trigger/spec.js';
import { rowSecuritySpec } from '../policy/spec.js';
import type { Table } from './model.js';
import { ModelTables, partitionCopies, type PartitionCopies } from './spec-partition-copies.js';
import type { SpecTable } from './spec-node.js';

/** Names in use per schema: how many objects hold each. */
class NameCounts {
  readonly #bySchema = new Map<string, Map<string, number>>();

  add(schema: string, name: string): void {
    const names = this.#bySchema.get(schema) ?? new Map<string, number>();
    names.set(name, (names.get(name) ?? 0) + 1);
    this.#bySchema.set(schema, names);
  }

  count(schema: string, name: string): number {
    return this.#bySchema.get(schema)?.get(name) ?? 0;
  }
}

/** What the tables of a model are written with: their lookups, the copies partitions hold, and PostgreSQL's naming. */
interface TableWriting extends ConstraintNaming {
  readonly tables: ModelTables;
  readonly copies: PartitionCopies;
}

/**
 * PostgreSQL picks a default name that is free in the schema: relations
 * (tables, indexes, sequences, views) share one namespace, constraints
 * (of tables and domains) another.
 */
function tableWriting(model: SchemaModel): TableWriting {
  const tables = new ModelTables(model);
  const relations = new NameCounts();
  for (const t of model.tables) {
    relations.add(t.schema, t.name);
    for (const i of t.indexes) relations.add(t.schema, i.name);
  }
  for (const s of model.sequences) relations.add(s.schema, s.name);
  for (const v of model.views) relations.add(v.schema, v.name);
  const copies = partitionCopies(tables, model, (schema) => (name) => relations.count(schema, name));
  const constraints = new NameCounts();
  for (const t of model.tables) {
    for (const c of t.constraints) if (!copies.constraints.has(c)) constraints.add(t.schema, c.name);
  }
  for (const d of model.domains) for (const c of d.checks) constraints.add(d.schema, c.name);
  return {
    tables,
    copies,
    findTable: (schema, name) => tables.find(schema, name),
    isDefaultName: (schema, name, expected, relation) =>
      name === expected && constraints.count(schema, name) <= 1 && (!relation || relations.count(schema, name) <= 1),
  };
}

/** A table of the model as the spec writes it. */
function tableSpec(writing: TableWriting, { typeIn, specKinds }: Pick<FromModelContext, 'typeIn' | 'specKinds'>, t: Table): SpecTable {
  const parent = writing.tables.parentOf(t);
  const columns: Record<string, Mutable<SpecColumn>> = {};
  // Key order is the file's reading order: what the table is, then its columns.
  const out: Mutable<SpecTable> = {
    ...(t.comment !== null ? { description: t.comment } : {}),
    ...(t.partitionOf ? { partitionOf: { table: refName(t.schema, t.partitionOf.schema, t.partitionOf.table), bound: t.partitionOf.bound } } : {}),
    ...(t.partitionKey !== null ? { partitionBy: t.partitionKey } : {}),
    ...(t.unlogged ? { unlogged: true } : {}),
    ...(t.inherits?.length ? { inherits: t.inherits.map((p) => refName(t.schema, p.schema, p.table)) } : {}),
    columns,
  };
  for (const c of t.columns) {
    const type = typeIn(c.type, t.schema);
    const column = parent ? partitionColumnSpec(c, parent.columns.find((x) => x.name === c.name), type) : columnSpec(c, type);
    if (column) setOwn(columns, c.name, column);
  }
  const own = t.constraints.filter((c) => !writing.copies.constraints.has(c));
  Object.assign(out, constraintsSpec(writing, { table: t, own, columns, isPartition: parent !== undefined }));

  // Indexes that back no constraint.
  const indexes: Record<string, SpecIndex> = {};
  for (const index of t.indexes) {
    if (index.constraint !== null || writing.copies.indexes.has(index)) continue;
    setOwn(indexes, index.name, indexSpec(t, index));
  }
  if (Object.keys(indexes).length) out.indexes = indexes;
  const triggers = triggersSpec(t, specKinds);
  if (triggers) out.triggers = triggers;
  Object.assign(out, rowSecuritySpec(t));
  // The description reads best last, after the shorthands added above.
  for (const column of Object.values(columns)) {
    if (column.description === undefined) continue;
    const description = column.description;
    delete column.description;
    column.description = description;
  }
  return out;
}

/** The tables of the model in scope, by the names the spec writes. */
export function tablesFromModel(context: FromModelContext): Record<string, SpecTable> {
  const { model, inScope } = context;
  const writing = tableWriting(model);
  const tables: Record<string, SpecTable> = {};
  for (const t of model.tables) {
    if (inScope(t.schema)) setOwn(tables, specName(t.schema, t.name), tableSpec(writing, context, t));
  }
  return tables;
}
