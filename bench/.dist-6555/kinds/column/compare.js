/** Compare the columns of a table present on both sides (its container, the table, matches tables). */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { describedBy, qualified } from '../../findings/words.js';
import { constraintText } from '../constraint/compare.js';
import { columnText, defaultText, generatedText, identityText, insertsMustSupply, nullabilityText, typeText } from './describe.js';
function columnObject(t, column) {
    return { schema: t.schema, table: t.name, column };
}
/** One finding per differing aspect of a column present on both sides. */
export function compareColumn(t, e, a) {
    const object = columnObject(t, e.name);
    const name = qualified(t.schema, t.name, e.name);
    const out = [];
    if (e.type !== a.type || e.collation !== a.collation) {
        out.push({
            kind: 'column_type_mismatch',
            object,
            expected: { type: e.type, collation: e.collation },
            actual: { type: a.type, collation: a.collation },
            message: `column ${name} has type ${typeText(a.type, a.collation)}, expected ${typeText(e.type, e.collation)}`,
        });
    }
    if (e.nullable !== a.nullable) {
        out.push({
            kind: 'column_nullability_mismatch',
            object,
            expected: { nullable: e.nullable },
            actual: { nullable: a.nullable },
            message: `column ${name} is ${nullabilityText(a.nullable)}, expected ${nullabilityText(e.nullable)}`,
        });
    }
    if (e.identity !== a.identity) {
        // A serial column shows here as "no identity" with a nextval() default:
        // say so, and do not report the default separately.
        const actualDefault = a.identity === null && a.default !== null ? ` (${defaultText(a.default)})` : '';
        out.push({
            kind: 'column_identity_mismatch',
            object,
            expected: { identity: e.identity, default: e.default },
            actual: { identity: a.identity, default: a.default },
            message: `column ${name} has ${identityText(a.identity)}${actualDefault}, expected ${identityText(e.identity)}`,
        });
    }
    const sameGenerated = e.generated === a.generated ||
        (e.generated !== null &&
            a.generated !== null &&
            e.generated.expression === a.generated.expression &&
            e.generated.kind === a.generated.kind);
    if (!sameGenerated) {
        out.push({
            kind: 'column_generated_mismatch',
            object,
            expected: { generated: e.generated },
            actual: { generated: a.generated },
            message: `column ${name} is ${generatedText(a.generated)}, expected ${generatedText(e.generated)}`,
        });
    }
    // Identity and generated columns have no default of their own; when either
    // side is one, the finding above (or equality) covers the value.
    const plain = e.identity === null && a.identity === null && e.generated === null && a.generated === null;
    if (plain && e.default !== a.default) {
        out.push({
            kind: 'column_default_mismatch',
            object,
            expected: { default: e.default },
            actual: { default: a.default },
            message: `column ${name} has ${defaultText(a.default)}, expected ${defaultText(e.default)}`,
        });
    }
    return out;
}
/**
 * The columns of tables `e` (expected) and `a` (actual): missing ones (each
 * carrying the expected constraints `carried` gives it), unexpected ones,
 * and the aspects of those on both sides. Returns the comparison and the
 * names of the missing columns.
 */
export function compareColumns(e, a, carried) {
    const out = { findings: [], present: [] };
    const diff = diffKeyed(e.columns, a.columns, (c) => c.name);
    const missing = new Set(diff.missing.map((c) => c.name));
    const owned = carried(missing);
    for (const c of diff.missing) {
        const constraints = owned.get(c.name) ?? [];
        const withText = constraints.length ? `; with ${constraints.map((k) => `${k.name} ${constraintText(k)}`).join('; ')}` : '';
        out.findings.push({
            kind: 'missing_column',
            object: columnObject(e, c.name),
            expected: { ...c, description: c.comment, constraints: constraints.map((k) => ({ ...k, description: k.comment })) },
            actual: null,
            message: `column ${qualified(e.schema, e.name, c.name)} is missing (expected ${columnText(c)}${withText})`,
        });
    }
    for (const c of diff.unexpected) {
        const consequence = insertsMustSupply(c) ? ': INSERTs that omit it will fail' : '';
        out.findings.push({
            kind: 'unexpected_column',
            object: columnObject(a, c.name),
            expected: null,
            actual: c,
            message: `column ${qualified(a.schema, a.name, c.name)} is not in the expected schema (${columnText(c)}${consequence})`,
        });
    }
    for (const { expected, actual } of diff.common) {
        const findings = compareColumn(e, expected, actual);
        out.findings.push(...findings);
        out.present.push({
            kind: 'column',
            object: columnObject(e, expected.name),
            ...describedBy(expected.comment),
            identical: findings.length === 0,
        });
    }
    return { comparison: out, missing };
}
//# sourceMappingURL=compare.js.map