/** Tables in the words of the reports: the Other Drift cell of each table finding kind. */
import { code, escapeMarkdown, plural } from '../../render/markdown/syntax.js';
const TABLE = { one: 'table', many: 'tables' };
/** The words of each table finding kind. */
export const TABLE_WORDS = {
    // Listed under Missing Tables.
    missing_table: { subject: TABLE, otherDriftCell: () => null },
    unexpected_table: { subject: TABLE, otherDriftCell: (f) => `Table not in the expected schema (${plural(f.actual.columns.length, 'column')})` },
    // Known limitation: said as the kind and the engine's message (what the
    // report has always printed for it), not yet as the other cells are.
    table_mismatch: { subject: TABLE, otherDriftCell: (f) => `${code(f.kind)}: ${escapeMarkdown(f.message)}` },
};
//# sourceMappingURL=words.js.map