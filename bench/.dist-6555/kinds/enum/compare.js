/** Compare enum types: presence, then labels (missing, unexpected, order). */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { describedBy, labelList, qualified } from '../../findings/words.js';
import { objectKey, quoteLiteral } from '../../model/identifiers.js';
function enumObject(e) {
    return { schema: e.schema, enum: e.name };
}
/**
 * Labels of an enum present on both sides: one finding per missing label,
 * one per unexpected label, and one for the enum when the labels both sides
 * have are in a different relative order (so a missing label alone never
 * counts as reordering).
 */
export function compareEnumValues(e, a) {
    const name = qualified(e.schema, e.name);
    const expectedSet = new Set(e.values);
    const actualSet = new Set(a.values);
    const out = [];
    for (const value of e.values) {
        if (actualSet.has(value))
            continue;
        out.push({
            kind: 'enum_value_missing',
            object: { ...enumObject(e), value },
            expected: value,
            actual: null,
            message: `enum ${name} is missing value ${quoteLiteral(value)}`,
        });
    }
    for (const value of a.values) {
        if (expectedSet.has(value))
            continue;
        out.push({
            kind: 'enum_value_unexpected',
            object: { ...enumObject(e), value },
            expected: null,
            actual: value,
            message: `enum ${name} has value ${quoteLiteral(value)}, which is not in the expected schema`,
        });
    }
    const commonExpected = e.values.filter((v) => actualSet.has(v));
    const commonActual = a.values.filter((v) => expectedSet.has(v));
    if (commonExpected.some((v, i) => commonActual[i] !== v)) {
        out.push({
            kind: 'enum_value_order_mismatch',
            object: enumObject(e),
            expected: [...e.values],
            actual: [...a.values],
            message: `enum ${name} has its values in another order: ${labelList(a.values)}, expected ${labelList(e.values)}`,
        });
    }
    return out;
}
/** Match enums by (schema, name) and compare the labels of those on both sides. */
export function compareEnums(expected, actual) {
    const out = { findings: [], present: [] };
    const diff = diffKeyed(expected, actual, (e) => objectKey(e.schema, e.name));
    for (const e of diff.missing) {
        out.findings.push({
            kind: 'missing_enum',
            object: enumObject(e),
            expected: { ...e, description: e.comment },
            actual: null,
            message: `enum ${qualified(e.schema, e.name)} is missing (expected values ${labelList(e.values)})`,
        });
    }
    for (const a of diff.unexpected) {
        out.findings.push({
            kind: 'unexpected_enum',
            object: enumObject(a),
            expected: null,
            actual: a,
            message: `enum ${qualified(a.schema, a.name)} is not in the expected schema (values ${labelList(a.values)})`,
        });
    }
    for (const pair of diff.common) {
        const findings = compareEnumValues(pair.expected, pair.actual);
        out.findings.push(...findings);
        out.present.push({
            kind: 'enum',
            object: enumObject(pair.expected),
            ...describedBy(pair.expected.comment),
            identical: findings.length === 0,
        });
    }
    return out;
}
//# sourceMappingURL=compare.js.map