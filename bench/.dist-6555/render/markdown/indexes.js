import { indexKeyText, keyColumns } from '../../kinds/index/words.js';
import { compositeCount, compositeNote, groupByTable, isAdvice, presentCount, tableColumnNames, tableKey, } from './analysis.js';
import { hasText, prose } from './prose.js';
import { code, columnCode, escapeMarkdown, listJoin, numbered, objectName, plural } from './syntax.js';
function inventoryIndexText(i) {
    const notes = [escapeMarkdown(i.columns.join(', '))];
    if (i.primary)
        notes.push('primary key');
    else if (i.unique)
        notes.push('unique');
    if (i.method !== 'btree')
        notes.push(escapeMarkdown(i.method));
    if (i.partial)
        notes.push('partial');
    return `${columnCode(i.name)} (${notes.join('; ')})`;
}
/** `Add composite index `x` on `a`, `b` using gin ... - the query it serves`. */
function addIndexText(f, added, identifiers) {
    const ix = f.expected;
    const keys = ix.keys.map(indexKeyText);
    const what = [ix.unique ? 'unique index' : keys.length > 1 ? 'composite index' : 'index', columnCode(ix.name)];
    // Key columns the migration adds: said with the keys when all are new, else in a note.
    const needs = keyColumns(ix.keys).filter((c) => added.has(c));
    const allNew = needs.length > 0 && needs.length === keys.length;
    const on = allNew ? `the new ${needs.length === 1 ? 'column' : 'columns'} ` : '';
    let text = `Add ${what.join(' ')} on ${on}${keys.map(code).join(', ')}`;
    if (ix.method !== 'btree')
        text += ` using ${escapeMarkdown(ix.method)}`;
    if (ix.include.length > 0)
        text += ` including ${ix.include.map(columnCode).join(', ')}`;
    if (ix.where !== null)
        text += ` where ${code(ix.where)}`;
    if (needs.length > 0 && !allNew) {
        text += ` (${listJoin(needs.map(columnCode))} ${needs.length === 1 ? 'is a new column' : 'are new columns'})`;
    }
    if (hasText(ix.description))
        text += ` - ${prose(ix.description, identifiers)}`;
    return text;
}
function tableIndexes(a, g, n) {
    const identifiers = tableColumnNames(a, g.schema, g.table);
    const added = new Set(a.missingColumns.filter((m) => m.schema === g.schema && m.table === g.table).flatMap((m) => m.items.map((x) => x.column.name)));
    const { marker, indent } = numbered(n);
    const lines = [`${marker}**${escapeMarkdown(objectName(g.schema, g.table))} table**:`];
    for (const f of g.items) {
        lines.push(isAdvice(f)
            ? `${indent}- Advice (${code(f.kind)}, ${escapeMarkdown(f.severity)}): ${escapeMarkdown(f.message)}`
            : `${indent}- ${addIndexText(f, added, identifiers)}`);
    }
    const inv = a.inventory.get(tableKey(g.schema, g.table));
    if (inv !== undefined) {
        lines.push(`${indent}- Existing indexes: ${inv.indexes.length === 0 ? 'none' : inv.indexes.map(inventoryIndexText).join(', ')}`);
    }
    return lines.join('\n');
}
/** `### Index Optimization Opportunities`. */
export function indexSection(a) {
    const out = ['### Index Optimization Opportunities'];
    const groups = groupByTable([...a.missingIndexes, ...a.indexAdvice], (f) => f.object);
    if (groups.length === 0) {
        const present = presentCount(a, 'index');
        out.push(present === 0
            ? 'No expected index is missing.'
            : present === 1
                ? 'The 1 expected index exists.'
                : `All ${plural(present, 'expected index', 'expected indexes')} exist.`);
        return out;
    }
    const missing = a.missingIndexes.length;
    if (missing > 0) {
        const described = a.missingIndexes.some((f) => hasText(f.expected.description));
        out.push(`${plural(missing, 'expected index', 'expected indexes')} ${missing === 1 ? 'is' : 'are'} missing` +
            `${compositeNote(compositeCount(a.missingIndexes), missing)}; ${missing === 1 ? 'it is' : 'each is'} listed with ` +
            `${described ? 'the query it serves (where the expected schema says) and ' : ''}the indexes the table already has:`);
    }
    else {
        out.push('The DBA checks have advice on these indexes:');
    }
    out.push(groups.map((g, n) => tableIndexes(a, g, n)).join('\n\n'));
    return out;
}
//# sourceMappingURL=indexes.js.map