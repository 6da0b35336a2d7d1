/** Sequences in the words of the reports: the Other Drift cell of each sequence finding kind. */
import { code, escapeMarkdown } from '../../render/markdown/syntax.js';
import { sequenceDifferences } from './compare.js';
const SEQUENCE = { one: 'sequence', many: 'sequences' };
/** `integer, increment 1, min 1, max 2147483647, start 1, cache 1, owned by orders.id`, escaped. */
function sequenceText(s) {
    const parts = [s.dataType, `increment ${s.increment}`, `min ${s.min}`, `max ${s.max}`, `start ${s.start}`, `cache ${s.cache}`];
    if (s.cycle)
        parts.push('cycle');
    const owner = s.ownedBy === null ? '' : `; owned by ${code(`${s.ownedBy.table}.${s.ownedBy.column}`)}`;
    return `${escapeMarkdown(parts.join(', '))}${owner}`;
}
/** The words of each sequence finding kind. */
export const SEQUENCE_WORDS = {
    missing_sequence: { subject: SEQUENCE, otherDriftCell: (f) => `Sequence is missing; expected ${sequenceText(f.expected)}` },
    unexpected_sequence: { subject: SEQUENCE, otherDriftCell: (f) => `Sequence not in the expected schema; ${sequenceText(f.actual)}` },
    sequence_mismatch: {
        subject: SEQUENCE,
        otherDriftCell: (f) => `Sequence has ${escapeMarkdown(sequenceDifferences(f.expected, f.actual))}`,
    },
};
//# sourceMappingURL=words.js.map