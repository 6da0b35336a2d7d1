/** Compare the indexes of a table present on both sides. */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { describedBy, oneLine, qualified } from '../../findings/words.js';
import { indexAspects } from './shape.js';
function indexObject(t, index) {
    return { schema: t.schema, table: t.name, index };
}
/**
 * The indexes of tables `e` (expected) and `a` (actual). Indexes that
 * implement a constraint (primary key, unique, exclusion) are reported
 * through the constraint when the constraint itself is missing, unexpected
 * or different (`constraints`): one finding, and remediation that adds the
 * constraint does not also create its index.
 */
export function compareIndexes(e, a, constraints) {
    const out = { findings: [], present: [] };
    const diff = diffKeyed(e.indexes, a.indexes, (i) => i.name);
    for (const i of diff.missing) {
        if (i.constraint !== null && constraints.missing.has(i.constraint))
            continue;
        out.findings.push({
            kind: 'missing_index',
            object: indexObject(e, i.name),
            expected: { ...i, description: i.comment },
            actual: null,
            message: `index ${qualified(e.schema, e.name, i.name)} is missing (expected ${oneLine(i.definition)})`,
        });
    }
    for (const i of diff.unexpected) {
        if (i.constraint !== null && constraints.unexpected.has(i.constraint))
            continue;
        out.findings.push({
            kind: 'unexpected_index',
            object: indexObject(a, i.name),
            expected: null,
            actual: i,
            message: `index ${qualified(a.schema, a.name, i.name)} is not in the expected schema (${oneLine(i.definition)})`,
        });
    }
    for (const { expected, actual } of diff.common) {
        const fields = indexAspects(expected, actual);
        const folded = (expected.constraint !== null && constraints.mismatched.has(expected.constraint)) ||
            (actual.constraint !== null && constraints.mismatched.has(actual.constraint));
        if (fields.length > 0 && !folded) {
            out.findings.push({
                kind: 'index_mismatch',
                object: indexObject(e, expected.name),
                expected,
                actual,
                message: `index ${qualified(e.schema, e.name, expected.name)} differs in ${fields.join(', ')} ` +
                    `(expected ${oneLine(expected.definition)}, actual ${oneLine(actual.definition)})`,
            });
        }
        out.present.push({ kind: 'index', object: indexObject(e, expected.name), ...describedBy(expected.comment), identical: fields.length === 0 });
    }
    return out;
}
//# sourceMappingURL=compare.js.map