import { findingDefinition } from '../../findings/kinds.js';
import { findingObjectText } from './finding-words.js';
import { code, count, escapeMarkdown, plural, table } from './syntax.js';
/** Findings about objects (or enum values) the database has and the expected schema does not define. */
export function unexpectedCount(findings) {
    return findings.filter((f) => findingDefinition(f.kind).effect === 'unexpected').length;
}
/** `### Other Drift`: a table of the differences without a section of their own, then the ignored findings. */
export function otherDrift(report, a) {
    const out = ['### Other Drift'];
    if (a.other.length === 0) {
        out.push('No other drift: column types, nullability, defaults, identity and generated columns, constraints and enums match the expected schema, ' +
            'and the database has no table, column, index, constraint or enum that the expected schema does not define.');
    }
    else {
        const unexpected = unexpectedCount(a.other);
        const about = unexpected > 0 ? ` (${count(unexpected)} of them about objects or enum values the expected schema does not define)` : '';
        out.push(`${plural(a.other.length, 'other difference')}, most severe first${about}:`);
        out.push(table(['Severity', 'Object', 'Finding'], a.otherRows.map(({ finding: f, cell }) => [escapeMarkdown(f.severity), findingObjectText(f.object), cell])));
    }
    if (report.ignored.length > 0) {
        out.push(`${plural(report.ignored.length, 'finding')} ${report.ignored.length === 1 ? 'was' : 'were'} ignored by the expected schema's rules:`);
        out.push(table(['Finding', 'Rule', 'Reason'], report.ignored.map((i) => [code(i.findingId), code(i.pattern), escapeMarkdown(i.reason)])));
    }
    return out;
}
/** `### Advice`: the advice not about indexes; nothing when there is none. */
export function adviceSection(a) {
    if (a.otherAdvice.length === 0)
        return [];
    return [
        '### Advice',
        `The DBA checks have ${plural(a.otherAdvice.length, 'piece')} of advice; it is not drift (the expected schema does not ask for it):`,
        table(['Severity', 'Object', 'Finding'], a.otherAdvice.map((f) => [escapeMarkdown(f.severity), findingObjectText(f.object), `${code(f.kind)}: ${escapeMarkdown(f.message)}`])),
    ];
}
//# sourceMappingURL=other-drift.js.map