/** Functions in the words of the reports: the Other Drift cell of each function finding kind. */
import { oneLine } from '../../findings/words.js';
import { code, escapeMarkdown } from '../../render/markdown/syntax.js';
import { aspectText } from './compare.js';
const FUNCTION = { one: 'function', many: 'functions' };
/** `Procedure`, `Aggregate`, `Window function`, `Function`. */
function kindWord(r) {
    return r.kind === 'window' ? 'Window function' : `${r.kind[0].toUpperCase()}${r.kind.slice(1)}`;
}
/** `` returns `integer`, language `sql` ``. */
function signature(r) {
    const language = `language ${code(r.language)}`;
    return r.returns === null ? language : `returns ${code(oneLine(r.returns))}, ${language}`;
}
/** The words of each function finding kind. */
export const FUNCTION_WORDS = {
    missing_function: { subject: FUNCTION, otherDriftCell: (f) => `${kindWord(f.expected)} is missing; expected ${signature(f.expected)}` },
    unexpected_function: { subject: FUNCTION, otherDriftCell: (f) => `${kindWord(f.actual)} not in the expected schema; ${signature(f.actual)}` },
    function_definition_mismatch: {
        subject: FUNCTION,
        otherDriftCell: (f, aspects) => `${kindWord(f.actual)} differs: ${aspects.map((a) => (a === 'body' ? 'the body differs' : escapeMarkdown(aspectText(a, f.expected, f.actual)))).join('; ')}`,
    },
};
//# sourceMappingURL=words.js.map