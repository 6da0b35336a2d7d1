/** Compare the constraints of a table present on both sides. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { describedBy, oneLine, qualified } from '../../findings/words.js';
import { constraintAspects } from './shape.js';
/** A constraint in a message: its definition on one line. */
export function constraintText(c) {
    return oneLine(c.definition);
}
function constraintObject(t, constraint) {
    return { schema: t.schema, table: t.name, constraint };
}
/**
 * The constraints of tables `e` (expected) and `a` (actual). A missing
 * constraint over a missing column is reported with the column
 * (`missingColumns`), not on its own.
 */
export function compareConstraints(e, a, missingColumns) {
    const out = { findings: [], present: [] };
    const diff = diffKeyed(e.constraints, a.constraints, (c) => c.name);
    const mismatched = new Set();
    for (const c of diff.missing) {
        // Reported with its missing column (compareColumns).
        if (c.columns.some((name) => missingColumns.has(name)))
            continue;
        out.findings.push({
            kind: 'missing_constraint',
            object: constraintObject(e, c.name),
            expected: { ...c, description: c.comment },
            actual: null,
            message: `constraint ${qualified(e.schema, e.name, c.name)} is missing (expected ${constraintText(c)})`,
        });
    }
    for (const c of diff.unexpected) {
        out.findings.push({
            kind: 'unexpected_constraint',
            object: constraintObject(a, c.name),
            expected: null,
            actual: c,
            message: `constraint ${qualified(a.schema, a.name, c.name)} is not in the expected schema (${constraintText(c)})`,
        });
    }
    for (const { expected, actual } of diff.common) {
        const fields = constraintAspects(expected, actual);
        if (fields.length > 0) {
            mismatched.add(expected.name);
            out.findings.push({
                kind: 'constraint_mismatch',
                object: constraintObject(e, expected.name),
                expected,
                actual,
                message: `constraint ${qualified(e.schema, e.name, expected.name)} differs in ${fields.join(', ')} ` +
                    `(expected ${constraintText(expected)}, actual ${constraintText(actual)})`,
            });
        }
        out.present.push({ kind: 'constraint', object: constraintObject(e, expected.name), ...describedBy(expected.comment), identical: fields.length === 0 });
    }
    return {
        comparison: out,
        outcome: {
            missing: new Set(diff.missing.map((c) => c.name)),
            unexpected: new Set(diff.unexpected.map((c) => c.name)),
            mismatched,
        },
    };
}
//# sourceMappingURL=compare.js.map