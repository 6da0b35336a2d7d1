import { enumComments, enumObjects } from './ddl.js';
import { ENUM_CATALOG } from './catalog.js';
import { compareEnums } from './compare.js';
import { ENUM_FINDINGS } from './findings.js';
import { ENUM_PLAN } from './plan.js';
import { ENUM_WORDS } from './words.js';
import { ENUM_SPEC } from './spec.js';
import { enumCommentedObjects } from './comments.js';
export const enumKind = {
    name: 'enum',
    noun: { one: 'enum', many: 'enums' },
    placement: { section: 'enums' },
    objectField: 'enum',
    findings: ENUM_FINDINGS,
    compare: (expected, actual, inScope) => compareEnums(expected.enums.filter((e) => inScope(e.schema)), actual.enums.filter((e) => inScope(e.schema))),
    listsMissingApart: false,
    ddl: { objects: enumObjects, comments: enumComments },
    plan: ENUM_PLAN,
    words: ENUM_WORDS,
    spec: ENUM_SPEC,
    catalog: ENUM_CATALOG,
    comments: enumCommentedObjects,
};
//# sourceMappingURL=index.js.map