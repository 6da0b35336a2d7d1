import { SEVERITY_RANK } from '../../findings/finding.js';
import { FINDING_KIND_RANK } from '../../findings/kinds.js';
import { insertsMustSupply } from '../../kinds/column/describe.js';
import { objectKey } from '../../model/identifiers.js';
import { compareText } from '../../model/sort.js';
import { otherDriftCell } from './finding-words.js';
import { count, plural } from './syntax.js';
/** True for a DBA check's finding (category `advice`), never drift. */
export function isAdvice(f) {
    return f.category === 'advice';
}
function isIndexRelated(f) {
    return f.kind.includes('index') || f.object.index !== undefined;
}
/** The findings of one kind. */
export function ofKind(findings, kind) {
    return findings.filter((f) => f.kind === kind);
}
/** The key of a table (or enum) in the analysis's maps and sets. */
export function tableKey(schema, table) {
    return objectKey(schema, table);
}
/** Items by the table of their object, tables in the order they first appear. */
export function groupByTable(items, objectOf) {
    const groups = new Map();
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
function otherDriftRows(drift) {
    const order = new Map(drift.map((f, i) => [f, i]));
    return drift
        .flatMap((finding) => {
        const cell = otherDriftCell(finding);
        return cell === null ? [] : [{ finding, cell }];
    })
        .sort(({ finding: x }, { finding: y }) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] ||
        (FINDING_KIND_RANK.get(x.kind) ?? 0) - (FINDING_KIND_RANK.get(y.kind) ?? 0) ||
        (order.get(x) ?? 0) - (order.get(y) ?? 0));
}
function missingColumnGroups(drift) {
    const columns = ofKind(drift, 'missing_column').map((f) => ({ schema: f.object.schema, table: f.object.table ?? '', column: f.expected }));
    const groups = groupByTable(columns, (m) => m);
    for (const g of groups)
        g.items.sort((x, y) => x.column.position - y.column.position || compareText(x.column.name, y.column.name));
    return groups;
}
/** Split the report for the sections. */
export function analyse(report) {
    const advice = report.findings.filter(isAdvice);
    const drift = report.findings.filter((f) => !isAdvice(f));
    const presentByTable = new Map();
    const presentCount = new Map();
    for (const p of report.present) {
        presentCount.set(p.kind, (presentCount.get(p.kind) ?? 0) + 1);
        if (p.object.table === undefined)
            continue;
        const key = tableKey(p.object.schema, p.object.table);
        const entry = presentByTable.get(key);
        if (entry === undefined)
            presentByTable.set(key, [p]);
        else
            entry.push(p);
    }
    const otherRows = otherDriftRows(drift);
    const keyOf = (field) => (f) => tableKey(f.object.schema, f.object[field] ?? '');
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
export function presentCount(a, kind) {
    return a.presentCount.get(kind) ?? 0;
}
/** The expected tables: present and missing. */
export function expectedTableCount(a) {
    return presentCount(a, 'table') + a.missingTables.length;
}
/** The expected enums: present and missing. */
export function expectedEnumCount(a) {
    return presentCount(a, 'enum') + ofKind(a.drift, 'missing_enum').length;
}
/** Column names of a table the report knows (present expected ones and missing ones). */
export function tableColumnNames(a, schema, table) {
    const names = new Set();
    for (const p of a.presentByTable.get(tableKey(schema, table)) ?? []) {
        if (p.kind === 'column' && p.object.column !== undefined)
            names.add(p.object.column);
    }
    for (const g of a.missingColumns)
        if (g.schema === schema && g.table === table)
            for (const m of g.items)
                names.add(m.column.name);
    return names;
}
/** The planner's row estimate of a table, or null when unknown (or not in the inventory). */
export function tableRows(a, schema, table) {
    return a.inventory.get(tableKey(schema, table))?.rowEstimate ?? null;
}
/** The missing columns, table by table, each table's in position order. */
export function newColumns(a) {
    return a.missingColumns.flatMap((g) => g.items);
}
/** A new NOT NULL column without a default on a table that has (or may have) rows. */
export function needsBackfillPlan(a, m) {
    return insertsMustSupply(m.column) && tableRows(a, m.schema, m.table) !== 0;
}
/** `about 5,000 rows`, `empty`, or null when the planner has no estimate. */
export function rowsText(estimate) {
    if (estimate === null || estimate < 0)
        return null;
    if (estimate === 0)
        return 'empty';
    return `about ${plural(estimate, 'row')}`;
}
/** The missing indexes with more than one key. */
export function compositeCount(indexes) {
    return indexes.filter((f) => f.expected.keys.length > 1).length;
}
/** ` (composite)`, ` (all composite)`, ` (2 of them composite)` or nothing. */
export function compositeNote(composite, total) {
    if (composite === 0)
        return '';
    if (composite === total)
        return total === 1 ? ' (composite)' : ' (all composite)';
    return ` (${count(composite)} of them composite)`;
}
//# sourceMappingURL=analysis.js.map