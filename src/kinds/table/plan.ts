/**
 * The plan's part for tables as a whole: missing tables built whole (parents
 * before their partitions; foreign keys, indexes and comments in their own
 * phases), SET LOGGED / UNLOGGED, manual steps for partitioning changes,
 * unexpected tables dropped (their foreign keys before any other drop).
 */
import { displayName, objectKey } from '../../model/identifiers.js';
import type { Table } from '../../model/schema-model.js';
import type { ModelLookup, PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard } from '../../plan/types.js';
import { addConstraintIfMissingSql, dropConstraintSql } from '../constraint/sql.js';
import { ensureSchema } from '../schema/plan.js';
import { doIf, regclass } from '../sql.js';
import { createSequenceStatement, ownedByStatement } from '../sequence/plan.js';
import type { TableFinding } from './findings.js';
import { buildTable } from './plan-build.js';
import { droppedWithIt, manualRebuild, plannedRebuild, rebuildBlocker, rebuilds, rebuildStep } from './plan-rebuild.js';
import { partitionedDifferently } from './compare.js';
import { findingId } from '../../findings/finding.js';
import { rolesHazard } from '../policy/plan.js';
import type { TableRef } from './model.js';
import { dropTableSql, inheritSql, notNullNamesSql, partitionOfSql, setLoggedSql } from './sql.js';

type Of<K extends TableFinding['kind']> = Extract<TableFinding, { kind: K }>;

/** The tables `t` is made from: its partition parent, its inheritance parents. */
function parentsOf(t: Table): TableRef[] {
  return [...(t.partitionOf ? [t.partitionOf] : []), ...(t.inherits ?? [])];
}

/**
 * How many levels of parents (partition or inheritance) are above `t` in a
 * model: 0 for a table made from no other; at most 64 levels, so a loop
 * ends. Parents sort before their children by it.
 */
function depth(tables: ModelLookup, t: Table, level = 0): number {
  if (level >= 64) return level;
  let d = 0;
  for (const p of parentsOf(t)) {
    const parent = tables.table(p.schema, p.table);
    d = Math.max(d, 1 + (parent ? depth(tables, parent, level + 1) : 0));
  }
  return d;
}

/** The partition ancestor of new table `t` that the database has as a plain table the plan does not rebuild, if any. */
function awaitedParent(ctx: PlanContext, t: Table, level = 0): Table | undefined {
  const p = t.partitionOf;
  if (!p || level >= 64) return undefined;
  const live = ctx.live.table(p.schema, p.table);
  if (live) return live.kind !== 'partitioned_table' && !plannedRebuild(ctx, ctx.expected.table(p.schema, p.table), live) ? live : undefined;
  const parent = ctx.expected.table(p.schema, p.table);
  return parent ? awaitedParent(ctx, parent, level + 1) : undefined;
}

/**
 * Tables partitioned differently rebuilt (see plan-rebuild.ts), with the
 * missing partitions they build; then missing tables, parents before their
 * partitions: each in the tables phase, its foreign keys, indexes, comments
 * and triggers in theirs.
 */
function planMissingTables(findings: readonly TableFinding[], ctx: PlanContext): void {
  const builtByRebuild = new Set<string>();
  for (const r of rebuilds(ctx)) {
    const partitionIds = findings.filter((f) => f.kind === 'missing_table' && r.partitions.some((p) => p.schema === f.object.schema && p.name === f.object.table)).map((f) => f.id);
    for (const p of r.partitions) builtByRebuild.add(objectKey(p.schema, p.name));
    rebuildStep(ctx, r.e, r.a, [findingId('table_mismatch', { schema: r.e.schema, table: r.e.name }), ...partitionIds]);
  }
  const newTables = findings
    .flatMap((f) => {
      const t = f.kind === 'missing_table' ? ctx.expected.table(f.object.schema, f.object.table ?? '') : undefined;
      if (!t || builtByRebuild.has(objectKey(t.schema, t.name))) return [];
      const waiting = awaitedParent(ctx, t);
      if (waiting) {
        ctx.manual(f, `${displayName(t.schema, t.name)} is a partition of ${displayName(waiting.schema, waiting.name)}, a plain table until it is rebuilt as a partitioned one (see its finding): create it after that rebuild`);
        return [];
      }
      return [{ f, t }];
    })
    .sort((x, y) => depth(ctx.expected, x.t) - depth(ctx.expected, y.t));
  for (const { f, t } of newTables) {
    ensureSchema(ctx, t.schema, f.id);
    const built = buildTable(ctx, t, f.id);
    const name = displayName(t.schema, t.name);
    const step = { object: name, findingIds: [f.id] };
    ctx.add({
      ...step,
      phase: 'tables',
      summary: `create table ${name}${t.partitionOf ? ` (partition of ${displayName(t.partitionOf.schema, t.partitionOf.table)})` : ''}`,
      up: built.table,
      down: [stmt(dropTableSql(t.schema, t.name))],
      hazards: [{ kind: 'rollback_data_loss', message: `rolling back drops table ${name} and every row written to it after the migration` }],
    });
    if (built.fks.length) {
      // Dropped first on the way back: another new table, or a new key, may be what they reference.
      const drops = t.constraints.filter((c) => c.kind === 'foreign_key').map((c) => stmt(dropConstraintSql(t.schema, t.name, c.name)));
      ctx.add({ ...step, phase: 'foreign_keys', summary: `foreign keys of new table ${name}`, up: built.fks, down: drops, hazards: [] });
    }
    if (built.indexes.length) ctx.add({ ...step, phase: 'indexes', summary: `indexes of new table ${name}`, up: built.indexes, down: [], hazards: [] });
    if (built.comments.length) ctx.add({ ...step, phase: 'comments', summary: `comments on new table ${name}`, up: built.comments, down: [], hazards: [] });
    if (built.triggers.length) ctx.add({ ...step, phase: 'triggers', summary: `triggers of new table ${name}`, up: built.triggers, down: [], hazards: [] });
    if (built.policies.length) {
      ctx.add({ ...step, phase: 'policies', summary: `policies of new table ${name}`, up: built.policies, down: [], hazards: (t.policies ?? []).flatMap((p) => rolesHazard(ctx, p)) });
    }
    if (built.rowSecurity.length) ctx.add({ ...step, phase: 'row_security', summary: `row-level security of new table ${name}`, up: built.rowSecurity, down: [], hazards: [] });
  }
}

/** SET LOGGED / UNLOGGED (a rewrite); attached or detached as a partition; another partitioning: manual, a data migration. */
function planTableMismatch(f: Of<'table_mismatch'>, ctx: PlanContext): void {
  const e = f.expected;
  const a = f.actual;
  const o = f.object;
  const name = displayName(o.schema, o.table ?? '');
  if (partitionedDifferently(e, a)) {
    const et = ctx.expected.table(o.schema, o.table ?? '');
    const at = ctx.live.table(o.schema, o.table ?? '');
    if (et && at) {
      // Rebuilt in the create pass, or left to a person.
      if (!plannedRebuild(ctx, et, at)) manualRebuild(ctx, f, et, at, rebuildBlocker(ctx, et, at) ?? '');
      return;
    }
    ctx.manual(
      f,
      `${name} is partitioned differently than expected: changing partitioning means creating the new table, copying the rows and swapping names; plan it as a data migration`,
    );
    return;
  }
  if (JSON.stringify(e.partitionOf) !== JSON.stringify(a.partitionOf)) planPartitionOf(f, ctx);
  planInheritance(f, ctx);
  if (e.unlogged !== a.unlogged) {
    const set = (unlogged: boolean): string => setLoggedSql(o.schema, o.table ?? '', unlogged);
    ctx.add({
      object: name,
      phase: 'columns',
      findingIds: [f.id],
      summary: `make ${name} ${e.unlogged ? 'UNLOGGED' : 'LOGGED'}`,
      up: [stmt(set(e.unlogged))],
      down: [stmt(set(a.unlogged))],
      hazards: [{ kind: 'table_rewrite', message: `SET ${e.unlogged ? 'UNLOGGED' : 'LOGGED'} rewrites ${ctx.sizeOf(o.schema, o.table ?? '')} under an ACCESS EXCLUSIVE lock` }],
    });
  }
}

/**
 * A table attached as a partition, detached from its parent, or attached
 * with another bound (to another parent): DETACH first (phase `tables`,
 * before columns are added to the old parent, which would reach the
 * partition), ATTACH last (phase `constraints`, once the table has every
 * column and check the parent requires). The way back the reverse.
 */
function planPartitionOf(f: Of<'table_mismatch'>, ctx: PlanContext): void {
  const o = f.object;
  const table = o.table ?? '';
  const name = displayName(o.schema, table);
  const e = f.expected.partitionOf;
  const a = f.actual.partitionOf;
  const size = ctx.sizeOf(o.schema, table);
  // On 18, NOT NULL constraint names follow: the parent's while attached, the table's own defaults while not.
  const detach = (p: TableRef) => [stmt(partitionOfSql(o.schema, table, p, null)), stmt(notNullNamesSql(o.schema, table, p, 'detached'))];
  const attach = (p: TableRef & { readonly bound: string }) => [stmt(notNullNamesSql(o.schema, table, p, 'attaching')), stmt(partitionOfSql(o.schema, table, p, p))];
  if (a) {
    ctx.add({
      object: name,
      phase: 'tables',
      findingIds: [f.id],
      summary: `detach ${name} from ${displayName(a.schema, a.table)}`,
      up: detach(a),
      down: attach(a),
      hazards: [
        {
          kind: 'long_lock',
          message: `DETACH PARTITION takes an ACCESS EXCLUSIVE lock on ${displayName(a.schema, a.table)} and ${size} (a catalog change, no scan); queries on the parent stop reading its rows`,
        },
      ],
    });
  }
  if (e) {
    ctx.add({
      object: name,
      phase: 'constraints',
      findingIds: [f.id],
      summary: `attach ${name} to ${displayName(e.schema, e.table)} ${e.bound}`,
      up: attach(e),
      down: detach(e),
      hazards: [
        {
          kind: 'validation_scan',
          message: `ATTACH PARTITION scans ${size} to check its rows fit the bound (a CHECK constraint matching the bound, validated beforehand, skips the scan), under a SHARE UPDATE EXCLUSIVE lock on the parent`,
        },
        {
          kind: 'may_fail',
          message: `fails when a row of ${name} falls outside ${e.bound}, or its columns and constraints do not match the parent's`,
        },
      ],
    });
  }
}

/**
 * Inheritance parents added (`INHERIT`, after the columns and checks a
 * parent requires of its children exist) and removed (`NO INHERIT`); the
 * way back the reverse. The order of several parents is fixed at creation:
 * only which parents, not their order, changes here.
 */
function planInheritance(f: Of<'table_mismatch'>, ctx: PlanContext): void {
  const o = f.object;
  const table = o.table ?? '';
  const key = (p: TableRef): string => objectKey(p.schema, p.table);
  const expected = f.expected.inherits ?? [];
  const actual = f.actual.inherits ?? [];
  const added = expected.filter((p) => !actual.some((q) => key(q) === key(p)));
  const removed = actual.filter((p) => !expected.some((q) => key(q) === key(p)));
  if (!added.length && !removed.length) return;
  const name = displayName(o.schema, table);
  const change = (inherit: boolean) => (p: TableRef) => stmt(inheritSql(o.schema, table, p, inherit));
  ctx.add({
    object: name,
    phase: 'constraints',
    findingIds: [f.id],
    summary: `inheritance of ${name}: ${[...added.map((p) => `INHERIT ${displayName(p.schema, p.table)}`), ...removed.map((p) => `NO INHERIT ${displayName(p.schema, p.table)}`)].join(', ')}`,
    up: [...removed.map(change(false)), ...added.map(change(true))],
    down: [...added.map(change(false)), ...removed.map(change(true))],
    hazards: [
      {
        kind: 'long_lock',
        message: `(NO) INHERIT takes an ACCESS EXCLUSIVE lock on ${ctx.sizeOf(o.schema, table)} (a catalog change, no scan); queries on a parent start or stop reading its rows`,
      },
    ],
  });
}

/** The database's tables the findings name as unexpected, in report order. */
function tablesToDrop(findings: readonly TableFinding[], ctx: PlanContext): { f: TableFinding; t: Table }[] {
  // The partitions of a partitioned table rebuilt as a plain one go with it (their rows moved into it).
  const withRebuild = new Set(rebuilds(ctx).flatMap((r) => droppedWithIt(ctx, r.a).map((p) => objectKey(p.schema, p.name))));
  return findings.flatMap((f) => {
    const t = f.kind === 'unexpected_table' ? ctx.live.table(f.object.schema, f.object.table ?? '') : undefined;
    return t && !withRebuild.has(objectKey(t.schema, t.name)) ? [{ f, t }] : [];
  });
}

/** The foreign keys of the tables to drop go before any drop: a key they reference may be dropped before them. */
function dropForeignKeysFirst(findings: readonly TableFinding[], ctx: PlanContext): void {
  const tableDrops = findings.filter((f) => f.kind === 'unexpected_table');
  const outgoing = tablesToDrop(findings, ctx).flatMap(({ t }) => t.constraints.filter((c) => c.kind === 'foreign_key').map((c) => ({ t, c })));
  if (!outgoing.length) return;
  ctx.add({
    object: 'foreign keys of dropped tables',
    phase: 'drop_constraints',
    findingIds: tableDrops.map((f) => f.id),
    summary: 'drop the foreign keys of the unexpected tables first',
    up: outgoing.map(({ t, c }) => stmt(dropConstraintSql(t.schema, t.name, c.name))),
    down: outgoing.map(({ t, c }) => stmt(addConstraintIfMissingSql(t.schema, t.name, c.name, c.definition))),
    hazards: [],
  });
}

const DEPENDENTS_HAZARD: Hazard = {
  kind: 'may_fail',
  message:
    'a DROP TABLE fails while a view, a function (over the row type) or a foreign key of a kept table depends on the table: ' +
    'PostgreSQL names the dependent object; change or drop it first (schema-audit does not model views and functions)',
};

/**
 * The `schema.name` keys the expected schema gives to relations and types
 * other than tables: views, materialized views, sequences, indexes (of
 * tables and materialized views), enums and domains. A table of such a name
 * must go before that object is created (a table is a relation and a type).
 */
export function namesTakenByOtherKinds(model: PlanContext['expected']['model']): Set<string> {
  const out = new Set<string>();
  for (const o of [...model.views, ...model.sequences, ...model.enums, ...model.domains]) out.add(objectKey(o.schema, o.name));
  for (const t of model.tables) for (const i of t.indexes) out.add(objectKey(t.schema, i.name));
  for (const v of model.views) for (const i of v.indexes) out.add(objectKey(v.schema, i.name));
  return out;
}

/**
 * Unexpected tables: those whose name the expected schema gives to another
 * kind of object (a table replaced by a view of its name) in phase
 * `drop_replaced_tables`, before it is created; the others in `drop_tables`.
 */
function dropTables(findings: readonly TableFinding[], ctx: PlanContext): void {
  const taken = namesTakenByOtherKinds(ctx.expected.model);
  const all = tablesToDrop(findings, ctx);
  const replaced = all.filter(({ t }) => taken.has(objectKey(t.schema, t.name)));
  dropTableGroup(replaced, ctx, 'drop_replaced_tables');
  dropTableGroup(all.filter((x) => !replaced.includes(x)), ctx, 'drop_tables');
}

/** Unexpected tables, in one step: partitions before their parents; down builds parents first, then every index and comment. */
function dropTableGroup(dropping: readonly { f: TableFinding; t: Table }[], ctx: PlanContext, phase: 'drop_tables' | 'drop_replaced_tables'): void {
  if (!dropping.length) return;
  const ordered = [...dropping].sort((x, y) => depth(ctx.live, y.t) - depth(ctx.live, x.t));
  const builds = [...ordered].reverse().map((x) => buildTable(ctx, x.t, x.f.id));
  const names = ordered.map((x) => displayName(x.t.schema, x.t.name));
  ctx.add({
    object: names.join(','),
    phase,
    findingIds: ordered.map((x) => x.f.id),
    summary: `drop unexpected table${ordered.length > 1 ? 's' : ''} ${names.join(', ')}${phase === 'drop_replaced_tables' ? ` (the expected schema gives ${ordered.length > 1 ? 'their names' : 'its name'} to another object)` : ''}`,
    // Their foreign keys are gone already (drop_constraints), so the order of the drops never matters.
    // A name another object takes: dropped only while a table holds it, so a re-run leaves that object alone (DROP TABLE IF EXISTS fails on a view).
    up: ordered.map((x) => stmt(phase === 'drop_tables' ? dropTableSql(x.t.schema, x.t.name) : doIf(`EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = ${regclass(x.t.schema, x.t.name)} AND c.relkind IN ('r', 'p'))`, dropTableSql(x.t.schema, x.t.name)))),
    down: [
      ...ordered.flatMap((x) => ctx.live.ownedSequences(x.t).map(createSequenceStatement)),
      ...builds.flatMap((x) => x.table),
      ...ordered.flatMap((x) => ctx.live.ownedSequences(x.t).map(ownedByStatement)),
      // (their foreign keys come back last, with the first drop_constraints step, once every key they reference is back)
      ...builds.flatMap((x) => x.indexes),
      ...builds.flatMap((x) => x.comments),
      ...builds.flatMap((x) => x.triggers),
      ...builds.flatMap((x) => x.policies),
      ...builds.flatMap((x) => x.rowSecurity),
    ],
    hazards: [
      ...ordered.map((x): Hazard => ({ kind: 'data_loss', message: `drops table ${ctx.sizeOf(x.t.schema, x.t.name)} with all its rows; rolling back recreates it empty` })),
      DEPENDENTS_HAZARD,
    ],
  });
}

export const TABLE_PLAN: KindPlan<TableFinding> = {
  findings: {
    missing_table: IN_CREATE_PASS,
    unexpected_table: IN_DROP_PASS,
    table_mismatch: planTableMismatch,
  },
  create: planMissingTables,
  beforeDrops: dropForeignKeysFirst,
  drop: dropTables,
};
