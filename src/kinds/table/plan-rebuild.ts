/**
 * A table partitioned differently than expected (a plain table that should
 * be partitioned, or the reverse) cannot be ALTERed into the other: it is
 * rebuilt. One DO block, so one transaction: the rows copied aside into a
 * temporary table, the serial sequences disowned, the foreign keys that
 * reference the table dropped, the table dropped (its partitions with it),
 * the table built as the other side has it (its partitions, constraints,
 * indexes, sequence ownership), the rows copied back (INSERT … SELECT), the
 * identity sequences set past them, the referencing foreign keys added back.
 * It runs only while the table is still of the old kind (re-runnable).
 *
 * Written by the plan only with --drop-unexpected and for a table that is
 * empty or never analysed; otherwise a manual step says what to do and
 * gives this SQL to start from.
 */
import { displayName, qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { makeObjectName } from '../../model/naming.js';
import type { Sequence, Table } from '../../model/schema-model.js';
import { rowsText, type ModelLookup, type PlanContext } from '../../plan/context.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import type { ForeignKeyConstraint } from '../constraint/model.js';
import { addConstraintSql, dropConstraintSql } from '../constraint/sql.js';
import { sequenceOwnedBySql } from '../sequence/sql.js';
import { doBlock, regclass } from '../sql.js';
import { partitionedDifferently } from './compare.js';
import { buildTable, type TableBuild } from './plan-build.js';
import { dropTableSql } from './sql.js';

/** A foreign key of another table that references the rebuilt one. */
interface Incoming {
  readonly t: Table;
  readonly c: ForeignKeyConstraint;
}

/** One direction of a rebuild: the table as it is (`from`), as it becomes (`to`) with the partitions built with it. */
interface Direction {
  readonly from: Table;
  readonly to: Table;
  /** The partitions (any depth) built with `to`, parents first. */
  readonly partitions: readonly Table[];
  /** Sequences owned by columns of `from`: disowned, so the DROP keeps them. */
  readonly disown: readonly Sequence[];
  /** Sequences owned by columns of `to`. */
  readonly own: readonly Sequence[];
  readonly incoming: readonly Incoming[];
}

/** The tables of `side` that are partitions of `t`, at any depth, parents first; `keep` chooses which to follow. */
function partitionsOf(side: ModelLookup, t: Table, keep: (p: Table) => boolean, level = 0): Table[] {
  if (level >= 64) return [];
  const children = side.model.tables.filter((p) => p.partitionOf?.schema === t.schema && p.partitionOf.table === t.name && keep(p));
  return children.flatMap((p) => [p, ...partitionsOf(side, p, keep, level + 1)]);
}

/** Foreign keys of other tables of `side` that reference `t`. */
function incomingKeys(side: ModelLookup, t: Table): Incoming[] {
  return side.model.tables
    .filter((o) => o.schema !== t.schema || o.name !== t.name)
    .flatMap((o) =>
      o.constraints.flatMap((c) => (c.kind === 'foreign_key' && c.references.schema === t.schema && c.references.table === t.name ? [{ t: o, c }] : [])),
    );
}

/**
 * Why the table (`e` expected, `a` live) partitioned differently is not
 * rebuilt by the plan, or null when it is: only with --drop-unexpected,
 * for a table empty or never analysed, plain against partitioned (not
 * another partition key), neither a partition nor in an inheritance tree.
 */
export function rebuildBlocker(ctx: PlanContext, e: Table, a: Table): string | null {
  if (e.kind === a.kind) return 'its partition key changes, and with it every partition bound: rebuild it and its partitions by hand';
  if (e.partitionOf !== null || a.partitionOf !== null) return 'it is a partition itself: rebuild it together with its parent by hand';
  const children = ctx.live.model.tables.some((t) => (t.inherits ?? []).some((p) => p.schema === a.schema && p.table === a.name));
  if ((e.inherits ?? []).length || (a.inherits ?? []).length || children) return 'it is in an inheritance tree: rebuild the tree by hand';
  if (!ctx.settings.dropUnexpected) return 'the rebuild drops the table, so schema-audit writes it only with --drop-unexpected';
  if (a.rowEstimate !== null && a.rowEstimate > 0) return `it holds ${rowsText(a.rowEstimate)}: move them as a data migration (in batches, or in a maintenance window)`;
  return null;
}

/** True when the plan rebuilds the table: partitioned differently and nothing in {@link rebuildBlocker}. */
export function plannedRebuild(ctx: PlanContext, e: Table | undefined, a: Table | undefined): boolean {
  return e !== undefined && a !== undefined && partitionedDifferently(e, a) && rebuildBlocker(ctx, e, a) === null;
}

/** The live tables dropped with `a` when it is rebuilt: its partitions the expected schema has no table of that name for. */
export function droppedWithIt(ctx: PlanContext, a: Table): Table[] {
  return partitionsOf(ctx.live, a, (p) => ctx.expected.table(p.schema, p.name) === undefined);
}

/** `ctx` that records nothing: for SQL built only to be shown or for the way back (what it needs exists there). */
function silent(ctx: PlanContext): PlanContext {
  return { ...ctx, add: () => undefined, manual: () => undefined, keep: () => undefined, firstTime: () => false };
}

/** The rebuild both ways for expected `e` and live `a`. */
function directions(ctx: PlanContext, e: Table, a: Table): { up: Direction; down: Direction } {
  const incoming = incomingKeys(ctx.live, a);
  const up: Direction = {
    from: a,
    to: e,
    // Partitions missing from the database; those it has are attached or detached by their own findings.
    partitions: partitionsOf(ctx.expected, e, (p) => ctx.live.table(p.schema, p.name) === undefined),
    disown: ctx.live.ownedSequences(a),
    own: ctx.expected.ownedSequences(e),
    incoming,
  };
  const down: Direction = { from: e, to: a, partitions: droppedWithIt(ctx, a), disown: up.own, own: up.disown, incoming };
  return { up, down };
}

/** The columns copied over: those both sides have, but generated ones. */
function copiedColumns(d: Direction): string[] {
  return [...d.to.columns]
    .sort((x, y) => x.position - y.position)
    .filter((c) => c.generated === null && d.from.columns.some((f) => f.name === c.name && f.generated === null))
    .map((c) => c.name);
}

/** The statement lines of one direction's DO block (see the top of this file); `extras`: the foreign keys, comments, triggers and policies too. */
function rebuildSql(ctx: PlanContext, d: Direction, findingId: string, extras: boolean): string {
  const { from, to } = d;
  const table = qualifiedName(to.schema, to.name);
  const rows = `pg_temp.${quoteIdent(makeObjectName(to.name, null, 'sa_rows'))}`;
  const columns = copiedColumns(d).map(quoteIdent).join(', ');
  const builds: TableBuild[] = [to, ...d.partitions].map((t) => buildTable(ctx, t, findingId));
  const body: string[] = [];
  const add = (sql: string): void => {
    body.push(`  ${sql};`);
  };
  if (columns) add(`CREATE TEMPORARY TABLE ${rows} ON COMMIT DROP AS SELECT ${columns} FROM ${table}`);
  for (const { t, c } of d.incoming) add(dropConstraintSql(t.schema, t.name, c.name));
  for (const s of d.disown) add(sequenceOwnedBySql(s.schema, s.name, null, { ifExists: true }));
  add(dropTableSql(from.schema, from.name));
  const all = (pick: (b: TableBuild) => PlanStatement[]): void => {
    for (const b of builds) for (const s of pick(b)) add(s.sql);
  };
  all((b) => b.table);
  // Deepest partitions' indexes first: the parent's index then adopts them.
  for (const b of [...builds].reverse()) for (const s of b.indexes) add(s.sql);
  for (const s of d.own) add(sequenceOwnedBySql(s.schema, s.name, s.ownedBy, { ifExists: true }));
  if (columns) {
    add(`INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${rows}`);
    for (const c of to.columns.filter((x) => x.identity !== null && copiedColumns(d).includes(x.name))) {
      const sequence = `pg_catalog.pg_get_serial_sequence(${quoteLiteral(table)}, ${quoteLiteral(c.name)})`;
      add(`PERFORM pg_catalog.setval(${sequence}, m) FROM (SELECT max(${quoteIdent(c.name)}) AS m FROM ${table}) AS x WHERE m IS NOT NULL`);
    }
    add(`DROP TABLE ${rows}`);
  }
  for (const { t, c } of d.incoming) add(addConstraintSql(t.schema, t.name, c.name, c.definition));
  if (extras) {
    all((b) => b.fks);
    all((b) => b.comments);
    all((b) => b.triggers);
    all((b) => b.policies);
    all((b) => b.rowSecurity);
  }
  const kind = from.kind === 'partitioned_table' ? 'p' : 'r';
  return doBlock([`IF EXISTS (SELECT FROM pg_catalog.pg_class WHERE oid = ${regclass(from.schema, from.name)} AND relkind = '${kind}') THEN`, ...body, 'END IF;']);
}

/** `a table partitioned by RANGE (day)` / `a plain table`. */
function kindText(t: Table): string {
  return t.kind === 'partitioned_table' ? `a table partitioned by ${t.partitionKey ?? '?'}` : 'a plain table';
}

/** The rebuild's hazards. */
function rebuildHazards(ctx: PlanContext, e: Table, a: Table): Hazard[] {
  const size = ctx.sizeOf(a.schema, a.name);
  return [
    {
      kind: 'table_rewrite',
      message: `rebuilds ${size} as ${kindText(e)}: DROP and CREATE under an ACCESS EXCLUSIVE lock held until the block commits, every row copied to a temporary table and back (INSERT … SELECT) in the same transaction`,
    },
    {
      kind: 'may_fail',
      message:
        `fails, and changes nothing (one transaction), when a row falls in no partition, when a rule or a function over the row type depends on ${displayName(a.schema, a.name)} (views over it are dropped before and created again after), ` +
        'or when a foreign key referencing it cannot be added back (a partitioned table needs a unique key that includes the partition key)',
    },
    {
      kind: 'access_change',
      message: `the new ${displayName(e.schema, e.name)} is owned by the role running the file and has none of the old table's grants: grant them again`,
    },
  ];
}

/** The rebuild of expected `e` from live `a`, and what the new table gets in later phases; `findingIds`: the table's finding, the missing partitions it builds. */
export function rebuildStep(ctx: PlanContext, e: Table, a: Table, findingIds: readonly string[]): void {
  const name = displayName(e.schema, e.name);
  const { up, down } = directions(ctx, e, a);
  const upSql = rebuildSql(ctx, up, findingIds[0] ?? '', false);
  const downSql = rebuildSql(silent(ctx), down, findingIds[0] ?? '', true);
  const toPartitioned = e.kind === 'partitioned_table';
  ctx.add({
    object: name,
    // Made partitioned: before its partitions are created. Made plain: after its partitions that stay are detached.
    phase: toPartitioned ? 'tables' : 'columns',
    findingIds: [...findingIds],
    summary: `rebuild ${name} as ${kindText(e)} (it is ${kindText(a)}), its rows moved over${up.partitions.length ? `, with partitions ${up.partitions.map((p) => displayName(p.schema, p.name)).join(', ')}` : ''}`,
    up: [stmt(upSql)],
    down: [stmt(downSql)],
    hazards: rebuildHazards(ctx, e, a),
  });
  // What the new table gets in later phases, as a new table does.
  const built = [e, ...up.partitions].map((t) => ({ t, b: buildTable(ctx, t, findingIds[0] ?? '') }));
  const step = { object: name, findingIds: [...findingIds] };
  const fks = built.flatMap(({ b }) => b.fks);
  if (fks.length) {
    const drops = built.flatMap(({ t }) => t.constraints.filter((c) => c.kind === 'foreign_key').map((c) => stmt(dropConstraintSql(t.schema, t.name, c.name))));
    ctx.add({ ...step, phase: 'foreign_keys', summary: `foreign keys of rebuilt table ${name}`, up: fks, down: drops, hazards: [] });
  }
  const comments = built.flatMap(({ b }) => b.comments);
  if (comments.length) ctx.add({ ...step, phase: 'comments', summary: `comments on rebuilt table ${name}`, up: comments, down: [], hazards: [] });
  const triggers = built.flatMap(({ b }) => b.triggers);
  if (triggers.length) ctx.add({ ...step, phase: 'triggers', summary: `triggers of rebuilt table ${name}`, up: triggers, down: [], hazards: [] });
  const policies = built.flatMap(({ b }) => b.policies);
  if (policies.length) ctx.add({ ...step, phase: 'policies', summary: `policies of rebuilt table ${name}`, up: policies, down: [], hazards: [] });
  const rowSecurity = built.flatMap(({ b }) => b.rowSecurity);
  if (rowSecurity.length) ctx.add({ ...step, phase: 'row_security', summary: `row-level security of rebuilt table ${name}`, up: rowSecurity, down: [], hazards: [] });
}

/** The tables the plan rebuilds, with the partitions it builds for them (whose missing_table findings it settles). */
export function rebuilds(ctx: PlanContext): { e: Table; a: Table; partitions: readonly Table[] }[] {
  return ctx.expected.model.tables.flatMap((e) => {
    const a = ctx.live.table(e.schema, e.name);
    return a && plannedRebuild(ctx, e, a) ? [{ e, a, partitions: directions(ctx, e, a).up.partitions }] : [];
  });
}

/** The manual step for a table partitioned differently that the plan does not rebuild: why, what to do, the rebuild's SQL to start from. */
export function manualRebuild(ctx: PlanContext, f: { readonly id: string }, e: Table, a: Table, blocker: string): void {
  const name = displayName(e.schema, e.name);
  const reason =
    `${name} is ${kindText(a)}; expected ${kindText(e)}. PostgreSQL cannot ALTER one into the other: the table is rebuilt. ` +
    'In one transaction: copy the rows aside, drop the table, create it as expected (with its partitions, constraints and indexes), copy the rows back, ' +
    `add back the foreign keys that reference it, grant again. schema-audit writes this rebuild itself only for an empty or never-analysed table with --drop-unexpected; here ${blocker}`;
  const possible = e.kind !== a.kind && e.partitionOf === null && a.partitionOf === null;
  ctx.manual(f, reason, possible ? [`${rebuildSql(silent(ctx), directions(ctx, e, a).up, f.id, false)};`] : [], rebuildHazards(ctx, e, a));
}
