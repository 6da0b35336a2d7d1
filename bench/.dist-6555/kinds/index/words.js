/**
 * Indexes in the words of the reports: an index's keys (the Index
 * Optimization Opportunities section lists them), and the Other Drift cell
 * of each index finding kind.
 */
import { quoteIdent } from '../../model/identifiers.js';
import { code, differsIn } from '../../render/markdown/syntax.js';
const INDEX = { one: 'index', many: 'indexes' };
/**
 * One key of an index as SQL writes it in `CREATE INDEX`: `"client_id"`,
 * `lower(email)`, `created_at DESC`, `name COLLATE "C" text_pattern_ops`
 * (the default order and nulls placement left out).
 */
export function indexKeyText(k) {
    let text = k.column !== null ? quoteIdent(k.column) : (k.expression ?? '?');
    if (k.collation !== null)
        text += ` COLLATE ${k.collation}`;
    if (k.opclass !== null)
        text += ` ${k.opclass}`;
    if (k.order === 'desc')
        text += ' DESC';
    if (k.nulls !== (k.order === 'desc' ? 'first' : 'last'))
        text += ` NULLS ${k.nulls.toUpperCase()}`;
    return text;
}
/** The columns among an index's keys (expression keys left out). */
export function keyColumns(keys) {
    return keys.flatMap((k) => (k.column === null ? [] : [k.column]));
}
/** The words of each index finding kind. */
export const INDEX_WORDS = {
    // Listed under Index Optimization Opportunities.
    missing_index: { subject: INDEX, otherDriftCell: () => null },
    unexpected_index: { subject: INDEX, otherDriftCell: (f) => `Index not in the expected schema: ${code(f.actual.definition)}` },
    index_mismatch: {
        subject: INDEX,
        otherDriftCell: (f, aspects) => `Index differs${differsIn(aspects)}: is ${code(f.actual.definition)}; expected ${code(f.expected.definition)}`,
    },
};
//# sourceMappingURL=words.js.map