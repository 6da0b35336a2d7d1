/**
 * Extensions: presence, the schema their objects are in, and version
 * (compare.ts); the objects an extension owns are never drift (every
 * kind's catalog leaves them out).
 */
import { quoteIdent } from '../../model/identifiers.js';
import { extensionObjects } from './ddl.js';
import { EXTENSION_SPEC } from './spec.js';
import { EXTENSION_CATALOG } from './catalog.js';
import { compareExtensions, extensionObject } from './compare.js';
import { EXTENSION_FINDINGS } from './findings.js';
import { EXTENSION_PLAN } from './plan.js';
import { EXTENSION_WORDS } from './words.js';
export const extensionKind = {
    name: 'extension',
    noun: { one: 'extension', many: 'extensions' },
    placement: { section: 'extensions' },
    objectField: 'extension',
    findings: EXTENSION_FINDINGS,
    compare: (expected, actual, inScope) => compareExtensions(expected.extensions, actual.extensions, inScope),
    listsMissingApart: false,
    ddl: { objects: extensionObjects },
    plan: EXTENSION_PLAN,
    words: EXTENSION_WORDS,
    spec: EXTENSION_SPEC,
    catalog: EXTENSION_CATALOG,
    comments: (model) => model.extensions.map((e) => ({
        key: `extension:${e.name}`,
        kind: 'extension',
        object: extensionObject(e),
        target: `EXTENSION ${quoteIdent(e.name)}`,
        comment: e.comment ?? null,
    })),
};
//# sourceMappingURL=index.js.map