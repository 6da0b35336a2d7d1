/**
 * The foreign keys around the drift: those of the tables a drift finding
 * is about, and those referencing them, from both sides. The markdown
 * report draws them (a Mermaid ER diagram of the drifted tables and their
 * neighbours); the JSON report carries them under `inventory.foreignKeys`.
 * Pure; linear in the number of foreign keys.
 */
import type { DriftFinding } from './findings/kinds.js';
import type { ForeignKeyConstraint } from './kinds/constraint/model.js';
import { objectKey } from './model/identifiers.js';
import type { SchemaModel } from './model/schema-model.js';
import { compareText } from './model/sort.js';

/** A foreign key near the drift, and on which side it is. */
export interface InventoryForeignKey {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: { readonly schema: string; readonly table: string; readonly columns: readonly string[] };
  /** In both schemas, only the expected one (missing from the database), or only the database (unexpected). */
  readonly side: 'both' | 'expected' | 'live';
}

type Keyed = { readonly schema: string; readonly table: string; readonly fk: ForeignKeyConstraint };

/** The tables (`objectKey`) the drift findings are about: their own, their columns', indexes', constraints'… */
export function driftedTables(findings: readonly DriftFinding[]): Set<string> {
  const tables = new Set<string>();
  for (const f of findings) if (f.object.table !== undefined) tables.add(objectKey(f.object.schema, f.object.table));
  return tables;
}

function foreignKeys(model: SchemaModel, inScope: (schema: string) => boolean): Map<string, Keyed> {
  const out = new Map<string, Keyed>();
  for (const t of model.tables) {
    // A partition's foreign keys are its parent's, cloned: the parent stands for them.
    if (t.partitionOf !== null || !inScope(t.schema)) continue;
    for (const c of t.constraints) {
      if (c.kind === 'foreign_key') out.set(`${objectKey(t.schema, t.name)}\u0000${c.name}`, { schema: t.schema, table: t.name, fk: c });
    }
  }
  return out;
}

/**
 * The foreign keys whose table or referenced table has drift, from the
 * expected model and the live one (`side` says which has it), sorted by
 * table, name and side.
 */
export function driftRelations(
  findings: readonly DriftFinding[],
  expected: SchemaModel,
  live: SchemaModel,
  inScope: (schema: string) => boolean,
): InventoryForeignKey[] {
  const drifted = driftedTables(findings);
  if (drifted.size === 0) return [];
  const near = (k: Keyed) => drifted.has(objectKey(k.schema, k.table)) || drifted.has(objectKey(k.fk.references.schema, k.fk.references.table));
  const e = foreignKeys(expected, inScope);
  const l = foreignKeys(live, inScope);
  const out: InventoryForeignKey[] = [];
  const add = (k: Keyed, side: InventoryForeignKey['side']) =>
    out.push({
      schema: k.schema,
      table: k.table,
      name: k.fk.name,
      columns: k.fk.columns,
      references: { schema: k.fk.references.schema, table: k.fk.references.table, columns: k.fk.references.columns },
      side,
    });
  for (const [key, k] of e) if (near(k)) add(k, l.has(key) ? 'both' : 'expected');
  for (const [key, k] of l) if (!e.has(key) && near(k)) add(k, 'live');
  return out.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.table, b.table) || compareText(a.name, b.name) || compareText(a.side, b.side));
}
