/** Extensions in the words of the reports: the Other Drift cell of each extension finding kind. */
import { code } from '../../render/markdown/syntax.js';
const EXTENSION = { one: 'extension', many: 'extensions' };
/** `` version `1.4` ``, or `any version`. */
function versionWords(version) {
    return version === null ? 'any version' : `version ${code(version)}`;
}
/** The words of each extension finding kind. */
export const EXTENSION_WORDS = {
    missing_extension: {
        subject: EXTENSION,
        otherDriftCell: (f) => `Extension is missing; expected in schema ${code(f.expected.schema)}, ${versionWords(f.expected.version)}`,
    },
    unexpected_extension: {
        subject: EXTENSION,
        otherDriftCell: (f) => `Extension not in the expected schema; ${versionWords(f.actual.version)}, in schema ${code(f.actual.schema)}`,
    },
    extension_mismatch: {
        subject: EXTENSION,
        otherDriftCell: (f, aspects) => [
            ...(aspects.includes('version') ? [`Version ${code(f.actual.version ?? '')}; expected ${code(f.expected.version ?? '')}`] : []),
            ...(aspects.includes('schema') ? [`In schema ${code(f.actual.schema)}; expected ${code(f.expected.schema)}`] : []),
        ].join('. '),
    },
};
//# sourceMappingURL=words.js.map