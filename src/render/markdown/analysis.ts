/**
 * The report split into what the markdown document's sections need: drift
 * and advice apart, the findings of the sections of their own (missing
 * tables, columns, indexes), the rest for Other Drift, and lookups of the
 * present objects and the inventory by table.
 */
import type { AdviceFinding } from '../../advice/index.js';
import type { AuditReport, InventoryTable, ReportFinding } from '../../audit.js';
import { SEVERITY_RANK, type FindingObject, type PresentObject } from '../../findings/finding.js';
import { FINDING_KIND_RANK, type DriftFinding, type FindingKind } from '../../findings/kinds.js';
import { insertsMustSupply } from '../../kinds/column/describe.js';
import type { MissingColumn } from '../../kinds/column/findings.js';
import { objectKey } from '../../model/identifiers.js';
import { compareText } from '../../model/sort.js';
import { otherDriftCell } from './finding-words.js';
import { count, plural } from './syntax.js';

/** The drift findings of one kind, typed as that kind defines them. */
export type DriftOf<K extends FindingKind> = Extract<DriftFinding, { kind: K }>;

/** A column the expected schema has and the database lacks, with its table. */
export interface NewColumn {
  readonly schema: string;
  readonly table: string;
  readonly column: MissingColumn;
}

/** Items of one table, in the order they came. */
export interface TableGroup<T> {
  readonly schema: string;
  readonly table: string;
  readonly items: T[];
}

/** A finding under Other Drift and its cell there. */
export interface OtherDriftRow {
  readonly finding: DriftFinding;
  readonly cell: string;
}

/** What the sections read, computed once per document. */
export interface Analysis {
  readonly drift: readonly DriftFinding[];
  readonly advice: readonly AdviceFinding[];
  /** Advice about indexes, listed with their tables under Index Optimization Opportunities. */
  readonly indexAdvice: readonly AdviceFinding[];
  /** The rest of the advice, under Advice. */
  readonly otherAdvice: readonly AdviceFinding[];
  readonly missingTables: readonly DriftOf<'missing_table'>[];
  /** By table, each table's columns in position order. */
  readonly missingColumns: readonly TableGroup<NewColumn>[];
  readonly missingColumnCount: number;
  readonly missingIndexes: readonly DriftOf<'missing_index'>[];
  /** Drift that has no section of its own (it has an Other Drift cell), most severe first. */
  readonly other: readonly DriftFinding[];
  /** {@link other} with the cells its kinds' words give them. */
  readonly otherRows: readonly OtherDriftRow[];
  readonly presentByTable: ReadonlyMap<string, readonly PresentObject[]>;
  readonly inventory: ReadonlyMap<string, InventoryTable>;
  /** Expected objects present, by kind name. */
  readonly presentCount: ReadonlyMap<string, number>;
  readonly unexpectedTables: ReadonlySet<string>;
  readonly unexpectedEnums: ReadonlySet<string>;
}

/** True for a DBA check's finding (category `advice`), never drift. */
export function isAdvice(f: ReportFinding): f is AdviceFinding {
  return f.category === 'advice';
}

function isIndexRelated(f: AdviceFinding): boolean {
  return f.kind.includes('index') || f.object.index !== undefined;
}

/** The findings of one kind. */
export function ofKind<K extends FindingKind>(findings: readonly DriftFinding[], kind: K): DriftOf<K>[] {
  return findings.filter((f): f is DriftOf<K> => f.kind === kind);
}

/** The key of a table (or enum) in the analysis's maps and sets. */
export function tableKey(schema: string, table: string): string {
  return objectKey(schema, table);
}

/** Items by the table of their object, tables in the order they first appear. */
export function groupByTable<T>(items: readonly T[], objectOf: (item: T) => { readonly schema: string; readonly table?: string }): TableGroup<T>[] {
  const groups = new Map<string, TableGroup<T>>();
  for (const item of items) {
    const o = objectOf(item);
    const key = tableKey(o.schema, o.table ?? '');
    let g = groups.get(key);
    if (g === undefined) {
      g = { schema: o.schema, table: o.table ?? '', items: [] };
      groups.set(key, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
}

/** The findings with an Other Drift cell: most severe first, then in report order of kinds, then as the report lists them. */
function otherDriftRows(drift: readonly DriftFinding[]): OtherDriftRow[] {
  const order = new Map(drift.map((f, i) => [f, i]));
  return drift
    .flatMap((finding) => {
      const cell = otherDriftCell(finding);
      return cell === null ? [] : [{ finding, cell }];
    })
    .sort(
      ({ finding: x }, { finding: y }) =>
        SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] ||
        (FINDING_KIND_RANK.get(x.kind) ?? 0) - (FINDING_KIND_RANK.get(y.kind) ?? 0) ||
        (order.get(x) ?? 0) - (order.get(y) ?? 0),
    );
}

function missingColumnGroups(drift: readonly DriftFinding[]): TableGroup<NewColumn>[] {
  const columns = ofKind(drift, 'missing_column').map((f) => ({ schema: f.object.schema, table: f.object.table ?? '', column: f.expected }));
  const groups = groupByTable(columns, (m) => m);
  for (const g of groups) g.items.sort((x, y) => x.column.position - y.column.position || compareText(x.column.name, y.column.name));
  return groups;
}

/** Split the report for the sections. */
export function analyse(report: AuditReport): Analysis {
  const advice = report.findings.filter(isAdvice);
  const drift = report.findings.filter((f): f is DriftFinding => !isAdvice(f));
  const presentByTable = new Map<string, PresentObject[]>();
  const presentCount = new Map<string, number>();
  for (const p of report.present) {
    presentCount.set(p.kind, (presentCount.get(p.kind) ?? 0) + 1);
    if (p.object.table === undefined) continue;
    const key = tableKey(p.object.schema, p.object.table);
    const entry = presentByTable.get(key);
    if (entry === undefined) presentByTable.set(key, [p]);
    else entry.push(p);
  }
  const otherRows = otherDriftRows(drift);
  const keyOf = (field: 'table' | 'enum') => (f: { readonly object: FindingObject }) => tableKey(f.object.schema, f.object[field] ?? '');
  return {
    drift,
    advice,
    indexAdvice: advice.filter(isIndexRelated),
    otherAdvice: advice.filter((f) => !isIndexRelated(f)),
    missingTables: ofKind(drift, 'missing_table'),
    missingColumns: missingColumnGroups(drift),
    missingColumnCount: ofKind(drift, 'missing_column').length,
    missingIndexes: ofKind(drift, 'missing_index'),
    other: otherRows.map((r) => r.finding),
    otherRows,
    presentByTable,
    inventory: new Map(report.inventory.tables.map((t) => [tableKey(t.schema, t.name), t])),
    presentCount,
    unexpectedTables: new Set(ofKind(drift, 'unexpected_table').map(keyOf('table'))),
    unexpectedEnums: new Set(ofKind(drift, 'unexpected_enum').map(keyOf('enum'))),
  };
}

/** How many expected objects of a kind (`table`, `column`, ...) the database has. */
export function presentCount(a: Analysis, kind: string): number {
  return a.presentCount.get(kind) ?? 0;
}

/**
 * Whether a present table is a partition: the inventory (the Overview's
 * list) holds the live tables without their partitions, so a table present
 * but not in it is one. Tables and partitions are counted apart, so that
 * every section counts tables as the Overview does.
 */
function presentTables(a: Analysis): { tables: number; partitions: number } {
  let tables = 0;
  let partitions = 0;
  for (const [key, objects] of a.presentByTable) {
    if (!objects.some((o) => o.kind === 'table' && o.object.column === undefined)) continue;
    if (a.inventory.has(key)) tables++;
    else partitions++;
  }
  return { tables, partitions };
}

/** A missing table that is a partition of another. */
function isPartition(f: DriftOf<'missing_table'>): boolean {
  return (f.expected as { readonly partitionOf?: unknown }).partitionOf != null;
}

/** The missing tables that are not partitions (the missing partitions are counted apart). */
export function missingTableCount(a: Analysis): number {
  return a.missingTables.filter((f) => !isPartition(f)).length;
}

/** The expected tables, partitions apart: present and missing. */
export function expectedTableCount(a: Analysis): number {
  return presentTables(a).tables + missingTableCount(a);
}

/** The expected partitions: present and missing. */
export function expectedPartitionCount(a: Analysis): number {
  return presentTables(a).partitions + a.missingTables.filter(isPartition).length;
}

/** The expected enums: present and missing. */
export function expectedEnumCount(a: Analysis): number {
  return presentCount(a, 'enum') + ofKind(a.drift, 'missing_enum').length;
}

/** Column names of a table the report knows (present expected ones and missing ones). */
export function tableColumnNames(a: Analysis, schema: string, table: string): Set<string> {
  const names = new Set<string>();
  for (const p of a.presentByTable.get(tableKey(schema, table)) ?? []) {
    if (p.kind === 'column' && p.object.column !== undefined) names.add(p.object.column);
  }
  for (const g of a.missingColumns) if (g.schema === schema && g.table === table) for (const m of g.items) names.add(m.column.name);
  return names;
}

/** The planner's row estimate of a table, or null when unknown (or not in the inventory). */
export function tableRows(a: Analysis, schema: string, table: string): number | null {
  return a.inventory.get(tableKey(schema, table))?.rowEstimate ?? null;
}

/** The missing columns, table by table, each table's in position order. */
export function newColumns(a: Analysis): NewColumn[] {
  return a.missingColumns.flatMap((g) => g.items);
}

/** A new NOT NULL column without a default on a table that has (or may have) rows. */
export function needsBackfillPlan(a: Analysis, m: NewColumn): boolean {
  return insertsMustSupply(m.column) && tableRows(a, m.schema, m.table) !== 0;
}

/** `about 5,000 rows`, `empty`, or null when the planner has no estimate. */
export function rowsText(estimate: number | null): string | null {
  if (estimate === null || estimate < 0) return null;
  if (estimate === 0) return 'empty';
  return `about ${plural(estimate, 'row')}`;
}

/** The missing indexes with more than one key. */
export function compositeCount(indexes: readonly DriftOf<'missing_index'>[]): number {
  return indexes.filter((f) => f.expected.keys.length > 1).length;
}

/** ` (composite)`, ` (all composite)`, ` (2 of them composite)` or nothing. */
export function compositeNote(composite: number, total: number): string {
  if (composite === 0) return '';
  if (composite === total) return total === 1 ? ' (composite)' : ' (all composite)';
  return ` (${count(composite)} of them composite)`;
}
