/** Views and materialized views in the words of the reports: the Other Drift cell of each view finding kind. */
import { code, escapeMarkdown, listJoin, plural } from '../../render/markdown/syntax.js';
const VIEW = { one: 'view', many: 'views' };
/** `View`, `Materialized view`. */
function title(kind) {
    return kind === 'materialized_view' ? 'Materialized view' : 'View';
}
/** `security_barrier=true, check_option=local`, or `(none)`, as code. */
function optionsText(options) {
    return options.length === 0 ? '(none)' : options.map((o) => code(o)).join(', ');
}
function columnsText(s) {
    return s.columns.length === 0 ? '(none)' : s.columns.map((c) => `${escapeMarkdown(c.name)} ${escapeMarkdown(c.type)}`).join(', ');
}
function indexNames(indexes) {
    return indexes.length === 0 ? '(none)' : indexes.map((i) => code(i.name)).join(', ');
}
/** What one aspect of a view is in the database, and was expected to be. */
function aspectText(aspect, e, a) {
    switch (aspect) {
        case 'kind':
            return `is a ${a.kind === 'materialized_view' ? 'materialized view' : 'view'}, expected a ${e.kind === 'materialized_view' ? 'materialized view' : 'view'}`;
        case 'columns':
            return `columns ${columnsText(a)}; expected ${columnsText(e)}`;
        case 'options':
            return `options ${optionsText(a.options)}; expected ${optionsText(e.options)}`;
        case 'populated':
            return a.populated ? 'populated; expected WITH NO DATA' : 'not populated (never refreshed); expected populated';
        case 'indexes': {
            const changed = e.indexes.filter((i) => a.indexes.some((x) => x.name === i.name && x.definition !== i.definition));
            const missing = e.indexes.filter((i) => !a.indexes.some((x) => x.name === i.name));
            const extra = a.indexes.filter((i) => !e.indexes.some((x) => x.name === i.name));
            const parts = [
                ...(missing.length ? [`missing ${indexNames(missing)}`] : []),
                ...(extra.length ? [`unexpected ${indexNames(extra)}`] : []),
                ...(changed.length ? [`different ${indexNames(changed)}`] : []),
            ];
            return `indexes: ${listJoin(parts)}`;
        }
        default:
            return escapeMarkdown(aspect);
    }
}
/** The words of each view finding kind. */
export const VIEW_WORDS = {
    missing_view: {
        subject: VIEW,
        otherDriftCell: (f) => `${title(f.expected.kind)} is missing (${plural(f.expected.columns.length, 'column')}): ${code(f.expected.definition)}`,
    },
    unexpected_view: {
        subject: VIEW,
        otherDriftCell: (f) => `${title(f.actual.kind)} not in the expected schema (${plural(f.actual.columns.length, 'column')})`,
    },
    view_definition_mismatch: {
        subject: VIEW,
        otherDriftCell: (f) => `${title(f.actual.kind)} query is ${code(f.actual.definition)}; expected ${code(f.expected.definition)}`,
    },
    view_mismatch: {
        subject: VIEW,
        otherDriftCell: (f, aspects) => `${title(f.expected.kind)} differs: ${aspects.map((k) => aspectText(k, f.expected, f.actual)).join('; ')}`,
    },
};
//# sourceMappingURL=words.js.map