/** Enum types in the words of the reports: the Other Drift cell of each enum finding kind. */
import { code, escapeMarkdown } from '../../render/markdown/syntax.js';
const ENUM = { one: 'enum', many: 'enums' };
const ENUM_VALUE = { one: 'enum value', many: 'enum values' };
/** `draft, active, paused`, escaped, or `(none)`. */
function valuesText(values) {
    return values.length === 0 ? '(none)' : values.map((v) => escapeMarkdown(v)).join(', ');
}
/** The words of each enum finding kind. */
export const ENUM_WORDS = {
    missing_enum: { subject: ENUM, otherDriftCell: (f) => `Enum is missing; expected values: ${valuesText(f.expected.values)}` },
    unexpected_enum: { subject: ENUM, otherDriftCell: (f) => `Enum not in the expected schema; values: ${valuesText(f.actual.values)}` },
    enum_value_missing: { subject: ENUM_VALUE, otherDriftCell: (f) => `Value ${code(f.expected)} is missing` },
    enum_value_unexpected: { subject: ENUM_VALUE, otherDriftCell: (f) => `Value ${code(f.actual)} is not in the expected schema` },
    enum_value_order_mismatch: {
        subject: ENUM,
        otherDriftCell: (f) => `Values are in the order ${valuesText(f.actual)}; expected ${valuesText(f.expected)}`,
    },
};
//# sourceMappingURL=words.js.map