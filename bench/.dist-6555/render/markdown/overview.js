import { oneLine } from '../../findings/words.js';
import { redactCredentials } from '../../redact.js';
import { rowsText, tableKey } from './analysis.js';
import { prose } from './prose.js';
import { capitalise, code, count, escapeMarkdown, objectName, plural, table } from './syntax.js';
/** What each kind of expected source is, in words. */
const EXPECTED_KIND_WORDS = {
    spec: 'spec',
    sql: 'SQL file',
    migrations: 'migrations folder',
    snapshot: 'model snapshot',
    database: 'reference database',
};
function hostText(report) {
    const t = report.target;
    return t.port === 0 ? t.host : `${t.host}:${t.port}`;
}
/** `3 (0 errors, 2 warnings, 1 info)`. */
function severityCounts(total, by) {
    return `${count(total)} (${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${count(by('info'))} info)`;
}
/** `## Overview`: what was audited against what, and the counts. */
export function overview(report, a) {
    const t = report.target;
    const kindWords = EXPECTED_KIND_WORDS[report.expected.kind] ?? `${escapeMarkdown(report.expected.kind)} source`;
    // A URL's password never reaches the document, even if a caller left one in.
    const source = redactCredentials(report.expected.source);
    const s = report.summary;
    const scope = s.total === 0 && a.advice.length === 0
        ? 'It found no difference.'
        : 'It lists the tables and enums the database has, the expected tables, columns and indexes it lacks, ' +
            'every other difference, and what to do about them.';
    const paragraph = `This report audits the schema of the PostgreSQL database ${code(t.database)} ` +
        `against the ${kindWords} ${code(source)}: every table, column, index, constraint and enum the expected schema defines ` +
        `is compared with the live database. ${scope}`;
    const rows = [
        ['Database', code(t.database)],
        ['Host', escapeMarkdown(hostText(report))],
    ];
    if (t.user !== null)
        rows.push(['User', code(t.user)]);
    rows.push(['Server', `PostgreSQL ${escapeMarkdown(t.serverVersion)}`], ['Generated at', escapeMarkdown(report.generatedAt)], ['Expected schema', `${capitalise(kindWords)} ${code(source)}`], ['Expected schema SHA-256', code(report.expected.sha256.slice(0, 12))], ['Tool', `${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`], ['Drift findings', severityCounts(s.total, (severity) => s[severity])], ['Ignored findings', count(report.ignored.length)]);
    // Advice (DBA checks) is not drift: its own row, when the checks ran or left findings.
    if (report.advice !== undefined || a.advice.length > 0) {
        const by = (severity) => a.advice.filter((f) => f.severity === severity).length;
        rows.push(['Advice', a.advice.length === 0 ? 'none' : severityCounts(a.advice.length, by)]);
    }
    const notRead = report.coverage?.notRead ?? [];
    if (notRead.length > 0)
        rows.push(['Tables not read', `${notRead.length} (not compared; see below)`]);
    return [
        '## Overview',
        paragraph,
        table(['Item', 'Value'], rows),
        `The full SHA-256 of the expected schema's content is ${code(report.expected.sha256)}.`,
        ...coverage(report),
    ];
}
/** What the audit did not cover: tables not read (`--lock-wait skip`), advice checks that could not run. */
function coverage(report) {
    const out = [];
    const notRead = report.coverage?.notRead ?? [];
    if (notRead.length > 0) {
        out.push(`**Not read.** ${notRead.length === 1 ? 'This table was' : 'These tables were'} not read, so ${notRead.length === 1 ? 'it is' : 'they are'} neither compared nor reported missing; audit again when the lock is released:`, table(['Table', 'Why'], notRead.map((t) => [code(`${t.schema}.${t.name}`), escapeMarkdown(t.reason)])));
    }
    for (const n of report.advice?.notChecked ?? []) {
        out.push(`**Advice not checked.** ${code(n.kind)}: ${escapeMarkdown(n.reason)}.`);
    }
    return out;
}
function coreTables(report, a) {
    const tables = report.inventory.tables;
    if (tables.length === 0)
        return ['The database has no tables in the audited schemas.'];
    const anyRows = tables.some((t) => t.rowEstimate !== null);
    const items = tables.map((t, i) => {
        const notes = [];
        const rows = rowsText(t.rowEstimate);
        if (rows !== null)
            notes.push(rows);
        if (a.unexpectedTables.has(tableKey(t.schema, t.name)))
            notes.push('not in the expected schema');
        const head = `${i + 1}. **${escapeMarkdown(objectName(t.schema, t.name))}** - `;
        if (t.description !== null && oneLine(t.description) !== '') {
            return `${head}${prose(t.description)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
        }
        return `${head}(no description${notes.length > 0 ? `; ${notes.join('; ')}` : ''})`;
    });
    return [`The database has ${plural(tables.length, 'table')}${anyRows ? " (row counts are the planner's estimates)" : ''}:`, items.join('\n')];
}
function enums(report, a) {
    const all = report.inventory.enums;
    if (all.length === 0)
        return ['The database has no enums in the audited schemas.'];
    const items = all.map((e, i) => {
        const values = e.values.length === 0 ? '(no values)' : e.values.map((v) => escapeMarkdown(v)).join(', ');
        const note = a.unexpectedEnums.has(tableKey(e.schema, e.name)) ? ' (not in the expected schema)' : '';
        return `${i + 1}. **${escapeMarkdown(objectName(e.schema, e.name))}** - ${values}${note}`;
    });
    return [`The database has ${plural(all.length, 'enum')}, with their values in order:`, items.join('\n')];
}
/** `## Current Schema Analysis`: the live tables and enums. */
export function currentSchema(report, a) {
    return ['## Current Schema Analysis', '### Core Tables', ...coreTables(report, a), '### Enums', ...enums(report, a)];
}
//# sourceMappingURL=overview.js.map