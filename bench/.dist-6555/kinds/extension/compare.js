/**
 * Compare extensions: presence, then schema and version. Extensions are
 * database-wide; one is compared when the schema its objects are in (on
 * either side) is audited. The objects an extension owns are never drift:
 * every kind's catalog leaves them out (notExtensionMember).
 */
import { diffKeyed } from '../../diff/diff-keyed.js';
import { quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { extensionAspects } from './findings.js';
export function extensionObject(e) {
    return { schema: e.schema, extension: e.name };
}
/** `version '1.4'`, or `any version`. */
function versionText(version) {
    return version === null ? 'any version' : `version ${quoteLiteral(version)}`;
}
export function compareExtensions(expected, actual, inScope) {
    const out = { findings: [], present: [] };
    const diff = diffKeyed(expected, actual, (e) => e.name);
    for (const e of diff.missing) {
        if (!inScope(e.schema))
            continue;
        out.findings.push({
            kind: 'missing_extension',
            object: extensionObject(e),
            expected: e,
            actual: null,
            message: `extension ${quoteIdent(e.name)} is missing (expected in schema ${quoteIdent(e.schema)}, ${versionText(e.version)})`,
        });
    }
    for (const a of diff.unexpected) {
        if (!inScope(a.schema))
            continue;
        out.findings.push({
            kind: 'unexpected_extension',
            object: extensionObject(a),
            expected: null,
            actual: a,
            message: `extension ${quoteIdent(a.name)} is not in the expected schema (${versionText(a.version)}, in schema ${quoteIdent(a.schema)})`,
        });
    }
    for (const { expected: e, actual: a } of diff.common) {
        if (!inScope(e.schema) && !inScope(a.schema))
            continue;
        const expectedPlace = { schema: e.schema, version: e.version };
        const actualPlace = { schema: a.schema, version: a.version };
        const aspects = extensionAspects(expectedPlace, actualPlace);
        out.present.push({ kind: 'extension', object: extensionObject(e), identical: aspects.length === 0 });
        if (aspects.length === 0)
            continue;
        const parts = [
            ...(aspects.includes('version') ? [`${versionText(a.version)}, expected ${versionText(e.version)}`] : []),
            ...(aspects.includes('schema') ? [`in schema ${quoteIdent(a.schema)}, expected ${quoteIdent(e.schema)}`] : []),
        ];
        out.findings.push({
            kind: 'extension_mismatch',
            object: extensionObject(e),
            expected: expectedPlace,
            actual: actualPlace,
            message: `extension ${quoteIdent(e.name)} differs: ${parts.join('; ')}`,
        });
    }
    return out;
}
//# sourceMappingURL=compare.js.map