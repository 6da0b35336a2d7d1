/**
 * The plan's part for indexes: built CONCURRENTLY on existing tables (a
 * failed build's INVALID index dropped first, so a re-run rebuilds it; on a
 * partitioned table ON ONLY, each partition's CONCURRENTLY, then attached),
 * rebuilt beside the old one and swapped in, dropped when unexpected.
 */
import { makeObjectName } from '../../model/naming.js';
import { displayName, quoteIdent } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { commented, longRunning, stmt } from '../../plan/statements.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import type { IndexFinding } from './findings.js';
import type { Index } from './model.js';
import { commentOnIndexSql, createIndexSql, dropIndexSql, dropInvalidIndexSql, renameIndexSql } from './sql.js';
import { qualifiedName } from '../../model/identifiers.js';
import type { Table } from '../../model/schema-model.js';
import { doIf, regclass } from '../sql.js';
import { findingId } from '../../findings/finding.js';

type Of<K extends IndexFinding['kind']> = Extract<IndexFinding, { kind: K }>;

/** Up and down statements that build an index on an existing table, and their hazards. */
export interface IndexBuild {
  readonly up: PlanStatement[];
  readonly down: PlanStatement[];
  readonly hazards: Hazard[];
}

/** `USING btree (note) WHERE …`: what an index definition says after its table, to match a partition's index with its parent's. */
function definitionTail(definition: string): string {
  return definition.replace(/^CREATE (UNIQUE )?INDEX (?:"(?:[^"]|"")+"|[^\s"]+) ON (?:ONLY )?(?:"(?:[^"]|"")+"|[^\s".]+)\.(?:"(?:[^"]|"")+"|[^\s"]+) /, '$1');
}

/** The live partitions of `t`, one level down. */
function livePartitions(ctx: PlanContext, t: Table): Table[] {
  return ctx.live.model.tables.filter((p) => p.partitionOf?.schema === t.schema && p.partitionOf.table === t.name);
}

/**
 * The name of the index of partition `p` that belongs to the partitioned
 * index `index`: the expected schema's (an index of that partition with the
 * same definition), else the partition's name and the index's.
 */
function partitionIndexName(ctx: PlanContext, p: Table, index: Index): string {
  const tail = definitionTail(index.definition);
  const same = (t: Table | undefined): Index | undefined => t?.indexes.find((i) => i.constraint === null && definitionTail(i.definition) === tail);
  return (same(ctx.expected.table(p.schema, p.name)) ?? same(ctx.live.table(p.schema, p.name)))?.name ?? makeObjectName(p.name, index.name, null);
}

/** `ALTER INDEX parent ATTACH PARTITION child`, unless an index of the child's table is attached to the parent's already. */
function attachIndexSql(schema: string, parent: string, childSchema: string, child: string, childTable: string): string {
  const attached =
    `EXISTS (SELECT FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid ` +
    `WHERE h.inhparent = ${regclass(schema, parent)} AND x.indrelid = ${regclass(childSchema, childTable)})`;
  return doIf(`NOT ${attached}`, `ALTER INDEX ${qualifiedName(schema, parent)} ATTACH PARTITION ${qualifiedName(childSchema, child)}`);
}

/** The index as it is built on partition `p` under `name`: the parent's definition on the partition. */
function onPartition(index: Index, p: Table, name: string): Index {
  const m = /^CREATE (UNIQUE )?INDEX (?:"(?:[^"]|"")+"|[^\s"]+) ON (?:ONLY )?/.exec(index.definition);
  const rest = m ? index.definition.slice(m[0].length).replace(/^(?:"(?:[^"]|"")+"|[^\s".]+)\.(?:"(?:[^"]|"")+"|[^\s"]+)/, qualifiedName(p.schema, p.name)) : index.definition;
  return { ...index, name, definition: `CREATE ${m?.[1] ?? ''}INDEX ${quoteIdent(name)} ON ${rest}` };
}

/**
 * The partitioned index `index` (named `name`) on live partitioned table
 * `t` as pg_dump builds it, each partition's index CONCURRENTLY: `CREATE
 * INDEX … ON ONLY parent` (invalid, no partition touched), for each
 * partition its index built CONCURRENTLY (a sub-partitioned partition: ON
 * ONLY and its own partitions, the same way) and attached with `ALTER
 * INDEX … ATTACH PARTITION`; the parent's index is valid once every
 * partition's is attached. Returns the statements and the names of the
 * partitions' indexes (by partition key), for the findings they settle.
 */
function partitionedIndexBuild(ctx: PlanContext, t: Table, index: Index, name: string, level = 0): { up: PlanStatement[]; built: { table: Table; name: string }[] } {
  // ON ONLY: invalid until every partition's index is attached (a re-run keeps it: IF NOT EXISTS).
  const up: PlanStatement[] = [stmt(createIndexSql(index, { concurrently: false, name, only: true }))];
  const built: { table: Table; name: string }[] = [];
  for (const p of livePartitions(ctx, t)) {
    const childName = partitionIndexName(ctx, p, index);
    const child = onPartition(index, p, childName);
    if (p.kind === 'partitioned_table' && level < 64) {
      const sub = partitionedIndexBuild(ctx, p, child, childName, level + 1);
      up.push(...sub.up);
      built.push(...sub.built);
    } else {
      up.push(stmt(dropInvalidIndexSql(p.schema, childName)), longRunning(createIndexSql(child, { concurrently: true, name: childName }), false));
    }
    up.push(stmt(attachIndexSql(t.schema, name, p.schema, childName, p.name)));
    built.push({ table: p, name: childName });
  }
  return { up, built };
}

/** Index build on an existing table (named `name`): concurrent; on a partitioned table with partitions, ON ONLY and each partition's CONCURRENTLY. */
export function createIndexOnExisting(ctx: PlanContext, schema: string, table: string, index: Index, name: string = index.name): IndexBuild & { partitionIndexes?: { table: Table; name: string }[] } {
  const live = ctx.live.table(schema, table);
  const size = ctx.sizeOf(schema, table);
  const hazards: Hazard[] = [];
  if (live?.kind === 'partitioned_table' && livePartitions(ctx, live).length) {
    const r = partitionedIndexBuild(ctx, live, index, name);
    if (index.unique) hazards.push({ kind: 'may_fail', message: `the unique index fails to build if a partition of ${size} holds duplicates: remove them first` });
    hazards.push({
      kind: 'long_lock',
      message: `CREATE INDEX … ON ONLY and each ALTER INDEX … ATTACH PARTITION take brief locks on ${displayName(schema, table)} (catalog changes, no scan); each partition's index is built CONCURRENTLY, without blocking writes`,
    });
    return {
      up: r.up,
      // Dropping the partitioned index drops every partition's index attached to it (no CONCURRENTLY on a partitioned index).
      down: [stmt(dropIndexSql(schema, name, false))],
      hazards,
      partitionIndexes: r.built,
    };
  }
  if (live?.kind === 'partitioned_table') {
    hazards.push({ kind: 'long_lock', message: `PostgreSQL cannot build an index CONCURRENTLY on partitioned ${size}: the build blocks writes to every partition` });
    if (index.unique) hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicates` });
    return {
      up: [stmt(createIndexSql(index, { concurrently: false, name }))],
      down: [stmt(dropIndexSql(schema, name, false))],
      hazards,
    };
  }
  if (index.unique) hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicates: remove them first` });
  return {
    up: [stmt(dropInvalidIndexSql(schema, name)), longRunning(createIndexSql(index, { concurrently: true, name }), false)],
    down: [stmt(dropIndexSql(schema, name, true), { transactional: false })],
    hazards,
  };
}

/**
 * True when the missing index `index` of partition `t` is its part of a
 * partitioned index missing from its parent too: built and attached with
 * the parent's (see partitionedIndexBuild).
 */
function builtWithParent(ctx: PlanContext, t: Table, index: Index): boolean {
  const live = ctx.live.table(t.schema, t.name);
  const p = live?.partitionOf;
  if (!live || !p) return false;
  const parent = ctx.expected.table(p.schema, p.table);
  const liveParent = ctx.live.table(p.schema, p.table);
  if (!parent || liveParent?.kind !== 'partitioned_table') return false;
  return parent.indexes.some(
    (i) => i.constraint === null && !liveParent.indexes.some((l) => l.name === i.name) && partitionIndexName(ctx, live, i) === index.name && definitionTail(i.definition) === definitionTail(index.definition),
  );
}

/**
 * The partitioned index of the live parent of partition `t` that the
 * missing index `index` belongs to (the same definition, in both schemas):
 * the partition's index is attached to it once built (one left unattached,
 * ON ONLY, by an interrupted build).
 */
function parentIndexOf(ctx: PlanContext, t: Table, index: Index): { schema: string; name: string; table: Table; index: Index } | undefined {
  const p = ctx.live.table(t.schema, t.name)?.partitionOf;
  const parent = p ? ctx.live.table(p.schema, p.table) : undefined;
  if (!p || !parent || parent.kind !== 'partitioned_table') return undefined;
  const tail = definitionTail(index.definition);
  const live = parent.indexes.find((i) => i.constraint === null && definitionTail(i.definition) === tail);
  const expected = live && ctx.expected.table(p.schema, p.table)?.indexes.some((i) => i.name === live.name && definitionTail(i.definition) === tail);
  return live && expected ? { schema: p.schema, name: live.name, table: parent, index: live } : undefined;
}

/** The live partitioned index `index` of `t` as it is: ON ONLY, and the live partitions' indexes of its definition built and attached (one level). */
function liveOnOnlyBuild(ctx: PlanContext, t: Table, index: Index): PlanStatement[] {
  const tail = definitionTail(index.definition);
  const out: PlanStatement[] = [stmt(createIndexSql(index, { concurrently: false, only: true }))];
  for (const p of livePartitions(ctx, t)) {
    const own = p.indexes.find((i) => i.constraint === null && definitionTail(i.definition) === tail);
    if (!own) continue;
    if (p.kind === 'partitioned_table') out.push(stmt(createIndexSql(own, { concurrently: false, only: true })));
    else out.push(stmt(dropInvalidIndexSql(p.schema, own.name)), longRunning(createIndexSql(own, { concurrently: true }), false));
    out.push(stmt(attachIndexSql(t.schema, index.name, p.schema, own.name, p.name)));
  }
  return out;
}

function planMissingIndex(f: Of<'missing_index'>, ctx: PlanContext): void {
  const o = f.object;
  const t = ctx.expected.table(o.schema, o.table ?? '');
  const index = t?.indexes.find((i) => i.name === o.index) ?? f.expected;
  if (!t || builtWithParent(ctx, t, index)) return;
  const r = createIndexOnExisting(ctx, o.schema, t.name, index);
  const parentIndex = parentIndexOf(ctx, t, index);
  const attach = parentIndex ? [stmt(attachIndexSql(parentIndex.schema, parentIndex.name, o.schema, index.name, t.name))] : [];
  // Attached to a parent's index left invalid (ON ONLY, a build cut short), it can only go with it: down.sql builds that index back as it is.
  const down = parentIndex && !parentIndex.index.valid ? [stmt(dropIndexSql(parentIndex.schema, parentIndex.name, false)), ...liveOnOnlyBuild(ctx, parentIndex.table, parentIndex.index)] : r.down;
  if (parentIndex) {
    r.hazards.push({
      kind: 'long_lock',
      message: `ALTER INDEX … ATTACH PARTITION takes a brief lock on ${displayName(parentIndex.schema, parentIndex.table.name)}${parentIndex.index.valid ? '' : `; rolling back drops ${quoteIdent(parentIndex.name)} and builds it again ON ONLY, with the partitions' indexes it had`}`,
    });
  }
  const partitionIds = (r.partitionIndexes ?? []).map((p) => findingId('missing_index', { schema: p.table.schema, table: p.table.name, index: p.name }));
  ctx.add({
    object: displayName(o.schema, t.name, index.name),
    phase: 'indexes',
    findingIds: [f.id, ...partitionIds],
    summary: `create index ${quoteIdent(index.name)} on ${displayName(o.schema, t.name)}`,
    up: [...r.up, ...attach, ...commented(index.comment, (text) => commentOnIndexSql(o.schema, index.name, text))],
    down,
    hazards: r.hazards,
  });
}

/**
 * A different index of the same name: built CONCURRENTLY under a temporary
 * name beside the old one, then swapped in (down swaps the old one back).
 * An index behind a constraint, or in a partitioned index tree: manual.
 */
function planIndexMismatch(f: Of<'index_mismatch'>, ctx: PlanContext): void {
  const o = f.object;
  const e = f.expected;
  const a = f.actual;
  const at = ctx.live.table(o.schema, o.table ?? '');
  const partition = at?.partitionOf !== null || at?.kind === 'partitioned_table';
  if (e.constraint !== null || a.constraint !== null || partition) {
    ctx.manual(
      f,
      e.constraint !== null || a.constraint !== null
        ? `index ${quoteIdent(e.name)} implements constraint ${quoteIdent(e.constraint ?? a.constraint ?? '')}: rebuilding it means replacing the constraint; decide when`
        : `index ${quoteIdent(e.name)} is part of a partitioned index tree: rebuild it from the partitioned parent`,
      [`${dropIndexSql(o.schema, a.name, false)};`, `${createIndexSql(e, { concurrently: false })};`],
      [{ kind: 'long_lock', message: `rebuilding blocks writes to ${ctx.sizeOf(o.schema, o.table ?? '')}` }],
    );
    return;
  }
  const tmp = makeObjectName(e.name, null, 'sa_new');
  const swap = (from: Index): PlanStatement[] => [
    stmt(dropInvalidIndexSql(o.schema, tmp)),
    longRunning(createIndexSql(from, { concurrently: true, name: tmp }), false),
    stmt(dropIndexSql(o.schema, e.name, true), { transactional: false }),
    stmt(renameIndexSql(o.schema, tmp, e.name)),
  ];
  ctx.add({
    object: displayName(o.schema, o.table ?? '', e.name),
    phase: 'indexes',
    findingIds: [f.id],
    summary: `rebuild index ${quoteIdent(e.name)} on ${displayName(o.schema, o.table ?? '')} as expected: built CONCURRENTLY as ${quoteIdent(tmp)} beside the old one, then swapped in`,
    up: swap(e),
    down: swap(a),
    hazards: [...(e.unique ? [{ kind: 'may_fail' as const, message: 'the unique index fails to build if the table holds duplicates' }] : [])],
  });
}

/** Unexpected indexes dropped CONCURRENTLY; down builds them again. */
function planDrops(findings: readonly IndexFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_index') continue;
    const o = f.object;
    const i = f.actual;
    const r = createIndexOnExisting(ctx, o.schema, o.table ?? '', i);
    ctx.add({
      object: displayName(o.schema, o.table ?? '', i.name),
      phase: 'drop_indexes',
      findingIds: [f.id],
      summary: `drop unexpected index ${quoteIdent(i.name)} on ${displayName(o.schema, o.table ?? '')}`,
      up: r.down,
      down: r.up,
      hazards: [],
    });
  }
}

export const INDEX_PLAN: KindPlan<IndexFinding> = {
  findings: {
    missing_index: planMissingIndex,
    unexpected_index: IN_DROP_PASS,
    index_mismatch: planIndexMismatch,
  },
  drop: planDrops,
};
