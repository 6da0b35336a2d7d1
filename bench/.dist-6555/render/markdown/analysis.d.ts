/**
 * The report split into what the markdown document's sections need: drift
 * and advice apart, the findings of the sections of their own (missing
 * tables, columns, indexes), the rest for Other Drift, and lookups of the
 * present objects and the inventory by table.
 */
import type { AdviceFinding } from '../../advice/index.js';
import type { AuditReport, InventoryTable, ReportFinding } from '../../audit.js';
import { type PresentObject } from '../../findings/finding.js';
import { type DriftFinding, type FindingKind } from '../../findings/kinds.js';
import type { MissingColumn } from '../../kinds/column/findings.js';
/** The drift findings of one kind, typed as that kind defines them. */
export type DriftOf<K extends FindingKind> = Extract<DriftFinding, {
    kind: K;
}>;
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
export declare function isAdvice(f: ReportFinding): f is AdviceFinding;
/** The findings of one kind. */
export declare function ofKind<K extends FindingKind>(findings: readonly DriftFinding[], kind: K): DriftOf<K>[];
/** The key of a table (or enum) in the analysis's maps and sets. */
export declare function tableKey(schema: string, table: string): string;
/** Items by the table of their object, tables in the order they first appear. */
export declare function groupByTable<T>(items: readonly T[], objectOf: (item: T) => {
    readonly schema: string;
    readonly table?: string;
}): TableGroup<T>[];
/** Split the report for the sections. */
export declare function analyse(report: AuditReport): Analysis;
/** How many expected objects of a kind (`table`, `column`, ...) the database has. */
export declare function presentCount(a: Analysis, kind: string): number;
/** The expected tables: present and missing. */
export declare function expectedTableCount(a: Analysis): number;
/** The expected enums: present and missing. */
export declare function expectedEnumCount(a: Analysis): number;
/** Column names of a table the report knows (present expected ones and missing ones). */
export declare function tableColumnNames(a: Analysis, schema: string, table: string): Set<string>;
/** The planner's row estimate of a table, or null when unknown (or not in the inventory). */
export declare function tableRows(a: Analysis, schema: string, table: string): number | null;
/** The missing columns, table by table, each table's in position order. */
export declare function newColumns(a: Analysis): NewColumn[];
/** A new NOT NULL column without a default on a table that has (or may have) rows. */
export declare function needsBackfillPlan(a: Analysis, m: NewColumn): boolean;
/** `about 5,000 rows`, `empty`, or null when the planner has no estimate. */
export declare function rowsText(estimate: number | null): string | null;
/** The missing indexes with more than one key. */
export declare function compositeCount(indexes: readonly DriftOf<'missing_index'>[]): number;
/** ` (composite)`, ` (all composite)`, ` (2 of them composite)` or nothing. */
export declare function compositeNote(composite: number, total: number): string;
